"""Which files a run checks: record files below the folders named, shown as a contributor types them."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..project import PRACTICES_DIR, RECORD_SUFFIXES, is_project_file, translation_target


def shown_path(path: Path, cwd: Path | None = None) -> str:
    """The path as a contributor would type it: relative to the current folder when inside it."""
    cwd = cwd or Path.cwd()
    try:
        return str(path.absolute().relative_to(cwd))
    except ValueError:
        return str(path)


def shown_name(name: str, cwd_prefix: str) -> str:
    """shown_path() of a path string as the walk gives it, by string operations alone."""
    if os.path.isabs(name) and name.startswith(cwd_prefix):
        return name[len(cwd_prefix) :]
    return name


def record_files(paths: Iterable[Path]) -> list[Path]:
    """The record files named, with folders expanded to the YAML files below them."""
    return [Path(name) for name in record_file_names(paths)]


def record_file_names(paths: Iterable[Path]) -> list[str]:
    found: list[str] = []
    for path in paths:
        found.extend(_yaml_files_below(path) if path.is_dir() else [str(path)])
    return found


def _yaml_files_below(folder: Path) -> list[str]:
    """The YAML files below a folder, in path order; as strings, since ten thousand Paths cost more than the walk."""
    return sorted(walk_yaml_files(folder), key=lambda name: name.split(os.sep))


def walk_yaml_files(folder: Path) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        yield from (os.path.join(dirpath, name) for name in filenames if name.endswith(RECORD_SUFFIXES))


def refusal(path: Path) -> str | None:
    """Why a path is not even read as a record, if it is not."""
    # os.path, not Path methods: this runs for every file of a run.
    if os.path.splitext(path)[1] not in RECORD_SUFFIXES:
        return "records are YAML files ending in .yml"
    if os.path.islink(path):
        folder = next((p for p in path.absolute().parents if p.name == PRACTICES_DIR), path.absolute().parent)
        if not path.resolve().is_relative_to(folder.resolve()):
            return f"a link to a file outside {PRACTICES_DIR}/ is refused; copy the record into the folder instead"
    return None


def ids_on_disk(root: Path | None, records: list[str] | None = None) -> tuple[set[str], set[str]]:
    """Ids of every record file in the project, so that checking one file still resolves references.

    `records`: the project's record files (translations left out), when the caller has walked them already.
    """
    if root is None or not (root / PRACTICES_DIR).is_dir():
        return set(), set()
    if records is None:
        records = [name for name in walk_yaml_files(root / PRACTICES_DIR) if translation_target(name) is None]
    practices, projects = set(), set()
    for name in records:
        stem = os.path.splitext(os.path.basename(name))[0]
        (projects if is_project_file(name) else practices).add(stem)
    return practices, projects
