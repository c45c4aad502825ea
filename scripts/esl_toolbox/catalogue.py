"""The validated records as one catalogue, with each practice's project facts resolved."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .model import Funding, Organisation, Period, Practice, Project, Source
from .validate import PRACTICES_DIR, Report, validate_paths
from .validation_cache import open_cache


class InvalidRecords(Exception):
    """The records have errors; `report` holds every problem."""

    def __init__(self, report: Report):
        super().__init__(f"{len(report.errors)} error(s) in the practice records")
        self.report = report


@dataclass(frozen=True)
class Catalogue:
    """Every practice (sorted by id) and the projects they come from."""

    practices: tuple[Practice, ...]
    projects: dict[str, Project]

    @cached_property
    def _by_id(self) -> dict[str, Practice]:
        return {p.id: p for p in self.practices}

    def practice(self, practice_id: str) -> Practice:
        return self._by_id[practice_id]

    def project_of(self, practice: Practice) -> Project | None:
        return self.projects.get(practice.project) if practice.project else None

    def organisations_of(self, practice: Practice) -> list[Organisation]:
        """The project's organisations, then the practice's own (which win on the same name)."""
        own = {o.name for o in practice.organisations}
        project = self.project_of(practice)
        inherited = [o for o in (project.organisations if project else []) if o.name not in own]
        return inherited + list(practice.organisations)

    def period_of(self, practice: Practice) -> tuple[Period | None, bool]:
        """The practice's period, or the project's; the flag says it came from the project."""
        project = self.project_of(practice)
        if practice.period is None and project and project.period:
            return project.period, True
        return practice.period, False

    def funding_of(self, practice: Practice) -> tuple[Funding | None, bool]:
        """The practice's funding, or the whole project's; the flag says it came from the project."""
        project = self.project_of(practice)
        if practice.funding is None and project and project.funding:
            return project.funding, True
        return practice.funding, False

    def sources_of(self, practice: Practice) -> list[Source]:
        """The practice's sources, then the project's that it does not already cite."""
        project = self.project_of(practice)
        seen = {(s.url, s.doi) for s in practice.sources}
        extra = [s for s in (project.sources if project else []) if (s.url, s.doi) not in seen]
        return list(practice.sources) + extra


def catalogue_from_report(report: Report) -> Catalogue:
    if report.errors:
        raise InvalidRecords(report)
    practices = tuple(sorted(report.records(Practice), key=lambda p: p.id))
    projects = {p.id: p for p in report.records(Project)}
    return Catalogue(practices, projects)


def load_catalogue(root: Path, *, use_cache: bool = True) -> Catalogue:
    """Validate every record under root/practices and return them; raise InvalidRecords on any error.

    Files unchanged since an earlier check are taken from the project's validation cache.
    """
    cache = open_cache(root) if use_cache else None
    report = validate_paths([root / PRACTICES_DIR], root, cache=cache)
    if cache is not None:
        cache.save()
    return catalogue_from_report(report)
