"""The practice and project records and their parts: the single source of truth for validation,
the JSON Schema, the field documentation and every label the site, the PDFs and the forms show.

Each field declares its metadata once, with `about(...)`: its label (singular and plural),
whether visitors browse by it (a facet, with its URL key, listing folder and order), whether its
text is translated, and its column in the CSV export. Its vocabulary comes from its type
(`Term("themes")`). `fields.py` reads it all back.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .fields import FacetSpec, about
from .types import (
    Currency,
    Doi,
    Markdown,
    OneLine,
    PartialDate,
    Slug,
    Term,
    Text,
    Url,
    fail,
)


class Record(BaseModel):
    """Common settings: unknown fields are errors, strings are stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Source(Record):
    """A citation for what the record says."""

    title: OneLine = Field(description="Title of the document or web page.", **about("Title"))
    url: Url | None = Field(None, description="Web address of the document.", **about("Web address"))
    doi: Doi | None = Field(
        None, description="Digital Object Identifier, e.g. 10.21125/edulearn.2020.0587.", **about("DOI")
    )
    publisher: OneLine | None = Field(
        None, description="Organisation or journal that published it.", **about("Publisher")
    )
    year: int | None = Field(None, ge=1900, le=2100, description="Year of publication.", **about("Year"))
    accessed: dt.date | None = Field(None, description="Date the web page was read (YYYY-MM-DD).", **about("Read on"))


class Organisation(Record):
    """An organisation involved in the practice, and its role."""

    name: OneLine = Field(description="Official name of the organisation (never a private person).", **about("Name"))
    role: Term("organisation_roles") = Field(description="What the organisation did.", **about("Role"))
    country: Term("countries") | None = Field(
        None, description="ISO 3166-1 alpha-2 code of its country.", **about("Country")
    )
    url: Url | None = Field(None, description="Official web page of the organisation.", **about("Web address"))


class Period(Record):
    """When the practice ran: a year, month or day for each end."""

    start: PartialDate | None = Field(None, description="Start as YYYY, YYYY-MM or YYYY-MM-DD.", **about("Start"))
    end: PartialDate | None = Field(
        None, description="End as YYYY, YYYY-MM or YYYY-MM-DD; empty if ongoing or unknown.", **about("End")
    )
    ongoing: bool | None = Field(None, description="True if the practice still runs.", **about("Still running"))

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start and self.end and self.end < self.start:
            raise fail("period_order", f"the period ends ({self.end}) before it starts ({self.start})")
        return self


class Funding(Record):
    """Who paid, through which programme, and how much."""

    programme: OneLine | None = Field(
        None, description="Funding programme, e.g. Erasmus+ KA2.", **about("Funding programme")
    )
    amount: float | None = Field(
        None, ge=0, description="Amount granted, as a number without separators.", **about("Amount")
    )
    currency: Currency = Field("EUR", description="ISO 4217 currency code of the amount.", **about("Currency"))
    note: Text | None = Field(None, description="What the amount covers.", **about("What it covers", translatable=True))


class Evidence(Record):
    """How strong the evidence is, on the toolbox's five-step scale."""

    level: Term("evidence_levels") = Field(
        description="Evidence level on the toolbox scale.",
        **about("Evidence level", "Evidence levels", facet=FacetSpec("evidence", "evidence-levels", 7)),
    )
    basis: Text | None = Field(
        None,
        description="What the level rests on: evaluations, studies, data.",
        **about("What the evidence rests on", translatable=True),
    )


class Resource(Record):
    """Material others can use: a toolkit, video, report or guide."""

    title: OneLine = Field(description="Title of the resource.", **about("Title", translatable=True))
    url: Url = Field(description="Where to find it.", **about("Web address"))
    type: Term("resource_types") = Field(description="Kind of resource.", **about("Kind of material"))
    languages: list[Term("languages")] = Field(
        default_factory=list, description="ISO 639-1 codes of its languages.", **about("Language", "Languages")
    )


class Review(Record):
    """Whether the toolbox's maintainers have reviewed the record."""

    status: Term("review_statuses") = Field(
        "submitted", description="submitted or reviewed.", **about("Review status", "Review statuses")
    )
    date: dt.date | None = Field(None, description="Date of the review (YYYY-MM-DD).", **about("Reviewed on"))
    reviewer: OneLine | None = Field(None, description="Organisation that reviewed the record.", **about("Reviewer"))

    @model_validator(mode="after")
    def _reviewed_needs_who_and_when(self) -> Review:
        if self.status == "reviewed" and (self.date is None or self.reviewer is None):
            raise fail("review_incomplete", "a reviewed record needs the review's date and reviewer")
        return self


class Project(Record):
    """A project that one or more practices come from; its facts are stated once here."""

    id: Slug = Field(description="Slug equal to the file name in practices/projects/.", **about("Id"))
    title: OneLine = Field(description="Name of the project.", **about("Name", translatable=True))
    acronym: OneLine | None = Field(None, description="Short name of the project.", **about("Acronym"))
    summary: Text | None = Field(
        None, description="What the project set out to do.", **about("Summary", translatable=True)
    )
    url: Url | None = Field(None, description="Project web page.", **about("Web site"))
    countries: list[Term("countries")] = Field(
        default_factory=list, description="Countries of the partners.", **about("Country", "Countries")
    )
    organisations: list[Organisation] = Field(
        default_factory=list, description="Partners and their roles.", **about("Organisation", "Organisations")
    )
    period: Period | None = Field(None, description="Project period.", **about("Period"))
    funding: Funding | None = Field(None, description="Funding of the whole project.", **about("Funding"))
    sources: list[Source] = Field(
        min_length=1, description="Citations for the project facts.", **about("Source", "Sources")
    )


class Practice(Record):
    """A practice against early school leaving."""

    id: Slug = Field(
        description="Lower-case kebab-case slug, equal to the file name without .yml.", **about("Id", csv=True)
    )
    title: OneLine = Field(description="Name of the practice.", **about("Title", translatable=True))
    summary: Annotated[str, Field(min_length=1, max_length=600)] = Field(
        description="One to three plain sentences on what the practice does.",
        **about("Summary", translatable=True),
    )
    description: Markdown = Field(
        description="What the practice is and how it works (Markdown).", **about("Description", translatable=True)
    )
    intervention_types: list[Term("intervention_types")] = Field(
        min_length=1,
        description="Prevention, intervention and/or compensation (EU framework).",
        **about("Intervention type", "Intervention types", facet=FacetSpec("type", "intervention-types", 1)),
    )
    # Not required: a record states only what its sources say (the site and PDFs say "Not stated").
    isced_levels: list[Term("isced_levels", int)] = Field(
        default_factory=list,
        description="ISCED 2011 levels, 0-8; empty if the sources do not say.",
        **about("Level of education", "Levels of education", facet=FacetSpec("isced", "isced", 2)),
    )
    target_groups: list[Term("target_groups")] = Field(
        default_factory=list,
        description="Learners the practice reaches; empty if the sources do not say.",
        **about("Target group", "Target groups", facet=FacetSpec("group", "target-groups", 3)),
    )
    countries: list[Term("countries")] = Field(
        default_factory=list,
        description="ISO 3166-1 alpha-2 codes of the countries where it runs; empty if unstated.",
        **about("Country", "Countries", facet=FacetSpec("country", "countries", 5, by_label=True)),
    )
    reach: list[Term("reach")] = Field(
        default_factory=list, description="Universal, targeted and/or indicated.", **about("Reach")
    )
    intervention_levels: list[Term("intervention_levels")] = Field(
        default_factory=list,
        description="Levels at which the practice acts.",
        **about("Intervention level", "Intervention levels", facet=FacetSpec("level", "intervention-levels", 6)),
    )
    audiences: list[Term("audiences")] = Field(
        default_factory=list, description="Professionals who would use it.", **about("Who would use it")
    )
    themes: list[Term("themes")] = Field(
        default_factory=list,
        description="Themes; shown as tags on the site.",
        **about("Theme", "Themes", facet=FacetSpec("theme", "themes", 4)),
    )
    project: Slug | None = Field(
        None, description="Id of the project in practices/projects/ it comes from.", **about("Project")
    )
    organisations: list[Organisation] = Field(
        default_factory=list,
        description="Organisations of this practice (a project's are added automatically).",
        **about("Organisation", "Organisations"),
    )
    period: Period | None = Field(None, description="When it ran (the project's period if empty).", **about("Period"))
    funding: Funding | None = Field(
        None, description="Funding of this practice (the project's shown if empty).", **about("Funding")
    )
    activities: list[Text] = Field(
        default_factory=list,
        description="What is done, one activity per item.",
        **about("Activity", "Activities", translatable=True),
    )
    outcomes: list[Text] = Field(
        default_factory=list,
        description="Outputs and results the sources report.",
        **about("Outcome", "Outcomes", translatable=True),
    )
    evidence: Evidence = Field(description="Evidence level and its basis.", **about("Evidence"))
    transfer_conditions: list[Text] = Field(
        default_factory=list,
        description="What another school or region needs to adopt it.",
        **about("Condition for transfer", "Conditions for transfer", translatable=True),
    )
    resources: list[Resource] = Field(
        default_factory=list, description="Toolkits, videos, reports, guides.", **about("Resource", "Resources")
    )
    languages: list[Term("languages")] = Field(
        default_factory=list,
        description="ISO 639-1 codes of the languages of its materials.",
        **about("Language of its materials", "Languages of its materials"),
    )
    related: list[Slug] = Field(
        default_factory=list, description="Ids of related practices.", **about("Related practice", "Related practices")
    )
    sources: list[Source] = Field(
        min_length=1, description="Citations for what the record says.", **about("Source", "Sources")
    )
    review: Review = Field(default_factory=Review, description="Review status.", **about("Review"))
    created: dt.date = Field(description="Date the record was added (YYYY-MM-DD).", **about("Added"))
    updated: dt.date | None = Field(
        None, description="Date the record was last changed (YYYY-MM-DD).", **about("Last changed")
    )
