"""Values as a reader of a given language reads them: dates, periods, numbers, amounts, lists.

Everything goes through Babel with the language passed in, never the process's locale, and every
phrase through the language's catalogue. Plain text only; templates escape it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent

from ..model import Period
from .i18n import gettext_for, locale

_LETTERS_THEN_DIGIT = re.compile(r"([A-Za-z])(\d)")
_DIGIT_THEN_LETTERS = re.compile(r"(\d)([A-Za-z])")


def partial_date(value: str, lang: str) -> str:
    """'2017' -> '2017'; '2017-09' -> 'September 2017'; '2017-09-01' -> '1 September 2017' (in English)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return format_skeleton("yMMMM", dt.date(parts[0], parts[1], 1), locale=locale(lang))
    return full_date(dt.date(*parts), lang)


def full_date(value: dt.date, lang: str) -> str:
    """'1 September 2017' in English, '1 de setembro de 2017' in Portuguese."""
    return format_date(value, "long", locale=locale(lang))


def period_text(period: Period, lang: str) -> str:
    """One wording of a period for every output: '2017 – 2020', 'since 2019 (ongoing)', 'from 2019'."""
    _ = gettext_for(lang)
    start = partial_date(period.start, lang) if period.start else None
    end = partial_date(period.end, lang) if period.end else None
    if start and end:
        return _("%(start)s – %(end)s") % {"start": start, "end": end}
    if start:
        return (_("since %(start)s (ongoing)") if period.ongoing else _("from %(start)s")) % {"start": start}
    if end:
        return _("until %(end)s") % {"end": end}
    return _("ongoing") if period.ongoing else _("dates not stated")


def number_text(value: float, lang: str) -> str:
    return format_decimal(value, locale=locale(lang))


def percent_text(value: float, lang: str) -> str:
    """A share given in percent (85 -> '85%')."""
    return format_percent(value / 100, locale=locale(lang))


def amount_text(amount: float, currency: str, lang: str) -> str:
    """An amount with its currency as the language writes it: '€341,611', '€1,500.50', '341 611 €'."""
    place = locale(lang)
    if float(amount).is_integer():
        # The locale's own pattern without its decimals: whole amounts read as they are written in records.
        pattern = place.currency_formats["standard"].pattern.split(";")[0].replace(".00", "")
        text = format_currency(int(amount), currency, format=pattern, locale=place, currency_digits=False)
    else:
        text = format_currency(amount, currency, locale=place)
    # CLDR's currency spacing, which Babel leaves out: a symbol made of letters (NOK) never touches the digits.
    return _LETTERS_THEN_DIGIT.sub("\\1\xa0\\2", _DIGIT_THEN_LETTERS.sub("\\1\xa0\\2", text))


def list_text(items: Iterable[str], lang: str, style: str = "standard") -> str:
    """'A, B and C' in the language ('A, B e C'); style 'or' gives 'A, B or C'."""
    items = [item for item in items if item]
    if not items:
        return ""
    try:
        return format_list(items, style=style, locale=locale(lang))
    except KeyError:
        # Babel misses the patterns some locales inherit for a style (the 'unit' lists of es, nl, nb,
        # sv, ro, bg): their standard list reads right there too.
        return format_list(items, style="standard", locale=locale(lang))
