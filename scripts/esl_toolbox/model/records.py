"""The practice and project records and their parts: the single source of truth for validation,
the JSON Schema, the field documentation and every label the site, the PDFs and the forms show.

Each field declares its metadata once, with `about(...)`: its label (singular and plural),
whether visitors browse by it (a facet, with its URL key, listing folder and order), whether its
text is translated, its column in the CSV export, and the names contributors may use for it by
mistake. Its vocabulary comes from its type (`Term("themes")`). `fields.py` reads it all back.

This is version 2 of the record (`schema_version: 2`); `migrate.py` upgrades version-1 records.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .fields import FacetSpec, about
from .types import (
    Currency,
    Doi,
    Isbn,
    Markdown,
    OneLine,
    PartialDate,
    Slug,
    SourceNumber,
    Term,
    Text,
    Url,
    Year,
    fail,
)

SCHEMA_VERSION = 2


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
    authors: list[OneLine] = Field(
        default_factory=list,
        description=(
            "The published authors of a study or report, as the document names them (`Lastname, I.`). "
            "Authors of public documents only; never a private person or a contact."
        ),
        **about("Author", "Authors", aliases=("author",)),
    )
    publisher: OneLine | None = Field(
        None, description="The organisation or journal that published it.", **about("Publisher")
    )
    year: Year | None = Field(None, description="The year of publication, such as `2020`.", **about("Year"))
    date: dt.date | None = Field(
        None, description="The full date of publication, as YYYY-MM-DD, when the document gives it.", **about("Date")
    )
    isbn: Isbn | None = Field(None, description="Its ISBN, for a book or a report that has one.", **about("ISBN"))
    accessed: dt.date | None = Field(
        None, description="For web pages that change: the date you read it, as YYYY-MM-DD.", **about("Read on")
    )
    via: SourceNumber | None = Field(
        None,
        description=(
            "For a study known only through another document: the number of the source (1 for the first in "
            "`sources`) that reports it."
        ),
        **about("Known through", aliases=("cited_in", "secondary_source")),
    )

    @model_validator(mode="after")
    def _date_agrees_with_year(self) -> Source:
        if self.date and self.year and self.date.year != self.year:
            raise fail("source_date", f"the date ({self.date}) is not in the year given ({self.year})")
        return self


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
    """One funder or funding programme, and what it paid."""

    funder: OneLine | None = Field(
        None, description="The organisation that paid, such as `European Social Fund`.", **about("Funder")
    )
    programme: OneLine | None = Field(
        None,
        description="The funding programme, for example `Erasmus+ KA2 strategic partnership`.",
        **about("Programme"),
    )
    amount: float | None = Field(
        None,
        ge=0,
        description="The amount, as a plain number without spaces or separators: `341611`.",
        **about("Amount"),
    )
    currency: Currency | None = Field(
        None,
        description="The three-letter ISO 4217 currency code of the amount, such as `EUR`; needed with an amount.",
        **about("Currency"),
    )
    basis: Term("funding_bases") | None = Field(
        None, description="What the amount counts: total, per-year or per-participant.", **about("Basis")
    )
    period: Period | None = Field(None, description="The years the amount is for.", **about("Period"))
    share: float | None = Field(
        None, gt=0, le=100, description="This funder's share of the practice's funding, in percent.", **about("Share")
    )
    note: Text | None = Field(
        None,
        description='What the amount covers, for example "Grant for the whole project and all its partners".',
        **about("What it covers", translatable=True),
    )

    @model_validator(mode="after")
    def _who_and_what(self) -> Funding:
        if not self.funder and not self.programme:
            raise fail("funding_source", "name the funder, the programme or both")
        if self.amount is not None and self.currency is None:
            raise fail("funding_currency", "an amount needs its currency, such as currency: EUR")
        return self


class Evidence(Record):
    """How rigorous the evidence is, on the toolbox's five-step scale."""

    level: Term("evidence_levels") = Field(
        description=(
            "The step on the evidence scale: the rigour of the best evaluation, such as `not-evaluated` or "
            "`emergent`. What the evaluations found goes in `evaluations`."
        ),
        **about(
            "Evidence level", "Evidence levels", facet=FacetSpec("evidence", "evidence-levels", 7, heading="Evidence")
        ),
    )
    basis: Text | None = Field(
        None,
        description=(
            "What the level rests on: which evaluation, study or data. Also useful for `not-evaluated`: say what "
            "the sources do report."
        ),
        **about("What the evidence rests on", translatable=True),
    )


class Sample(Record):
    """How many took part in an evaluation."""

    size: int = Field(ge=1, description="How many, such as `1200`.", **about("Size"))
    unit: Term("scale_units") = Field(description="Of what: learners, schools, ...", **about("Unit"))


class Rating(Record):
    """A clearinghouse's rating of the practice."""

    by: OneLine = Field(description="Who rated it, such as `What Works Clearinghouse`.", **about("Rated by"))
    rating: OneLine = Field(description="The rating, in its own words.", **about("Rating"))


class Evaluation(Record):
    """One evaluation study: how it was done and what it found."""

    design: Term("evaluation_designs") = Field(
        description="How it compared what happened with what would have happened otherwise.",
        **about(
            "Design", "Designs", facet=FacetSpec("design", "evaluation-designs", 8, heading="How it was evaluated")
        ),
    )
    direction: Term("finding_directions") = Field(
        description="What it found: positive, mixed, no-effect or negative. Say so when nothing was found.",
        **about("Finding", "Findings", aliases=("result", "effect")),
    )
    outcome_domains: list[Term("outcome_domains")] = Field(
        default_factory=list,
        description="What it measured: staying in school, attainment, completion and so on.",
        **about("Outcome measured", "Outcomes measured", aliases=("outcomes", "domains")),
    )
    evaluator: OneLine | None = Field(None, description="The organisation that evaluated.", **about("Evaluator"))
    year: Year | None = Field(None, description="The year of the evaluation report.", **about("Year"))
    sample: Sample | None = Field(None, description="How many took part.", **about("Sample"))
    summary: Text | None = Field(
        None,
        description="What the study found, in plain words, with its figures, and what it did not find.",
        **about("Summary", translatable=True),
    )
    rating: Rating | None = Field(None, description="An external clearinghouse's rating, if any.", **about("Rating"))
    source: SourceNumber | None = Field(
        None,
        description="The number of the record's source (1 for the first in `sources`) that reports the study.",
        **about("Study", aliases=("study", "reference")),
    )


class ScalePoint(Record):
    """How big the practice was in one year."""

    year: Year = Field(description="The year of the figure.", **about("Year"))
    count: int = Field(ge=0, description="The number, such as `1500`.", **about("Count", aliases=("number",)))
    unit: Term("scale_units") = Field(
        description="What was counted: learners, schools, sites, municipalities ...", **about("Unit")
    )
    note: Text | None = Field(
        None,
        description='A short qualifier, such as "enrolled in the school year 2019/20".',
        **about("Note", translatable=True),
    )


class Cost(Record):
    """What the practice costs: a band on the toolbox's scale and/or an amount with its basis."""

    band: Term("cost_bands") | None = Field(
        None,
        description=(
            "The cost band per learner per year (very-low to very-high, see the cost bands), when a source states "
            "a cost per learner or a clearinghouse states the band."
        ),
        **about("Cost band", "Cost bands", facet=FacetSpec("cost", "cost-bands", 9, heading="Cost")),
    )
    amount: float | None = Field(None, ge=0, description="The amount, as a plain number.", **about("Amount"))
    currency: Currency | None = Field(
        None, description="Its ISO 4217 currency code, such as `EUR`.", **about("Currency")
    )
    year: Year | None = Field(None, description="The year the amount's prices are from.", **about("Price year"))
    basis: Term("cost_bases") | None = Field(
        None, description="What the amount covers: per participant per year, per school per year ...", **about("Basis")
    )
    note: Text | None = Field(
        None,
        description="How the source arrives at the figure, and anything a reader needs to compare it.",
        **about("Note", translatable=True),
    )

    @model_validator(mode="after")
    def _amount_complete(self) -> Cost:
        if self.band is None and self.amount is None:
            raise fail("cost_empty", "give a band, an amount or both")
        if self.amount is not None and (self.currency is None or self.basis is None):
            raise fail("cost_amount", "an amount needs its currency and its basis, such as per-participant-per-year")
        return self


class Contact(Record):
    """Where to ask about the practice: an organisation, never a person."""

    name: OneLine = Field(description="The organisation's name.", **about("Organisation"))
    url: Url = Field(description="Its official web page for the practice.", **about("Web page"))


class Implementation(Record):
    """What a school or municipality needs to know to start."""

    getting_started: list[Text] = Field(
        default_factory=list,
        description="The first steps, one per item, as the sources describe them.",
        **about("First step", "First steps", translatable=True, aliases=("first_steps", "how_to_start")),
    )
    staffing: Text | None = Field(
        None,
        description="Who is needed and how much of their time.",
        **about("Staff and time", translatable=True, aliases=("staff",)),
    )
    duration: Text | None = Field(
        None,
        description='How long a learner takes part, such as "two school years".',
        **about("How long learners take part", translatable=True),
    )
    requirements: list[Text] = Field(
        default_factory=list,
        description="What a school or municipality needs: space, partners, data, money ... one per item.",
        **about("What you need", "What you need", translatable=True, aliases=("needs", "prerequisites")),
    )
    contact: Contact | None = Field(
        None,
        description="An organisation to ask, with its official web page; never a person or an e-mail address.",
        **about("Contact", aliases=("contact_person", "email")),
    )


class LegalAct(Record):
    """A law, decree or regulation the practice rests on."""

    title: OneLine = Field(description="Its title, in its own language.", **about("Title"))
    url: Url | None = Field(None, description="Where to read it.", **about("Web address"))
    year: Year | None = Field(None, description="The year it was adopted.", **about("Year"))


class Phase(Record):
    """One stage in the practice's history: a pilot, a roll-out, a new programme period."""

    name: OneLine = Field(description="What the phase is called.", **about("Name", translatable=True))
    period: Period | None = Field(None, description="When it ran.", **about("Period"))
    summary: Text | None = Field(None, description="What happened in it.", **about("Summary", translatable=True))


class AgeRange(Record):
    """The ages of the learners the practice is for."""

    min: int | None = Field(None, ge=0, le=99, description="The youngest age.", **about("From age"))
    max: int | None = Field(None, ge=0, le=99, description="The oldest age.", **about("To age"))

    @model_validator(mode="after")
    def _ordered(self) -> AgeRange:
        if self.min is None and self.max is None:
            raise fail("age_empty", "give min, max or both")
        if self.min is not None and self.max is not None and self.max < self.min:
            raise fail("age_order", f"max ({self.max}) is below min ({self.min})")
        return self


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


VersionField = Field(
    description="The version of the record format: 2. `esl-toolbox migrate` upgrades records of version 1.",
    **about("Format version", csv=False),
)


class Project(Record):
    """A project that one or more practices come from; its facts are stated once here."""

    schema_version: Literal[2] = VersionField
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
    funding: list[Funding] = Field(
        default_factory=list,
        description="The funding of the whole project, as for a practice.",
        **about("Funding", "Funding", aliases=("budget", "grant")),
    )
    sources: list[Source] = Field(
        min_length=1,
        description="Where the project facts come from, as for a practice.",
        **about("Source", "Sources"),
    )


class Practice(Record):
    """A practice against early school leaving."""

    schema_version: Literal[2] = VersionField
    id: Slug = Field(
        description=(
            "The file name without `.yml`: lower-case letters, digits and single hyphens, such as "
            "`homework-club-in-sagene`."
        ),
        **about("Id"),
    )
    title: OneLine = Field(
        description="The name of the practice, in English, on one line.",
        **about("Title", translatable=True, aliases=("name",)),
    )
    original_title: OneLine | None = Field(
        None,
        description="The name in its own language, when that is not English, such as `Programa Escolhas`.",
        **about("Name in the original language", aliases=("native_title", "local_name", "title_original")),
    )
    original_language: Term("languages") | None = Field(
        None, description="The ISO 639-1 code of the original name's language, such as `pt`.", **about("Its language")
    )
    acronym: OneLine | None = Field(None, description="Its short name, such as `TEIP`.", **about("Acronym"))
    url: Url | None = Field(
        None,
        description="The practice's own web site, if it has one.",
        **about("Web site", aliases=("website", "homepage", "web")),
    )
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
        **about(
            "Intervention type",
            "Intervention types",
            facet=FacetSpec("type", "intervention-types", 1, heading="When it acts"),
        ),
    )
    # Not required: a record states only what its sources say (the site and PDFs say "Not stated").
    isced_levels: list[Term("isced_levels", int)] = Field(
        default_factory=list,
        description=(
            "The levels of education the sources name, as numbers 0 to 8 (ISCED 2011): 1 is primary, 2 lower "
            "secondary, 3 upper secondary. If the sources do not say, write `isced_levels: []`: the site then "
            'shows "Not stated in the sources" rather than a guess.'
        ),
        **about("Level of education", "Levels of education", facet=FacetSpec("isced", "isced", 2, heading="Age group")),
    )
    isced_not_applicable: bool = Field(
        False,
        description=(
            "`true` for provision outside the ISCED levels, such as non-formal youth work or a route back for "
            "early leavers that leads to no ISCED level; `isced_levels` is then empty."
        ),
        **about("Outside the ISCED levels"),
    )
    qualification_levels: list[Term("eqf_levels", int)] = Field(
        default_factory=list,
        description="For provision that leads to qualifications: their levels on the European Qualifications "
        "Framework, 1 to 8.",
        **about("Qualification level (EQF)", "Qualification levels (EQF)", aliases=("eqf", "eqf_levels")),
    )
    age_range: AgeRange | None = Field(
        None,
        description="The ages of the learners, when the sources state them: `{min: 15, max: 24}`.",
        **about("Ages", aliases=("ages", "age")),
    )
    target_groups: list[Term("target_groups")] = Field(
        default_factory=list,
        description="The learners the practice reaches, as the sources name them; `[]` if they do not say.",
        **about("Target group", "Target groups", facet=FacetSpec("group", "target-groups", 3, heading="Who it is for")),
    )
    countries: list[Term("countries")] = Field(
        default_factory=list,
        description=(
            "The countries where it runs, as two-letter ISO 3166 codes in capitals: `NO` Norway, `NL` Netherlands, "
            "`LV` Latvia, `GB` United Kingdom. Practices outside Europe are welcome. Leave the list empty if the "
            "sources do not say."
        ),
        **about("Country", "Countries", facet=FacetSpec("country", "countries", 5, by_label=True, heading="Country")),
    )
    scope: Term("scopes") | None = Field(
        None, description="How far it reaches: local, regional, national or cross-national.", **about("Scope")
    )
    regions: list[Term("regions")] = Field(
        default_factory=list,
        description="For a regional or local practice: the ISO 3166-2 codes of its regions, such as `ES-CT`.",
        **about("Region", "Regions"),
    )
    reach: list[Term("reach")] = Field(
        default_factory=list,
        description="Whom the practice selects: universal, targeted and/or indicated.",
        **about("Reach"),
    )
    intervention_levels: list[Term("intervention_levels")] = Field(
        default_factory=list,
        description="The levels at which it acts: a learner, a class, a whole school, families, a municipality and "
        "so on.",
        **about(
            "Intervention level",
            "Intervention levels",
            facet=FacetSpec("level", "intervention-levels", 6, heading="Who it works with"),
        ),
    )
    audiences: list[Term("audiences")] = Field(
        default_factory=list,
        description="The professionals who would use it.",
        **about("Who would use it", facet=FacetSpec("role", "audiences", 10, heading="Who would use it")),
    )
    themes: list[Term("themes")] = Field(
        default_factory=list,
        description="What it is about; themes are the tags on the website.",
        **about("Theme", "Themes", facet=FacetSpec("theme", "themes", 4, heading="Topic"), aliases=("tags",)),
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
        description="The organisations of the practice (a project's are added automatically). Organisations only, "
        "never private persons.",
        **about("Organisation", "Organisations", aliases=("partners", "organizations")),
    )
    period: Period | None = Field(
        None,
        description="When it ran; if left out, the phases' or the project's period is shown.",
        **about("Period", aliases=("dates", "years")),
    )
    phases: list[Phase] = Field(
        default_factory=list,
        description="Its successive stages (pilot, roll-out, programme periods), oldest first.",
        **about("Phase", "Phases", aliases=("history", "stages")),
    )
    legal_basis: list[LegalAct] = Field(
        default_factory=list,
        description="The laws, decrees or regulations it rests on.",
        **about("Legal basis", "Legal basis", aliases=("law", "laws", "legislation")),
    )
    funding: list[Funding] = Field(
        default_factory=list,
        description="Who paid, one item per funder or programme; the project's funding is shown if this is empty.",
        **about("Funding", "Funding", aliases=("budget", "grant", "funds", "funder")),
    )
    scale: list[ScalePoint] = Field(
        default_factory=list,
        description="How big it is or was: a count with its year and unit per item, such as learners or schools.",
        **about("Scale", "Scale", aliases=("participants", "size", "reach_figures")),
    )
    cost: Cost | None = Field(
        None,
        description="What it costs: a cost band and/or an amount with its currency, year and basis.",
        **about("Cost", aliases=("costs", "price", "cost_per_pupil", "cost_per_learner")),
    )
    implementation: Implementation | None = Field(
        None,
        description="How to start: first steps, staff and time, how long learners take part, what you need, "
        "whom to ask.",
        **about("Try it in your school", aliases=("getting_started", "how_to", "staffing", "contact")),
    )
    activities: list[Text] = Field(
        default_factory=list,
        description="What is done, one activity per item of the list.",
        **about("Activity", "Activities", translatable=True),
    )
    outcomes: list[Text] = Field(
        default_factory=list,
        description="The outputs and results that the sources report, one per item. Mark plans as planned. "
        "Evaluation findings go in `evaluations`.",
        **about("Outcome", "Outcomes", translatable=True, aliases=("results",)),
    )
    evidence: Evidence = Field(description="The evidence level and what it rests on.", **about("Evidence"))
    evaluations: list[Evaluation] = Field(
        default_factory=list,
        description="Each evaluation study the sources report: its design, what it found (positive, mixed, no "
        "effect or negative), what it measured and the study cited.",
        **about("Evaluation", "Evaluations", aliases=("evaluation", "studies", "impact")),
    )
    transfer_conditions: list[Text] = Field(
        default_factory=list,
        description="What another school or region needs to adopt the practice: staff, time, partners, money, one "
        "per item.",
        **about("Condition for transfer", "Conditions for transfer", translatable=True),
    )
    resources: list[Resource] = Field(
        default_factory=list,
        description="Material others can use: toolkits, guides, videos, reports.",
        **about("Resource", "Resources", aliases=("materials",)),
    )
    languages: list[Term("languages")] = Field(
        default_factory=list,
        description="The languages of its materials, as two-letter ISO 639-1 codes in lower case: `en`, `no`, "
        "`lv`, `nl`.",
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
        **about("Source", "Sources", aliases=("references", "source", "bibliography")),
    )
    review: Review = Field(
        default_factory=Review,
        description="Whether the maintainers have reviewed the record. Contributors write `status: submitted`; "
        "maintainers fill in the rest.",
        **about("Review"),
    )
    created: dt.date = Field(description="The date the record was added, as YYYY-MM-DD.", **about("Added"))
    updated: dt.date | None = Field(
        None,
        description="The date the record was last changed, as YYYY-MM-DD. Not before `created`.",
        **about("Last changed"),
    )
