"""The practice record: the single source of truth for validation, the JSON Schema,
the field documentation and the labels used on the site and in the PDFs."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .vocabularies import vocabulary

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_PATTERN = r"^https?://[^\s/?#]+[^\s]*$"
DOI_PATTERN = r"^10\.[0-9]{4,9}/\S+$"
PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
CURRENCY_PATTERN = r"^[A-Z]{3}$"

TRANSLATABLE = {"x-translatable": True}


def _fail(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, message)


def _vocabulary_term(key: str, value: Any) -> Any:
    vocab = vocabulary(key)
    if value in vocab:
        return value
    if key == "isced_levels" and isinstance(value, int) and not isinstance(value, bool):
        raise _fail("vocabulary", f"{value} is not an ISCED 2011 level (0-8)")
    hint = vocab.suggest(value)
    allowed = ", ".join(str(t) for t in vocab.ids())
    if len(vocab.terms) > 30:
        allowed = vocab.description.rstrip(".")
    message = f"{value!r} is not an allowed {vocab.name.lower()}"
    if hint is not None:
        message += f"; did you mean {hint!r}?"
    raise _fail("vocabulary", f"{message} (allowed: {allowed})")


def _term_schema(key: str) -> dict[str, Any]:
    vocab = vocabulary(key)
    if len(vocab.terms) > 30:  # ISO code lists: an enum, without per-term prose
        return {"type": "string", "enum": vocab.ids(), "description": vocab.description}
    return {
        "oneOf": [{"const": t.id, "title": t.label, "description": t.definition} for t in vocab.terms.values()],
        "description": vocab.description,
    }


def Term(key: str, base: type = str) -> Any:  # noqa: N802 - reads like a type
    """A value that must be a term of the named vocabulary."""
    return Annotated[
        base,
        AfterValidator(lambda v: _vocabulary_term(key, v)),
        WithJsonSchema(_term_schema(key)),
    ]


def _pattern(kind: str, pattern: str, explain: str) -> Any:
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.match(value):
            raise _fail(kind, f"{value!r} is not {explain}")
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


class Record(BaseModel):
    """Common settings: unknown fields are errors, strings are stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Source(Record):
    """A citation for what the record says."""

    title: OneLine = Field(description="Title of the document or web page.")
    url: Url | None = Field(None, description="Web address of the document.")
    doi: Doi | None = Field(None, description="Digital Object Identifier, e.g. 10.21125/edulearn.2020.0587.")
    publisher: OneLine | None = Field(None, description="Organisation or journal that published it.")
    year: int | None = Field(None, ge=1900, le=2100, description="Year of publication.")
    accessed: dt.date | None = Field(None, description="Date the web page was read (YYYY-MM-DD).")


class Organisation(Record):
    """An organisation involved in the practice, and its role."""

    name: OneLine = Field(description="Official name of the organisation (never a private person).")
    role: Term("organisation_roles") = Field(description="What the organisation did.")
    country: Term("countries") | None = Field(None, description="ISO 3166-1 alpha-2 code of its country.")
    url: Url | None = Field(None, description="Official web page of the organisation.")


class Period(Record):
    """When the practice ran: a year, month or day for each end."""

    start: PartialDate | None = Field(None, description="Start as YYYY, YYYY-MM or YYYY-MM-DD.")
    end: PartialDate | None = Field(
        None, description="End as YYYY, YYYY-MM or YYYY-MM-DD; empty if ongoing or unknown."
    )
    ongoing: bool | None = Field(None, description="True if the practice still runs.")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start and self.end and self.end < self.start:
            raise _fail("period_order", f"the period ends ({self.end}) before it starts ({self.start})")
        return self


class Funding(Record):
    """Who paid, through which programme, and how much."""

    programme: OneLine | None = Field(None, description="Funding programme, e.g. Erasmus+ KA2.")
    amount: float | None = Field(None, ge=0, description="Amount granted, as a number without separators.")
    currency: Currency = Field("EUR", description="ISO 4217 currency code of the amount.")
    note: Text | None = Field(None, description="What the amount covers.", json_schema_extra=TRANSLATABLE)


class Evidence(Record):
    """How strong the evidence is, on the toolbox's five-step scale."""

    level: Term("evidence_levels") = Field(description="Evidence level on the toolbox scale.")
    basis: Text | None = Field(
        None, description="What the level rests on: evaluations, studies, data.", json_schema_extra=TRANSLATABLE
    )


class Resource(Record):
    """Material others can use: a toolkit, video, report or guide."""

    title: OneLine = Field(description="Title of the resource.", json_schema_extra=TRANSLATABLE)
    url: Url = Field(description="Where to find it.")
    type: Term("resource_types") = Field(description="Kind of resource.")
    languages: list[Term("languages")] = Field(default_factory=list, description="ISO 639-1 codes of its languages.")


class Review(Record):
    """Whether the toolbox's maintainers have reviewed the record."""

    status: Term("review_statuses") = Field("submitted", description="submitted or reviewed.")
    date: dt.date | None = Field(None, description="Date of the review (YYYY-MM-DD).")
    reviewer: OneLine | None = Field(None, description="Organisation that reviewed the record.")

    @model_validator(mode="after")
    def _reviewed_needs_who_and_when(self) -> Review:
        if self.status == "reviewed" and (self.date is None or self.reviewer is None):
            raise _fail("review_incomplete", "a reviewed record needs the review's date and reviewer")
        return self


class Project(Record):
    """A project that one or more practices come from; its facts are stated once here."""

    id: Slug = Field(description="Slug equal to the file name in practices/projects/.")
    title: OneLine = Field(description="Name of the project.", json_schema_extra=TRANSLATABLE)
    acronym: OneLine | None = Field(None, description="Short name of the project.")
    summary: Text | None = Field(None, description="What the project set out to do.", json_schema_extra=TRANSLATABLE)
    url: Url | None = Field(None, description="Project web page.")
    countries: list[Term("countries")] = Field(default_factory=list, description="Countries of the partners.")
    organisations: list[Organisation] = Field(default_factory=list, description="Partners and their roles.")
    period: Period | None = Field(None, description="Project period.")
    funding: Funding | None = Field(None, description="Funding of the whole project.")
    sources: list[Source] = Field(min_length=1, description="Citations for the project facts.")


class Practice(Record):
    """A practice against early school leaving."""

    id: Slug = Field(description="Lower-case kebab-case slug, equal to the file name without .yml.")
    title: OneLine = Field(description="Name of the practice.", json_schema_extra=TRANSLATABLE)
    summary: Annotated[str, Field(min_length=1, max_length=600)] = Field(
        description="One to three plain sentences on what the practice does.", json_schema_extra=TRANSLATABLE
    )
    description: Markdown = Field(
        description="What the practice is and how it works (Markdown).", json_schema_extra=TRANSLATABLE
    )
    intervention_types: list[Term("intervention_types")] = Field(
        min_length=1, description="Prevention, intervention and/or compensation (EU framework)."
    )
    # Not required: a record states only what its sources say (the site and PDFs say "Not stated").
    isced_levels: list[Term("isced_levels", int)] = Field(
        default_factory=list, description="ISCED 2011 levels, 0-8; empty if the sources do not say."
    )
    target_groups: list[Term("target_groups")] = Field(
        default_factory=list, description="Learners the practice reaches; empty if the sources do not say."
    )
    countries: list[Term("countries")] = Field(
        default_factory=list, description="ISO 3166-1 alpha-2 codes of the countries where it runs; empty if unstated."
    )
    reach: list[Term("reach")] = Field(default_factory=list, description="Universal, targeted and/or indicated.")
    intervention_levels: list[Term("intervention_levels")] = Field(
        default_factory=list, description="Levels at which the practice acts."
    )
    audiences: list[Term("audiences")] = Field(default_factory=list, description="Professionals who would use it.")
    themes: list[Term("themes")] = Field(default_factory=list, description="Themes; shown as tags on the site.")
    project: Slug | None = Field(None, description="Id of the project in practices/projects/ it comes from.")
    organisations: list[Organisation] = Field(
        default_factory=list, description="Organisations of this practice (a project's are added automatically)."
    )
    period: Period | None = Field(None, description="When it ran (the project's period if empty).")
    funding: Funding | None = Field(None, description="Funding of this practice (the project's shown if empty).")
    activities: list[Text] = Field(
        default_factory=list, description="What is done, one activity per item.", json_schema_extra=TRANSLATABLE
    )
    outcomes: list[Text] = Field(
        default_factory=list, description="Outputs and results the sources report.", json_schema_extra=TRANSLATABLE
    )
    evidence: Evidence = Field(description="Evidence level and its basis.")
    transfer_conditions: list[Text] = Field(
        default_factory=list,
        description="What another school or region needs to adopt it.",
        json_schema_extra=TRANSLATABLE,
    )
    resources: list[Resource] = Field(default_factory=list, description="Toolkits, videos, reports, guides.")
    languages: list[Term("languages")] = Field(
        default_factory=list, description="ISO 639-1 codes of the languages of its materials."
    )
    related: list[Slug] = Field(default_factory=list, description="Ids of related practices.")
    sources: list[Source] = Field(min_length=1, description="Citations for what the record says.")
    review: Review = Field(default_factory=Review, description="Review status.")
    created: dt.date = Field(description="Date the record was added (YYYY-MM-DD).")
    updated: dt.date | None = Field(None, description="Date the record was last changed (YYYY-MM-DD).")


def translatable_fields(model: type[BaseModel] = Practice) -> list[str]:
    """Names of the fields whose text is translated."""
    return [
        name
        for name, info in model.model_fields.items()
        if isinstance(info.json_schema_extra, dict) and info.json_schema_extra.get("x-translatable")
    ]
