"""Commands on the records themselves: `validate`, `schema` and `new`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..model.records import SCHEMA_VERSION
from ..problems import ERROR, Problem
from ..project import PRACTICES_DIR
from .exits import EXIT_OK, EXIT_PROBLEMS, CommandFailed, usage
from .reporting import FORMATS, count, write_validation


def cmd_validate(args: argparse.Namespace) -> int:
    from ..validation import open_cache, validate_paths

    root = Path.cwd()
    paths = [Path(p) for p in args.paths] or [root / PRACTICES_DIR]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise usage(f"no such file or folder: {', '.join(missing)}")
    cache = None if args.no_cache else open_cache(root)
    report = validate_paths(paths, root, cache=cache, keep_records=False)
    if cache is not None:
        cache.save()
    write_validation(report, sys.stdout, args.format)
    return EXIT_PROBLEMS if report.errors else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from ..schema import stale_schemas, write_schemas
    from ..validation import shown_path

    root = Path.cwd()
    if args.check:
        stale = stale_schemas(root)
        for path in stale:
            print(f"{shown_path(path)}: out of date; run esl-toolbox schema and commit the result")
        return EXIT_PROBLEMS if stale else EXIT_OK
    for path in write_schemas(root):
        print(f"wrote {shown_path(path)}")
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from ..scaffold import ScaffoldProblem, create_record
    from ..validation import shown_path

    try:
        path = create_record(Path.cwd(), args.title, args.id)
    except ScaffoldProblem as exc:
        raise CommandFailed(str(exc)) from None
    print(f"wrote {shown_path(path)}: fill it in, then run esl-toolbox validate {shown_path(path)}")
    return EXIT_OK


def cmd_migrate(args: argparse.Namespace) -> int:
    from ..migrate import MigrationProblem, migrate_file
    from ..validation import record_files, shown_path
    from ..writing import write_atomic

    root = Path.cwd()
    paths = [Path(p) for p in args.paths] or [root / PRACTICES_DIR]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise usage(f"no such file or folder: {', '.join(missing)}")
    changed, problems = [], []
    for path in record_files(paths):
        shown = shown_path(path)
        try:
            migration = migrate_file(path, shown)
        except MigrationProblem as exc:
            problems.append(exc.problem)
            continue
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(shown, 1, 1, ERROR, "", f"cannot read the file: {exc}"))
            continue
        if migration.changed:
            changed.append(shown)
            if args.write:
                write_atomic(path, migration.after)
                print(f"migrated {shown}")
            else:
                sys.stdout.write(migration.diff(shown))
    for problem in problems:
        print(problem, file=sys.stderr)
    records = count(len(changed), "record")
    if args.write:
        print(f"{records} migrated to version {SCHEMA_VERSION}; check them with esl-toolbox validate")
    else:
        print(f"{records} to migrate to version {SCHEMA_VERSION}; nothing was written (dry run). Add --write to apply.")
    return EXIT_PROBLEMS if problems else EXIT_OK


def add_commands(commands: argparse._SubParsersAction) -> None:
    validate = commands.add_parser("validate", help="check practice records and report every problem")
    validate.add_argument("paths", nargs="*", metavar="PATH", help="record files or folders (default: practices/)")
    validate.add_argument("--format", choices=FORMATS, default="text", help="output format")
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

    migrate = commands.add_parser(
        "migrate", help="upgrade records to the current version of the format (a dry run unless --write)"
    )
    migrate.add_argument("paths", nargs="*", metavar="PATH", help="record files or folders (default: practices/)")
    migrate.add_argument("--write", action="store_true", help="write the upgraded records (each file atomically)")
    migrate.set_defaults(run=cmd_migrate)
