"""The edition date printed on the documents and stored as their creation date.

It comes from the data, never from the clock, so the same records give the same bytes.
SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/) overrides it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable

from ..model import Practice

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


class EditionProblem(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a whole number of seconds."""


def edition_date(practices: Iterable[Practice]) -> dt.datetime:
    """SOURCE_DATE_EPOCH if set, else midnight UTC of the newest created/updated date of the records."""
    epoch = os.environ.get(EPOCH_VARIABLE, "").strip()
    if epoch:
        if not epoch.isdigit():
            raise EditionProblem(f"{EPOCH_VARIABLE} must be a whole number of seconds, not {epoch!r}")
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    dates = [d for p in practices for d in (p.created, p.updated) if d is not None]
    newest = max(dates, default=dt.date(2000, 1, 1))
    return dt.datetime.combine(newest, dt.time(), tzinfo=dt.UTC)


def w3c_datetime(moment: dt.datetime) -> str:
    """The form WeasyPrint reads from <meta name="dcterms.created">, e.g. 2025-05-12T00:00:00Z."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
