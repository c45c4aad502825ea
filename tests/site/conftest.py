"""Fixtures for the site tests: a copy of the project, built once per session with the real command."""

from __future__ import annotations

from pathlib import Path

import pytest
from esl_toolbox.catalogue import Catalogue, load_catalogue
from site_support import REPO, copy_project, run_toolbox  # noqa: F401 - fixtures use them


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project after `esl-toolbox build --no-pdf`; tests only read it."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = run_toolbox(root, "build", "--no-pdf")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="session")
def site(built: Path) -> Path:
    return built / "site"


@pytest.fixture(scope="session")
def catalogue(built: Path) -> Catalogue:
    return load_catalogue(built)
