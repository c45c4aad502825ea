"""Reproducible PDFs: the same records give the same bytes; dates come from the data or SOURCE_DATE_EPOCH."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from esl_toolbox.catalogue import Catalogue
from esl_toolbox.pdf.edition import EditionProblem, edition_date
from pdf_checks import Pdf
from pdf_project import GLYPH_RECORD, run_pdf_command


def test_the_pdf_command_writes_the_same_bytes_as_the_site_build(pdf_project: Path, built: Path, tmp_path: Path):
    # Whole builds are compared in tests/site/test_site_build.py; this is the other way to one factsheet.
    sheet = run_pdf_command(pdf_project, "--practice", "jet-cd", "-o", str(tmp_path / "jet-cd.pdf"))
    assert sheet.returncode == 0, sheet.stderr
    assert (tmp_path / "jet-cd.pdf").read_bytes() == (built / "jet-cd.pdf").read_bytes()


def test_source_date_epoch_sets_the_edition_and_the_pdf_dates(pdf_project: Path, tmp_path: Path):
    target = tmp_path / "sheet.pdf"
    result = run_pdf_command(pdf_project, "--practice", GLYPH_RECORD, "-o", str(target), SOURCE_DATE_EPOCH="1700000000")
    assert result.returncode == 0, result.stderr
    pdf = Pdf(target)
    assert pdf.info["CreationDate"] == pdf.info["ModDate"] == "Tue Nov 14 22:13:20 2023 UTC"
    assert "Edition of 14 November 2023" in pdf.text()


def test_edition_is_the_newest_record_date_without_source_date_epoch(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    newest = max(d for p in catalogue.practices for d in (p.created, p.updated) if d)
    assert edition_date(catalogue.practices) == dt.datetime.combine(newest, dt.time(), tzinfo=dt.UTC)


def test_a_malformed_source_date_epoch_is_refused(catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(EditionProblem, match="whole number of seconds"):
        edition_date(catalogue.practices)
