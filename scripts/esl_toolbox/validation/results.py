"""What a check of record files gives: each file's problems and record, and the report of a run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel

from ..loader import load_document
from ..model import Practice, Project
from ..model.translation import Translation
from ..problems import Problem, format_path


class RecordLinks(NamedTuple):
    """What checks across files compare of a valid record: its kind, id and title, and the ids it names."""

    is_project: bool
    id: str
    title: str
    project: str | None = None
    related: tuple[str, ...] = ()


@dataclass
class CheckedFile:
    """One file's problems, its record's links, and the record if kept."""

    path: str
    record: Practice | Project | None = None
    problems: list[Problem] = field(default_factory=list)
    links: RecordLinks | None = None
    translation: Translation | None = None  # a translation file's content, if it can be used
    translates: tuple[str, bool, str] | None = None  # (language, is a project, record id) of a translation file

    def problem(self, loc: tuple, severity: str, message: str) -> Problem:
        """A problem at a field, found by the checks across files."""
        # Such problems are rare: the file is read again to find the field, rather than every check
        # noting in advance where each linked field stands.
        document, _ = load_document(Path(self.path))
        line, column = document.position(loc) if document is not None else (1, 1)
        return Problem(self.path, line, column, severity, format_path(loc), message)


@dataclass
class Report:
    """What `validate` found: the valid records and every problem."""

    files: list[CheckedFile]

    @property
    def problems(self) -> list[Problem]:
        return sorted(p for f in self.files for p in f.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def records(self, kind: type[BaseModel]) -> list[Any]:
        return [f.record for f in self.files if isinstance(f.record, kind)]

    def translations(self) -> dict[str, dict[tuple[bool, str], Translation]]:
        """The usable translations by language, then by (is a project, record id)."""
        found: dict[str, dict[tuple[bool, str], Translation]] = {}
        for f in self.files:
            if f.translation is not None and f.translates is not None:
                lang, is_project, record_id = f.translates
                found.setdefault(lang, {})[(is_project, record_id)] = f.translation
        return found


def links_of(record: Practice | Project) -> RecordLinks:
    if isinstance(record, Project):
        return RecordLinks(True, record.id, record.title)
    return RecordLinks(False, record.id, record.title, record.project, tuple(record.related))


class InvalidRecords(Exception):
    """The records have errors; `report` holds every problem."""

    def __init__(self, report: Report):
        super().__init__(f"{len(report.errors)} error(s) in the practice records")
        self.report = report
