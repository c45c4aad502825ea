"""A project with the current records plus the PDF fixtures, and its PDFs built once for all PDF tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from esl_toolbox.catalogue import Catalogue, load_catalogue
from pdf_checks import Pdf
from pdf_project import make_project, run_pdf_command


@pytest.fixture(scope="package")
def pdf_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("pdf") / "project")


@pytest.fixture(scope="package")
def catalogue(pdf_project: Path) -> Catalogue:
    return load_catalogue(pdf_project)


@pytest.fixture(scope="package")
def built(pdf_project: Path) -> Path:
    """The folder `esl-toolbox pdf --all --out-dir site/pdf` wrote (rendered once for every PDF test)."""
    result = run_pdf_command(pdf_project, "--all", "--out-dir", "site/pdf")
    assert result.returncode == 0, result.stderr
    return pdf_project / "site" / "pdf"


@pytest.fixture(scope="package")
def pack(built: Path) -> Pdf:
    return Pdf(built / "toolbox.pdf")


@pytest.fixture(scope="package")
def factsheet(built: Path):
    """The factsheet of a practice, by id."""
    return lambda practice_id: Pdf(built / f"{practice_id}.pdf")
