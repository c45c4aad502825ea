"""Fixtures for the site tests: the fixture project as built once for the whole run."""

from __future__ import annotations

from pathlib import Path

import pytest
from esl_toolbox.catalogue import Catalogue, load_catalogue


@pytest.fixture(scope="session")
def built(built_project: Path) -> Path:
    return built_project


@pytest.fixture(scope="session")
def site(built_project: Path) -> Path:
    return built_project / "site"


@pytest.fixture(scope="session")
def catalogue(built_project: Path) -> Catalogue:
    return load_catalogue(built_project, use_cache=False)
