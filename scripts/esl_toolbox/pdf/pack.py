"""The structure of a briefing pack: practices grouped by intervention type, and the indexes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Practice
from ..presentation.i18n import gettext_for
from ..presentation.views import Views
from ..settings import Settings
from ..vocabularies import term_in, vocabulary
from .facts import Sheet, practice_sheet
from .select import Selection


@dataclass(frozen=True)
class Group:
    """The practices filed under one intervention type, and those filed elsewhere that also have it."""

    key: str
    label: str
    definition: str
    sheets: tuple[Sheet, ...]
    also: tuple[Sheet, ...]

    @property
    def anchor(self) -> str:
        return f"type-{self.key}"


@dataclass(frozen=True)
class IndexEntry:
    heading: str
    sheets: tuple[Sheet, ...]


@dataclass(frozen=True)
class Pack:
    """Everything a briefing pack shows, in reading order."""

    selection: Selection
    edition: dt.datetime
    count: int
    groups: tuple[Group, ...]
    by_country: tuple[IndexEntry, ...]
    by_isced: tuple[IndexEntry, ...]
    evidence: EvidenceSummary
    settings: Settings
    lang: str

    @property
    def sheets(self) -> tuple[Sheet, ...]:
        return tuple(s for g in self.groups for s in g.sheets)

    @property
    def compared(self) -> tuple[Sheet, ...]:
        """Every practice of the pack once, by title, for the comparison table."""
        return _by_title(list(self.sheets))

    def type_counts(self) -> dict[str, int]:
        """How many practices of the pack have each intervention type, wherever they are filed."""
        return {
            str(t): sum(t in s.practice.intervention_types for s in self.sheets)
            for t in vocabulary("intervention_types").ids()
        }


@dataclass(frozen=True)
class EvidenceSummary:
    """What the evidence in a pack shows: how rigorous, what was found, and where it was not."""

    by_level: tuple[tuple[str, str, int], ...]  # (label, definition, practices) for every level, strongest first
    by_finding: tuple[tuple[str, int], ...]  # (finding, evaluations) over every evaluation in the pack
    evaluations: int
    controlled: tuple[Sheet, ...]  # practices whose evidence rests on a controlled comparison or a trial
    no_effect: tuple[Sheet, ...]  # practices where an evaluation found no effect or a negative one
    not_evaluated: int


def evidence_summary(sheets: list[Sheet], lang: str) -> EvidenceSummary:
    terms = [term_in("evidence_levels", t, lang) for t in vocabulary("evidence_levels").ids()]
    levels = sorted(terms, key=lambda t: -(t.rank or 0))
    counts = {t.id: sum(s.practice.evidence.level == t.id for s in sheets) for t in levels}
    findings: dict[str, int] = {}
    for sheet in sheets:
        for evaluation in sheet.view.evaluations:
            findings[evaluation.direction.label] = findings.get(evaluation.direction.label, 0) + 1
    controlled = [s for s in sheets if s.practice.evidence.level in ("promising", "strong")]
    not_found = [s for s in sheets if {e.direction for e in s.practice.evaluations} & {"no-effect", "negative"}]
    return EvidenceSummary(
        by_level=tuple((t.label, t.definition, counts[t.id]) for t in levels),
        by_finding=tuple(sorted(findings.items(), key=lambda item: -item[1])),
        evaluations=sum(findings.values()),
        controlled=_by_title(controlled),
        no_effect=_by_title(not_found),
        not_evaluated=counts.get("not-evaluated", 0),
    )


def _by_title(sheets: list[Sheet]) -> tuple[Sheet, ...]:
    return tuple(sorted(sheets, key=lambda s: (s.practice.title.casefold(), s.practice.id)))


def _groups(sheets: list[Sheet], lang: str) -> tuple[Group, ...]:
    # A practice is filed once, under the first type its record names; the other types list it under "also".
    groups = []
    for term in (term_in("intervention_types", t, lang) for t in vocabulary("intervention_types").ids()):
        filed = [s for s in sheets if s.practice.intervention_types[0] == term.id]
        also = [s for s in sheets if term.id in s.practice.intervention_types[1:]]
        if filed or also:
            groups.append(Group(str(term.id), term.label, term.definition, _by_title(filed), _by_title(also)))
    return tuple(groups)


def _country_index(sheets: list[Sheet], lang: str) -> tuple[IndexEntry, ...]:
    countries = vocabulary("countries")
    codes = sorted({c for s in sheets for c in s.practice.countries}, key=lambda c: countries.label(c, lang).casefold())
    entries = [
        IndexEntry(countries.label(code, lang), _by_title([s for s in sheets if code in s.practice.countries]))
        for code in codes
    ]
    unstated = [s for s in sheets if not s.practice.countries]
    if unstated:
        entries.append(IndexEntry(gettext_for(lang)("Country not stated"), _by_title(unstated)))
    return tuple(entries)


def _isced_index(sheets: list[Sheet], lang: str) -> tuple[IndexEntry, ...]:
    levels = [term_in("isced_levels", t, lang) for t in vocabulary("isced_levels").ids()]
    return tuple(
        IndexEntry(term.label, _by_title([s for s in sheets if term.id in s.practice.isced_levels]))
        for term in levels
        if any(term.id in s.practice.isced_levels for s in sheets)
    )


def briefing_pack(
    views: Views,
    practices: list[Practice],
    settings: Settings,
    selection: Selection,
    edition: dt.datetime,
) -> Pack:
    """The pack of the given practices, its cover saying how they were selected."""
    sheets = [practice_sheet(views.of(p), settings) for p in practices]
    return Pack(
        selection=selection,
        edition=edition,
        count=len(sheets),
        groups=_groups(sheets, views.lang),
        by_country=_country_index(sheets, views.lang),
        by_isced=_isced_index(sheets, views.lang),
        evidence=evidence_summary(sheets, views.lang),
        settings=settings,
        lang=views.lang,
    )
