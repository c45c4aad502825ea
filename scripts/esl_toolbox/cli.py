"""The `esl-toolbox` command. Like `mkdocs`, it works on the project in the current folder."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

# Modules that add their own subcommands through `add_commands(subparsers)`.
# Each keeps its heavy imports inside its command functions so `validate` stays quick to start.
COMMAND_PROVIDERS: tuple[str, ...] = ("pdf", "site", "contributing")


def _root() -> Path:
    return Path.cwd()


def cmd_validate(args: argparse.Namespace) -> int:
    from .report import WRITERS
    from .validate import PRACTICES_DIR, validate_paths
    from .validation_cache import open_cache

    root = _root()
    paths = [Path(p) for p in args.paths] or [root / PRACTICES_DIR]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"esl-toolbox validate: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    cache = None if args.no_cache else open_cache(root)
    report = validate_paths(paths, root, cache=cache, keep_records=False)
    if cache is not None:
        cache.save()
    WRITERS[args.format](report, sys.stdout)
    return EXIT_PROBLEMS if report.errors else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import stale_schemas, write_schemas
    from .validate import shown_path

    root = _root()
    if args.check:
        stale = stale_schemas(root)
        for path in stale:
            print(f"{shown_path(path)}: out of date; run esl-toolbox schema and commit the result")
        return EXIT_PROBLEMS if stale else EXIT_OK
    for path in write_schemas(root):
        print(f"wrote {shown_path(path)}")
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldProblem, create_record
    from .validate import shown_path

    try:
        path = create_record(_root(), args.title, args.id)
    except ScaffoldProblem as exc:
        print(f"esl-toolbox new: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"wrote {shown_path(path)}: fill it in, then run esl-toolbox validate {shown_path(path)}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="esl-toolbox", description="The ESL Good Practice Toolbox.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check practice records and report every problem")
    validate.add_argument("paths", nargs="*", metavar="PATH", help="record files or folders (default: practices/)")
    validate.add_argument("--format", choices=("text", "github", "json"), default="text", help="output format")
    validate.add_argument(
        "--no-cache", action="store_true", help="check every file again, ignoring build/cache/ (a cold run)"
    )
    validate.set_defaults(run=cmd_validate)

    schema = commands.add_parser("schema", help="write schema/*.schema.json from the model")
    schema.add_argument("--check", action="store_true", help="only check that the committed schema is current")
    schema.set_defaults(run=cmd_schema)

    new = commands.add_parser("new", help="write a template record for a new practice")
    new.add_argument("title", help="title of the practice")
    new.add_argument("--id", help="id (file name) to use instead of one made from the title")
    new.set_defaults(run=cmd_new)

    for provider in COMMAND_PROVIDERS:
        importlib.import_module(f"{__package__}.{provider}").add_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; say nothing more and leave quietly.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - must outlive this function for interpreter exit
        return EXIT_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
