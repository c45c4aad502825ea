"""Every exit code of `esl-toolbox`, and the one exception a command raises to end with one."""

from __future__ import annotations

EXIT_OK = 0
EXIT_PROBLEMS = 1  # the records, links or pages have problems; or the command could not do its work
EXIT_USAGE = 2  # the command was called wrongly (argparse uses 2 as well)
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report it


class CommandFailed(Exception):
    """End the command with a one-line message on standard error and an exit code."""

    def __init__(self, message: str, code: int = EXIT_PROBLEMS):
        super().__init__(message)
        self.message = message
        self.code = code


def usage(message: str) -> CommandFailed:
    """The command was called wrongly: exit 2 with the message."""
    return CommandFailed(message, EXIT_USAGE)
