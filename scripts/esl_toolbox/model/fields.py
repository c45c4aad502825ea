"""Field metadata, declared once on the model and read back by everything that shows or asks for a field.

A field's `about(...)` gives its label (singular and plural), whether it is a facet (how visitors
browse: URL key, listing folder, order), whether its text is translated, and its CSV column. Its
vocabulary is read from its type. `record_fields(Practice)` walks the model, nested parts included,
and gives one FieldMeta per field with its dotted path ("evidence.level"). Facets, the toolbox
filters, listings, navigation, exports, PDF selection, the issue form, the about page and
CONTRIBUTING all iterate over it, so adding a field touches the model and the template that shows it.
"""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .types import VocabularyRef


@dataclass(frozen=True)
class FacetSpec:
    """How visitors browse by a field: `?key=` on the toolbox page, listing pages below `path/`."""

    key: str
    path: str
    order: int
    by_label: bool = False  # list values by label (countries) instead of the vocabulary's own order
    heading: str = ""  # what visitors read above its values, in plain words: "When it acts"


def about(
    label: str,
    plural: str | None = None,
    *,
    facet: FacetSpec | None = None,
    translatable: bool = False,
    csv: bool = True,
    aliases: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Keyword arguments for pydantic's Field: the label as its title, the rest as x- keys of its JSON Schema.

    `aliases` are names contributors may write for this field by mistake ("budget" for funding):
    the validator then says where the fact goes."""
    extra: dict[str, Any] = {"x-plural": plural or label}
    if aliases:
        extra["x-aliases"] = list(aliases)
    if facet is not None:
        extra["x-facet"] = {"key": facet.key, "path": facet.path, "order": facet.order, "by_label": facet.by_label}
        if facet.heading:
            extra["x-facet"]["heading"] = facet.heading
    if translatable:
        extra["x-translatable"] = True
    if not csv:
        extra["x-csv"] = False
    return {"title": label, "json_schema_extra": extra}


@dataclass(frozen=True)
class FieldMeta:
    """One field of a record as every output sees it."""

    path: str  # dotted from the record: "title", "evidence.level", "sources.url"
    label: str
    plural: str
    description: str
    required: bool
    many: bool  # a list of values
    vocabulary: str | None
    facet: FacetSpec | None
    translatable: bool
    csv: bool
    part: type[BaseModel] | None  # the nested model, for fields that hold one or a list of them
    aliases: tuple[str, ...] = ()
    value_type: str = "string"  # the JSON type of one value: string, integer, number, boolean or date

    @property
    def name(self) -> str:
        return self.path.rsplit(".", 1)[-1]

    def label_for(self, count: int) -> str:
        """The singular label for one value, the plural for none or several."""
        return self.label if count == 1 else self.plural

    def values_of(self, record: Any) -> list:
        """The field's values in a record, through lists and nested parts, in the record's order, each once."""
        values: list = [record]
        for part in self.path.split("."):
            values = [v for value in values for v in _as_list(getattr(value, part, None))]
        if self.part is not None:
            return values  # parts (an organisation, a source) are listed as they are
        return list(dict.fromkeys(values))


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _metadata(annotation: Any) -> list[Any]:
    """Every Annotated metadata object inside a type, however deeply it is nested (list[...], X | None)."""
    found = list(getattr(annotation, "__metadata__", ()))
    for arg in typing.get_args(annotation):
        found.extend(_metadata(arg))
    return found


def _part(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((p for arg in typing.get_args(annotation) if (p := _part(arg)) is not None), None)


_VALUE_TYPES = {bool: "boolean", int: "integer", float: "number", dt.date: "date"}


def _value_type(annotation: Any) -> str:
    """The JSON type of one value of a field, through lists, Optional and Annotated."""
    if annotation in _VALUE_TYPES:
        return _VALUE_TYPES[annotation]
    found = [_value_type(arg) for arg in typing.get_args(annotation) if arg is not type(None)]
    return next((kind for kind in found if kind != "string"), "string")


def _is_list(annotation: Any) -> bool:
    if typing.get_origin(annotation) in (list, tuple):
        return True
    return any(_is_list(arg) for arg in typing.get_args(annotation) if typing.get_origin(arg) is not typing.Annotated)


def _meta(path: str, name: str, info: FieldInfo) -> FieldMeta:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    refs = [m for m in [*info.metadata, *_metadata(info.annotation)] if isinstance(m, VocabularyRef)]
    facet = extra.get("x-facet")
    label = info.title or name.replace("_", " ").capitalize()
    return FieldMeta(
        path=path,
        label=label,
        plural=str(extra.get("x-plural", label)),
        description=info.description or "",
        required=info.is_required(),
        many=_is_list(info.annotation),
        vocabulary=refs[0].key if refs else None,
        facet=FacetSpec(**facet) if isinstance(facet, dict) else None,
        translatable=bool(extra.get("x-translatable")),
        csv=extra.get("x-csv", True) is not False,
        part=_part(info.annotation),
        aliases=tuple(extra.get("x-aliases", ())),
        value_type=_value_type(info.annotation),
    )


@cache
def record_fields(model: type[BaseModel]) -> tuple[FieldMeta, ...]:
    """Every field of the model, each nested part's fields after the field that holds it."""
    return tuple(_walk(model, ""))


def _walk(model: type[BaseModel], prefix: str) -> typing.Iterator[FieldMeta]:
    for name, info in model.model_fields.items():
        meta = _meta(prefix + name, name, info)
        yield meta
        if meta.part is not None:
            yield from _walk(meta.part, meta.path + ".")


def field_meta(model: type[BaseModel], path: str) -> FieldMeta:
    """One field's metadata by its dotted path; KeyError if the model has no such field."""
    found = next((f for f in record_fields(model) if f.path == path), None)
    if found is None:
        raise KeyError(path)
    return found


def top_level_fields(model: type[BaseModel]) -> tuple[FieldMeta, ...]:
    return tuple(f for f in record_fields(model) if "." not in f.path)


def facet_fields(model: type[BaseModel]) -> tuple[FieldMeta, ...]:
    """The fields visitors browse by, in their facet order."""
    return tuple(sorted((f for f in record_fields(model) if f.facet), key=lambda f: f.facet.order))


def vocabulary_fields(model: type[BaseModel]) -> tuple[FieldMeta, ...]:
    """Every field whose values are terms of a vocabulary, nested ones included."""
    return tuple(f for f in record_fields(model) if f.vocabulary)


def translatable_fields(model: type[BaseModel]) -> list[str]:
    """Names of the model's own fields whose text is translated."""
    return [f.name for f in top_level_fields(model) if f.translatable]
