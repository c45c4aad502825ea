"""The website's commands: `build`, `finish`, `serve` and `export` (the open data)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..project import SITE_DIR
from .exits import EXIT_OK, CommandFailed, usage
from .progress import steps_for
from .reporting import write_validation


def languages_option(text: str | None) -> tuple[str, ...] | None:
    from ..languages import parse_language_list

    if text is None:
        return None
    try:
        return parse_language_list(text)
    except ValueError as exc:
        raise usage(str(exc)) from None


def cmd_build(args: argparse.Namespace) -> int:
    from ..site.build import BuildFailed, build_site
    from ..site.finish import FinishFailed
    from ..site.generate import PageConflict

    root = Path.cwd()
    langs = languages_option(args.lang)
    try:
        result = build_site(
            root,
            root / args.site_dir,
            not args.no_pdf,
            steps_for("build", args.quiet),
            langs,
            with_search=not (args.no_search or args.part),
            finish=not args.part,
        )
    except (BuildFailed, PageConflict, FinishFailed) as exc:
        raise CommandFailed(str(exc)) from None
    pdfs = "with PDFs" if result.with_pdf else "without PDFs"
    which = ", ".join(langs) if langs else "every language"
    print(f"built {result.pages} pages {pdfs} ({which}) into {args.site_dir}/")
    return EXIT_OK


def cmd_finish(args: argparse.Namespace) -> int:
    from ..catalogue import load_catalogue
    from ..settings import load_settings
    from ..site.finish import FinishFailed, finish_site, language_parts

    root = Path.cwd()
    site = root / args.site_dir
    if not (site / "index.html").is_file() and not language_parts(site):
        raise usage(f"{args.site_dir}/ holds no built site")
    try:
        lastmod = load_catalogue(root).newest_date().isoformat()
        finish_site(site, load_settings(root), not args.no_search, steps_for("finish", args.quiet), lastmod)
    except FinishFailed as exc:
        raise CommandFailed(str(exc)) from None
    print(f"indexed and mapped {', '.join(language_parts(site))} in {args.site_dir}/")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from ..site.serve import serve

    langs = languages_option(args.lang) or ("en",)
    if len(langs) != 1:
        raise usage("serve previews one language at a time, such as --lang pt")
    return serve(Path.cwd(), args.dev_addr, lambda report: write_validation(report, sys.stderr), langs[0])


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
    build.add_argument("--lang", metavar="L[,L...]", help="build only these languages, such as en,pt (default: all)")
    build.add_argument("--no-search", action="store_true", help="leave out the search index")
    build.add_argument(
        "--part",
        action="store_true",
        help="build a part of a site that `esl-toolbox finish` completes once every part is in place",
    )
    build.set_defaults(run=cmd_build, unchanged="the site was not changed")

    finish = commands.add_parser(
        "finish", help="index the search and write the sitemap of a site put together from parts (build --part)"
    )
    finish.add_argument("--site-dir", default=SITE_DIR, help="the site's folder (default: site)")
    finish.add_argument("--no-search", action="store_true", help="only the sitemap")
    finish.add_argument("--quiet", action="store_true", help="no progress, only the result or the problems")
    finish.set_defaults(run=cmd_finish, unchanged="the site was not changed")

    serve = commands.add_parser("serve", help="preview the website, rebuilding it when a record or template changes")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT", help="address to serve on")
    serve.add_argument("--lang", help="the language to preview, such as pt (default: en)")
    serve.set_defaults(run=cmd_serve, unchanged="fix the records above, then run it again")

    export = commands.add_parser("export", help="write every practice as JSON or CSV (open data)")
    export.add_argument("--format", choices=("json", "csv"), default="json", help="output format (default: json)")
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: standard output)")
    export.set_defaults(run=cmd_export, unchanged="nothing was written")
