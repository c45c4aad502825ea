"""The site's data files: the toolbox page's filter data and the open data exports (JSON, CSV)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from ..catalogue import Catalogue
from ..model import Practice
from ..settings import Settings
from ..vocabularies import vocabulary
from .facets import FACETS, FacetIndex, by_title
from .formatting import source_link

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LIST_SEPARATOR = "; "
PRACTICE_URL = "practices/{id}/"  # the toolbox page makes its links from it too

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


def practice_url(practice: Practice) -> str:
    """Address of a practice's page, relative to the site root."""
    return PRACTICE_URL.format(id=practice.id)


def to_json(document: Any, compact: bool = False) -> str:
    """JSON text; compact for data only scripts read, indented for people."""
    if compact:
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


# --- the toolbox page's data ------------------------------------------------------------------

# The toolbox page downloads TOOLBOX_DATA up front, so it holds only what filtering and a card's
# heading and badges need: ids, titles, review statuses and facet values as positions in each
# facet's list of values. The summaries wait in files of SUMMARY_CHUNK, by position, which the
# page fetches for the cards it shows, and all of them once a visitor types words.
TOOLBOX_DATA = "toolbox.json"
SUMMARY_FILE = "toolbox/summaries-{chunk}.json"  # relative to data/, like TOOLBOX_DATA
SUMMARY_CHUNK = 200  # about 20 KB gzip a file: quick for the cards a filter shows, 50 files at 10,000


def _value_positions(index: FacetIndex, practices: list[Practice]) -> dict[str, list[list[int]]]:
    """Each facet's values of each practice, in the record's order, as positions in index.values."""
    positions = {}
    for f in FACETS:
        position = {v.term.id: i for i, v in enumerate(index.values(f.key))}
        positions[f.key] = [[position[v] for v in f.values_of(p)] for p in practices]
    return positions


def toolbox_data(catalogue: Catalogue, index: FacetIndex) -> dict[str, Any]:
    """What the toolbox page loads up front: the facets with their values, and every practice by
    title with its facet values as positions in those lists; the summaries are in summary_chunks."""
    practices = by_title(catalogue.practices)
    statuses = vocabulary("review_statuses").ids()
    return {
        "facets": [
            {"key": f.key, "label": f.label, "values": [{"id": v.id, "label": v.label} for v in index.values(f.key)]}
            for f in FACETS
        ],
        "url": PRACTICE_URL,
        "statuses": statuses,
        "summaries": {"file": SUMMARY_FILE, "chunk": SUMMARY_CHUNK},
        # Columns rather than an object per practice: no repeated keys, and gzip packs a column tighter.
        "practices": {
            "id": [p.id for p in practices],
            "title": [p.title for p in practices],
            "status": [statuses.index(p.review.status) for p in practices],
            "facets": _value_positions(index, practices),
        },
    }


def summary_chunks(catalogue: Catalogue) -> dict[str, list[str]]:
    """The summaries of the practices by title, SUMMARY_CHUNK to a file, by file name below data/."""
    summaries = [p.summary for p in by_title(catalogue.practices)]
    return {
        SUMMARY_FILE.format(chunk=n): summaries[start : start + SUMMARY_CHUNK]
        for n, start in enumerate(range(0, len(summaries), SUMMARY_CHUNK))
    }


def toolbox_files(catalogue: Catalogue, index: FacetIndex) -> dict[str, Any]:
    """Every data file of the toolbox page, by file name below data/."""
    return {TOOLBOX_DATA: toolbox_data(catalogue, index), **summary_chunks(catalogue)}


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
