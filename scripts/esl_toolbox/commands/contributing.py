"""Commands for contributors and for the checks of pull requests.

`from-issue` turns a "Propose a practice" issue into a record; `contributor-docs` keeps the issue
form and CONTRIBUTING.md in step with the model and the vocabularies; `check-links` and
`check-site-links` look for dead web addresses in the records and broken links in the built site;
`changed` lists the records a branch touches; `preview` builds the pages of the practices it adds
or changes, in every language.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import asdict
from pathlib import Path

from ..project import PRACTICES_DIR, SITE_DIR, practice_file
from .exits import EXIT_OK, EXIT_PROBLEMS, CommandFailed, usage
from .progress import steps_for
from .reporting import FORMATS, count, write_problems, write_validation
from .site import languages_option


def cmd_from_issue(args: argparse.Namespace) -> int:
    from ..contributing.from_issue import FromIssueProblem, choose_id, issue_to_record, record_text
    from ..validation import shown_path, validate_paths
    from ..writing import write_new

    try:
        body = sys.stdin.read() if args.file == "-" else Path(args.file).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise usage(f"cannot read {args.file}: {exc}") from None
    try:
        conversion = issue_to_record(body, dt.date.today())
        slug = choose_id(conversion.record, args.id)
    except FromIssueProblem as exc:
        raise CommandFailed(str(exc)) from None
    record = {"id": slug, **conversion.record}
    root = Path.cwd()
    target = root / practice_file(slug)
    try:
        write_new(target, record_text(record))
    except FileExistsError:
        raise CommandFailed(
            f"{shown_path(target)} already exists; nothing was written. "
            "If this is a different practice, give it another id with --id."
        ) from None
    print(f"wrote {shown_path(target)}; the validator says:")
    report = validate_paths([target], root)
    write_validation(report, sys.stdout)
    if conversion.notes:
        print(f"\nNot mapped, or to check by hand ({len(conversion.notes)}):")
        for note in conversion.notes:
            print(f"  - {note}")
    else:
        print("\nEvery answer was mapped.")
    return EXIT_PROBLEMS if report.errors else EXIT_OK


def cmd_contributor_docs(args: argparse.Namespace) -> int:
    from ..contributing.contributor_docs import GeneratedBlockMissing, stale_files, write_files
    from ..validation import shown_path

    root = Path.cwd()
    try:
        if args.check:
            stale = stale_files(root)
            for path in stale:
                print(f"{shown_path(path)}: out of date; run esl-toolbox contributor-docs and commit the result")
            return EXIT_PROBLEMS if stale else EXIT_OK
        for path in write_files(root):
            print(f"wrote {shown_path(path)}")
    except (GeneratedBlockMissing, FileNotFoundError) as exc:
        raise CommandFailed(str(exc)) from None
    return EXIT_OK


def cmd_check_links(args: argparse.Namespace) -> int:
    from ..contributing.links import check_links, collect_links, dead_link_problems

    paths = [Path(p) for p in args.paths] or [Path.cwd() / PRACTICES_DIR]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise usage(f"no such file or folder: {', '.join(missing)}")
    links = collect_links(paths)
    problems = dead_link_problems(links, check_links(links, timeout=args.timeout))
    checked = len({link.url for link in links})
    dead = len({p.message for p in problems})
    summary = f"{count(checked, 'web address', 'web addresses')} checked: {dead} dead"
    details = {"checked": checked, "links": [asdict(link) for link in links]}
    write_problems(problems, summary, sys.stdout, args.format, details, kind="dead link")
    return EXIT_PROBLEMS if problems else EXIT_OK


def cmd_check_site_links(args: argparse.Namespace) -> int:
    from ..contributing.site_links import check_site_links, site_base_path

    site = Path(args.site)
    if not site.is_dir():
        raise usage(f"{site} is not a folder; build the site first")
    checked, problems = check_site_links(site, args.base_path or site_base_path(Path.cwd()))
    summary = f"{count(checked, 'internal link')} checked: {len(problems)} broken"
    write_problems(problems, summary, sys.stdout, args.format, {"checked": checked}, kind="broken link")
    return EXIT_PROBLEMS if problems else EXIT_OK


def cmd_changed(args: argparse.Namespace) -> int:
    from ..contributing.changed import GitProblem, changed_records, changes_markdown

    root = Path.cwd()
    try:
        changes = changed_records(root, args.base)
    except GitProblem as exc:
        raise usage(str(exc)) from None
    sys.stdout.write(changes_markdown(root, changes))
    return EXIT_OK


def cmd_preview(args: argparse.Namespace) -> int:
    from ..contributing.changed import GitProblem, changed_records
    from ..contributing.preview import UnknownPractice, build_preview
    from ..site.build import BuildFailed

    if not args.practices and not args.base:
        raise usage("name the practices to preview by id, or give --base REF for those a branch changes")
    root = Path.cwd()
    try:
        changes = changed_records(root, args.base) if args.base else []
        result = build_preview(
            root,
            root / args.site_dir,
            args.practices,
            changes,
            languages_option(args.lang),
            steps_for("preview", args.quiet),
        )
    except (BuildFailed, GitProblem, UnknownPractice) as exc:
        raise CommandFailed(str(exc)) from None
    if not result.practices:
        print(f"the records are valid; no practice page changed since {args.base}, so there is nothing to preview")
        return EXIT_OK
    pages = count(len(result.practices) * len(result.langs), "page")
    summary = (
        f"built {pages} ({count(len(result.practices), 'practice')} in {count(len(result.langs), 'language')}) "
        f"into {args.site_dir}/; {count(result.links, 'internal link')} checked: {len(result.problems)} broken"
    )
    write_problems(
        result.problems, summary, sys.stdout, args.format, {"practices": list(result.practices)}, "broken link"
    )
    return EXIT_PROBLEMS if result.problems else EXIT_OK


def _positive_seconds(text: str) -> float:
    value = float(text)
    if not 0 < value <= 300:
        raise argparse.ArgumentTypeError("give a number of seconds between 0 and 300")
    return value


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add the contributing subcommands to the `esl-toolbox` parser."""
    from_issue = commands.add_parser("from-issue", help="write a record from a 'Propose a practice' issue body")
    from_issue.add_argument("file", metavar="FILE", help="the issue body as GitHub renders it (Markdown); - for stdin")
    from_issue.add_argument("--id", help="id (file name) to use instead of one made from the title")
    from_issue.set_defaults(run=cmd_from_issue)

    docs = commands.add_parser(
        "contributor-docs", help="write the issue form and CONTRIBUTING.md's generated parts from the model"
    )
    docs.add_argument("--check", action="store_true", help="only check that the committed files are current")
    docs.set_defaults(run=cmd_contributor_docs)

    links = commands.add_parser("check-links", help="report web addresses in the records that no longer answer")
    links.add_argument("paths", nargs="*", metavar="PATH", help="record files or folders (default: practices/)")
    links.add_argument("--timeout", type=_positive_seconds, default=20.0, help="seconds to wait for each address")
    links.add_argument("--format", choices=FORMATS, default="text", help="output format")
    links.set_defaults(run=cmd_check_links)

    site = commands.add_parser("check-site-links", help="check that every internal link of the built site resolves")
    site.add_argument(
        "site", nargs="?", default=SITE_DIR, metavar="SITE", help="the built site's folder (default: site)"
    )
    site.add_argument("--base-path", help="path of the published site, e.g. /esl-toolbox/ (default: from site_url)")
    site.add_argument("--format", choices=FORMATS, default="text", help="output format")
    site.set_defaults(run=cmd_check_site_links)

    changed = commands.add_parser("changed", help="list the records a branch adds, changes or removes (Markdown)")
    changed.add_argument("--base", required=True, metavar="REF", help="the branch to compare with, e.g. origin/main")
    changed.set_defaults(run=cmd_changed)

    preview = commands.add_parser(
        "preview",
        help="validate the records and build the pages of some practices in every language into preview/ "
        "(a pull request's check: the practices it adds or changes, with --base)",
    )
    preview.add_argument("practices", nargs="*", metavar="ID", help="practices to preview, by id")
    preview.add_argument("--base", metavar="REF", help="also those this branch adds or changes since REF (origin/main)")
    preview.add_argument("--lang", metavar="L[,L...]", help="only these languages, such as en,pt (default: all)")
    preview.add_argument("--site-dir", default="preview", help="folder to build into (default: preview)")
    preview.add_argument("--format", choices=FORMATS, default="text", help="how to report broken links")
    preview.add_argument("--quiet", action="store_true", help="no progress, only the result or the problems")
    preview.set_defaults(run=cmd_preview, unchanged="the preview was not changed")
