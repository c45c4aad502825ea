"""Which practices a filtered briefing pack holds: OR within a filter, AND across filters.

The filters are the model's facets, so the command line offers the same choices as the toolbox
page: `--type`, `--isced`, `--group`, `--theme`, `--country`, `--level`, `--evidence`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..languages import SOURCE_LANGUAGE
from ..model import FieldMeta, Practice, facet_fields
from ..vocabularies import vocabulary


class SelectionProblem(ValueError):
    """A filter value is not a term of its vocabulary."""


@dataclass(frozen=True)
class Filter:
    """One command-line filter: a facet field of the model."""

    field: FieldMeta

    @property
    def option(self) -> str:
        return f"--{self.field.facet.key}"  # type: ignore[union-attr]

    @property
    def dest(self) -> str:
        return self.field.facet.key  # type: ignore[union-attr]


FILTERS = tuple(Filter(f) for f in facet_fields(Practice))


@dataclass(frozen=True)
class Selection:
    """The chosen terms per filter, in FILTERS order; an empty tuple means the filter is unused."""

    terms: tuple[tuple[str | int, ...], ...] = ((),) * len(FILTERS)

    def is_everything(self) -> bool:
        return not any(self.terms)

    def matches(self, practice: Practice) -> bool:
        return all(
            not chosen or set(chosen) & set(f.field.values_of(practice))
            for f, chosen in zip(FILTERS, self.terms, strict=True)
        )

    def described(self, lang: str = SOURCE_LANGUAGE) -> list[tuple[str, str]]:
        """Each used filter's label and its chosen terms ('Prevention or Intervention'), for the cover."""
        # Imported here: the pdf command's options read FILTERS, and every command builds them.
        from ..presentation.formatting import list_text
        from ..presentation.i18n import gettext_for

        _ = gettext_for(lang)
        return [
            (
                _(f.field.label),
                list_text((vocabulary(f.field.vocabulary).label(t, lang) for t in chosen), lang, style="or"),
            )
            for f, chosen in zip(FILTERS, self.terms, strict=True)
            if chosen
        ]

    def __str__(self) -> str:
        parts = [f"{name.lower()} {terms}" for name, terms in self.described()]
        return " and ".join(parts) if parts else "all practices"


def _split(values: Iterable[str] | None) -> list[str]:
    """Repeated options and comma-separated lists, flattened."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def _term(f: Filter, raw: str) -> str | int:
    vocab = vocabulary(f.field.vocabulary)
    candidates: list[str | int] = [raw, raw.lower(), raw.upper()]
    if raw.isdigit():
        candidates.insert(0, int(raw))
    for candidate in candidates:
        if candidate in vocab:
            return candidate
    hint = vocab.suggest(raw)
    did_you_mean = f"; did you mean {hint!r}?" if hint else ""
    raise SelectionProblem(f"{f.option} {raw!r}: there is no such {f.field.label.lower()}{did_you_mean}")


def parse_selection(values: Mapping[str, Iterable[str] | None]) -> Selection:
    """The selection from the raw option values by facet key, e.g. {"type": ["prevention"], "isced": ["1,2"]}."""
    unknown = set(values) - {f.dest for f in FILTERS}
    if unknown:
        raise SelectionProblem(f"no such filter: {', '.join(sorted(unknown))}")
    terms = []
    for f in FILTERS:
        chosen = dict.fromkeys(_term(f, raw) for raw in _split(values.get(f.dest)))
        terms.append(tuple(chosen))
    return Selection(tuple(terms))


def select_practices(practices: Iterable[Practice], selection: Selection) -> list[Practice]:
    return [p for p in practices if selection.matches(p)]
