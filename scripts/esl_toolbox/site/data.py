"""The data files the site's scripts read: the toolbox's and the finder's practices and facets, the
summaries, and what the compare page shows of each practice. Every text comes from the practice's
view in the page's language, as the pages write it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..catalogue import Catalogue
from ..model import Practice
from ..presentation.i18n import N_, gettext_for
from ..presentation.views import PracticeView, Views
from ..project import PRACTICE_PAGE
from ..translations import text_lang
from ..vocabularies import vocabulary
from .facets import FacetIndex, by_title
from .ways_in import WayIn, problems, roles

# --- the toolbox page's data ------------------------------------------------------------------

# The toolbox page downloads TOOLBOX_DATA up front, so it holds only what filtering, sorting and a
# card's heading and badges need: ids, titles, review statuses, dates and facet values as positions
# in each facet's list of values (the evidence facet's are its ranks: the scale is in order). The summaries wait in files of SUMMARY_CHUNK,
# by position, which the page fetches for the cards it shows; what the compare page shows of a
# practice waits in files of COMPARE_CHUNK.
TOOLBOX_DATA = "toolbox.json"
SUMMARY_FILE = "toolbox/summaries-{chunk}.json"  # relative to data/, like TOOLBOX_DATA
SUMMARY_CHUNK = 200  # about 20 KB gzip a file: quick for the cards a filter shows, 50 files at 10,000
COMPARE_FILE = "toolbox/compare-{chunk}.json"
COMPARE_CHUNK = 50
DAY_ZERO = dt.date(2000, 1, 1).toordinal()  # dates as days since: short numbers in the data  # a compare page of four practices fetches at most four files of about 15 KB gzip


def _value_positions(index: FacetIndex, practices: list[Practice]) -> dict[str, list[list[int]]]:
    """Each facet's values of each practice, in the record's order, as positions in index.terms."""
    positions = {}
    for f in index.facets:
        position = {v.term.id: i for i, v in enumerate(index.terms(f.key))}
        positions[f.key] = [[position[v] for v in f.values_of(p)] for p in practices]
    return positions


def _distinct(texts: list[str]) -> dict[str, list]:
    """Texts as positions in the list of the distinct ones (few, often repeated)."""
    distinct = list(dict.fromkeys(texts))
    position = {text: i for i, text in enumerate(distinct)}
    return {"texts": distinct, "of": [position[text] for text in texts]}


def _facets(index: FacetIndex, lang: str) -> list[dict[str, Any]]:
    _ = gettext_for(lang)
    return [
        {
            "key": f.key,
            "label": _(f.heading),
            "values": [
                {
                    "id": v.id,
                    "label": v.plain_label,  # in the filters: plain words first, the technical term second
                    "short": v.term.label,  # on badges
                    "plain": v.term.plain or v.term.label,  # in a card's facts
                    "count": len(v.practices),
                }
                for v in index.terms(f.key)
            ],
        }
        for f in index.facets
    ]


def _ways(ways: tuple[WayIn, ...], lang: str) -> list[dict[str, Any]]:
    _ = gettext_for(lang)
    return [
        {"id": w.id, "label": _(w.label), "hint": _(w.hint) if w.hint else "", "facet": w.facet, "values": list(w.values)}
        for w in ways
    ]


def toolbox_data(catalogue: Catalogue, index: FacetIndex, views: Views | None = None) -> dict[str, Any]:
    """What the toolbox and finder pages load up front: the facets with every value, the ways in, and
    every practice by title with its facet values as positions in those lists."""
    practices = by_title(catalogue.practices)
    statuses = vocabulary("review_statuses").ids()
    views = views or Views(catalogue)
    lang = views.lang
    return {
        "lang": lang,
        "facets": _facets(index, lang),
        "problems": _ways(problems(), lang),
        "roles": _ways(roles(), lang),
        "url": PRACTICE_PAGE,  # the script makes its links from it
        # Practices outside the ISCED levels, and how a card says so (PracticeView.short_levels).
        "outside_isced": [i for i, p in enumerate(practices) if p.isced_not_applicable],
        "outside_isced_label": gettext_for(lang)("Outside the ISCED levels"),
        "statuses": statuses,
        "summaries": {"file": SUMMARY_FILE, "chunk": SUMMARY_CHUNK},
        "compare": {"file": COMPARE_FILE, "chunk": COMPARE_CHUNK},
        # Columns rather than an object per practice: no repeated keys, and gzip packs a column tighter.
        "practices": {
            "id": [p.id for p in practices],
            "title": [p.title for p in practices],
            # Positions whose title is shown in English for want of a translation (marked lang="en").
            "english_titles": [i for i, p in enumerate(practices) if text_lang(p.title, lang)],
            "status": [statuses.index(p.review.status) for p in practices],
            "added": [p.created.toordinal() - DAY_ZERO for p in practices],  # days, to sort by newest
            "facets": _value_positions(index, practices),
            "glance": _distinct([views.of(p).glance for p in practices]),
        },
    }


def summary_chunks(catalogue: Catalogue) -> dict[str, list[str]]:
    """The summaries of the practices by title, SUMMARY_CHUNK to a file, by file name below data/.
    A summary shown in English for want of a translation comes as ["en", text]."""
    summaries = [_marked(p.summary, catalogue.lang) for p in by_title(catalogue.practices)]
    return {
        SUMMARY_FILE.format(chunk=n): summaries[start : start + SUMMARY_CHUNK]
        for n, start in enumerate(range(0, len(summaries), SUMMARY_CHUNK))
    }


def _marked(text: str, lang: str) -> str | list[str]:
    other = text_lang(text, lang)
    return [other, str(text)] if other else str(text)


# --- the compare page's data --------------------------------------------------------------------

COMPARE_ROWS = (
    ("glance", N_("At a glance")),
    ("evidence", N_("Evidence")),
    ("cost", N_("Cost")),
    ("scale", N_("Scale")),
    ("levels", N_("Age group")),
    ("groups", N_("Who it is for")),
    ("start", N_("How to start")),
    ("staffing", N_("Staff and time")),
    ("duration", N_("How long learners take part")),
    ("sources", N_("Sources")),
)


def compare_entry(view: PracticeView) -> dict[str, Any]:
    """What the compare page shows of one practice, every text as its page writes it."""
    _ = view._
    how = view.implementation
    plain = ", ".join(t.plain_label for t in view.terms("isced_levels")) or view.levels_text
    levels = plain + (f"; {view.ages}" if view.ages else "")
    return {
        "id": view.id,
        "title": _marked(view.title, view.lang),
        "summary": _marked(view.summary, view.lang),
        "rows": {
            "glance": view.terms_text("intervention_types") + " · " + (view.terms_text("countries") or view.not_stated),
            "evidence": view.evidence_text,
            "cost": view.cost.short + (f" ({view.cost.amount})" if view.cost.amount and view.cost.band else "")
            if view.cost
            else view.not_stated,
            "scale": view.latest_scale or view.not_stated,
            "levels": levels,
            "groups": view.terms_text("target_groups") or view.not_stated,
            "start": [_marked(step, view.lang) for step in how.getting_started] if how and how.getting_started else view.not_stated,
            "staffing": _marked(how.staffing, view.lang) if how and how.staffing else view.not_stated,
            "duration": _marked(how.duration, view.lang) if how and how.duration else view.not_stated,
            "sources": [{"title": c.title, "url": c.link} for c in view.citations],
        },
    }


def compare_chunks(views: Views) -> dict[str, Any]:
    """What the compare page shows of each practice by title, COMPARE_CHUNK to a file, with the rows' labels."""
    _ = gettext_for(views.lang)
    practices = by_title(views.catalogue.practices)
    rows = [{"key": key, "label": _(label)} for key, label in COMPARE_ROWS]
    return {
        COMPARE_FILE.format(chunk=n): {
            "rows": rows,
            "practices": [compare_entry(views.of(p)) for p in practices[start : start + COMPARE_CHUNK]],
        }
        for n, start in enumerate(range(0, len(practices), COMPARE_CHUNK))
    }


def toolbox_files(catalogue: Catalogue, index: FacetIndex, views: Views | None = None) -> dict[str, Any]:
    """Every data file of the toolbox, finder and compare pages, by file name below data/."""
    views = views or Views(catalogue)
    return {
        TOOLBOX_DATA: toolbox_data(catalogue, index, views),
        **summary_chunks(catalogue),
        **compare_chunks(views),
    }

