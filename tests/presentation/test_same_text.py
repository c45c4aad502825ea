"""One wording everywhere: a record's period and amount read the same on its page, in its
factsheet and in the CSV, because all three take them from the same view."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

from esl_toolbox.catalogue import load_catalogue
from esl_toolbox.presentation.views import Views
from site_html import read_page

PRACTICE = "reading-circles-across-europe"  # its own period (since September 2021) and a grant of 120,000.50


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_period_and_amount_read_the_same_on_the_page_in_the_factsheet_and_in_the_csv(built_project: Path):
    catalogue = load_catalogue(built_project, use_cache=False)
    view = Views(catalogue).of(catalogue.practice(PRACTICE))
    period, amount = view.period, view.funding[0].amount
    assert (period, amount) == ("since September 2021 (ongoing)", "€120,000.50")
    site = built_project / "site"
    page = read_page(site / "practices" / PRACTICE / "index.html").text
    sheet = subprocess.run(
        ["pdftotext", "-layout", str(site / "pdf" / f"{PRACTICE}.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    row = next(
        r
        for r in csv.DictReader(io.StringIO((site / "data" / "practices.csv").read_text("utf-8")))
        if r["id"] == PRACTICE
    )
    for text in (one_line(page), one_line(sheet)):
        assert period in text and amount in text
    assert row["period"] == period
    assert amount in row["funding"]
