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

    title: OneLine = Field(description="The title of the document or web page.", **about("Title"))
    url: Url | None = Field(
        None, description="Its web address, starting with `https://` or `http://`.", **about("Web address")
    )
    doi: Doi | None = Field(
        None,
        description=(
            "Its DOI, such as `10.21125/edulearn.2020.0587`, without `https://doi.org/`. Give a `url`, a `doi` or both."
        ),
        **about("DOI"),
    )
    publisher: OneLine | None = Field(
        None, description="The organisation or journal that published it.", **about("Publisher")
    )
    year: int | None = Field(
        None, ge=1900, le=2100, description="The year of publication, such as `2020`.", **about("Year")
    )
    accessed: dt.date | None = Field(
        None, description="For web pages that change: the date you read it, as YYYY-MM-DD.", **about("Read on")
    )


class Organisation(Record):
    """An organisation involved in the practice, and its role."""

    name: OneLine = Field(description="The official name of the organisation, never a private person.", **about("Name"))
    role: Term("organisation_roles") = Field(
        description="What it did: coordinator, partner, implementer, funder, evaluator or publisher.", **about("Role")
    )
    country: Term("countries") | None = Field(
        None, description="Its country, as a two-letter ISO 3166 code.", **about("Country")
    )
    url: Url | None = Field(None, description="Its official web page.", **about("Web address"))


class Period(Record):
    """When the practice ran: a year, month or day for each end."""

    start: PartialDate | None = Field(
        None,
        description="When the practice started: a year (`2019`), a month (`2019-09`) or a day (`2019-09-01`).",
        **about("Start"),
    )
    end: PartialDate | None = Field(
        None,
        description="When it ended, in the same form; leave it out if it still runs or the sources do not say.",
        **about("End"),
    )
    ongoing: bool | None = Field(
        None, description="`true` if a source says that the practice still runs.", **about("Still running")
    )

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start and self.end and self.end < self.start:
            raise fail("period_order", f"the period ends ({self.end}) before it starts ({self.start})")
        return self


class Funding(Record):
    """Who paid, through which programme, and how much."""

    programme: OneLine | None = Field(
        None,
        description="The funding programme, for example `Erasmus+ KA2 strategic partnership`.",
        **about("Funding programme"),
    )
    amount: float | None = Field(
        None,
        ge=0,
        description="The amount granted, as a plain number without spaces or separators: `341611`.",
        **about("Amount"),
    )
    currency: Currency = Field(
        "EUR",
        description="The three-letter ISO 4217 currency code of the amount; `EUR` if you leave it out.",
        **about("Currency"),
    )
    note: Text | None = Field(
        None,
        description='What the amount covers, for example "Grant for the whole project and all its partners".',
        **about("What it covers", translatable=True),
    )


class Evidence(Record):
    """How strong the evidence is, on the toolbox's five-step scale."""

    level: Term("evidence_levels") = Field(
        description="The step on the evidence scale, such as `not-evaluated` or `emergent`.",
        **about("Evidence level", "Evidence levels", facet=FacetSpec("evidence", "evidence-levels", 7)),
    )
    basis: Text | None = Field(
        None,
        description=(
            "What the level rests on: which evaluation, study or data. Also useful for `not-evaluated`: say what "
            "the sources do report."
        ),
        **about("What the evidence rests on", translatable=True),
    )


class Resource(Record):
    """Material others can use: a toolkit, video, report or guide."""

    title: OneLine = Field(description="The title of the material.", **about("Title", translatable=True))
    url: Url = Field(description="Where to find it.", **about("Web address"))
    type: Term("resource_types") = Field(
        description="Toolkit, guide, video, report, article, website, training material or policy document.",
        **about("Kind of material"),
    )
    languages: list[Term("languages")] = Field(
        default_factory=list,
        description="Its languages, as two-letter ISO 639-1 codes.",
        **about("Language", "Languages"),
    )


class Review(Record):
    """Whether the toolbox's maintainers have reviewed the record."""

    status: Term("review_statuses") = Field(
        "submitted",
        description="`submitted` for a new record; `reviewed` once a maintainer has checked it.",
        **about("Review status", "Review statuses"),
    )
    date: dt.date | None = Field(
        None,
        description="The date of the review, as YYYY-MM-DD. Needed when the status is `reviewed`.",
        **about("Reviewed on"),
    )
    reviewer: OneLine | None = Field(
        None,
        description="The organisation that reviewed the record, not a person. Needed when the status is `reviewed`.",
        **about("Reviewer"),
    )

    @model_validator(mode="after")
    def _reviewed_needs_who_and_when(self) -> Review:
        if self.status == "reviewed" and (self.date is None or self.reviewer is None):
            raise fail("review_incomplete", "a reviewed record needs the review's date and reviewer")
        return self


class Project(Record):
    """A project that one or more practices come from; its facts are stated once here."""

    id: Slug = Field(description="The file name without `.yml`, such as `pact`.", **about("Id"))
    title: OneLine = Field(description="The name of the project.", **about("Name", translatable=True))
    acronym: OneLine | None = Field(None, description="Its short name, such as `PACT`.", **about("Acronym"))
    summary: Text | None = Field(
        None, description="What the project set out to do.", **about("Summary", translatable=True)
    )
    url: Url | None = Field(None, description="The project's web page.", **about("Web site"))
    countries: list[Term("countries")] = Field(
        default_factory=list,
        description="The countries of its partners, as two-letter codes.",
        **about("Country", "Countries"),
    )
    organisations: list[Organisation] = Field(
        default_factory=list,
        description="The partners and their roles, as for a practice.",
        **about("Organisation", "Organisations"),
    )
    period: Period | None = Field(None, description="The project period, as for a practice.", **about("Period"))
    funding: Funding | None = Field(
        None, description="The funding of the whole project, as for a practice.", **about("Funding")
    )
    sources: list[Source] = Field(
        min_length=1, description="Where the project facts come from, as for a practice.", **about("Source", "Sources")
    )


class Practice(Record):
    """A practice against early school leaving."""

    id: Slug = Field(
        description=(
            "The file name without `.yml`: lower-case letters, digits and single hyphens, such as `homework-club-"
            "in-sagene`."
        ),
        **about("Id", csv=True),
    )
    title: OneLine = Field(description="The name of the practice, on one line.", **about("Title", translatable=True))
    summary: Annotated[str, Field(min_length=1, max_length=600)] = Field(
        description=(
            "One to three plain sentences on what the practice does and for whom (at most 600 characters). It "
            "appears in lists and search results."
        ),
        **about("Summary", translatable=True),
    )
    description: Markdown = Field(
        description=(
            "What the practice is, who runs it and how it works, in a few paragraphs. You may use Markdown: "
            "`**bold**`, lists, links. HTML is shown as plain text."
        ),
        **about("Description", translatable=True),
    )
    intervention_types: list[Term("intervention_types")] = Field(
        min_length=1,
        description="One or more of prevention, intervention and compensation (the EU framework).",
        **about("Intervention type", "Intervention types", facet=FacetSpec("type", "intervention-types", 1)),
    )
    # Not required: a record states only what its sources say (the site and PDFs say "Not stated").
    isced_levels: list[Term("isced_levels", int)] = Field(
        default_factory=list,
        description=(
            "The levels of education the sources name, as numbers 0 to 8 (ISCED 2011): 1 is primary, 2 lower "
            "secondary, 3 upper secondary. If the sources do not say, write `isced_levels: []`: the site then "
            'shows "Not stated in the sources" rather than a guess.'
        ),
        **about("Level of education", "Levels of education", facet=FacetSpec("isced", "isced", 2)),
    )
    target_groups: list[Term("target_groups")] = Field(
        default_factory=list,
        description="The learners the practice reaches, as the sources name them; `[]` if they do not say.",
        **about("Target group", "Target groups", facet=FacetSpec("group", "target-groups", 3)),
    )
    countries: list[Term("countries")] = Field(
        default_factory=list,
        description=(
            "The countries where it runs, as two-letter ISO 3166 codes in capitals: `NO` Norway, `NL` "
            "Netherlands, `LV` Latvia, `GB` United Kingdom. Leave the list empty if the sources do not say."
        ),
        **about("Country", "Countries", facet=FacetSpec("country", "countries", 5, by_label=True)),
    )
    reach: list[Term("reach")] = Field(
        default_factory=list,
        description="Whom the practice selects: universal, targeted and/or indicated.",
        **about("Reach"),
    )
    intervention_levels: list[Term("intervention_levels")] = Field(
        default_factory=list,
        description=(
            "The levels at which it acts: a learner, a class, a whole school, families, a municipality and so on."
        ),
        **about("Intervention level", "Intervention levels", facet=FacetSpec("level", "intervention-levels", 6)),
    )
    audiences: list[Term("audiences")] = Field(
        default_factory=list, description="The professionals who would use it.", **about("Who would use it")
    )
    themes: list[Term("themes")] = Field(
        default_factory=list,
        description="What it is about; themes are the tags on the website.",
        **about("Theme", "Themes", facet=FacetSpec("theme", "themes", 4)),
    )
    project: Slug | None = Field(
        None,
        description=(
            "If the practice comes from a project described in `practices/projects/`, that project's id, such as "
            "`pact`. The project's partners, period, funding and sources are then shown with the practice."
        ),
        **about("Project"),
    )
    organisations: list[Organisation] = Field(
        default_factory=list,
        description=(
            "The organisations of the practice (a project's are added automatically). Organisations only, never "
            "private persons."
        ),
        **about("Organisation", "Organisations"),
    )
    period: Period | None = Field(
        None, description="When it ran; the project's period is shown if this is left out.", **about("Period")
    )
    funding: Funding | None = Field(
        None, description="Who paid; the project's funding is shown if this is left out.", **about("Funding")
    )
    activities: list[Text] = Field(
        default_factory=list,
        description="What is done, one activity per item of the list.",
        **about("Activity", "Activities", translatable=True),
    )
    outcomes: list[Text] = Field(
        default_factory=list,
        description="The outputs and results that the sources report, one per item. Mark plans as planned.",
        **about("Outcome", "Outcomes", translatable=True),
    )
    evidence: Evidence = Field(description="The evidence level and what it rests on.", **about("Evidence"))
    transfer_conditions: list[Text] = Field(
        default_factory=list,
        description=(
            "What another school or region needs to adopt the practice: staff, time, partners, money, one per item."
        ),
        **about("Condition for transfer", "Conditions for transfer", translatable=True),
    )
    resources: list[Resource] = Field(
        default_factory=list,
        description="Material others can use: toolkits, guides, videos, reports.",
        **about("Resource", "Resources"),
    )
    languages: list[Term("languages")] = Field(
        default_factory=list,
        description=(
            "The languages of its materials, as two-letter ISO 639-1 codes in lower case: `en`, `no`, `lv`, `nl`."
        ),
        **about("Language of its materials", "Languages of its materials"),
    )
    related: list[Slug] = Field(
        default_factory=list,
        description="The ids of related practices in the toolbox.",
        **about("Related practice", "Related practices"),
    )
    sources: list[Source] = Field(
        min_length=1,
        description="One or more documents the statements come from. See what counts as a source in CONTRIBUTING.md.",
        **about("Source", "Sources"),
    )
    review: Review = Field(
        default_factory=Review,
        description=(
            "Whether the maintainers have reviewed the record. Contributors write `status: submitted`; "
            "maintainers fill in the rest."
        ),
        **about("Review"),
    )
    created: dt.date = Field(description="The date the record was added, as YYYY-MM-DD.", **about("Added"))
    updated: dt.date | None = Field(
        None,
        description="The date the record was last changed, as YYYY-MM-DD. Not before `created`.",
        **about("Last changed"),
    )
