"""The website: `esl-toolbox build`, `esl-toolbox serve` and `esl-toolbox export`.

The commands import the site's modules when they run, so that `esl-toolbox validate` starts quickly.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_PROBLEMS = 0, 1


def _print_invalid(exc: Exception) -> None:
    from ..report import write_text

    write_text(exc.report, sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from ..catalogue import InvalidRecords
    from .build import BuildFailed, build_site
    from .generate import PageConflict

    root = Path.cwd()
    try:
        result = build_site(root, root / args.site_dir, with_pdf=not args.no_pdf)
    except InvalidRecords as exc:
        _print_invalid(exc)
        print("esl-toolbox build: the records have errors; the site was not changed", file=sys.stderr)
        return EXIT_PROBLEMS
    except (BuildFailed, PageConflict) as exc:
        print(f"esl-toolbox build: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    pdfs = "with PDFs" if result.with_pdf else "without PDFs"
    print(f"built {result.pages} pages {pdfs} into {args.site_dir}/")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from ..catalogue import InvalidRecords
    from .serve import serve

    try:
        return serve(Path.cwd(), args.dev_addr)
    except InvalidRecords as exc:
        _print_invalid(exc)
        print("esl-toolbox serve: fix the records above, then run it again", file=sys.stderr)
        return EXIT_PROBLEMS


def cmd_export(args: argparse.Namespace) -> int:
    from ..catalogue import InvalidRecords, load_catalogue
    from ..settings import load_settings
    from ..writing import write_atomic
    from .data import practices_csv, practices_json

    root = Path.cwd()
    try:
        catalogue = load_catalogue(root)
    except InvalidRecords as exc:
        _print_invalid(exc)
        return EXIT_PROBLEMS
    render = practices_json if args.format == "json" else practices_csv
    text = render(catalogue, load_settings(root))
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        write_atomic(Path(args.output), text)
    return EXIT_OK


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add build, serve and export to the `esl-toolbox` command."""
    build = commands.add_parser("build", help="validate the records and build the website into site/")
    build.add_argument("--site-dir", default="site", help="folder to build into (default: site)")
    build.add_argument("--no-pdf", action="store_true", help="leave out the PDF factsheets and packs")
    build.set_defaults(run=cmd_build)

    serve = commands.add_parser("serve", help="preview the website, rebuilding it when a record or template changes")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT", help="address to serve on")
    serve.set_defaults(run=cmd_serve)

    export = commands.add_parser("export", help="write every practice as JSON or CSV (open data)")
    export.add_argument("--format", choices=("json", "csv"), default="json", help="output format (default: json)")
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: standard output)")
    export.set_defaults(run=cmd_export)
