"""The record model: value types, the records and their parts, and the metadata of every field."""

from .fields import (
    FacetSpec,
    FieldMeta,
    facet_fields,
    field_meta,
    record_fields,
    top_level_fields,
    translatable_fields,
    vocabulary_fields,
)
from .records import Evidence, Funding, Organisation, Period, Practice, Project, Record, Resource, Review, Source

__all__ = [
    "Evidence",
    "FacetSpec",
    "FieldMeta",
    "Funding",
    "Organisation",
    "Period",
    "Practice",
    "Project",
    "Record",
    "Resource",
    "Review",
    "Source",
    "facet_fields",
    "field_meta",
    "record_fields",
    "top_level_fields",
    "translatable_fields",
    "vocabulary_fields",
]
