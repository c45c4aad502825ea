"""The validated records as one catalogue: every practice by id, and the projects they come from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .model import Practice, Project
from .progress import NO_PROGRESS, Steps
from .project import PRACTICES_DIR
from .validation import Report, open_cache, validate_paths


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

    def newest_date(self) -> dt.date:
        """The newest date in the records (added, changed, reviewed): the edition of everything made from them."""
        dates = [d for p in self.practices for d in (p.created, p.updated, p.review.date) if d]
        return max(dates, default=dt.date(1970, 1, 1))


def catalogue_from_report(report: Report) -> Catalogue:
    if report.errors:
        raise InvalidRecords(report)
    practices = tuple(sorted(report.records(Practice), key=lambda p: p.id))
    projects = {p.id: p for p in report.records(Project)}
    return Catalogue(practices, projects)


def load_catalogue(root: Path, *, use_cache: bool = True, steps: Steps = NO_PROGRESS) -> Catalogue:
    """Validate every record under root/practices and return them; raise InvalidRecords on any error.

    Files unchanged since an earlier check are taken from the project's validation cache.
    """
    cache = open_cache(root) if use_cache else None
    report = validate_paths([root / PRACTICES_DIR], root, cache=cache, steps=steps)
    if cache is not None:
        cache.save()
    return catalogue_from_report(report)
