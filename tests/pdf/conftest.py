"""The PDF tests read the PDFs of the fixture project's one build (tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from esl_toolbox.catalogue import Catalogue, load_catalogue
from pdf_checks import Pdf


@pytest.fixture(scope="session")
def pdf_project(built_project: Path) -> Path:
    """The built fixture project; tests write their own PDFs outside it."""
    return built_project


@pytest.fixture(scope="session")
def catalogue(built_project: Path) -> Catalogue:
    return load_catalogue(built_project, use_cache=False)


@pytest.fixture(scope="session")
def built(built_project: Path) -> Path:
    """The folder of the build's PDFs: every factsheet and the pack."""
    return built_project / "site" / "pdf"


@pytest.fixture(scope="session")
def pack(built: Path) -> Pdf:
    return Pdf(built / "toolbox.pdf")


@pytest.fixture(scope="session")
def factsheet(built: Path):
    """The factsheet of a practice, by id."""
    return lambda practice_id: Pdf(built / f"{practice_id}.pdf")
