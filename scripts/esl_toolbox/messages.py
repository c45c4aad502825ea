"""Pydantic's validation errors, said in words a contributor understands without Python."""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel

from .model.fields import FieldMeta, top_level_fields


def describe_value(value: Any) -> str:
    """How a YAML value looks to someone who wrote it."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (key: value)"
    return type(value).__name__


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found.extend(_models_in(arg))
    return found


def model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The sub-model that holds the fields at `loc` (list indexes skipped)."""
    for part in loc:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        if info is None:
            return None
        candidates = _models_in(info.annotation)
        if not candidates:
            return None
        model = candidates[0]
    return model


def _alias_target(parent: type[BaseModel], name: str) -> FieldMeta | None:
    """The field of `parent` a contributor meant by another name ('budget' for funding), if any."""
    wanted = name.lower().replace("-", "_").replace(" ", "_")
    return next((f for f in top_level_fields(parent) if wanted in f.aliases), None)


def unknown_field_message(model: type[BaseModel], loc: tuple) -> str:
    name = loc[-1]
    parent = model_at(model, loc[:-1])
    allowed = list(parent.model_fields) if parent else []
    message = f"unknown field '{name}'"
    meant = _alias_target(parent, str(name)) if parent else None
    match = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
    if meant is not None:
        return f"{message}; did you mean '{meant.name}'? {meant.label}: {meant.description}"
    if match:
        message += f"; did you mean '{match[0]}'?"
    if allowed:
        message += f" (allowed here: {', '.join(allowed)})"
    return message


def _length_message(error: dict) -> str:
    ctx = error.get("ctx", {})
    value = error.get("input")
    if error["type"] == "too_short":
        least = ctx.get("min_length", 1)
        return f"needs at least {least} item{'s' if least != 1 else ''}"
    if error["type"] == "too_long":
        return f"has too many items (at most {ctx.get('max_length')})"
    if error["type"] == "string_too_short":
        return "must not be empty"
    return f"is too long: {len(value)} characters (at most {ctx.get('max_length')})"


_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (one item per line, starting with '- ')",
    "model_type": "a mapping of fields (key: value)",
    "model_attributes_type": "a mapping of fields (key: value)",
    "dict_type": "a mapping of fields (key: value)",
    "date_type": "a date as YYYY-MM-DD",
    "date_parsing": "a date as YYYY-MM-DD",
    "date_from_datetime_parsing": "a date as YYYY-MM-DD",
    "date_from_datetime_inexact": "a date as YYYY-MM-DD",
}


def describe_error(model: type[BaseModel], error: dict) -> str:
    """One plain sentence for one pydantic error."""
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return unknown_field_message(model, error["loc"])
    given = error.get("input")
    if kind == "list_type" and isinstance(given, dict):
        return "takes a list, not one mapping: put '- ' before the first line of each item (several may be given)"
    if kind in {"model_type", "model_attributes_type", "dict_type"} and isinstance(given, list):
        return "takes one mapping (key: value), not a list: remove the '- ' before its first line"
    if kind == "literal_error" and error["loc"][-1] == "schema_version":
        return f"{describe_value(given)} is not a version of the record format; this toolbox reads version 2"
    if kind == "string_type" and isinstance(given, dict) and len(given) == 1:
        key = str(next(iter(given)))
        shown = key if len(key) <= 40 else key[:37] + "..."
        return f"expected text, got a mapping: the ': ' after {shown!r} made YAML read a key; put the text in quotes"
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, got {describe_value(given)}"
    if kind in {"too_short", "too_long", "string_too_short", "string_too_long"}:
        return _length_message(error)
    if kind == "string_pattern_mismatch":
        return "must be one line of text"
    if kind in {"greater_than_equal", "greater_than"}:
        return f"{error.get('input')} is too small (at least {ctx.get('ge', ctx.get('gt')):g})"
    if kind in {"less_than_equal", "less_than"}:
        return f"{error.get('input')} is too large (at most {ctx.get('le', ctx.get('lt')):g})"
    return error["msg"].removeprefix("Value error, ")
