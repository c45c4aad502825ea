"""The record fields as the About page documents them, read from the model's JSON Schema."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from ..model import Practice
from ..schema import json_schema
from ..vocabularies import vocabularies

TYPE_NAMES = {"string": "text", "integer": "whole number", "number": "number", "boolean": "true or false"}
FORMAT_NAMES = {"date": "date (YYYY-MM-DD)"}


@dataclass(frozen=True)
class FieldDoc:
    name: str
    required: bool
    kind: str  # what a contributor writes, e.g. "list of terms"
    description: str
    vocabulary: str | None = None  # key of the vocabulary the values come from
    model: str | None = None  # name of the nested part, documented in its own table


@dataclass(frozen=True)
class PartDoc:
    name: str
    description: str
    fields: tuple[FieldDoc, ...]


def _alternatives(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The schema's non-null alternatives (Optional fields are anyOf [X, null])."""
    options = schema.get("anyOf", [schema])
    return [o for o in options if o.get("type") != "null"] or [schema]


def _vocabulary_key(schema: dict[str, Any]) -> str | None:
    # A term's schema lists exactly its vocabulary's ids: the model builds both from the same file.
    ids = schema.get("enum") or [option.get("const") for option in schema.get("oneOf", [])]
    if not ids:
        return None
    return next((key for key, v in vocabularies().items() if set(v.ids()) == set(ids)), None)


def _describe(schema: dict[str, Any]) -> tuple[str, str | None, str | None]:
    """(kind, vocabulary key, nested part name) of a property's schema."""
    schema = _alternatives(schema)[0]
    if schema.get("type") == "array":
        kind, vocab, part = _describe(schema.get("items", {}))
        return f"list of {kind}s" if not kind.startswith("list") else kind, vocab, part
    if "$ref" in schema:
        part = schema["$ref"].rsplit("/", 1)[-1]
        return part.lower(), None, part
    vocab = _vocabulary_key(schema)
    if vocab:
        return "term", vocab, None
    if "anyOf" in schema or "pattern" in schema and schema.get("type") == "string":
        return "text", None, None
    return FORMAT_NAMES.get(schema.get("format", ""), TYPE_NAMES.get(schema.get("type", ""), "value")), None, None


def _part(name: str, schema: dict[str, Any]) -> PartDoc:
    required = set(schema.get("required", []))
    fields = []
    for field, prop in schema.get("properties", {}).items():
        kind, vocab, part = _describe(prop)
        fields.append(FieldDoc(field, field in required, kind, prop.get("description", ""), vocab, part))
    return PartDoc(name, schema.get("description", ""), tuple(fields))


@cache
def record_parts() -> tuple[PartDoc, ...]:
    """The practice record, then each nested part (organisation, source, ...) in alphabetical order."""
    schema = json_schema(Practice)
    nested = [_part(name, sub) for name, sub in sorted(schema.get("$defs", {}).items())]
    return (_part("Practice", schema), *nested)
