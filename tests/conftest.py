"""Fixtures shared by every test module: the fixture project, built once per run, and throw-away
copies of it for tests that change or break something."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_project import REPO, copy_fixture_project, run_toolbox


@pytest.fixture
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project after one `esl-toolbox build` with PDFs; tests only read it."""
    root = copy_fixture_project(tmp_path_factory.mktemp("built") / "project")
    result = run_toolbox(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    (root / "build" / "build.log").write_text(result.stderr, "utf-8")  # what the build said, for tests of it
    return root


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the fixture project in a temporary folder, made the current folder."""
    root = copy_fixture_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root
