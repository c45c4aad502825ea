"""The structure of a briefing pack: practices grouped by intervention type, and the indexes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Practice
from ..presentation.views import Views
from ..settings import Settings
from ..vocabularies import vocabulary
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
    settings: Settings
    lang: str

    @property
    def sheets(self) -> tuple[Sheet, ...]:
        return tuple(s for g in self.groups for s in g.sheets)

    def type_counts(self) -> dict[str, int]:
        """How many practices of the pack have each intervention type, wherever they are filed."""
        return {
            str(t): sum(t in s.practice.intervention_types for s in self.sheets)
            for t in vocabulary("intervention_types").ids()
        }


def _by_title(sheets: list[Sheet]) -> tuple[Sheet, ...]:
    return tuple(sorted(sheets, key=lambda s: (s.practice.title.casefold(), s.practice.id)))


def _groups(sheets: list[Sheet]) -> tuple[Group, ...]:
    # A practice is filed once, under the first type its record names; the other types list it under "also".
    groups = []
    for term in vocabulary("intervention_types").terms.values():
        filed = [s for s in sheets if s.practice.intervention_types[0] == term.id]
        also = [s for s in sheets if term.id in s.practice.intervention_types[1:]]
        if filed or also:
            groups.append(Group(str(term.id), term.label, term.definition, _by_title(filed), _by_title(also)))
    return tuple(groups)


def _country_index(sheets: list[Sheet]) -> tuple[IndexEntry, ...]:
    countries = vocabulary("countries")
    codes = sorted({c for s in sheets for c in s.practice.countries}, key=lambda c: countries.label(c).casefold())
    entries = [
        IndexEntry(countries.label(code), _by_title([s for s in sheets if code in s.practice.countries]))
        for code in codes
    ]
    unstated = [s for s in sheets if not s.practice.countries]
    if unstated:
        entries.append(IndexEntry("Country not stated", _by_title(unstated)))
    return tuple(entries)


def _isced_index(sheets: list[Sheet]) -> tuple[IndexEntry, ...]:
    levels = vocabulary("isced_levels")
    return tuple(
        IndexEntry(term.label, _by_title([s for s in sheets if term.id in s.practice.isced_levels]))
        for term in levels.terms.values()
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
        groups=_groups(sheets),
        by_country=_country_index(sheets),
        by_isced=_isced_index(sheets),
        settings=settings,
        lang=views.lang,
    )
