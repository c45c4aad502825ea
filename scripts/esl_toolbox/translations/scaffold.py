"""Writing translation files: a new one with the English in comments, and marking updates checked."""

from __future__ import annotations

from pathlib import Path

from ..languages import language
from ..loader import parse_document
from ..model import Practice, Project
from ..model.translation import TRANSLATION_SCHEMA_VERSION
from ..project import SCHEMA_DIR, practice_file, project_file, translation_file
from ..writing import write_atomic, write_new
from .units import Unit, units_of

TRANSLATION_SCHEMA = f"{SCHEMA_DIR}/v2/translation.schema.json"


class TranslationFileProblem(Exception):
    """A translation file cannot be written or changed; the message says why."""


def new_translation_text(record: Practice | Project, lang: str) -> str:
    """A translation file with every unit of the record empty, its English in comments above it."""
    is_project = isinstance(record, Project)
    target = translation_file(lang, record.id, is_project)
    depth = target.count("/")
    english = project_file(record.id) if is_project else practice_file(record.id)
    name = language(lang)
    lines = [
        f"# yaml-language-server: $schema={'../' * depth}{TRANSLATION_SCHEMA}",
        f"# {name.english_name} ({lang}) translation of {english}.",
        "# Write each translation after `text:`; the English is in the comments above it. A list (activities,",
        "# outcomes, ...) takes one item per English item, in the same order, written as `- item` lines.",
        "# Leave `text:` empty where you do not translate: the site then shows the English, marked as such.",
        "# Keep `source`: it tells the toolbox which English text you translated. `status` stays unreviewed",
        "# until a native speaker has checked the translation. Check the file with:",
        f"#   esl-toolbox validate {target}",
        f"schema_version: {TRANSLATION_SCHEMA_VERSION}",
    ]
    for key, unit in units_of(record).items():
        lines += [
            f"{key}:",
            *_english_comment(unit),
            "  text:",
            f'  source: "{unit.fingerprint}"',
            "  status: unreviewed",
        ]
    return "\n".join(lines) + "\n"


def _english_comment(unit: Unit) -> list[str]:
    if unit.is_list:
        return [f"  # - {line}" for item in unit.english for line in str(item).splitlines() or [""]]
    return [f"  # {line}".rstrip() for line in str(unit.english).splitlines()]


def write_new_translation(root: Path, record: Practice | Project, lang: str) -> Path:
    """Write the new file; TranslationFileProblem if it exists (a translation is never overwritten)."""
    path = root / translation_file(lang, record.id, isinstance(record, Project))
    if path.exists():
        raise TranslationFileProblem(
            f"{translation_file(lang, record.id, isinstance(record, Project))} already exists; edit it"
        )
    write_new(path, new_translation_text(record, lang))
    return path


def mark_checked(path: Path, record: Practice | Project, keys: list[str]) -> list[str]:
    """Set the English fingerprint of the named units (every out-of-date one if none is named) to the
    current English; return the keys changed. The file keeps its comments and layout."""
    text = path.read_text("utf-8")
    doc, problems = parse_document(text.encode("utf-8"), str(path))
    if doc is None:
        raise TranslationFileProblem(str(problems[0]))
    units = units_of(record)
    unknown = [key for key in keys if key not in units or key not in doc.data]
    if unknown:
        raise TranslationFileProblem(f"no translated field {', '.join(unknown)} in {path.name}")
    wanted = keys or [key for key in doc.data if key in units and _source(doc.data[key]) != units[key].fingerprint]
    lines = text.split("\n")
    changed = []
    for key in wanted:
        if _source(doc.data[key]) == units[key].fingerprint:
            continue
        line, column = doc.position((key, "source"))
        old = str(_source(doc.data[key]))
        current = lines[line - 1]
        column += current[column - 1 : column] in "\"'"  # the fingerprint is written in quotes
        if current[column - 1 : column - 1 + len(old)] != old:
            raise TranslationFileProblem(f"{key}: write `source:` on its own line to mark it checked")
        lines[line - 1] = current[: column - 1] + units[key].fingerprint + current[column - 1 + len(old) :]
        changed.append(key)
    if changed:
        write_atomic(path, "\n".join(lines))
    return changed


def _source(value: object) -> object:
    return value.get("source") if isinstance(value, dict) else None
