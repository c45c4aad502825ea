"""`esl-toolbox translations`: how far each language goes, a new translation file, marking updates checked."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..languages import SOURCE_LANGUAGE, language, translated_codes
from ..project import translation_file
from .exits import EXIT_OK, EXIT_PROBLEMS, CommandFailed, usage


def _lang(code: str) -> str:
    if code == SOURCE_LANGUAGE:
        raise usage("English is the language of the records themselves; name a language to translate into")
    if code not in translated_codes():
        raise usage(f"unknown language '{code}'; the toolbox translates into {', '.join(translated_codes())}")
    return code


def _record(catalogue, record_id: str):
    if record_id in {p.id for p in catalogue.practices}:
        return catalogue.practice(record_id)
    if record_id in catalogue.projects:
        return catalogue.projects[record_id]
    raise CommandFailed(f"there is no practice or project '{record_id}' in practices/")


def cmd_status(args: argparse.Namespace) -> int:
    from ..catalogue import load_catalogue
    from ..translations.coverage import coverage

    catalogue = load_catalogue(Path.cwd())
    codes = [_lang(args.lang)] if args.lang else list(translated_codes())
    heads = ("records", 9), ("fields", 7), ("translated", 11), ("checked", 8), ("out of date", 12), ("missing", 8)
    print(f"{'language':<22} " + " ".join(f"{head:>{width}}" for head, width in heads))
    found = []
    for code in codes:
        counted = coverage(catalogue, code)
        found.append(counted)
        name = f"{code} {language(code).english_name}"
        started = f"{counted.records_started}/{counted.records}"
        print(
            f"{name:<22} {started:>9} {counted.units:>7} {counted.translated:>6} ({counted.share:>4.0%}) "
            f"{counted.reviewed:>8} {counted.stale:>12} {counted.missing:>8}"
        )
    for counted in found:
        for unit in counted.stale_units if args.lang else []:
            print(f"out of date ({counted.lang}): {unit}")
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from ..catalogue import load_catalogue
    from ..translations.scaffold import TranslationFileProblem, write_new_translation

    lang = _lang(args.lang)
    catalogue = load_catalogue(Path.cwd())
    written = []
    for record_id in args.ids:
        record = _record(catalogue, record_id)
        try:
            path = write_new_translation(Path.cwd(), record, lang)
        except TranslationFileProblem as exc:
            raise CommandFailed(f"{exc}; nothing was written for {record_id}") from None
        written.append(path)
        print(f"wrote {path.relative_to(Path.cwd())}: translate it, then run esl-toolbox validate on it")
    return EXIT_OK


def cmd_mark_checked(args: argparse.Namespace) -> int:
    from ..catalogue import load_catalogue
    from ..model import Project
    from ..translations.scaffold import TranslationFileProblem, mark_checked

    lang = _lang(args.lang)
    catalogue = load_catalogue(Path.cwd())
    record = _record(catalogue, args.id)
    relative = translation_file(lang, record.id, isinstance(record, Project))
    path = Path.cwd() / relative
    if not path.is_file():
        raise CommandFailed(
            f"{relative} does not exist; start one with esl-toolbox translations new --lang {lang} {args.id}"
        )
    try:
        changed = mark_checked(path, record, args.fields)
    except TranslationFileProblem as exc:
        raise CommandFailed(f"{exc}; nothing was written") from None
    if not changed:
        print(f"{relative}: nothing out of date" + (" among the fields named" if args.fields else ""))
        return EXIT_OK if not args.fields else EXIT_PROBLEMS
    print(f"{relative}: marked {', '.join(changed)} as translated from the current English")
    return EXIT_OK


def cmd_catalogues(args: argparse.Namespace) -> int:
    from ..catalogues import problems_of, template, update, vocabulary_problems

    if args.check:
        messages = template()
        found = [p for code in translated_codes() for p in (*problems_of(code, messages), *vocabulary_problems(code))]
        for problem in found:
            print(problem)
        counted = len({(p.lang, p.message) for p in found})
        print(
            f"{len(messages)} messages; {counted} to do in the catalogues"
            if found
            else f"{len(messages)} messages; every catalogue complete"
        )
        return EXIT_PROBLEMS if found else EXIT_OK
    changed = update()
    print(f"updated {', '.join(changed)}" if changed else "every catalogue was current")
    return EXIT_OK


def add_commands(commands: argparse._SubParsersAction) -> None:
    catalogues = commands.add_parser(
        "catalogues",
        help="bring the interface catalogues (locale/<lang>/LC_MESSAGES/messages.po) in line with the code",
    )
    catalogues.add_argument("--check", action="store_true", help="only list what each catalogue lacks; fail if any")
    catalogues.set_defaults(run=cmd_catalogues)

    group = commands.add_parser("translations", help="translations of the records: status, new files, updates")
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")

    status = actions.add_parser("status", help="how much of each language is translated, out of date or missing")
    status.add_argument("--lang", help="one language, with its out-of-date fields listed")
    status.set_defaults(run=cmd_status)

    new = actions.add_parser("new", help="write translation files with the English as comments (never overwrites)")
    new.add_argument("--lang", required=True, help="the language to translate into, such as pt")
    new.add_argument("ids", nargs="+", metavar="ID", help="ids of practices or projects")
    new.set_defaults(run=cmd_new)

    checked = actions.add_parser(
        "mark-checked", help="after updating out-of-date translations, record that they follow the current English"
    )
    checked.add_argument("--lang", required=True, help="the language, such as pt")
    checked.add_argument("id", help="the practice or project id")
    checked.add_argument("fields", nargs="*", metavar="FIELD", help="fields to mark (default: every out-of-date one)")
    checked.set_defaults(run=cmd_mark_checked)
