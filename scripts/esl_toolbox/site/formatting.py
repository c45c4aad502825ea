"""Record values as a visitor reads them: dates, periods, amounts and citation links. Plain text
only; the templates escape it."""

from __future__ import annotations

import calendar
import datetime as dt

from ..model import Funding, Period, Source


def partial_date(value: str) -> str:
    """'2017' -> '2017', '2017-09' -> 'September 2017', '2017-09-01' -> '1 September 2017'."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = f"{calendar.month_name[parts[1]]} {parts[0]}"
    return month if len(parts) == 2 else f"{parts[2]} {month}"


def full_date(value: dt.date) -> str:
    return partial_date(value.isoformat())


def period_text(period: Period) -> str:
    start = partial_date(period.start) if period.start else None
    end = partial_date(period.end) if period.end else None
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"since {start}" + (" (ongoing)" if period.ongoing else "")
    if end:
        return f"until {end}"
    return "ongoing" if period.ongoing else "not stated"


def amount_text(funding: Funding) -> str | None:
    if funding.amount is None:
        return None
    amount = int(funding.amount) if float(funding.amount).is_integer() else funding.amount
    return f"{funding.currency} {amount:,}"


def source_link(source: Source) -> str | None:
    """Where a reader finds the source: its DOI if it has one, else its web address."""
    return f"https://doi.org/{source.doi}" if source.doi else source.url
