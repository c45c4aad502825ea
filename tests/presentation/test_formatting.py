"""How values read, in every output and in the reader's language: dates, periods, amounts, lists."""

from __future__ import annotations

import datetime as dt
import locale as process_locale

import pytest
from esl_toolbox.model import Period
from esl_toolbox.presentation.formatting import (
    amount_text,
    full_date,
    list_text,
    partial_date,
    percent_text,
    period_text,
)


@pytest.mark.parametrize(
    ("value", "text"), [("2017", "2017"), ("2017-09", "September 2017"), ("2017-09-01", "1 September 2017")]
)
def test_partial_dates_read_as_written_dates(value: str, text: str):
    assert partial_date(value, "en") == text


def test_dates_follow_the_language_asked_for_not_the_process_locale():
    before = process_locale.setlocale(process_locale.LC_TIME)
    try:
        process_locale.setlocale(process_locale.LC_TIME, "C")
        assert full_date(dt.date(2024, 5, 3), "en") == "3 May 2024"
        assert full_date(dt.date(2024, 5, 3), "pt") == "3 de maio de 2024"
        assert partial_date("2017-09", "bg") == "септември 2017\u202fг."
    finally:
        process_locale.setlocale(process_locale.LC_TIME, before)


@pytest.mark.parametrize(
    ("period", "text"),
    [
        (Period(start="2017-09", end="2020-08"), "September 2017 – August 2020"),
        (Period(start="2019", ongoing=True), "since 2019 (ongoing)"),
        (Period(start="2019"), "from 2019"),
        (Period(end="2020"), "until 2020"),
        (Period(ongoing=True), "ongoing"),
        (Period(), "dates not stated"),
    ],
)
def test_periods_have_one_wording(period: Period, text: str):
    assert period_text(period, "en") == text


def test_amounts_show_the_currency_as_the_language_writes_it():
    assert amount_text(341611, "EUR", "en") == "€341,611"
    assert amount_text(1500.5, "EUR", "en") == "€1,500.50"
    assert amount_text(1250.5, "NOK", "en") == "NOK\xa01,250.50"
    assert amount_text(341611, "EUR", "pt") == "341\xa0611\xa0€"  # Portuguese as written in Portugal
    assert amount_text(1500.5, "EUR", "es") == "1.500,50\xa0€"


def test_lists_and_percentages_follow_the_language():
    assert list_text(["A", "B", "C"], "en") == "A, B and C"
    assert list_text(["A", "B", "C"], "pt") == "A, B e C"
    assert list_text(["A", "B"], "en", style="or") == "A or B"
    assert list_text([], "en") == ""
    assert percent_text(85, "en") == "85%"
