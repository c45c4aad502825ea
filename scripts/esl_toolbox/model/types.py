"""The value types of a record: vocabulary terms, slugs, web addresses, dates and text of bounded size.

Each carries its own plain-language error and its JSON Schema; a vocabulary term also says which
vocabulary it comes from, so that field metadata can find it without a second declaration."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from ..project import SLUG_PATTERN
from ..vocabularies import vocabulary

URL_PATTERN = r"^https?://[^\s/?#]+[^\s]*$"
DOI_PATTERN = r"^10\.[0-9]{4,9}/\S+$"
PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
CURRENCY_PATTERN = r"^[A-Z]{3}$"


def fail(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, message)


def _vocabulary_term(key: str, value: Any) -> Any:
    vocab = vocabulary(key)
    if value in vocab:
        return value
    if key == "isced_levels" and isinstance(value, int) and not isinstance(value, bool):
        raise fail("vocabulary", f"{value} is not an ISCED 2011 level (0-8)")
    hint = vocab.suggest(value)
    allowed = ", ".join(str(t) for t in vocab.ids())
    if len(vocab.terms) > 30:
        allowed = vocab.description.rstrip(".")
    message = f"{value!r} is not an allowed {vocab.name.lower()}"
    if hint is not None:
        message += f"; did you mean {hint!r}?"
    raise fail("vocabulary", f"{message} (allowed: {allowed})")


def _term_schema(key: str) -> dict[str, Any]:
    vocab = vocabulary(key)
    if len(vocab.terms) > 30:  # ISO code lists: an enum, without per-term prose
        return {"type": "string", "enum": vocab.ids(), "description": vocab.description}
    return {
        "oneOf": [{"const": t.id, "title": t.label, "description": t.definition} for t in vocab.terms.values()],
        "description": vocab.description,
    }


@dataclass(frozen=True)
class VocabularyRef:
    """Marks a value as a term of a vocabulary; field metadata reads the key back from the type."""

    key: str


def Term(key: str, base: type = str) -> Any:  # noqa: N802 - reads like a type
    """A value that must be a term of the named vocabulary."""
    return Annotated[
        base,
        AfterValidator(lambda v: _vocabulary_term(key, v)),
        WithJsonSchema(_term_schema(key)),
        VocabularyRef(key),
    ]


def _pattern(kind: str, pattern: str, explain: str) -> Any:
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.match(value):
            raise fail(kind, f"{value!r} is not {explain}")
        return value

    return Annotated[str, AfterValidator(check), WithJsonSchema({"type": "string", "pattern": pattern})]


Slug = _pattern("slug", SLUG_PATTERN, "a lower-case slug (letters a-z, digits, single hyphens)")
Url = _pattern("url", URL_PATTERN, "a web address starting with https:// or http://")
Doi = _pattern("doi", DOI_PATTERN, "a DOI such as 10.21125/edulearn.2020.0587 (without https://doi.org/)")
Currency = _pattern("currency", CURRENCY_PATTERN, "a three-letter ISO 4217 currency code such as EUR")


def _year_to_text(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


PartialDate = Annotated[
    _pattern("partial_date", PARTIAL_DATE_PATTERN, "a date as YYYY, YYYY-MM or YYYY-MM-DD"),
    BeforeValidator(_year_to_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": PARTIAL_DATE_PATTERN},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ]
        }
    ),
]

OneLine = Annotated[str, Field(min_length=1, max_length=300, pattern=r"^[^\n]*\S[^\n]*$")]
Text = Annotated[str, Field(min_length=1, max_length=4000)]
Markdown = Annotated[str, Field(min_length=1, max_length=20000)]
