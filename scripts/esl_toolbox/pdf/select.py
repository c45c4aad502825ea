"""Which practices a filtered briefing pack holds: OR within a filter, AND across filters."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Practice
from ..vocabularies import vocabulary


class SelectionProblem(ValueError):
    """A filter value is not a term of its vocabulary."""


@dataclass(frozen=True)
class Filter:
    """One command-line filter: the vocabulary it draws on and the practice field it tests."""

    option: str
    vocabulary: str
    field: str


FILTERS = (
    Filter("--type", "intervention_types", "intervention_types"),
    Filter("--isced", "isced_levels", "isced_levels"),
    Filter("--country", "countries", "countries"),
    Filter("--group", "target_groups", "target_groups"),
)


@dataclass(frozen=True)
class Selection:
    """The chosen terms per filter, in FILTERS order; an empty tuple means the filter is unused."""

    terms: tuple[tuple[str | int, ...], ...] = ((),) * len(FILTERS)

    def is_everything(self) -> bool:
        return not any(self.terms)

    def matches(self, practice: Practice) -> bool:
        return all(
            not chosen or set(chosen) & set(getattr(practice, f.field))
            for f, chosen in zip(FILTERS, self.terms, strict=True)
        )

    def described(self) -> list[tuple[str, list[str]]]:
        """Each used filter's name and the labels of its chosen terms, for the cover and messages."""
        return [
            (vocabulary(f.vocabulary).name, [vocabulary(f.vocabulary).label(t) for t in chosen])
            for f, chosen in zip(FILTERS, self.terms, strict=True)
            if chosen
        ]

    def __str__(self) -> str:
        parts = [f"{in_sentence(name)} {' or '.join(labels)}" for name, labels in self.described()]
        return " and ".join(parts) if parts else "all practices"


def in_sentence(name: str) -> str:
    """A vocabulary's name inside a sentence: 'Intervention type' → 'intervention type', 'ISCED 2011 level' kept."""
    first = name.split()[0]
    return name if first.isupper() else first.lower() + name[len(first) :]


def _split(values: Iterable[str] | None) -> list[str]:
    """Repeated options and comma-separated lists, flattened."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def _term(f: Filter, raw: str) -> str | int:
    vocab = vocabulary(f.vocabulary)
    candidates: list[str | int] = [raw, raw.lower(), raw.upper()]
    if raw.isdigit():
        candidates.insert(0, int(raw))
    for candidate in candidates:
        if candidate in vocab:
            return candidate
    hint = vocab.suggest(raw)
    did_you_mean = f"; did you mean {hint!r}?" if hint else ""
    raise SelectionProblem(f"{f.option} {raw!r}: there is no such {in_sentence(vocab.name)}{did_you_mean}")


def parse_selection(values: Sequence[Iterable[str] | None]) -> Selection:
    """The selection from the raw option values, one entry per filter in FILTERS order."""
    terms = []
    for f, raw_values in zip(FILTERS, values, strict=True):
        chosen = dict.fromkeys(_term(f, raw) for raw in _split(raw_values))
        terms.append(tuple(chosen))
    return Selection(tuple(terms))


def select_practices(practices: Iterable[Practice], selection: Selection) -> list[Practice]:
    return [p for p in practices if selection.matches(p)]
