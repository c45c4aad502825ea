"""Fixtures shared by every test module: the repository and throw-away copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo_root() -> Path:
    return REPO


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project's records and site sources in a temporary folder, made the current folder."""
    root = tmp_path / "project"
    root.mkdir()
    for name in ("practices", "docs", "schema"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, root / name)
    if (REPO / "mkdocs.yml").exists():
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    monkeypatch.chdir(root)
    return root
