"""The facets visitors browse by, read from the model's field metadata, and which practices each
value gives. The toolbox page, its data file, the listing pages, the navigation and the practice
pages' fact boxes all read them from here, so they always agree."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from pydantic import BaseModel

from ..catalogue import Catalogue
from ..model import FieldMeta, Practice, facet_fields
from ..project import listing_page
from ..vocabularies import Term, term_in, vocabulary


@dataclass(frozen=True)
class Facet:
    """A field visitors browse by: `?key=` on the toolbox page, listing pages below `path/`."""

    field: FieldMeta

    @property
    def key(self) -> str:
        return self.field.facet.key  # type: ignore[union-attr]

    @property
    def path(self) -> str:
        return self.field.facet.path  # type: ignore[union-attr]

    @property
    def vocabulary(self) -> str:
        return self.field.vocabulary or ""

    @property
    def label(self) -> str:
        """The field's label: 'Level of education'."""
        return self.field.label

    @property
    def heading(self) -> str:
        """What visitors read above its values, in plain words: 'Age group'."""
        return self.field.facet.heading or self.field.label  # type: ignore[union-attr]

    @property
    def title(self) -> str:
        """The heading of its index page: 'Levels of education'."""
        return self.field.plural

    @property
    def sort_by_label(self) -> bool:
        return self.field.facet.by_label  # type: ignore[union-attr]

    def values_of(self, practice: Practice) -> list:
        return self.field.values_of(practice)


def facets(model: type[BaseModel] = Practice) -> tuple[Facet, ...]:
    """The model's facets, in their order."""
    return tuple(Facet(f) for f in facet_fields(model))


FACETS = facets()


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
    def plain_label(self) -> str:
        """Plain words first, the technical term second: 'Primary school (ISCED 1)'."""
        return self.term.plain_label

    @property
    def url(self) -> str:
        """Address of the listing page, relative to the site root (only values with practices have one)."""
        return listing_page(self.facet.path, self.id)


class FacetIndex:
    """Every facet's values that at least one practice has, each with its practices by title."""

    def __init__(self, catalogue: Catalogue, facet_list: tuple[Facet, ...] = FACETS):
        self.catalogue = catalogue
        self.facets = facet_list

    @cached_property
    def _by_key(self) -> dict[str, Facet]:
        return {f.key: f for f in self.facets}

    def facet(self, key: str) -> Facet:
        return self._by_key[key]

    @cached_property
    def _values(self) -> dict[str, list[FacetValue]]:
        return {f.key: self._values_of(f) for f in self.facets}

    def _values_of(self, f: Facet) -> list[FacetValue]:
        vocab = vocabulary(f.vocabulary)
        found: dict[object, list[Practice]] = {}
        for practice in by_title(self.catalogue.practices):
            for value in f.values_of(practice):
                found.setdefault(value, []).append(practice)
        lang = self.catalogue.lang
        values = [FacetValue(f, term_in(f.vocabulary, v, lang), tuple(found[v])) for v in vocab.ids() if v in found]
        return sorted(values, key=lambda v: v.label.casefold()) if f.sort_by_label else values

    def values(self, key: str) -> list[FacetValue]:
        """The facet's values that at least one practice has."""
        return self._values[key]

    def terms(self, key: str) -> list[FacetValue]:
        """Every term of the facet's vocabulary, with the practices of each (none yet for some), so that
        visitors see what the toolbox covers and what it does not yet; for the ISO code lists (countries),
        only the values practices have."""
        f = self.facet(key)
        vocab = vocabulary(f.vocabulary)
        if f.sort_by_label or len(vocab.terms) > 40:
            return self.values(key)
        found = {v.term.id: v for v in self.values(key)}
        lang = self.catalogue.lang
        return [found.get(t) or FacetValue(f, term_in(f.vocabulary, t, lang), ()) for t in vocab.ids()]

    def all_values(self) -> list[FacetValue]:
        return [v for f in self.facets for v in self._values[f.key]]

    @cached_property
    def _by_term(self) -> dict[tuple[str, object], FacetValue]:
        return {(key, v.term.id): v for key, values in self._values.items() for v in values}

    def value(self, key: str, term_id: object) -> FacetValue:
        return self._by_term[(key, term_id)]

    def values_of(self, key: str, practice: Practice) -> list[FacetValue]:
        """The practice's values for one facet, in the record's order."""
        return [self.value(key, v) for v in self.facet(key).values_of(practice)]
