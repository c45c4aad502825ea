"""Helpers shared by the site tests (a module of its own: every test folder has a conftest.py)."""

from __future__ import annotations

from pathlib import Path

from fixture_project import REPO, copy_fixture_project, run_toolbox

__all__ = ["REPO", "a_record", "copy_project", "run_toolbox"]

copy_project = copy_fixture_project


def a_record(root: Path) -> Path:
    """The first practice record of the project, for tests that edit one."""
    return sorted((root / "practices").glob("*.yml"))[0]
