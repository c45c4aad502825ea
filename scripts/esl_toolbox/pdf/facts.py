"""What the documents say about one practice, as plain display text.

Labels come from the vocabularies and a project's facts are resolved through the catalogue, so
the templates only lay things out. Everything here is still plain text: the templates pass every
value through markup.py (`text_to_html`, `markdown_to_html`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..catalogue import Catalogue
from ..model import Funding, Organisation, Period, Practice, Source
from ..settings import Settings
from ..vocabularies import vocabulary


@dataclass(frozen=True)
class Line:
    """One line of a fact: the value and an optional quieter detail after it."""

    text: str
    detail: str = ""


@dataclass(frozen=True)
class Fact:
    """One row of the fact box."""

    label: str
    lines: tuple[Line, ...]
    note: str = ""


@dataclass(frozen=True)
class EvidenceView:
    label: str
    rank: int
    top: int
    meaning: str
    basis: str


@dataclass(frozen=True)
class Citation:
    title: str
    by: str
    link: str
    accessed: str


@dataclass(frozen=True)
class ResourceView:
    title: str
    kind: str
    link: str


@dataclass(frozen=True)
class Sheet:
    """A practice and everything the factsheet and the pack show about it."""

    practice: Practice
    anchor: str
    types: tuple[str, ...]
    facts: tuple[Fact, ...]
    evidence: EvidenceView
    review: Fact
    citations: tuple[Citation, ...]
    resources: tuple[ResourceView, ...]
    page_url: str


def label(key: str, term: str | int) -> str:
    return vocabulary(key).label(term)


NOT_STATED = (Line("Not stated in the sources"),)


def labels(key: str, terms: list) -> tuple[Line, ...]:
    """One line per term."""
    return tuple(Line(label(key, t)) for t in terms)


def joined(key: str, terms: list) -> tuple[Line, ...]:
    """All terms on one line."""
    return (Line(", ".join(label(key, t) for t in terms)),)


def partial_date_text(value: str) -> str:
    """2017 → 2017; 2017-09 → September 2017; 2017-09-01 → 1 September 2017."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = dt.date(parts[0], parts[1], 1).strftime("%B")
    return f"{parts[2]} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def period_text(period: Period) -> str:
    start = partial_date_text(period.start) if period.start else ""
    end = partial_date_text(period.end) if period.end else ""
    if start and end:
        text = f"{start} – {end}"
    elif start:
        text = f"since {start}" if period.ongoing else f"from {start}"
    elif end:
        text = f"until {end}"
    else:
        text = "dates not stated"
    return f"{text} (ongoing)" if period.ongoing and end else text


def amount_text(funding: Funding) -> str:
    if funding.amount is None:
        return ""
    number = f"{int(funding.amount):,}" if funding.amount.is_integer() else f"{funding.amount:,.2f}"
    return f"{funding.currency} {number}"


def organisation_line(organisation: Organisation) -> Line:
    country = label("countries", organisation.country) if organisation.country else ""
    # "Ministry of Education (Portugal)" already says where it is.
    where = f" ({country})" if country and country not in organisation.name else ""
    return Line(organisation.name + where, label("organisation_roles", organisation.role).lower())


def citation(source: Source) -> Citation:
    link = f"https://doi.org/{source.doi}" if source.doi else (source.url or "")
    by = ", ".join(part for part in (source.publisher, str(source.year) if source.year else "") if part)
    accessed = f"accessed {source.accessed.day} {source.accessed:%B %Y}" if source.accessed else ""
    return Citation(source.title, by, link, accessed)


def _project_name(catalogue: Catalogue, practice: Practice) -> str:
    project = catalogue.project_of(practice)
    if project is None:
        return ""
    return f"{project.acronym} project" if project.acronym else f"project {project.title}"


def _project_fact(catalogue: Catalogue, practice: Practice) -> list[Fact]:
    project = catalogue.project_of(practice)
    if project is None:
        return []
    name = f"{project.acronym} – {project.title}" if project.acronym else project.title
    return [Fact("Project", (Line(name),), project.url or "")]


def _period_fact(catalogue: Catalogue, practice: Practice) -> list[Fact]:
    period, inherited = catalogue.period_of(practice)
    if period is None:
        return []
    note = f"Period of the whole {_project_name(catalogue, practice)}." if inherited else ""
    return [Fact("Period", (Line(period_text(period)),), note)]


def _funding_fact(catalogue: Catalogue, practice: Practice) -> list[Fact]:
    funding, inherited = catalogue.funding_of(practice)
    if funding is None:
        return []
    amount = amount_text(funding)
    if inherited:
        # Said on the amount itself, so that nobody reads a project's grant as this practice's budget.
        amount = f"{amount} for the whole {_project_name(catalogue, practice)}".lstrip()
    lines = tuple(Line(text) for text in (funding.programme, amount) if text)
    return [Fact("Funding", lines, funding.note or "")]


def _organisation_facts(catalogue: Catalogue, practice: Practice) -> list[Fact]:
    everyone = catalogue.organisations_of(practice)
    own = [o for o in everyone if o in practice.organisations]
    partners = [o for o in everyone if o not in practice.organisations]
    facts = []
    if own:
        facts.append(Fact("Organisations", tuple(organisation_line(o) for o in own)))
    if partners:
        title = _project_name(catalogue, practice)
        facts.append(Fact(f"Partners of the {title}", tuple(organisation_line(o) for o in partners)))
    return facts


def _review_fact(practice: Practice) -> Fact:
    review = practice.review
    if review.status == "reviewed":
        return Fact("Review", (Line(f"Reviewed by {review.reviewer}", f"{review.date.day} {review.date:%B %Y}"),))
    return Fact("Review", (Line(label("review_statuses", review.status)),))


def _facts(catalogue: Catalogue, practice: Practice) -> tuple[Fact, ...]:
    countries = joined("countries", practice.countries) if practice.countries else NOT_STATED
    facts = [
        Fact("Intervention type", joined("intervention_types", practice.intervention_types)),
        Fact("ISCED levels", labels("isced_levels", practice.isced_levels) or NOT_STATED),
        Fact("Target groups", labels("target_groups", practice.target_groups) or NOT_STATED),
    ]
    if practice.reach:
        facts.append(Fact("Reach", joined("reach", practice.reach)))
    facts.append(Fact("Countries", countries))
    facts += _project_fact(catalogue, practice)
    facts += _period_fact(catalogue, practice)
    facts += _organisation_facts(catalogue, practice)
    facts += _funding_fact(catalogue, practice)
    return tuple(facts)


def _evidence(practice: Practice) -> EvidenceView:
    vocab = vocabulary("evidence_levels")
    term = vocab.terms[practice.evidence.level]
    top = max(t.rank or 0 for t in vocab.terms.values())
    return EvidenceView(term.label, term.rank or 0, top, term.definition, practice.evidence.basis or "")


def practice_sheet(catalogue: Catalogue, practice: Practice, settings: Settings) -> Sheet:
    """Everything the documents show about one practice."""
    return Sheet(
        practice=practice,
        anchor=f"practice-{practice.id}",
        types=tuple(label("intervention_types", t) for t in practice.intervention_types),
        facts=_facts(catalogue, practice),
        evidence=_evidence(practice),
        review=_review_fact(practice),
        citations=tuple(citation(s) for s in catalogue.sources_of(practice)),
        resources=tuple(ResourceView(r.title, label("resource_types", r.type), r.url) for r in practice.resources),
        page_url=settings.page_url(f"practices/{practice.id}/"),
    )
