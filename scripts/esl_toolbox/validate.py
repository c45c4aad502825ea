"""Check record files: each file alone, then the set across files. Collect every problem."""

from __future__ import annotations

import difflib
import gc
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from .loader import Document, parse_document, read_record_bytes
from .messages import describe_error
from .model import Practice, Project
from .problems import ERROR, WARNING, Problem, format_path
from .validation_cache import CachedFile, ValidationCache, file_digest

PRACTICES_DIR = "practices"
PROJECTS_DIR = "projects"
RECORD_SUFFIXES = (".yml", ".yaml")

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
MAX_SUMMARY_SENTENCES = 3
PARALLEL_FROM = 400  # below this, starting worker processes costs more than it saves


class RecordLinks(NamedTuple):
    """What checks across files compare of a valid record: its kind, id and title, and the ids it names."""

    is_project: bool
    id: str
    title: str
    project: str | None = None
    related: tuple[str, ...] = ()


@dataclass
class CheckedFile:
    """One file's problems, its record's links, where the linked fields stand, and the record if kept."""

    path: str
    record: Practice | Project | None = None
    problems: list[Problem] = field(default_factory=list)
    anchors: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    links: RecordLinks | None = None

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
    return [Path(name) for name in _record_file_names(paths)]


def _record_file_names(paths: Iterable[Path]) -> list[str]:
    found: list[str] = []
    for path in paths:
        found.extend(_yaml_files_below(path) if path.is_dir() else [str(path)])
    return found


def _yaml_files_below(folder: Path) -> list[str]:
    """The YAML files below a folder, in path order; as strings, since ten thousand Paths cost more than the walk."""
    return sorted(_walk_yaml_files(folder), key=lambda name: name.split(os.sep))


def _walk_yaml_files(folder: Path) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        yield from (os.path.join(dirpath, name) for name in filenames if name.endswith(RECORD_SUFFIXES))


def _shown(name: str, cwd_prefix: str) -> str:
    """shown_path() of a path string as the walk gives it, by string operations alone."""
    if os.path.isabs(name) and name.startswith(cwd_prefix):
        return name[len(cwd_prefix) :]
    return name


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


def _links(record: Practice | Project) -> RecordLinks:
    if isinstance(record, Project):
        return RecordLinks(True, record.id, record.title)
    return RecordLinks(False, record.id, record.title, record.project, tuple(record.related))


def check_file(path: Path, shown: str | None = None) -> CheckedFile:
    """Load, validate and lint one record file."""
    shown = shown or shown_path(path)
    return _checked_file(shown, _check_path(path, shown, keep_record=True, keep_data=False))


def _check_path(path: Path, shown: str, keep_record: bool, keep_data: bool) -> CachedFile:
    refusal = _refusal(path)
    if refusal:
        return _uncacheable([Problem(shown, 1, 1, ERROR, "", refusal)])
    raw, problems = read_record_bytes(path, shown)
    if raw is None:
        return _uncacheable(problems)
    return _check_bytes(raw, path, shown, keep_record, keep_data)


def _check_bytes(raw: bytes, path: Path, shown: str, keep_record: bool, keep_data: bool) -> CachedFile:
    """Everything one file's bytes say about it, in the form the cache keeps."""
    doc, problems = parse_document(raw, shown)
    record, anchors = None, {}
    if doc is not None:
        model = Project if is_project_file(path) else Practice
        try:
            record = model.model_validate(doc.data)
        except ValidationError as exc:
            problems.extend(_model_problems(doc, model, exc))
            # A warning such as an e-mail address is still worth showing on an invalid record.
            problems.extend(check_no_email_addresses(doc, None, path))
        else:
            for check in FILE_CHECKS:
                problems.extend(check(doc, record, path))
            anchors = _anchors(doc, record)
    result = {
        "problems": _problems_as_lists(problems),
        "anchors": [[list(loc), line, column] for loc, (line, column) in anchors.items()],
        "links": _links_as_list(record),
    }
    data = json.dumps(doc.data) if keep_data and record is not None else None
    return CachedFile(file_digest(raw), result, data, record if keep_record else None)


def _uncacheable(problems: list[Problem]) -> CachedFile:
    """The result of a file that was refused or could not be read: no bytes to key it by."""
    return CachedFile("", {"problems": _problems_as_lists(problems)})


def _problems_as_lists(problems: list[Problem]) -> list[list]:
    """Problems as the cache keeps them; _problem_from reads them back."""
    return [[p.line, p.column, p.severity, p.field, p.message] for p in problems]


def _links_as_list(record: Practice | Project | None) -> list | None:
    if record is None:
        return None
    links = _links(record)
    return [links.is_project, links.id, links.title, links.project, list(links.related)]


def _checked_file(shown: str, outcome: CachedFile) -> CheckedFile:
    """A file's CheckedFile from its results, fresh or cached; TypeError or ValueError if they are malformed."""
    result = outcome.result
    return CheckedFile(
        shown,
        record=outcome.record,
        problems=[_problem_from(shown, *item) for item in result["problems"]],
        anchors=_anchors_from(result.get("anchors", ())),
        links=_links_from(result.get("links")),
    )


def _position(line: Any, column: Any) -> tuple[int, int]:
    if type(line) is not int or type(column) is not int or line < 1 or column < 1:
        raise ValueError(f"not a line and column: {line!r}, {column!r}")
    return line, column


def _problem_from(shown: str, line: Any, column: Any, severity: Any, field_name: Any, message: Any) -> Problem:
    if severity not in (ERROR, WARNING) or type(field_name) is not str or type(message) is not str:
        raise ValueError(f"malformed problem: {severity!r}, {field_name!r}, {message!r}")
    return Problem(shown, *_position(line, column), severity, field_name, message)


def _anchors_from(items: Any) -> dict[tuple, tuple[int, int]]:
    # Checked just enough that nothing later can fail on a damaged entry: only known paths are looked up.
    return {tuple(loc): _position(line, column) for loc, line, column in items}


def _links_from(item: Any) -> RecordLinks | None:
    if item is None:
        return None
    links = RecordLinks(*item[:4], tuple(item[4]))
    if type(links.is_project) is not bool or not all(type(text) is str for text in (links.id, links.title)):
        raise ValueError(f"malformed links: {item!r}")
    if not (links.project is None or type(links.project) is str) or not all(type(i) is str for i in links.related):
        raise ValueError(f"malformed links: {item!r}")
    return links


def _from_cache(cache: ValidationCache, name: str, shown: str, keep_record: bool) -> CheckedFile | None:
    """The file's cached results if its bytes are those that were checked; None means check it."""
    key = cache.key(name)
    # Links are refused or accepted by the full check; any other file with an entry is read and hashed.
    if not cache.knows(key) or os.path.islink(name) or os.path.splitext(name)[1] not in RECORD_SUFFIXES:
        return None
    raw, _ = read_record_bytes(name, shown)
    cached = cache.lookup(key, file_digest(raw)) if raw is not None else None
    if cached is None:
        return None
    try:
        checked = _checked_file(shown, cached)
        is_project = os.path.basename(os.path.dirname(name)) == PROJECTS_DIR
        if checked.links is not None and checked.links.is_project != is_project:
            return None
        if keep_record and checked.links is not None:
            checked.record = cached.record = cached.record or _record_from(cache.record_data(cached), is_project)
    except (TypeError, ValueError, KeyError, RecursionError, ValidationError):
        return None  # a damaged entry: check the file again
    return checked


def _record_from(data: str | None, is_project: bool) -> Practice | Project:
    """The model of a valid record, built from its data as JSON by the same model as in its check."""
    if data is None:
        raise ValueError("no record data")
    model = Project if is_project else Practice
    return model.model_validate(json.loads(data))


def _check_job(job: tuple[str, str, bool, bool]) -> CachedFile:
    name, shown, keep_record, keep_data = job
    return _check_path(Path(name), shown, keep_record, keep_data)


def _check_all(names: list[str], shown: list[str], keep_records: bool, keep_data: bool) -> list[CachedFile]:
    """Check each file, on every core when there are many: parsing is most of the cost.

    Worker processes send back problems and the record's data as JSON text, not its model:
    pickling models costs both sides more than building them again from the data.
    """
    workers = min(os.cpu_count() or 1, 8)
    if len(names) < PARALLEL_FROM or workers == 1:
        return [_check_job((name, where, keep_records, keep_data)) for name, where in zip(names, shown, strict=True)]
    jobs = [(name, where, False, keep_data or keep_records) for name, where in zip(names, shown, strict=True)]
    with ProcessPoolExecutor(workers) as pool:
        # Small chunks, so that no worker is left with a long last one while the others wait.
        return list(pool.map(_check_job, jobs, chunksize=max(1, len(jobs) // (workers * 32))))


def check_files(
    paths: Sequence[Path | str], cache: ValidationCache | None = None, keep_records: bool = True
) -> list[CheckedFile]:
    """Check each file, or take its results from the cache if its bytes were checked before."""
    names = [str(path) for path in paths]
    cwd_prefix = os.path.join(os.getcwd(), "")
    shown = [_shown(name, cwd_prefix) for name in names]
    checked: list[CheckedFile | None] = [None] * len(names)
    if cache is not None:
        checked = [_from_cache(cache, name, where, keep_records) for name, where in zip(names, shown, strict=True)]
    todo = [i for i, found in enumerate(checked) if found is None]
    # Records' data is kept for a cache only by callers that need the records.
    keep_data = keep_records and cache is not None
    outcomes = _check_all([names[i] for i in todo], [shown[i] for i in todo], keep_records, keep_data)
    for i, outcome in zip(todo, outcomes, strict=True):
        checked[i] = _checked_file(shown[i], outcome)
        if keep_records and checked[i].links is not None and checked[i].record is None:
            checked[i].record = outcome.record = _record_from(outcome.data, checked[i].links.is_project)
        if cache is not None and outcome.sha256:
            cache.store(cache.key(names[i]), outcome)
    return checked  # type: ignore[return-value]


# --- across files --------------------------------------------------------------------------------


def _normalised_title(title: str) -> str:
    return " ".join(title.lower().split())


def check_unique(files: list[CheckedFile], field_name: str, key: Callable[[str], str]) -> None:
    first_seen: dict[tuple[bool, str], CheckedFile] = {}
    for checked in files:
        if checked.links is None:
            continue
        value = key(getattr(checked.links, field_name))
        first = first_seen.setdefault((checked.links.is_project, value), checked)
        if first is not checked:
            message = f"'{getattr(checked.links, field_name)}' is already used by {first.path}"
            checked.problems.append(checked.problem((field_name,), ERROR, message))


def _unknown_reference(checked: CheckedFile, loc: tuple, value: str, known: set[str], what: str) -> Problem:
    message = f"no {what} has the id '{value}'"
    match = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    if match:
        message += f"; did you mean '{match[0]}'?"
    return checked.problem(loc, ERROR, message)


def check_references(files: list[CheckedFile], practice_ids: set[str], project_ids: set[str]) -> None:
    for checked in files:
        links = checked.links
        if links is None or links.is_project:
            continue
        if links.project and links.project not in project_ids:
            checked.problems.append(_unknown_reference(checked, ("project",), links.project, project_ids, "project"))
        for index, related in enumerate(links.related):
            if related == links.id:
                checked.problems.append(
                    checked.problem(("related", index), ERROR, "a practice cannot be related to itself")
                )
            elif related not in practice_ids:
                checked.problems.append(
                    _unknown_reference(checked, ("related", index), related, practice_ids, "practice")
                )


def _ids_on_disk(root: Path | None, walked: list[str] | None = None) -> tuple[set[str], set[str]]:
    """Ids of every record file in the project, so that checking one file still resolves references."""
    if root is None or not (root / PRACTICES_DIR).is_dir():
        return set(), set()
    practices, projects = set(), set()
    for name in walked if walked is not None else _walk_yaml_files(root / PRACTICES_DIR):
        folder, file_name = os.path.split(name)
        stem = os.path.splitext(file_name)[0]
        (projects if os.path.basename(folder) == PROJECTS_DIR else practices).add(stem)
    return practices, projects


@contextmanager
def _garbage_collection_paused() -> Iterator[None]:
    """Records hold no reference cycles, but the collector still walks every object each time it runs:
    with thousands of results piling up, that was half the main process's time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def validate_paths(
    paths: Iterable[Path], root: Path | None = None, *, cache: ValidationCache | None = None, keep_records: bool = True
) -> Report:
    """Check every record file under `paths`; `root` is the project whose other records may be referenced.

    With a cache, files checked before are not parsed again; without `keep_records` the report
    holds no models (`validate` needs only the problems).
    """
    paths = list(paths)
    with _garbage_collection_paused():
        names = _record_file_names(paths)
        files = check_files(names, cache, keep_records)
        check_unique(files, "id", str)
        check_unique(files, "title", _normalised_title)
        # When the practices folder alone was checked, its walk already named every file on disk.
        practice_ids, project_ids = _ids_on_disk(root, names if root and paths == [root / PRACTICES_DIR] else None)
        practice_ids |= {f.links.id for f in files if f.links and not f.links.is_project}
        project_ids |= {f.links.id for f in files if f.links and f.links.is_project}
        check_references(files, practice_ids, project_ids)
    return Report(files)
