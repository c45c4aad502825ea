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
ISBN_PATTERN = r"^(?:97[89][- ]?)?(?:[0-9][- ]?){9}[0-9Xx]$"


def fail(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, message)


def _vocabulary_term(key: str, value: Any) -> Any:
    vocab = vocabulary(key)
    if value in vocab:
        return value
    numbered = all(isinstance(term, int) for term in vocab.terms)
    if numbered and isinstance(value, int) and not isinstance(value, bool):
        raise fail("vocabulary", f"{value} is not an {vocab.name} ({min(vocab.terms)}-{max(vocab.terms)})")
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
    if vocab.pattern:  # thousands of codes: their form, checked against the list by the model
        return {"type": "string", "pattern": vocab.pattern, "description": vocab.description}
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
    terms = vocabulary(key).terms
    return Annotated[
        base,
        # The common case (a known term) without a Python call beyond this one: it runs for every term of every record.
        AfterValidator(lambda v: v if v in terms else _vocabulary_term(key, v)),
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
Fingerprint = _pattern(
    "fingerprint",
    r"^[0-9a-f]{12}$",
    "the fingerprint `esl-toolbox translations new` writes (12 characters, 0-9 and a-f)",
)
Isbn = _pattern("isbn", ISBN_PATTERN, "an ISBN: 10 or 13 digits, hyphens allowed, such as 978-92-896-2611-1")


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
Year = Annotated[int, Field(ge=1900, le=2100)]
SourceNumber = Annotated[int, Field(ge=1, le=100)]  # a source of the same record, counted from 1 as the page lists them
