"""The record's fields as the About page and CONTRIBUTING.md document them: the model's field
metadata (label, vocabulary, nested part), with what a contributor writes read from its JSON Schema."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from .model import FieldMeta, Practice, record_fields
from .schema import json_schema

TYPE_NAMES = {"string": "text", "integer": "whole number", "number": "number", "boolean": "true or false"}
FORMAT_NAMES = {"date": "date (YYYY-MM-DD)"}


@dataclass(frozen=True)
class FieldDoc:
    name: str
    label: str
    required: bool
    kind: str  # what a contributor writes, e.g. "list of terms"
    description: str
    vocabulary: str | None = None  # key of the vocabulary the values come from
    model: str | None = None  # name of the nested part, documented in its own table
    translatable: bool = False


@dataclass(frozen=True)
class PartDoc:
    name: str
    description: str
    fields: tuple[FieldDoc, ...]


def _kind(schema: dict[str, Any], meta: FieldMeta) -> str:
    """What a contributor writes for a field, in words."""
    if meta.vocabulary:
        kind = "term"
    elif meta.part is not None:
        kind = meta.part.__name__.lower()
    else:
        options = [o for o in schema.get("anyOf", [schema]) if o.get("type") != "null"] or [schema]
        base = options[0].get("items", {}) if meta.many else options[0]
        base = base.get("anyOf", [base])[0]
        kind = FORMAT_NAMES.get(base.get("format", ""), TYPE_NAMES.get(base.get("type", ""), "text"))
    return f"list of {kind}s" if meta.many else kind


def _part(model: type[BaseModel]) -> PartDoc:
    schema = json_schema(model)
    properties = schema.get("properties", {})
    required = set(schema.get("required", []))
    docs = []
    for meta in record_fields(model):
        if "." in meta.path:
            continue
        docs.append(
            FieldDoc(
                name=meta.name,
                label=meta.label,
                required=meta.name in required,
                kind=_kind(properties.get(meta.name, {}), meta),
                description=meta.description,
                vocabulary=meta.vocabulary,
                model=meta.part.__name__ if meta.part else None,
                translatable=meta.translatable,
            )
        )
    return PartDoc(model.__name__, model.__doc__ or "", tuple(docs))


@cache
def record_parts(model: type[BaseModel] = Practice) -> tuple[PartDoc, ...]:
    """The record, then each nested part (organisation, source, ...) in alphabetical order."""
    parts = {f.part for f in record_fields(model) if f.part is not None}
    nested = [_part(p) for p in sorted(parts, key=lambda p: p.__name__)]
    return (_part(model), *nested)
