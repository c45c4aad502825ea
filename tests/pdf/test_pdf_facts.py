"""How facts read on paper: dates, periods, amounts, organisations, citations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from esl_toolbox.catalogue import load_catalogue
from esl_toolbox.model import Funding, Organisation, Period, Source
from esl_toolbox.pdf.facts import (
    amount_text,
    citation,
    organisation_line,
    partial_date_text,
    period_text,
    practice_sheet,
)
from esl_toolbox.settings import load_settings

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("value", "text"), [("2017", "2017"), ("2017-09", "September 2017"), ("2017-09-01", "1 September 2017")]
)
def test_partial_dates_read_as_written_dates(value: str, text: str):
    assert partial_date_text(value) == text


@pytest.mark.parametrize(
    ("period", "text"),
    [
        (Period(start="2017-09", end="2020-08"), "September 2017 – August 2020"),
        (Period(start="2019", ongoing=True), "since 2019"),
        (Period(start="2019"), "from 2019"),
        (Period(end="2020"), "until 2020"),
        (Period(start="2019", end="2024", ongoing=True), "2019 – 2024 (ongoing)"),
    ],
)
def test_periods(period: Period, text: str):
    assert period_text(period) == text


def test_amounts_show_currency_and_thousands():
    assert amount_text(Funding(amount=341611)) == "EUR 341,611"
    assert amount_text(Funding(amount=1250.5, currency="NOK")) == "NOK 1,250.50"
    assert amount_text(Funding(programme="Erasmus+")) == ""


def test_organisations_show_country_and_role():
    line = organisation_line(Organisation(name="City of Riga", role="partner", country="LV"))
    assert (line.text, line.detail) == ("City of Riga (Latvia)", "partner")


def test_citations_prefer_the_doi_link():
    source = Source(title="A study", doi="10.21125/edulearn.2020.0587", url="https://x.test/a", publisher="IATED")
    assert citation(source).link == "https://doi.org/10.21125/edulearn.2020.0587"
    web = citation(Source(title="A page", url="https://x.test/p", accessed=dt.date(2024, 5, 3), year=2023))
    assert (web.by, web.link, web.accessed) == ("2023", "https://x.test/p", "accessed 3 May 2024")


def test_levels_and_groups_the_sources_do_not_name_read_not_stated():
    catalogue, settings = load_catalogue(REPO), load_settings(REPO)
    practice = catalogue.practice("jet-cd")
    assert practice.isced_levels == []  # its source names no level of education
    facts = {
        fact.label: [line.text for line in fact.lines] for fact in practice_sheet(catalogue, practice, settings).facts
    }
    assert facts["ISCED levels"] == ["Not stated in the sources"]
    bare = practice.model_copy(update={"target_groups": []})
    facts = {fact.label: [line.text for line in fact.lines] for fact in practice_sheet(catalogue, bare, settings).facts}
    assert facts["Target groups"] == ["Not stated in the sources"]
