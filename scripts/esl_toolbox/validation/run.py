"""A validation run: every file checked (from the cache where its bytes were checked before, on
every core when there are many), then the checks across files; one Report with every problem."""

from __future__ import annotations

import functools
import gc
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from ..loader import read_record_bytes
from ..model import Practice, Project
from ..problems import ERROR, Problem
from ..progress import NO_PROGRESS, Advance, Steps
from ..project import PRACTICES_DIR, RECORD_SUFFIXES, is_project_file, practice_file, project_file, translation_target
from ..translations.check import EnglishRecord, check_translation
from .cache import CachedFile, ValidationCache, checked_file, file_digest, outcome, record_from, uncacheable
from .cross_checks import check_references, check_unique, normalised_title
from .discover import ids_on_disk, record_file_names, refusal, shown_name, shown_path
from .file_checks import FILE_CHECKS, check_no_email_addresses
from .load import load_record
from .results import CheckedFile, Report

PARALLEL_FROM = 400  # below this, starting worker processes costs more than it saves
NO_ADVANCE: Advance = NO_PROGRESS.advance


def check_file(path: Path, shown: str | None = None) -> CheckedFile:
    """Load, validate and lint one record file."""
    shown = shown or shown_path(path)
    return checked_file(shown, _check_path(path, shown, keep_record=True, keep_data=False))


def _check_path(path: Path, shown: str, keep_record: bool, keep_data: bool) -> CachedFile:
    refused = refusal(path)
    if refused:
        return uncacheable([Problem(shown, 1, 1, ERROR, "", refused)])
    raw, problems = read_record_bytes(path, shown)
    if raw is None:
        return uncacheable(problems)
    return _check_bytes(raw, path, shown, keep_record, keep_data)


def _check_bytes(raw: bytes, path: Path, shown: str, keep_record: bool, keep_data: bool) -> CachedFile:
    """Everything one file's bytes say about it, in the form the cache keeps."""
    doc, record, problems = load_record(raw, path, shown)
    if record is not None:
        for check in FILE_CHECKS:
            problems.extend(check(doc, record, path))
    elif doc is not None:
        # A warning such as an e-mail address is still worth showing on an invalid record.
        problems.extend(check_no_email_addresses(doc, None, path))
    data = json.dumps(doc.data) if keep_data and record is not None else None
    return outcome(raw, problems, record, data, keep_record)


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
        checked = checked_file(shown, cached)
        is_project = is_project_file(name)
        if checked.links is not None and checked.links.is_project != is_project:
            return None
        if keep_record and checked.links is not None:
            checked.record = cached.record = cached.record or record_from(cache.record_data(cached), is_project)
    except (TypeError, ValueError, KeyError, RecursionError, ValidationError):
        return None  # a damaged entry: check the file again
    return checked


def _check_job(job: tuple[str, str, bool, bool]) -> CachedFile:
    name, shown, keep_record, keep_data = job
    return _check_path(Path(name), shown, keep_record, keep_data)


def _check_all(names: list[str], shown: list[str], keep_records: bool, keep_data: bool) -> Iterator[CachedFile]:
    """Check each file, on every core when there are many (parsing is most of the cost); results in order.

    Worker processes send back problems and the record's data as JSON text, not its model:
    pickling models costs both sides more than building them again from the data.
    """
    workers = min(os.cpu_count() or 1, 8)
    if len(names) < PARALLEL_FROM or workers == 1:
        yield from (
            _check_job((name, where, keep_records, keep_data)) for name, where in zip(names, shown, strict=True)
        )
        return
    jobs = [(name, where, False, keep_data or keep_records) for name, where in zip(names, shown, strict=True)]
    with ProcessPoolExecutor(workers) as pool:
        # Small chunks, so that no worker is left with a long last one while the others wait.
        yield from pool.map(_check_job, jobs, chunksize=max(1, len(jobs) // (workers * 32)))


def check_files(
    paths: Sequence[Path | str],
    cache: ValidationCache | None = None,
    keep_records: bool = True,
    advance: Advance = NO_ADVANCE,
) -> list[CheckedFile]:
    """Check each file, or take its results from the cache if its bytes were checked before."""
    names = [str(path) for path in paths]
    cwd_prefix = os.path.join(os.getcwd(), "")
    shown = [shown_name(name, cwd_prefix) for name in names]
    checked: list[CheckedFile | None] = [None] * len(names)
    if cache is not None:
        checked = [_from_cache(cache, name, where, keep_records) for name, where in zip(names, shown, strict=True)]
    todo = [i for i, found in enumerate(checked) if found is None]
    advance(len(names) - len(todo))
    # Records' data is kept for a cache only by callers that need the records.
    keep_data = keep_records and cache is not None
    outcomes = _check_all([names[i] for i in todo], [shown[i] for i in todo], keep_records, keep_data)
    for i, result in zip(todo, outcomes, strict=True):
        checked[i] = checked_file(shown[i], result)
        if keep_records and checked[i].links is not None and checked[i].record is None:
            checked[i].record = result.record = record_from(result.data, checked[i].links.is_project)
        if cache is not None and result.sha256:
            cache.store(cache.key(names[i]), result)
        advance(1)
    return checked  # type: ignore[return-value]


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
    paths: Iterable[Path],
    root: Path | None = None,
    *,
    cache: ValidationCache | None = None,
    keep_records: bool = True,
    steps: Steps = NO_PROGRESS,
) -> Report:
    """Check every record file under `paths`; `root` is the project whose other records may be referenced.

    With a cache, files checked before are not parsed again; without `keep_records` the report
    holds no models (`validate` needs only the problems).
    """
    paths = list(paths)
    with _garbage_collection_paused():
        walked = record_file_names(paths)
        is_translation = [translation_target(name) is not None for name in walked]
        names = [name for name, translation in zip(walked, is_translation, strict=True) if not translation]
        with steps.step("validate", len(names), "records") as advance:
            files = check_files(names, cache, keep_records, advance)
        check_unique(files, "id", str)
        check_unique(files, "title", normalised_title)
        # When the practices folder alone was checked, its walk already named every file on disk.
        practice_ids, project_ids = ids_on_disk(root, names if root and paths == [root / PRACTICES_DIR] else None)
        practice_ids |= {f.links.id for f in files if f.links and not f.links.is_project}
        project_ids |= {f.links.id for f in files if f.links and f.links.is_project}
        check_references(files, practice_ids, project_ids)
        translations = [name for name, translation in zip(walked, is_translation, strict=True) if translation]
        files += check_translation_files(translations, _english_records(files, root))
    return Report(files)


def check_translation_files(names: list[str], english: EnglishRecord) -> list[CheckedFile]:
    """Each translation file checked against its English record (few files: in this process)."""
    cwd_prefix = os.path.join(os.getcwd(), "")
    checked = []
    for name in names:
        shown = shown_name(name, cwd_prefix)
        translation, problems = check_translation(Path(name), shown, english)
        checked.append(
            CheckedFile(shown, problems=problems, translation=translation, translates=translation_target(name))
        )
    return checked


def _english_records(files: list[CheckedFile], root: Path | None) -> EnglishRecord:
    """The English record of a translation: the one checked in this run, else read from the project."""
    checked = {(f.links.is_project, f.links.id): f for f in files if f.links is not None}

    @functools.cache
    def english(is_project: bool, record_id: str) -> Practice | Project | None:
        found = checked.get((is_project, record_id))
        if found is not None and any(p.is_error for p in found.problems):
            return None
        if found is not None and found.record is not None:
            return found.record
        if root is None:
            return None
        path = root / (project_file(record_id) if is_project else practice_file(record_id))
        return check_file(path).record if path.is_file() else None

    return english
