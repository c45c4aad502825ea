"""The rows of a practice's fact box in print: the view's values (formatted once, for site and PDF
alike) arranged as the factsheet and the pack lay them out. Still plain text: the templates pass
every value through markup.py."""

from __future__ import annotations

from dataclasses import dataclass

from ..presentation.views import PracticeView
from ..settings import Settings


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
class Sheet:
    """A practice as the factsheet and the pack show it."""

    view: PracticeView
    glance: tuple[Fact, ...]
    facts: tuple[Fact, ...]
    review: Fact
    page_url: str  # the practice's page, absolute

    @property
    def practice(self):  # noqa: ANN201 - the record, for grouping and indexes
        return self.view.practice

    @property
    def anchor(self) -> str:
        return f"practice-{self.view.id}"


def _terms(view: PracticeView, path: str, one_line: bool = False) -> Fact:
    terms = view.terms(path)
    if not terms:
        return Fact(view.label(path), (Line(view.not_stated),))
    if one_line:
        return Fact(view.label(path), (Line(view.terms_text(path)),))
    return Fact(view.label(path), tuple(Line(t.label) for t in terms))


def glance_facts(view: PracticeView) -> tuple[Fact, ...]:
    """The factsheet's first box, as the page's "At a glance": evidence and findings, cost, scale, level and ages."""
    evidence = Fact(view.label("evidence"), (Line(view.evidence.term.label, view.evidence.findings),))
    if view.cost:
        cost = Fact(view.label("cost"), tuple(Line(text) for text in (view.cost.short, view.cost.amount) if text))
        cost = cost if view.cost.band else Fact(view.label("cost"), (Line(view.cost.amount),))
    else:
        cost = Fact(view.label("cost"), (Line(view.not_stated),))
    levels = " · ".join(part for part in (view.levels_text, view.ages, view.terms_text("qualification_levels")) if part)
    facts = [evidence, cost]
    if view.latest_scale:
        facts.append(Fact(view.label("scale"), (Line(view.latest_scale),)))
    facts += [
        Fact(view.label("isced_levels"), (Line(levels),)),
        _terms(view, "intervention_types", one_line=True),
        _terms(view, "target_groups", one_line=True),
        _terms(view, "countries", one_line=True),
    ]
    return tuple(facts)


def _project_fact(view: PracticeView) -> list[Fact]:
    if view.project is None:
        return []
    name = f"{view.project.acronym} – {view.project.title}" if view.project.acronym else view.project.title
    return [Fact(view.label("project"), (Line(name),), view.project.url or "")]


def _period_fact(view: PracticeView) -> list[Fact]:
    if not view.period:
        return []
    _ = view._
    note = _("Period of the whole %(project)s.") % {"project": view.project.name} if view.period_from_project else ""
    return [Fact(view.label("period"), (Line(view.period),), note)]


def _funding_fact(view: PracticeView) -> list[Fact]:
    if not view.funding:
        return []
    lines = tuple(Line(f.who, ", ".join(p for p in (f.how_much, f.share, f.period) if p)) for f in view.funding)
    note = "; ".join(f.note for f in view.funding if f.note)
    if view.funding_from_project and view.project:
        # Said on the amount itself, so that nobody reads a project's grant as this practice's budget.
        note = " ".join(p for p in (view._("For the whole %(project)s.") % {"project": view.project.name}, note) if p)
    return [Fact(view.heading("funding"), lines, note)]


def _organisation_facts(view: PracticeView) -> list[Fact]:
    own = [o for o in view.organisations if not o.from_project]
    partners = [o for o in view.organisations if o.from_project]
    facts = []
    if own:
        facts.append(Fact(view.label("organisations"), tuple(Line(o.name_and_country, o.role.lower()) for o in own)))
    if partners and view.project:
        title = view._("Partners of the %(project)s") % {"project": view.project.name}
        facts.append(Fact(title, tuple(Line(o.name_and_country, o.role.lower()) for o in partners)))
    return facts


def _review_fact(view: PracticeView) -> Fact:
    label = view.label("review")
    if view.reviewed:
        return Fact(label, (Line(view._("Reviewed by %(reviewer)s") % {"reviewer": view.reviewer}, view.review_date),))
    return Fact(label, (Line(view.review_status),))


def detail_facts(view: PracticeView) -> tuple[Fact, ...]:
    """Who runs it, when, and who pays: the factsheet's second box."""
    facts = []
    facts += _project_fact(view)
    facts += _period_fact(view)
    facts += _organisation_facts(view)
    facts += _funding_fact(view)
    return tuple(facts)


def practice_sheet(view: PracticeView, settings: Settings) -> Sheet:
    """Everything the documents show about one practice."""
    return Sheet(
        view=view,
        glance=glance_facts(view),
        facts=detail_facts(view),
        review=_review_fact(view),
        page_url=settings.page_url(view.site_path),
    )
