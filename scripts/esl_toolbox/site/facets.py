"""The facets visitors browse by: which vocabulary each uses, where its listing pages live, and
which practices each value gives. The toolbox page, its data file, the listing pages and the
practice pages' fact boxes all read them from here, so they always agree."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from ..catalogue import Catalogue
from ..model import Practice
from ..vocabularies import Term, vocabulary


@dataclass(frozen=True)
class Facet:
    key: str  # the toolbox's URL and data key, e.g. ?type=prevention
    vocabulary: str
    path: str  # folder of the listing pages, e.g. intervention-types/prevention/
    title: str  # heading of the facet's index page
    values_of: Callable[[Practice], list]
    sort_by_label: bool = False  # countries: by name; other vocabularies keep their own order

    @property
    def label(self) -> str:
        return vocabulary(self.vocabulary).name


FACETS: tuple[Facet, ...] = (
    Facet("type", "intervention_types", "intervention-types", "Intervention types", lambda p: p.intervention_types),
    Facet("isced", "isced_levels", "isced", "ISCED levels", lambda p: p.isced_levels),
    Facet("group", "target_groups", "target-groups", "Target groups", lambda p: p.target_groups),
    Facet("theme", "themes", "themes", "Themes", lambda p: p.themes),
    Facet("country", "countries", "countries", "Countries", lambda p: p.countries, sort_by_label=True),
    Facet(
        "level", "intervention_levels", "intervention-levels", "Intervention levels", lambda p: p.intervention_levels
    ),
    Facet("evidence", "evidence_levels", "evidence-levels", "Evidence levels", lambda p: [p.evidence.level]),
)


def facet(key: str) -> Facet:
    return next(f for f in FACETS if f.key == key)


def by_title(practices: list[Practice] | tuple[Practice, ...]) -> list[Practice]:
    """Practices in the order visitors read them: by title, then id."""
    return sorted(practices, key=lambda p: (p.title.casefold(), p.id))


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet and the practices it gives."""

    facet: Facet
    term: Term
    practices: tuple[Practice, ...]

    @property
    def id(self) -> str:
        return str(self.term.id)

    @property
    def label(self) -> str:
        return self.term.label

    @property
    def url(self) -> str:
        """Address of the listing page, relative to the site root."""
        return f"{self.facet.path}/{self.id}/"


class FacetIndex:
    """Every facet's values that at least one practice has, each with its practices by title."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue

    @cached_property
    def _values(self) -> dict[str, list[FacetValue]]:
        return {f.key: self._values_of(f) for f in FACETS}

    def _values_of(self, f: Facet) -> list[FacetValue]:
        vocab = vocabulary(f.vocabulary)
        found: dict[object, list[Practice]] = {}
        for practice in by_title(self.catalogue.practices):
            for value in f.values_of(practice):
                found.setdefault(value, []).append(practice)
        values = [FacetValue(f, vocab.terms[v], tuple(found[v])) for v in vocab.ids() if v in found]
        return sorted(values, key=lambda v: v.label.casefold()) if f.sort_by_label else values

    def values(self, key: str) -> list[FacetValue]:
        return self._values[key]

    def all_values(self) -> list[FacetValue]:
        return [v for f in FACETS for v in self._values[f.key]]

    @cached_property
    def _by_term(self) -> dict[tuple[str, object], FacetValue]:
        return {(key, v.term.id): v for key, values in self._values.items() for v in values}

    def value(self, key: str, term_id: object) -> FacetValue:
        return self._by_term[(key, term_id)]

    def values_of(self, key: str, practice: Practice) -> list[FacetValue]:
        """The practice's values for one facet, in the record's order."""
        return [self.value(key, v) for v in facet(key).values_of(practice)]
