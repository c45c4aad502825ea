"""Remember each record file's own check results between runs, keyed by the file's bytes.

A file whose bytes (sha256) are unchanged since it was last checked, by the same validator, gets
the results of that check back without being parsed again. "The same validator" is a fingerprint
of the package's Python files, its vocabularies and the versions of the libraries that read and
validate records: change any of them and every result is forgotten. Only what a file says about
itself is remembered; checks across files (duplicate ids and titles, references) always run on
the current files.

The results live in build/cache/ of the project, one line per file; the records' data, which only
the site build and `serve` need, in a file of its own, parsed only for the records a caller needs.
A cache file that is unreadable, damaged or from another version is ignored and rebuilt. Within
one process (`esl-toolbox serve`) the cache stays in memory, with the records already built.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from ..model import Practice, Project
from ..problems import ERROR, WARNING, Problem
from ..project import CACHE_DIR, CONFIG_FILE
from ..writing import write_atomic
from .results import CheckedFile, RecordLinks, links_of

CACHE_FILE = Path(CACHE_DIR, "validation.txt")
RECORDS_FILE = Path(CACHE_DIR, "records.txt")
FORMAT = "esl-toolbox validation cache 1"
PROJECT_MARKER = CONFIG_FILE  # only a project's own build/ folder gets a cache
_PACKAGE = Path(__file__).resolve().parent.parent
_LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "pycountry")


def _validator_fingerprint() -> str:
    """A digest of everything that decides a file's results besides the file itself."""
    digest = hashlib.sha256(f"{FORMAT}\n{sys.version}\n".encode())
    for library in _LIBRARIES:
        digest.update(f"{library} {metadata.version(library)}\n".encode())
    sources = sorted(_PACKAGE.rglob("*.py")) + sorted((_PACKAGE / "vocabularies").glob("*.yml"))
    for path in sources:
        digest.update(f"{path.relative_to(_PACKAGE).as_posix()}\n".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


# Taken when the validator's modules are loaded: results are vouched for by the code that runs.
FINGERPRINT = _validator_fingerprint()


def file_digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


@dataclass
class CachedFile:
    """What one check of one file's bytes found; `record` is its model, once built, kept in memory only."""

    sha256: str
    result: dict[str, Any]
    data: str | None = None
    record: Any = None


class ValidationCache:
    """Check results by file, valid for this validator's fingerprint.

    Two files: the results of every file (problems, positions, what other files check), and
    the data of valid records by the sha256 of their file, which only callers that need the
    records (the site build, `serve`) read and write.
    """

    def __init__(self, root: Path):
        self.root = root
        self.path = root / CACHE_FILE
        self.records_path = root / RECORDS_FILE
        self._files: dict[str, CachedFile] | None = None  # both read at first use
        self._records: dict[str, str] | None = None
        self._changed: set[Path] = set()
        self._prefix = os.path.join(str(root), "")

    @property
    def files(self) -> dict[str, CachedFile]:
        if self._files is None:
            self._files = _read(self.path, _parse_result)
        return self._files

    @property
    def records(self) -> dict[str, str]:
        if self._records is None:
            self._records = _read(self.records_path, _parse_record)
        return self._records

    def key(self, path: str) -> str:
        """A file's key: its path from the project root (so that the project can move), else its absolute path."""
        path = os.path.abspath(path)
        return path[len(self._prefix) :] if path.startswith(self._prefix) else path

    def lookup(self, key: str, sha256: str) -> CachedFile | None:
        cached = self.files.get(key)
        return cached if cached is not None and cached.sha256 == sha256 else None

    def knows(self, key: str) -> bool:
        return key in self.files

    def record_data(self, cached: CachedFile) -> str | None:
        """The JSON data of a cached valid record, if it was kept."""
        return cached.data or self.records.get(cached.sha256)

    def store(self, key: str, cached: CachedFile) -> None:
        self.files[key] = cached
        self._changed.add(self.path)
        if cached.data is not None:
            self.records[cached.sha256] = cached.data
            self._changed.add(self.records_path)

    def save(self) -> None:
        """Write what changed; a cache that cannot be written is simply not kept."""
        if self.path in self._changed:
            self._files = {key: c for key, c in self.files.items() if os.path.exists(os.path.join(self.root, key))}
            self._write(self.path, (f"{c.sha256}\t{_dumps([key, c.result])}" for key, c in self.files.items()))
        if self.records_path in self._changed:
            current = {c.sha256 for c in self.files.values()}
            self._records = {sha: data for sha, data in self.records.items() if sha in current}
            self._write(self.records_path, (f"{sha}\t{data}" for sha, data in self.records.items()))

    def _write(self, path: Path, lines: Iterable[str]) -> None:
        # JSON escapes tabs and line breaks, so they can separate the fields and the files.
        try:
            write_atomic(path, "\n".join([f"{FORMAT}\t{FINGERPRINT}", *lines]) + "\n")
        except OSError:
            return
        self._changed.discard(path)


# One cache per project per process: `serve` validates again and again.
_OPEN: dict[Path, ValidationCache] = {}


def open_cache(root: Path) -> ValidationCache | None:
    """The validation cache of the project at `root`, or None if root is not a project folder."""
    root = root.absolute()
    if not (root / PROJECT_MARKER).is_file():
        return None
    if root not in _OPEN:
        _OPEN[root] = ValidationCache(root)
    return _OPEN[root]


def forget_open_caches() -> None:
    """Drop the in-memory layer, so that the next open reads the disk (for tests)."""
    _OPEN.clear()


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def _read(path: Path, parse: Callable[[str, str], tuple[str, Any] | None]) -> dict[str, Any]:
    """The entries of a cache file, leaving out damaged lines; nothing if the file is not for this validator."""
    try:
        lines = path.read_text("utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return {}
    if lines[0] != f"{FORMAT}\t{FINGERPRINT}":
        return {}
    entries = {}
    for line in lines[1:]:
        sha256, _, rest = line.partition("\t")
        parsed = parse(sha256, rest) if len(sha256) == 64 else None
        if parsed is not None:
            entries[parsed[0]] = parsed[1]
    return entries


def _parse_result(sha256: str, text: str) -> tuple[str, CachedFile] | None:
    try:
        key, result = json.loads(text)
    except (ValueError, TypeError, RecursionError):
        return None
    if not (isinstance(key, str) and isinstance(result, dict)):
        return None
    return key, CachedFile(sha256, result)


def _parse_record(sha256: str, text: str) -> tuple[str, str] | None:
    return (sha256, text) if text else None  # parsed only when the record is built


# --- one file's results, as the cache keeps them ------------------------------------------------------


def outcome(raw: bytes, problems: list[Problem], record: Any, data: str | None, keep: bool) -> CachedFile:
    """Everything one check of a file's bytes found, in the form the cache keeps (the model only if `keep`)."""
    result = {
        "problems": _problems_as_lists(problems),
        "links": _links_as_list(record),
    }
    return CachedFile(file_digest(raw), result, data, record if keep else None)


def uncacheable(problems: list[Problem]) -> CachedFile:
    """The result of a file that was refused or could not be read: no bytes to key it by."""
    return CachedFile("", {"problems": _problems_as_lists(problems)})


def _problems_as_lists(problems: list[Problem]) -> list[list]:
    """Problems as the cache keeps them; _problem_from reads them back."""
    return [[p.line, p.column, p.severity, p.field, p.message] for p in problems]


def _links_as_list(record: Practice | Project | None) -> list | None:
    if record is None:
        return None
    links = links_of(record)
    return [links.is_project, links.id, links.title, links.project, list(links.related)]


def checked_file(shown: str, outcome: CachedFile) -> CheckedFile:
    """A file's CheckedFile from its results, fresh or cached; TypeError or ValueError if they are malformed."""
    result = outcome.result
    return CheckedFile(
        shown,
        record=outcome.record,
        problems=[_problem_from(shown, *item) for item in result["problems"]],
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


def _links_from(item: Any) -> RecordLinks | None:
    if item is None:
        return None
    links = RecordLinks(*item[:4], tuple(item[4]))
    if type(links.is_project) is not bool or not all(type(text) is str for text in (links.id, links.title)):
        raise ValueError(f"malformed links: {item!r}")
    if not (links.project is None or type(links.project) is str) or not all(type(i) is str for i in links.related):
        raise ValueError(f"malformed links: {item!r}")
    return links


def record_from(data: str | None, is_project: bool) -> Practice | Project:
    """The model of a valid record, built from its data as JSON by the same model as in its check."""
    if data is None:
        raise ValueError("no record data")
    model = Project if is_project else Practice
    return model.model_validate(json.loads(data))
