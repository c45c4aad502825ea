"""Checks of one valid record beyond its model: small functions, each returning its problems.

Each takes the parsed document (for positions and raw text), the record and its path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..loader import Document
from ..model import Practice
from ..problems import ERROR, WARNING, Problem
from .load import problem_at

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
MAX_SUMMARY_SENTENCES = 3


def _strings(data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, loc + (index,))


def check_id_matches_file_name(doc: Document, record: Any, path: Path) -> list[Problem]:
    if record.id == path.stem:
        return []
    return [
        problem_at(
            doc, ("id",), ERROR, f"id '{record.id}' differs from the file name; rename one to match '{path.stem}'"
        )
    ]


def check_summary_length(doc: Document, record: Any, path: Path) -> list[Problem]:
    if not isinstance(record, Practice):
        return []
    sentences = len(SENTENCE_END.findall(record.summary))
    if sentences <= MAX_SUMMARY_SENTENCES:
        return []
    message = f"summary has {sentences} sentences; keep it to one to three and move the rest to description"
    return [problem_at(doc, ("summary",), WARNING, message)]


def check_no_email_addresses(doc: Document, record: Any, path: Path) -> list[Problem]:
    # An address needs an "@": testing for one first spares the regex, a quarter of a record's check.
    if "@" not in doc.text or not EMAIL.search(doc.text):
        return []
    return [
        problem_at(
            doc, loc, WARNING, "contains an e-mail address; records name organisations and web pages, not contacts"
        )
        for loc, text in _strings(doc.data)
        if EMAIL.search(text)
    ]


def check_no_template_placeholders(doc: Document, record: Any, path: Path) -> list[Problem]:
    if "TODO" not in doc.text and "example.org" not in doc.text:
        return []
    return [
        problem_at(doc, loc, ERROR, "still holds the template's placeholder; write what the source says or remove it")
        for loc, text in _strings(doc.data)
        if "TODO" in text or "example.org" in text
    ]


def check_sources_can_be_found(doc: Document, record: Any, path: Path) -> list[Problem]:
    return [
        problem_at(doc, ("sources", index), WARNING, "give a url or doi so that readers can find this source")
        for index, source in enumerate(record.sources)
        if source.url is None and source.doi is None
    ]


def check_evidence_basis(doc: Document, record: Any, path: Path) -> list[Problem]:
    if not isinstance(record, Practice) or record.evidence.level == "not-evaluated" or record.evidence.basis:
        return []
    return [problem_at(doc, ("evidence",), WARNING, "an evidence level above 'not-evaluated' should state its basis")]


def check_record_dates(doc: Document, record: Any, path: Path) -> list[Problem]:
    if not isinstance(record, Practice) or record.updated is None or record.updated >= record.created:
        return []
    return [problem_at(doc, ("updated",), ERROR, f"updated ({record.updated}) is before created ({record.created})")]


FILE_CHECKS: tuple[Callable[[Document, Any, Path], list[Problem]], ...] = (
    check_id_matches_file_name,
    check_summary_length,
    check_no_email_addresses,
    check_no_template_placeholders,
    check_sources_can_be_found,
    check_evidence_basis,
    check_record_dates,
)
