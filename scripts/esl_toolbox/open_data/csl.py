"""Every source the records cite, once each, as CSL-JSON: the format Zotero, Mendeley and pandoc read.

Each item says which practices cite it (`note`), so a reader can go from a study back to the toolbox.
"""

from __future__ import annotations

import hashlib
from typing import Any

from ..catalogue import Catalogue
from ..model import Source


def _key(source: Source) -> tuple:
    return (source.doi or "", source.url or "", source.title)


def _id(source: Source) -> str:
    return "src-" + hashlib.sha1("|".join(_key(source)).encode()).hexdigest()[:12]


def _name(author: str) -> dict[str, str]:
    family, comma, given = author.partition(",")
    return {"family": family.strip(), "given": given.strip()} if comma else {"literal": author}


def _type(source: Source) -> str:
    if source.isbn:
        return "book"
    if source.doi:
        return "article"
    return "webpage" if source.url else "document"


def _date_parts(source: Source) -> dict[str, Any] | None:
    if source.date:
        return {"date-parts": [[source.date.year, source.date.month, source.date.day]]}
    return {"date-parts": [[source.year]]} if source.year else None


def csl_item(source: Source, cited_by: list[str]) -> dict[str, Any]:
    item: dict[str, Any] = {"id": _id(source), "type": _type(source), "title": source.title}
    optional = {
        "author": [_name(a) for a in source.authors] or None,
        "publisher": source.publisher,
        "issued": _date_parts(source),
        "URL": source.url,
        "DOI": source.doi,
        "ISBN": source.isbn,
        "accessed": (
            {"date-parts": [[source.accessed.year, source.accessed.month, source.accessed.day]]}
            if source.accessed
            else None
        ),
        "note": "Cited in the ESL Good Practice Toolbox by: " + ", ".join(sorted(cited_by)),
    }
    item.update({key: value for key, value in optional.items() if value})
    return item


def sources_csl(catalogue: Catalogue) -> list[dict[str, Any]]:
    """Each distinct source of the practices and projects, with the records that cite it, by title."""
    cited: dict[tuple, tuple[Source, list[str]]] = {}
    records = [*catalogue.practices, *catalogue.projects.values()]
    for record in records:
        for source in record.sources:
            cited.setdefault(_key(source), (source, []))[1].append(record.id)
    items = [csl_item(source, ids) for source, ids in cited.values()]
    return sorted(items, key=lambda item: (item["title"].casefold(), item["id"]))
