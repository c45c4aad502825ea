"""Checking one translation file against the English record it translates.

The same guarantees as a record: every problem with its line and column in plain words, hostile
text inert (the same loader), nothing half taken. A translation whose English has changed since
it was translated is out of date: a warning, never an error, so that a change to the English is
never blocked by its translations.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from ..languages import SOURCE_LANGUAGE, language_codes
from ..loader import Document, parse_document, read_record_bytes
from ..messages import describe_error
from ..model import Practice, Project
from ..model.translation import TranslatedText, Translation
from ..problems import ERROR, WARNING, Problem, format_path
from ..project import practice_file, project_file, translation_target
from .units import Unit, parse_key, path_of, translatable_paths, units_of

# The English record a translation belongs to: (is a project, id) -> the record, or None if it
# does not exist or is not valid.
EnglishRecord = Callable[[bool, str], Practice | Project | None]


def check_translation(path: Path, shown: str, english: EnglishRecord) -> tuple[Translation | None, list[Problem]]:
    """The file's translation if it can be used (warnings allowed), and every problem found."""
    target = translation_target(path)
    if target is None:
        return None, [Problem(shown, 1, 1, ERROR, "", "not in a translation folder: practices/translations/<lang>/")]
    lang, is_project, record_id = target
    refused = _language_problem(lang)
    if refused:
        return None, [Problem(shown, 1, 1, ERROR, "", refused)]
    raw, problems = read_record_bytes(path, shown)
    if raw is None:
        return None, problems
    doc, problems = parse_document(raw, shown)
    if doc is None:
        return None, problems
    if "schema_version" not in doc.data:
        line, column = doc.position(tuple(doc.data)[:1], prefer_key=True)
        return None, [Problem(shown, line, column, ERROR, "schema_version", "required: write schema_version: 2 first")]
    record = english(is_project, record_id)
    if record is None:
        where = project_file(record_id) if is_project else practice_file(record_id)
        kind = "project" if is_project else "practice"
        message = f"there is no valid {kind} '{record_id}' to translate ({where} is missing or has errors)"
        return None, [Problem(shown, 1, 1, ERROR, "", message)]
    units = units_of(record)
    problems = [_at(doc, key, *problem) for key in doc.data if (problem := _key_problem(key, record, units))]
    wrong = {p.field for p in problems}
    translation, invalid = _validated(doc, {k: v for k, v in doc.data.items() if k not in wrong})
    problems += invalid
    if translation is not None:
        problems += _unit_problems(doc, translation, units, record.id, lang)
    return (None if any(p.is_error for p in problems) else translation), problems


def _at(doc: Document, key: str, where: tuple, message: str, severity: str = ERROR) -> Problem:
    line, column = doc.position((key, *where), prefer_key=not where)
    return Problem(doc.path, line, column, severity, key, message)


def _language_problem(lang: str) -> str | None:
    if lang == SOURCE_LANGUAGE:
        return "English is the language of the records themselves: change the record, not a translation"
    if lang not in language_codes():
        others = ", ".join(code for code in language_codes() if code != SOURCE_LANGUAGE)
        return f"'{lang}' is not one of the toolbox's languages ({others}); see locale/languages.yml"
    return None


def _validated(doc: Document, data: dict) -> tuple[Translation | None, list[Problem]]:
    """The translation of the units that are well formed, and a problem for each that is not: one
    wrong unit hides no problem of another."""
    problems = []
    units = {}
    for key, value in data.items():
        if key == "schema_version":
            continue
        try:
            units[key] = TranslatedText.model_validate(value)
        except ValidationError as exc:
            problems += [_model_problem(doc, TranslatedText, error, (key,)) for error in exc.errors()]
    try:
        return Translation.model_validate({"schema_version": data.get("schema_version"), **units}), problems
    except ValidationError as exc:
        return None, problems + [_model_problem(doc, Translation, error, ()) for error in exc.errors()]


def _model_problem(doc: Document, model: type, error: dict, prefix: tuple) -> Problem:
    loc = (*prefix, *error["loc"])
    line, column = doc.position(loc, prefer_key=error["type"] in {"extra_forbidden", "missing"})
    message = describe_error(model, error)
    return Problem(doc.path, line, column, ERROR, format_path(loc), message)


def _unit_problems(
    doc: Document, translation: Translation, units: dict[str, Unit], record_id: str, lang: str
) -> list[Problem]:
    problems = []
    for key, translated in translation.units.items():
        problem = _shape_problem(units[key], translated)
        if problem:
            problems.append(_at(doc, key, *problem))
        elif translated.source != units[key].fingerprint and translated.text:
            message = (
                "the English text has changed since this was translated; update the translation, then run "
                f"`esl-toolbox translations mark-checked --lang {lang} {record_id} {key}`"
            )
            problems.append(_at(doc, key, ("source",), message, WARNING))
    return problems


def _key_problem(key: str, record: Practice | Project, units: dict[str, Unit]) -> tuple[tuple, str] | None:
    """Why a key names no unit of the English record, if it does not."""
    if key in units or key == "schema_version":
        return None
    loc = parse_key(key)
    allowed = translatable_paths(type(record))
    if loc is None or path_of(loc) not in allowed:
        field = (loc or (key,))[0]
        if loc is not None and field in type(record).model_fields and path_of(loc) not in allowed:
            return (), (
                f"'{path_of(loc)}' is not translated: facts such as countries, levels, amounts and sources stay in "
                f"the English record; a translation holds only {', '.join(allowed)}"
            )
        near = difflib.get_close_matches(key, list(units) or list(allowed), n=1, cutoff=0.6)
        hint = f"; did you mean '{near[0]}'?" if near else ""
        return (), f"'{key}' is no translatable field of this record{hint} (it has: {', '.join(units) or 'none'})"
    return (), _missing_in_english(loc, record)


def _missing_in_english(loc: tuple, record: Practice | Project) -> str:
    value: object = record
    for depth, part in enumerate(loc):
        if isinstance(part, int):
            items = value if isinstance(value, list) else []
            if part >= len(items):
                name = format_path(loc[:depth])
                return f"the English record has {len(items)} item(s) in {name}; there is no {name}[{part}]"
            value = items[part]
        else:
            value = getattr(value, part, None)
    return f"the English record has no {format_path(loc)} to translate"


def _shape_problem(unit: Unit, translated: TranslatedText) -> tuple[tuple, str] | None:
    text = translated.text
    if text is None or text == "" or text == []:
        return None  # not translated yet: the English is shown
    if unit.is_list and not isinstance(text, list):
        return ("text",), f"the English is a list of {len(unit.english)}: give one translated item per English item"
    if not unit.is_list and isinstance(text, list):
        return ("text",), "the English is one text, not a list: write the translation as one text"
    if unit.is_list and len(text) != len(unit.english):
        return ("text",), (
            f"{len(text)} item(s), but the English has {len(unit.english)}: translate each item, in the same order"
        )
    if isinstance(text, list) and any(not item for item in text):
        return ("text",), "an item is empty: translate every item, or leave the whole list empty"
    return None
