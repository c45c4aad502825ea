"""The toolbox page's data files: what its script filters and the summaries it shows."""

from __future__ import annotations

from typing import Any

from ..catalogue import Catalogue
from ..model import Practice
from ..presentation.views import Views
from ..project import PRACTICE_PAGE
from ..vocabularies import vocabulary
from .facets import FacetIndex, by_title


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
    for f in index.facets:
        position = {v.term.id: i for i, v in enumerate(index.values(f.key))}
        positions[f.key] = [[position[v] for v in f.values_of(p)] for p in practices]
    return positions


def _glances(views: Views, practices: list[Practice]) -> dict[str, list]:
    """Each card's evidence-and-cost line, as positions in a list of the distinct lines (few, often repeated)."""
    texts = [views.of(p).glance for p in practices]
    distinct = list(dict.fromkeys(texts))
    position = {text: i for i, text in enumerate(distinct)}
    return {"texts": distinct, "of": [position[text] for text in texts]}


def toolbox_data(catalogue: Catalogue, index: FacetIndex, views: Views | None = None) -> dict[str, Any]:
    """What the toolbox page loads up front: the facets with their values, and every practice by
    title with its facet values as positions in those lists; the summaries are in summary_chunks."""
    practices = by_title(catalogue.practices)
    statuses = vocabulary("review_statuses").ids()
    views = views or Views(catalogue)
    return {
        "facets": [
            {"key": f.key, "label": f.label, "values": [{"id": v.id, "label": v.label} for v in index.values(f.key)]}
            for f in index.facets
        ],
        "url": PRACTICE_PAGE,  # the script makes its links from it
        "statuses": statuses,
        "summaries": {"file": SUMMARY_FILE, "chunk": SUMMARY_CHUNK},
        # Columns rather than an object per practice: no repeated keys, and gzip packs a column tighter.
        "practices": {
            "id": [p.id for p in practices],
            "title": [p.title for p in practices],
            "status": [statuses.index(p.review.status) for p in practices],
            "facets": _value_positions(index, practices),
            "glance": _glances(views, practices),
        },
    }


def summary_chunks(catalogue: Catalogue) -> dict[str, list[str]]:
    """The summaries of the practices by title, SUMMARY_CHUNK to a file, by file name below data/."""
    summaries = [p.summary for p in by_title(catalogue.practices)]
    return {
        SUMMARY_FILE.format(chunk=n): summaries[start : start + SUMMARY_CHUNK]
        for n, start in enumerate(range(0, len(summaries), SUMMARY_CHUNK))
    }


def toolbox_files(catalogue: Catalogue, index: FacetIndex, views: Views | None = None) -> dict[str, Any]:
    """Every data file of the toolbox page, by file name below data/."""
    return {TOOLBOX_DATA: toolbox_data(catalogue, index, views), **summary_chunks(catalogue)}
