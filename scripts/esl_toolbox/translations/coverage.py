"""How far each language's translations go: units translated, checked, out of date and missing."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.translation import Translation
from .units import units_of


@dataclass
class Coverage:
    """Counts of one language's units, over the records counted."""

    lang: str
    records: int = 0
    records_started: int = 0  # records with at least one translated unit
    units: int = 0
    translated: int = 0  # up to date
    reviewed: int = 0  # up to date and checked by a native speaker
    stale: int = 0
    stale_units: list[str] = field(default_factory=list)  # 'practice-id: summary'

    @property
    def missing(self) -> int:
        return self.units - self.translated - self.stale

    @property
    def share(self) -> float:
        return self.translated / self.units if self.units else 0.0


def coverage(catalogue, lang: str) -> Coverage:
    """Count the units of every practice and project of the (English) catalogue in `lang`."""
    found = Coverage(lang)
    records = [(False, p) for p in catalogue.practices] + [(True, p) for p in catalogue.projects.values()]
    for is_project, record in records:
        _count(found, record, catalogue.translation(lang, is_project, record.id))
    return found


def _count(found: Coverage, record, translation: Translation | None) -> None:
    units = units_of(record)
    done = translation.units if translation else {}
    found.records += 1
    found.units += len(units)
    started = False
    for key, unit in units.items():
        translated = done.get(key)
        if translated is None or not translated.text:
            continue
        started = True
        if translated.source != unit.fingerprint:
            found.stale += 1
            found.stale_units.append(f"{record.id}: {key}")
        else:
            found.translated += 1
            found.reviewed += translated.status == "reviewed"
    found.records_started += started
