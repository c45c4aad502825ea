"""The `esl-toolbox` command. Like `mkdocs`, it works on the project in the current folder.

Each module here adds its subcommands and imports the heavy parts of the toolbox only when one
runs, so that `esl-toolbox validate` starts quickly. Every exit code is decided in `main`: a
command returns one, or raises CommandFailed, or lets InvalidRecords through, reported here the
same way for every command.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from .exits import EXIT_INTERRUPTED, EXIT_PROBLEMS, CommandFailed

COMMAND_MODULES = ("records", "translations", "site", "pdf", "contributing")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="esl-toolbox", description="The ESL Good Practice Toolbox.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__package__}.{name}").add_commands(commands)
    return parser


def _say(command: str, message: str) -> None:
    print(f"esl-toolbox {command}: {message}", file=sys.stderr)


def _report_invalid(command: str, exc: Exception, unchanged: str) -> int:
    from .reporting import write_validation

    write_validation(exc.report, sys.stderr)  # type: ignore[attr-defined]
    _say(command, f"the records have errors; {unchanged}")
    return EXIT_PROBLEMS


def main(argv: list[str] | None = None) -> int:
    from ..validation.results import InvalidRecords

    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except CommandFailed as exc:
        _say(args.command, exc.message)
        return exc.code
    except InvalidRecords as exc:
        return _report_invalid(args.command, exc, getattr(args, "unchanged", "nothing was written"))
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; say nothing more and leave quietly.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - must outlive this function for interpreter exit
        return EXIT_PROBLEMS
