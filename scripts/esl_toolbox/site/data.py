"""The site's data files: the toolbox page's filter data and the open data exports (JSON, CSV)."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterable
from typing import Any

from ..catalogue import Catalogue
from ..model import Practice
from ..settings import Settings
from ..vocabularies import vocabulary
from .facets import FACETS, FacetIndex, by_title
from .formatting import source_link
from .pages import description_html

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LIST_SEPARATOR = "; "

# Record fields whose values are vocabulary terms, and the vocabulary each uses.
LABELLED_FIELDS = {
    "intervention_types": "intervention_types",
    "isced_levels": "isced_levels",
    "target_groups": "target_groups",
    "countries": "countries",
    "reach": "reach",
    "intervention_levels": "intervention_levels",
    "audiences": "audiences",
    "themes": "themes",
    "languages": "languages",
}

CSV_COLUMNS = [
    "id",
    "title",
    "summary",
    *LABELLED_FIELDS,
    "project",
    "organisations",
    "period_start",
    "period_end",
    "evidence_level",
    "review_status",
    "created",
    "updated",
    "sources",
    "url",
    "description",
]

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


def practice_url(practice: Practice) -> str:
    """Address of a practice's page, relative to the site root."""
    return f"practices/{practice.id}/"


def to_json(document: Any, compact: bool = False) -> str:
    """JSON text; compact for data only scripts read, indented for people."""
    if compact:
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


# --- the toolbox page's data ------------------------------------------------------------------


def search_text(catalogue: Catalogue, practice: Practice) -> str:
    """Lower-cased words a visitor may type to find the practice, each once, in reading order."""
    countries = vocabulary("countries")
    parts = [
        practice.title,
        practice.summary,
        html.unescape(_TAG.sub(" ", description_html(practice.description))),
        *(o.name for o in catalogue.organisations_of(practice)),
        *(countries.label(c) for c in practice.countries),
    ]
    # Each word once: the filter asks whether a word is there, not how often, and the data file
    # is what the toolbox page downloads.
    return " ".join(dict.fromkeys(_WORD.findall(" ".join(parts).lower())))


def _toolbox_practice(catalogue: Catalogue, practice: Practice) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": practice.id,
        "title": practice.title,
        "summary": practice.summary,
        "url": practice_url(practice),
    }
    for f in FACETS:
        entry[f.key] = [str(v) for v in f.values_of(practice)]
    entry["reviewed"] = practice.review.status == "reviewed"
    entry["text"] = search_text(catalogue, practice)
    return entry


def toolbox_data(catalogue: Catalogue, index: FacetIndex) -> dict[str, Any]:
    """The facets with their values, and every practice by title, for the toolbox page's filters."""
    facets = [
        {"key": f.key, "label": f.label, "values": [{"id": v.id, "label": v.label} for v in index.values(f.key)]}
        for f in FACETS
    ]
    practices = [_toolbox_practice(catalogue, p) for p in by_title(catalogue.practices)]
    return {"facets": facets, "practices": practices}


# --- open data ----------------------------------------------------------------------------------


def _labels(practice: Practice) -> dict[str, Any]:
    labels: dict[str, Any] = {
        name: [vocabulary(key).label(v) for v in getattr(practice, name)] for name, key in LABELLED_FIELDS.items()
    }
    labels["evidence_level"] = vocabulary("evidence_levels").label(practice.evidence.level)
    labels["review_status"] = vocabulary("review_statuses").label(practice.review.status)
    return labels


def practices_document(catalogue: Catalogue, settings: Settings) -> dict[str, Any]:
    """Every record as validated, each practice with the labels of its vocabulary terms."""
    return {
        "title": settings.site_name,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "schema": settings.page_url("schema/practice.schema.json"),
        "practices": [
            {**p.model_dump(mode="json", exclude_none=True), "labels": _labels(p)} for p in catalogue.practices
        ],
        "projects": [
            catalogue.projects[k].model_dump(mode="json", exclude_none=True) for k in sorted(catalogue.projects)
        ],
    }


def practices_json(catalogue: Catalogue, settings: Settings) -> str:
    return to_json(practices_document(catalogue, settings))


def _joined(values: Iterable) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values)


def _csv_row(catalogue: Catalogue, practice: Practice, settings: Settings) -> dict[str, str]:
    period, _ = catalogue.period_of(practice)
    row = {"id": practice.id, "title": practice.title, "summary": practice.summary}
    row.update({name: _joined(getattr(practice, name)) for name in LABELLED_FIELDS})
    row.update(
        {
            "project": practice.project or "",
            "organisations": _joined(o.name for o in catalogue.organisations_of(practice)),
            "period_start": (period.start or "") if period else "",
            "period_end": (period.end or "") if period else "",
            "evidence_level": practice.evidence.level,
            "review_status": practice.review.status,
            "created": practice.created.isoformat(),
            "updated": practice.updated.isoformat() if practice.updated else "",
            "sources": _joined(source_link(s) or s.title for s in catalogue.sources_of(practice)),
            "url": settings.page_url(practice_url(practice)),
            "description": practice.description,
        }
    )
    return row


def practices_csv(catalogue: Catalogue, settings: Settings) -> str:
    """One row per practice; list fields joined with '; ', vocabulary fields as term ids."""
    rows = [_csv_row(catalogue, p, settings) for p in catalogue.practices]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
