"""Check record files: each file alone, then the set across files. Collect every problem."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .loader import Document, load_document
from .messages import describe_error
from .model import Practice, Project
from .problems import ERROR, WARNING, Problem, format_path

PRACTICES_DIR = "practices"
PROJECTS_DIR = "projects"
RECORD_SUFFIXES = (".yml", ".yaml")

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
MAX_SUMMARY_SENTENCES = 3
PARALLEL_FROM = 400  # below this, starting worker processes costs more than it saves


@dataclass
class CheckedFile:
    """One file's record and problems, and where the fields that other files refer to stand."""

    path: str
    record: Practice | Project | None = None
    problems: list[Problem] = field(default_factory=list)
    anchors: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def problem(self, loc: tuple, severity: str, message: str) -> Problem:
        line, column = self.anchors.get(loc, (1, 1))
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


def shown_path(path: Path, cwd: Path | None = None) -> str:
    """The path as a contributor would type it: relative to the current folder when inside it."""
    cwd = cwd or Path.cwd()
    try:
        return str(path.absolute().relative_to(cwd))
    except ValueError:
        return str(path)


def is_project_file(path: Path) -> bool:
    return path.parent.name == PROJECTS_DIR


def record_files(paths: Iterable[Path]) -> list[Path]:
    """The record files named, with folders expanded to the YAML files below them."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(_yaml_files_below(path)))
        else:
            found.append(path)
    return found


def _yaml_files_below(folder: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        yield from (Path(dirpath, name) for name in filenames if name.endswith(RECORD_SUFFIXES))


# --- one file -----------------------------------------------------------------------------------


def _problem(doc: Document, loc: tuple, severity: str, message: str, prefer_key: bool = False) -> Problem:
    line, column = doc.position(loc, prefer_key)
    return Problem(doc.path, line, column, severity, format_path(loc), message)


def _model_problems(doc: Document, model: type[BaseModel], exc: ValidationError) -> list[Problem]:
    problems = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        on_key = error["type"] in {"extra_forbidden", "missing"}
        problems.append(_problem(doc, loc, ERROR, describe_error(model, error), prefer_key=on_key))
    return problems


def _strings(data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, loc + (index,))


def check_id_matches_file_name(doc: Document, record: Any, path: Path) -> list[Problem]:
    if record.id == path.stem:
        return []
    return [
        _problem(doc, ("id",), ERROR, f"id '{record.id}' differs from the file name; rename one to match '{path.stem}'")
    ]


def check_summary_length(doc: Document, record: Any, path: Path) -> list[Problem]:
    if not isinstance(record, Practice):
        return []
    sentences = len(SENTENCE_END.findall(record.summary))
    if sentences <= MAX_SUMMARY_SENTENCES:
        return []
    message = f"summary has {sentences} sentences; keep it to one to three and move the rest to description"
    return [_problem(doc, ("summary",), WARNING, message)]


def check_no_email_addresses(doc: Document, record: Any, path: Path) -> list[Problem]:
    # An address needs an "@": testing for one first spares the regex, a quarter of a record's check.
    if "@" not in doc.text or not EMAIL.search(doc.text):
        return []
    return [
        _problem(
            doc, loc, WARNING, "contains an e-mail address; records name organisations and web pages, not contacts"
        )
        for loc, text in _strings(doc.data)
        if EMAIL.search(text)
    ]


def check_no_template_placeholders(doc: Document, record: Any, path: Path) -> list[Problem]:
    if "TODO" not in doc.text and "example.org" not in doc.text:
        return []
    return [
        _problem(doc, loc, ERROR, "still holds the template's placeholder; write what the source says or remove it")
        for loc, text in _strings(doc.data)
        if "TODO" in text or "example.org" in text
    ]


def check_sources_can_be_found(doc: Document, record: Any, path: Path) -> list[Problem]:
    return [
        _problem(doc, ("sources", index), WARNING, "give a url or doi so that readers can find this source")
        for index, source in enumerate(record.sources)
        if source.url is None and source.doi is None
    ]


def check_evidence_basis(doc: Document, record: Any, path: Path) -> list[Problem]:
    if not isinstance(record, Practice) or record.evidence.level == "not-evaluated" or record.evidence.basis:
        return []
    return [_problem(doc, ("evidence",), WARNING, "an evidence level above 'not-evaluated' should state its basis")]


def check_record_dates(doc: Document, record: Any, path: Path) -> list[Problem]:
    if not isinstance(record, Practice) or record.updated is None or record.updated >= record.created:
        return []
    return [_problem(doc, ("updated",), ERROR, f"updated ({record.updated}) is before created ({record.created})")]


FILE_CHECKS: tuple[Callable[[Document, Any, Path], list[Problem]], ...] = (
    check_id_matches_file_name,
    check_summary_length,
    check_no_email_addresses,
    check_no_template_placeholders,
    check_sources_can_be_found,
    check_evidence_basis,
    check_record_dates,
)


def _refusal(path: Path) -> str | None:
    """Why a path is not even read as a record, if it is not."""
    if path.suffix not in RECORD_SUFFIXES:
        return "records are YAML files ending in .yml"
    if path.is_symlink():
        folder = next((p for p in path.absolute().parents if p.name == PRACTICES_DIR), path.absolute().parent)
        if not path.resolve().is_relative_to(folder.resolve()):
            return f"a link to a file outside {PRACTICES_DIR}/ is refused; copy the record into the folder instead"
    return None


def _anchors(doc: Document, record: Any) -> dict[tuple, tuple[int, int]]:
    """Positions of the fields that checks across files point at."""
    locs = [("id",), ("title",), ("project",)] + [("related", i) for i in range(len(getattr(record, "related", [])))]
    return {loc: doc.position(loc) for loc in locs}


def check_file(path: Path, shown: str | None = None) -> CheckedFile:
    """Load, validate and lint one record file."""
    checked = CheckedFile(shown or shown_path(path))
    refusal = _refusal(path)
    if refusal:
        checked.problems.append(Problem(checked.path, 1, 1, ERROR, "", refusal))
        return checked
    doc, checked.problems = load_document(path, checked.path)
    if doc is None:
        return checked
    model = Project if is_project_file(path) else Practice
    try:
        checked.record = model.model_validate(doc.data)
    except ValidationError as exc:
        checked.problems.extend(_model_problems(doc, model, exc))
        # A warning such as an e-mail address is still worth showing on an invalid record.
        checked.problems.extend(check_no_email_addresses(doc, None, path))
        return checked
    for check in FILE_CHECKS:
        checked.problems.extend(check(doc, checked.record, path))
    checked.anchors = _anchors(doc, checked.record)
    return checked


def _check_one(args: tuple[Path, str]) -> CheckedFile:
    return check_file(*args)


def check_files(paths: list[Path]) -> list[CheckedFile]:
    """Check each file, on every core when there are many: parsing is most of the cost."""
    cwd = Path.cwd()
    jobs = [(path, shown_path(path, cwd)) for path in paths]
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_FROM or workers == 1:
        return [check_file(*job) for job in jobs]
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(_check_one, jobs, chunksize=max(1, len(jobs) // (workers * 8))))


# --- across files --------------------------------------------------------------------------------


def _normalised_title(title: str) -> str:
    return " ".join(title.lower().split())


def check_unique(files: list[CheckedFile], field_name: str, key: Callable[[str], str]) -> None:
    first_seen: dict[tuple[type, str], CheckedFile] = {}
    for checked in files:
        if checked.record is None:
            continue
        value = key(getattr(checked.record, field_name))
        first = first_seen.setdefault((type(checked.record), value), checked)
        if first is not checked:
            message = f"'{getattr(checked.record, field_name)}' is already used by {first.path}"
            checked.problems.append(checked.problem((field_name,), ERROR, message))


def _unknown_reference(checked: CheckedFile, loc: tuple, value: str, known: set[str], what: str) -> Problem:
    message = f"no {what} has the id '{value}'"
    match = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    if match:
        message += f"; did you mean '{match[0]}'?"
    return checked.problem(loc, ERROR, message)


def check_references(files: list[CheckedFile], practice_ids: set[str], project_ids: set[str]) -> None:
    for checked in files:
        record = checked.record
        if not isinstance(record, Practice):
            continue
        if record.project and record.project not in project_ids:
            checked.problems.append(_unknown_reference(checked, ("project",), record.project, project_ids, "project"))
        for index, related in enumerate(record.related):
            if related == record.id:
                checked.problems.append(
                    checked.problem(("related", index), ERROR, "a practice cannot be related to itself")
                )
            elif related not in practice_ids:
                checked.problems.append(
                    _unknown_reference(checked, ("related", index), related, practice_ids, "practice")
                )


def _ids_on_disk(root: Path | None) -> tuple[set[str], set[str]]:
    """Ids of every record file in the project, so that checking one file still resolves references."""
    if root is None or not (root / PRACTICES_DIR).is_dir():
        return set(), set()
    files = record_files([root / PRACTICES_DIR])
    return {p.stem for p in files if not is_project_file(p)}, {p.stem for p in files if is_project_file(p)}


def validate_paths(paths: Iterable[Path], root: Path | None = None) -> Report:
    """Check every record file under `paths`; `root` is the project whose other records may be referenced."""
    files = check_files(record_files(paths))
    check_unique(files, "id", str)
    check_unique(files, "title", _normalised_title)
    practice_ids, project_ids = _ids_on_disk(root)
    practice_ids |= {f.record.id for f in files if isinstance(f.record, Practice)}
    project_ids |= {f.record.id for f in files if isinstance(f.record, Project)}
    check_references(files, practice_ids, project_ids)
    return Report(files)
