"""Helpers shared by the site tests (a module of its own: every test folder has a conftest.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ("practices", "docs", "schema", "mkdocs.yml")


def copy_project(target: Path) -> Path:
    """Copy what a build reads (records, hand-written pages, schema, mkdocs.yml) into target."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy(source, target / name)
    return target


def run_toolbox(root: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `esl-toolbox ARGS` in root, as a contributor would."""
    command = [sys.executable, "-m", "esl_toolbox", *args]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=timeout)


def a_record(root: Path) -> Path:
    """The first practice record of the project, for tests that edit one."""
    return sorted((root / "practices").glob("*.yml"))[0]
