"""The `esl-toolbox pdf` command: every PDF, one factsheet, or a briefing pack of a selection."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

DESCRIPTION = """\
Write PDF factsheets and briefing packs from the practice records.

  esl-toolbox pdf --all --out-dir site/pdf           every factsheet (<id>.pdf) and the pack (toolbox.pdf)
  esl-toolbox pdf -o pack.pdf                        the briefing pack of every practice
  esl-toolbox pdf --type prevention --isced 1 --country PT -o brief.pdf
                                                     a pack of the matching practices
  esl-toolbox pdf --practice jet-cd -o jet-cd.pdf    one practice's factsheet

Filters can be repeated or comma-separated: a practice matches if it has any of the values given
for a filter (OR) and matches every filter used (AND)."""


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    pdf = subparsers.add_parser(
        "pdf",
        help="write PDF factsheets and briefing packs",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    pdf.add_argument("--all", action="store_true", help="write every factsheet and the full pack into --out-dir")
    pdf.add_argument("--out-dir", type=Path, metavar="DIR", help="folder for --all")
    pdf.add_argument("--practice", metavar="ID", help="write the factsheet of this practice to -o FILE")
    pdf.add_argument("--type", action="append", metavar="TYPE", help="prevention, intervention or compensation")
    pdf.add_argument("--isced", action="append", metavar="LEVEL", help="ISCED 2011 level, 0-8")
    pdf.add_argument("--country", action="append", metavar="CODE", help="ISO 3166-1 country code, e.g. PT")
    pdf.add_argument("--group", action="append", metavar="GROUP", help="target group, e.g. migrant-background")
    pdf.add_argument("-o", "--output", type=Path, metavar="FILE", help="the PDF file to write")
    pdf.set_defaults(run=cmd_pdf)


def _usage_problem(args: argparse.Namespace) -> str | None:
    filtered = any((args.type, args.isced, args.country, args.group))
    if args.all:
        if args.out_dir is None:
            return "--all needs --out-dir DIR"
        if filtered or args.practice or args.output:
            return "--all writes everything into --out-dir; leave out the filters, --practice and -o"
        return None
    if args.out_dir is not None:
        return "--out-dir goes with --all; for one file use -o FILE"
    if args.output is None:
        return "say where to write: -o FILE (or --all --out-dir DIR for every PDF)"
    if args.practice and filtered:
        return "--practice writes one factsheet; leave out the filters"
    return None


def _fail(message: str, code: int) -> int:
    print(f"esl-toolbox pdf: {message}", file=sys.stderr)
    return code


def cmd_pdf(args: argparse.Namespace) -> int:
    from ..catalogue import InvalidRecords, load_catalogue
    from ..settings import load_settings
    from ..validate import shown_path
    from .build import NoMatchingPractice, build_pdfs, write_factsheet, write_pack
    from .edition import EditionProblem
    from .select import SelectionProblem, parse_selection

    problem = _usage_problem(args)
    if problem:
        return _fail(problem, EXIT_USAGE)
    try:
        selection = parse_selection([args.type, args.isced, args.country, args.group])
    except SelectionProblem as exc:
        return _fail(str(exc), EXIT_USAGE)

    root = Path.cwd()
    try:
        catalogue = load_catalogue(root)
    except InvalidRecords as exc:
        for error in exc.report.errors:
            print(str(error), file=sys.stderr)
        return _fail(f"{exc}; no PDF was written", EXIT_PROBLEMS)
    settings = load_settings(root)

    try:
        if args.all:
            written = build_pdfs(catalogue, args.out_dir, settings)
        elif args.practice:
            written = [write_factsheet(catalogue, args.practice, settings, args.output)]
        else:
            written = [write_pack(catalogue, selection, settings, args.output)]
    except NoMatchingPractice as exc:
        return _fail(str(exc), EXIT_PROBLEMS)
    except KeyError as exc:
        return _fail(f"no practice has the id {exc.args[0]!r} (see practices/*.yml)", EXIT_PROBLEMS)
    except EditionProblem as exc:
        return _fail(str(exc), EXIT_USAGE)
    if args.all:
        print(f"wrote {len(written) - 1} factsheets and {shown_path(written[-1])} into {shown_path(args.out_dir)}")
    else:
        print(f"wrote {shown_path(written[0])}")
    return EXIT_OK
