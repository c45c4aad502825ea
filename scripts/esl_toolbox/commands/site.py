"""The website's commands: `build`, `serve` and `export` (the open data)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..project import SITE_DIR
from .exits import EXIT_OK, CommandFailed
from .progress import steps_for
from .reporting import write_validation


def cmd_build(args: argparse.Namespace) -> int:
    from ..site.build import BuildFailed, build_site
    from ..site.generate import PageConflict

    root = Path.cwd()
    try:
        result = build_site(root, root / args.site_dir, not args.no_pdf, steps_for("build", args.quiet))
    except (BuildFailed, PageConflict) as exc:
        raise CommandFailed(str(exc)) from None
    pdfs = "with PDFs" if result.with_pdf else "without PDFs"
    print(f"built {result.pages} pages {pdfs} into {args.site_dir}/")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from ..site.serve import serve

    return serve(Path.cwd(), args.dev_addr, lambda report: write_validation(report, sys.stderr))


def cmd_export(args: argparse.Namespace) -> int:
    from ..catalogue import load_catalogue
    from ..open_data import practices_csv, practices_json
    from ..settings import load_settings
    from ..writing import write_atomic

    root = Path.cwd()
    catalogue = load_catalogue(root)
    render = practices_json if args.format == "json" else practices_csv
    text = render(catalogue, load_settings(root))
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        write_atomic(Path(args.output), text)
    return EXIT_OK


def add_commands(commands: argparse._SubParsersAction) -> None:
    build = commands.add_parser("build", help="validate the records and build the website into site/")
    build.add_argument("--site-dir", default=SITE_DIR, help="folder to build into (default: site)")
    build.add_argument("--no-pdf", action="store_true", help="leave out the PDF factsheets and packs")
    build.add_argument("--quiet", action="store_true", help="no progress, only the result or the problems")
    build.set_defaults(run=cmd_build, unchanged="the site was not changed")

    serve = commands.add_parser("serve", help="preview the website, rebuilding it when a record or template changes")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT", help="address to serve on")
    serve.set_defaults(run=cmd_serve, unchanged="fix the records above, then run it again")

    export = commands.add_parser("export", help="write every practice as JSON or CSV (open data)")
    export.add_argument("--format", choices=("json", "csv"), default="json", help="output format (default: json)")
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: standard output)")
    export.set_defaults(run=cmd_export, unchanged="nothing was written")
