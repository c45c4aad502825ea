"""Fixtures shared by every test module: the fixture project, built once per run, and throw-away
copies of it for tests that change or break something."""

from __future__ import annotations

import fcntl
import shutil
from pathlib import Path

import pytest
from fixture_project import BUILT_LANGUAGES, REPO, copy_fixture_project, run_toolbox


@pytest.fixture
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The fixture project after one `esl-toolbox build` with PDFs (English, Portuguese, Bulgarian); tests only read it.

    Built once per run: with several test workers the first builds it and the others wait and read it."""
    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    root = shared / "built" / "project"
    with open(shared / "built.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (root / "site" / "index.html").is_file():
            shutil.rmtree(root, ignore_errors=True)
            copy_fixture_project(root)
            result = run_toolbox(root, "build", "--lang", BUILT_LANGUAGES)
            assert result.returncode == 0, result.stdout + result.stderr
            (root / "build" / "build.log").write_text(result.stderr, "utf-8")  # what the build said, for tests of it
    return root


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the fixture project in a temporary folder, made the current folder."""
    root = copy_fixture_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root
