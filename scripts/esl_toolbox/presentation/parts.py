"""The parts of a practice as a reader sees them, in one language: every value formatted, every
term labelled. `views.py` puts them together; templates only lay them out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..model import (
    AgeRange,
    Cost,
    Evaluation,
    Funding,
    Implementation,
    LegalAct,
    Organisation,
    Phase,
    ScalePoint,
    Source,
)
from ..project import listing_page
from ..vocabularies import term_in, vocabulary
from .formatting import amount_text, full_date, list_text, number_text, percent_text, period_text

Gettext = Callable[[str], str]


@dataclass(frozen=True)
class TermView:
    """A vocabulary term as a reader sees it; `url` is its listing page when visitors browse by the field."""

    id: str | int
    label: str
    definition: str
    rank: int | None = None
    url: str | None = None
    plain: str = ""  # plain words first, the technical term second: 'Primary school (ISCED 1)'
    short: str = ""  # the plain words alone, for cards: 'Primary school'

    @property
    def plain_label(self) -> str:
        return self.plain or self.label


def term_view(key: str, term_id: str | int, lang: str, facet_path: str | None = None) -> TermView:
    term = term_in(key, term_id, lang)
    url = listing_page(facet_path, term_id) if facet_path else None
    return TermView(term.id, term.label, term.definition, term.rank, url, term.plain_label, term.plain or term.label)


@dataclass(frozen=True)
class OrganisationView:
    name: str
    role: str
    country: str
    url: str | None
    from_project: bool

    @property
    def name_and_country(self) -> str:
        # "Ministry of Education (Portugal)" already says where it is.
        return f"{self.name} ({self.country})" if self.country and self.country not in self.name else self.name

    @property
    def text(self) -> str:
        """'City of Riga (partner, Latvia)'."""
        return f"{self.name} ({self.role.lower()}{', ' + self.country if self.country else ''})"


def organisation_view(organisation: Organisation, from_project: bool, lang: str) -> OrganisationView:
    role = vocabulary("organisation_roles").label(organisation.role, lang)
    country = vocabulary("countries").label(organisation.country, lang) if organisation.country else ""
    return OrganisationView(organisation.name, role, country, organisation.url, from_project)


@dataclass(frozen=True)
class FundingView:
    """One funder or programme: who, how much and on what basis, for when, which share."""

    funder: str
    programme: str
    amount: str  # with its currency, '' if not stated
    basis: str  # 'in total', 'per year', 'per participant'; '' if not stated
    period: str
    share: str  # '85%'
    note: str
    from_project: bool

    @property
    def who(self) -> str:
        """'European Social Fund – ESF Operational Programme', or whichever of the two is given."""
        return " – ".join(part for part in (self.funder, self.programme) if part)

    @property
    def how_much(self) -> str:
        """'€1,200,000 in total'."""
        return " ".join(part for part in (self.amount, self.basis) if part)

    @property
    def text(self) -> str:
        """The whole line: who, how much, share and period, as every output writes it."""
        details = ", ".join(part for part in (self.share, self.period) if part)
        line = ": ".join(part for part in (self.who, self.how_much) if part)
        return f"{line} ({details})" if details else line


def funding_view(funding: Funding, lang: str, from_project: bool) -> FundingView:
    amount = amount_text(funding.amount, funding.currency or "EUR", lang) if funding.amount is not None else ""
    basis = vocabulary("funding_bases").label(funding.basis, lang) if funding.basis and amount else ""
    return FundingView(
        funder=funding.funder or "",
        programme=funding.programme or "",
        amount=amount,
        basis=basis,
        period=period_text(funding.period, lang) if funding.period else "",
        share=percent_text(funding.share, lang) if funding.share is not None else "",
        note=funding.note or "",
        from_project=from_project,
    )


@dataclass(frozen=True)
class ScaleView:
    year: int
    count: str  # '1,500 learners'
    note: str

    @property
    def text(self) -> str:
        """'1,500 learners (2019)'."""
        return f"{self.count} ({self.year})"


def scale_view(point: ScalePoint, lang: str) -> ScaleView:
    unit = vocabulary("scale_units").label(point.unit, lang)
    return ScaleView(point.year, f"{number_text(point.count, lang)} {unit}", point.note or "")


@dataclass(frozen=True)
class CostView:
    band: TermView | None
    amount: str  # '€450 per participant per year (2015 prices)'; '' without an amount
    note: str

    @property
    def short(self) -> str:
        """A few words for a card: the band's label, or the amount."""
        return self.band.label if self.band else self.amount


def cost_view(cost: Cost, lang: str, _: Gettext, facet_path: str | None) -> CostView:
    band = term_view("cost_bands", cost.band, lang, facet_path) if cost.band else None
    amount = ""
    if cost.amount is not None and cost.currency and cost.basis:
        amount = f"{amount_text(cost.amount, cost.currency, lang)} {vocabulary('cost_bases').label(cost.basis, lang)}"
        if cost.year:
            amount += " " + _("(%(year)s prices)") % {"year": cost.year}
    return CostView(band, amount, cost.note or "")


@dataclass(frozen=True)
class CitationView:
    number: int  # as the list of sources counts them, from 1
    title: str
    authors: str
    publisher: str
    year: int | None
    date: str
    isbn: str
    link: str  # DOI address, else web address, else ''
    accessed: str  # the date read, formatted; '' if not given
    via: int | None  # the number of the source it is known through

    @property
    def by(self) -> str:
        """'Authors; Publisher, 2020', or whichever parts are given."""
        when = self.date or (str(self.year) if self.year else "")
        who = "; ".join(part for part in (self.authors, self.publisher) if part)
        return ", ".join(part for part in (who, when) if part)

    @property
    def link_host(self) -> str:
        """The site of the link ('ies.ed.gov'), for print, where a full address runs to lines."""
        return (urlsplit(self.link).hostname or "") if self.link else ""

    @property
    def text(self) -> str:
        """The citation on one line, for the open data."""
        parts = [self.by, self.title, self.link]
        return ". ".join(part for part in parts if part)


def source_link(source: Source) -> str:
    """Where a reader finds a source: its DOI if it has one, else its web address."""
    return f"https://doi.org/{source.doi}" if source.doi else (source.url or "")


def citation_view(source: Source, number: int, lang: str) -> CitationView:
    return CitationView(
        number=number,
        title=source.title,
        authors=list_text(source.authors, lang, style="unit"),
        publisher=source.publisher or "",
        year=source.year,
        date=full_date(source.date, lang) if source.date else "",
        isbn=source.isbn or "",
        link=source_link(source),
        accessed=full_date(source.accessed, lang) if source.accessed else "",
        via=source.via,
    )


@dataclass(frozen=True)
class EvaluationView:
    design: TermView
    direction: TermView
    outcomes: str  # the outcome domains measured, as one phrase
    evaluator: str
    year: int | None
    sample: str  # '1,200 learners'
    summary: str
    rating: str  # 'What Works Clearinghouse: positive effects'
    source: int | None  # the number of the citation that reports it

    @property
    def headline(self) -> str:
        """'Randomised controlled trial, MDRC, 2009'."""
        return ", ".join(part for part in (self.design.label, self.evaluator, str(self.year or "")) if part)

    @property
    def text(self) -> str:
        """The evaluation on one line, for the open data."""
        parts = [self.headline, self.direction.label, self.outcomes, self.sample]
        return " – ".join(part for part in parts if part)


def evaluation_view(evaluation: Evaluation, lang: str, design_facet: str | None) -> EvaluationView:
    sample = ""
    if evaluation.sample:
        unit = vocabulary("scale_units").label(evaluation.sample.unit, lang)
        sample = f"{number_text(evaluation.sample.size, lang)} {unit}"
    domains = vocabulary("outcome_domains")
    return EvaluationView(
        design=term_view("evaluation_designs", evaluation.design, lang, design_facet),
        direction=term_view("finding_directions", evaluation.direction, lang),
        outcomes=list_text((domains.label(d, lang) for d in evaluation.outcome_domains), lang, style="unit"),
        evaluator=evaluation.evaluator or "",
        year=evaluation.year,
        sample=sample,
        summary=evaluation.summary or "",
        rating=f"{evaluation.rating.by}: {evaluation.rating.rating}" if evaluation.rating else "",
        source=evaluation.source,
    )


def findings_text(evaluations: tuple[EvaluationView, ...], _: Gettext, lang: str) -> str:
    """What the evaluations found, beside the level: 'no effect found', 'positive (2), mixed (1)'."""
    counts: dict[str, int] = {}
    for evaluation in evaluations:
        counts[evaluation.direction.label] = counts.get(evaluation.direction.label, 0) + 1
    if len(counts) == 1:
        label, _count = next(iter(counts.items()))
        return label.lower() if len(evaluations) == 1 else _("%(finding)s in every study") % {"finding": label.lower()}
    return list_text((f"{label.lower()} ({n})" for label, n in counts.items()), lang, style="unit")


@dataclass(frozen=True)
class ImplementationView:
    getting_started: tuple[str, ...]
    staffing: str
    duration: str
    requirements: tuple[str, ...]
    contact_name: str
    contact_url: str


def implementation_view(implementation: Implementation) -> ImplementationView:
    contact = implementation.contact
    return ImplementationView(
        tuple(implementation.getting_started),
        implementation.staffing or "",
        implementation.duration or "",
        tuple(implementation.requirements),
        contact.name if contact else "",
        contact.url if contact else "",
    )


@dataclass(frozen=True)
class PhaseView:
    name: str
    period: str
    summary: str


def phase_view(phase: Phase, lang: str) -> PhaseView:
    return PhaseView(phase.name, period_text(phase.period, lang) if phase.period else "", phase.summary or "")


@dataclass(frozen=True)
class LawView:
    title: str
    url: str | None
    year: int | None


def law_view(act: LegalAct) -> LawView:
    return LawView(act.title, act.url, act.year)


def ages_text(ages: AgeRange, _: Gettext) -> str:
    """'ages 15 to 24', 'from age 6', 'up to age 12'."""
    if ages.min is not None and ages.max is not None:
        return _("ages %(min)s to %(max)s") % {"min": ages.min, "max": ages.max}
    if ages.min is not None:
        return _("from age %(min)s") % {"min": ages.min}
    return _("up to age %(max)s") % {"max": ages.max}
