"""The open data: every practice as JSON (as validated, with the labels of its terms and every
translation of its text) and as CSV, in English and one file per language.

The CSV's columns follow the model's field metadata: plain values and lists as they are (lists
joined with '; ', terms as ids), a nested part's fields in columns of their own (`period_start`),
and a list of parts in one column of readable text. Periods and amounts read exactly as the
practice's page and factsheet write them: the text comes from the same view.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..catalogue import Catalogue
from ..languages import SOURCE_LANGUAGE, language_codes, translated_codes
from ..model import FieldMeta, Practice, Project, record_fields, top_level_fields
from ..presentation.views import PracticeView, Views
from ..schema import CURRENT_PRACTICE_SCHEMA
from ..settings import Settings
from ..translations import units_of
from ..vocabularies import vocabulary

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LIST_SEPARATOR = "; "
# Single parts with a readable text column of their own besides one column per field.
TEXT_PARTS = ("period", "age_range", "cost")


def to_json(document: Any, compact: bool = False) -> str:
    """JSON text; compact for data only scripts read, indented for people."""
    if compact:
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _labelled_fields(model: type[BaseModel]) -> list[FieldMeta]:
    """Vocabulary fields of the record and of its single nested parts (not of lists of parts)."""
    lists = {f.path for f in record_fields(model) if f.part is not None and f.many}
    return [f for f in record_fields(model) if f.vocabulary and not any(f.path.startswith(p + ".") for p in lists)]


def _labels(view: PracticeView, model: type[BaseModel]) -> dict[str, Any]:
    labels: dict[str, Any] = {}
    for meta in _labelled_fields(model):
        terms = [vocabulary(meta.vocabulary).label(v) for v in meta.values_of(view.practice)]
        if meta.many:
            labels[meta.path.replace(".", "_")] = terms
        elif terms:  # a single term, left out where the record gives none
            labels[meta.path.replace(".", "_")] = terms[0]
    return labels


def _translations(catalogue: Catalogue, record: Practice | Project) -> dict[str, dict[str, Any]]:
    """Each translated field of a record by language: its text, its status, and whether it is out of date."""
    units = units_of(record)
    found: dict[str, dict[str, Any]] = {}
    for lang in translated_codes():
        translation = catalogue.translation(lang, isinstance(record, Project), record.id)
        for key, translated in (translation.units if translation else {}).items():
            if translated.text and key in units:
                found.setdefault(key, {})[lang] = {
                    "text": translated.text,
                    "status": translated.status,
                    "out_of_date": translated.source != units[key].fingerprint,
                }
    return found


def _with_translations(catalogue: Catalogue, record: Practice | Project, extra: dict[str, Any]) -> dict[str, Any]:
    document = {**record.model_dump(mode="json", exclude_none=True), **extra}
    translations = _translations(catalogue, record)
    if translations:
        document["translations"] = translations
    return document


def practices_document(catalogue: Catalogue, settings: Settings, model: type[BaseModel] = Practice) -> dict[str, Any]:
    """Every record as validated, each practice with the labels of its vocabulary terms and, by field and
    language, its translations (`translations`: {"summary": {"pt": {"text", "status", "out_of_date"}}})."""
    views = Views(catalogue)
    return {
        "title": settings.site_name,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "schema": settings.page_url(CURRENT_PRACTICE_SCHEMA),
        "languages": list(language_codes()),
        "practices": [
            _with_translations(catalogue, p, {"labels": _labels(views.of(p), model)}) for p in catalogue.practices
        ],
        "projects": [_with_translations(catalogue, catalogue.projects[k], {}) for k in sorted(catalogue.projects)],
    }


def practices_json(catalogue: Catalogue, settings: Settings) -> str:
    return to_json(practices_document(catalogue, settings))


# --- CSV ----------------------------------------------------------------------------------------------


def _joined(values: Iterable[Any]) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return _joined(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, BaseModel):  # a part inside a part, such as implementation.contact
        return " · ".join(_cell(v) for v in value.model_dump(exclude_none=True).values())
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class Column:
    """A CSV column as the data package describes it."""

    name: str
    title: str
    description: str
    type: str  # a Frictionless type: string, integer, number, boolean, date


def _columns_of(meta: FieldMeta) -> list[Column]:
    """The CSV columns of one top-level field."""
    if meta.part is None:
        kind = "string" if meta.many else meta.value_type
        return [Column(meta.name, meta.plural if meta.many else meta.label, meta.description, kind)]
    if meta.many:
        described = f"{meta.description} One item after another, separated by '{LIST_SEPARATOR.strip()}'."
        return [Column(meta.name, meta.plural, described, "string")]
    columns = [Column(meta.name, meta.label, f"{meta.description} In words, as the page says it.", "string")]
    columns = columns if meta.name in TEXT_PARTS else []
    for sub in top_level_fields(meta.part):
        if sub.csv:
            kind = "string" if sub.many or sub.part else sub.value_type
            columns.append(Column(f"{meta.name}_{sub.name}", f"{meta.label}: {sub.label}", sub.description, kind))
    return columns


PAGE_COLUMN = Column("page_url", "Page", "The address of the practice's page on the site.", "string")


def columns(model: type[BaseModel] = Practice) -> list[Column]:
    """Every CSV column, in the model's field order, then the page's address."""
    return [column for meta in top_level_fields(model) if meta.csv for column in _columns_of(meta)] + [PAGE_COLUMN]


def csv_columns(model: type[BaseModel] = Practice) -> list[str]:
    return [column.name for column in columns(model)]


def _cells_of(view: PracticeView, meta: FieldMeta) -> dict[str, str]:
    if meta.part is None:
        return {meta.name: _cell(getattr(view.practice, meta.name))}
    if meta.many:
        return {meta.name: _joined(view.item_texts(meta.name))}
    part = view.resolved_part(meta.name)
    cells = {f"{meta.name}_{sub.name}": _cell(getattr(part, sub.name, None)) for sub in top_level_fields(meta.part)}
    if meta.name in TEXT_PARTS:
        cells[meta.name] = view.part_text(meta.name)
    return cells


def _csv_row(view: PracticeView, settings: Settings, model: type[BaseModel]) -> dict[str, str]:
    row: dict[str, str] = {}
    for meta in top_level_fields(model):
        if meta.csv:
            row.update(_cells_of(view, meta))
    row[PAGE_COLUMN.name] = settings.page_url(view.site_path)
    return row


def practices_csv_name(lang: str = SOURCE_LANGUAGE) -> str:
    """The CSV of a language: practices.csv in English, practices.pt.csv beside it in Portuguese."""
    return "practices.csv" if lang == SOURCE_LANGUAGE else f"practices.{lang}.csv"


def practices_csv(
    catalogue: Catalogue, settings: Settings, lang: str = SOURCE_LANGUAGE, model: type[BaseModel] = Practice
) -> str:
    """One row per practice; lists joined with '; ', vocabulary fields as term ids. In another language
    the text is the translation where there is one (the English where not) and the columns stay the same."""
    views = Views(catalogue.in_language(lang), lang)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=csv_columns(model), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(_csv_row(views.of(p), settings, model) for p in views.catalogue.practices)
    return out.getvalue()
