"""The translatable units of a record: each piece of English text a translation can replace.

A unit is a translatable field of the model at one place in a record, named as the checks name
places: `summary`, `evidence.basis`, `activities` (a list of text, translated item by item as one
unit), `evaluations[0].summary`. The model's field metadata says which fields are translatable,
so a new translatable field needs no change here.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from ..model import Practice, Project, record_fields
from ..problems import format_path

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Unit:
    """One piece of English text at one place in a record."""

    loc: Loc
    english: str | tuple[str, ...]

    @property
    def key(self) -> str:
        return format_path(self.loc)

    @property
    def is_list(self) -> bool:
        return isinstance(self.english, tuple)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.english)


def fingerprint(text: str | tuple[str, ...] | list[str]) -> str:
    """A short digest of English text: a translation keeps the one of the text it translates."""
    value = list(text) if isinstance(text, tuple | list) else text
    return hashlib.sha256(json.dumps(value, ensure_ascii=False).encode("utf-8")).hexdigest()[:12]


@cache
def translatable_paths(model: type[BaseModel]) -> tuple[str, ...]:
    """Dotted paths of the model's translatable fields: 'summary', 'evaluations.summary'."""
    return tuple(meta.path for meta in record_fields(model) if meta.translatable)


def units_of(record: Practice | Project) -> dict[str, Unit]:
    """Every translatable unit the record holds, by key, in the model's order; empty fields have none."""
    found: dict[str, Unit] = {}
    for path in translatable_paths(type(record)):
        for unit in _walk(record, path.split("."), ()):
            found[unit.key] = unit
    return found


def _walk(value: Any, parts: list[str], loc: Loc):
    name, rest = parts[0], parts[1:]
    child = getattr(value, name, None)
    if child is None or child == [] or child == "":
        return
    if not rest:
        yield Unit((*loc, name), tuple(child) if isinstance(child, list) else child)
    elif isinstance(child, list):
        for index, item in enumerate(child):
            yield from _walk(item, rest, (*loc, name, index))
    else:
        yield from _walk(child, rest, (*loc, name))


_KEY_PART = re.compile(r"([a-z_]+)((?:\[\d+\])*)")


def parse_key(key: str) -> Loc | None:
    """'evaluations[0].summary' -> ('evaluations', 0, 'summary'); None if it is not written that way."""
    loc: list[str | int] = []
    for part in key.split("."):
        match = _KEY_PART.fullmatch(part)
        if not match:
            return None
        loc.append(match.group(1))
        loc.extend(int(n) for n in re.findall(r"\d+", match.group(2)))
    return tuple(loc)


def path_of(loc: Loc) -> str:
    """The field's dotted path without the list positions: ('evaluations', 0, 'summary') -> 'evaluations.summary'."""
    return ".".join(part for part in loc if isinstance(part, str))


def key_pattern(model: type[BaseModel]) -> str:
    """A regular expression every unit key of the model matches (for the JSON Schema)."""
    lists = {meta.path for meta in record_fields(model) if meta.many and meta.part is not None}
    patterns = []
    for path in translatable_paths(model):
        parts, written = path.split("."), []
        for depth in range(len(parts)):
            prefix = ".".join(parts[: depth + 1])
            written.append(re.escape(parts[depth]) + (r"\[[0-9]+\]" if prefix in lists else ""))
        patterns.append(r"\.".join(written))
    return "^(" + "|".join(patterns) + ")$"
