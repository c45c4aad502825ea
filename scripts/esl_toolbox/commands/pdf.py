"""`esl-toolbox pdf`: every PDF, one factsheet, or a briefing pack of a selection."""

from __future__ import annotations

import argparse
from pathlib import Path

from .exits import EXIT_OK, CommandFailed, usage
from .progress import steps_for
from .reporting import count

DESCRIPTION = """\
Write PDF factsheets and briefing packs from the practice records.

  esl-toolbox pdf --all --out-dir site/pdf           every factsheet (<id>.pdf), the pack (toolbox.pdf) and
                                                     the pack of each intervention type and age group
  esl-toolbox pdf -o pack.pdf                        the briefing pack of every practice
  esl-toolbox pdf --type prevention --isced 1 --country PT -o brief.pdf
                                                     a pack of the matching practices
  esl-toolbox pdf --practice jet-cd -o jet-cd.pdf    one practice's factsheet
  esl-toolbox pdf --lang pt --practice jet-cd -o jet-cd.pt.pdf
                                                     the same in Portuguese (any command takes --lang)

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
    for f in _filters():
        help_text = f"{f.field.plural.lower()} (vocabulary ids); a practice matches any value given"
        pdf.add_argument(f.option, action="append", dest=f.dest, metavar=f.dest.upper(), help=help_text)
    pdf.add_argument("-o", "--output", type=Path, metavar="FILE", help="the PDF file to write")
    pdf.add_argument("--lang", default="en", help="the language of the PDFs, such as pt (default: en)")
    pdf.add_argument("--quiet", action="store_true", help="no progress, only the result or the problems")
    pdf.set_defaults(run=cmd_pdf, unchanged="no PDF was written")


def _filters() -> tuple:
    from ..pdf.select import FILTERS

    return FILTERS


def _chosen(args: argparse.Namespace) -> dict:
    """The raw values of each filter option, by facet key."""
    return {f.dest: getattr(args, f.dest) for f in _filters()}


def _usage_problem(args: argparse.Namespace) -> str | None:
    filtered = any(_chosen(args).values())
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


def cmd_pdf(args: argparse.Namespace) -> int:
    from ..catalogue import load_catalogue
    from ..languages import language_codes
    from ..pdf.build import NoMatchingPractice, UnknownPractice, build_pdfs, write_factsheet, write_pack
    from ..pdf.edition import EditionProblem
    from ..pdf.select import SelectionProblem, parse_selection
    from ..settings import load_settings
    from ..validation import shown_path

    problem = _usage_problem(args)
    if problem:
        raise usage(problem)
    try:
        selection = parse_selection(_chosen(args))
    except SelectionProblem as exc:
        raise usage(str(exc)) from None

    root = Path.cwd()
    steps = steps_for("pdf", args.quiet)
    catalogue = load_catalogue(root, steps=steps)
    settings = load_settings(root)
    if args.lang not in language_codes():
        raise usage(f"unknown language '{args.lang}'; the toolbox has {', '.join(language_codes())}")
    catalogue = catalogue.in_language(args.lang)
    try:
        if args.all:
            written = build_pdfs(catalogue, args.out_dir, settings, steps)
        elif args.practice:
            written = [write_factsheet(catalogue, args.practice, settings, args.output)]
        else:
            written = [write_pack(catalogue, selection, settings, args.output)]
    except NoMatchingPractice as exc:
        raise CommandFailed(str(exc)) from None
    except UnknownPractice as exc:
        raise CommandFailed(f"no practice has the id {exc.args[0]!r} (see practices/*.yml)") from None
    except EditionProblem as exc:
        raise usage(str(exc)) from None
    if args.all:
        sheets = len(catalogue.practices)
        packs = count(len(written) - sheets, "briefing pack")
        print(f"wrote {count(sheets, 'factsheet')} and {packs} into {shown_path(args.out_dir)}")
    else:
        print(f"wrote {shown_path(written[0])}")
    return EXIT_OK
