"""A practice with its project's facts merged in, once: the organisations, period, funding and
sources that every output shows, each marked where it came from the project."""

from __future__ import annotations

from dataclasses import dataclass

from ..catalogue import Catalogue
from ..model import Funding, Organisation, Period, Phase, Practice, Project, Source


@dataclass(frozen=True)
class Resolved:
    """What a practice says, completed by its phases and its project where the practice is silent."""

    practice: Practice
    project: Project | None
    own_organisations: tuple[Organisation, ...]
    project_organisations: tuple[Organisation, ...]  # the project's partners the practice does not name itself
    period: Period | None
    period_from: str  # "practice", "phases" or "project": where the period comes from
    funding: tuple[Funding, ...]
    funding_from_project: bool
    sources: tuple[Source, ...]  # the practice's, then the project's it does not already cite
    related: tuple[Practice, ...]

    @property
    def period_from_project(self) -> bool:
        return self.period_from == "project"


def period_of_phases(phases: list[Phase] | tuple[Phase, ...]) -> Period | None:
    """The span of the phases: the first start, the last end if every phase has ended, ongoing if one is."""
    periods = [p.period for p in phases if p.period is not None]
    starts = [p.start for p in periods if p.start]
    if not starts:
        return None
    ends = [p.end for p in periods if p.end]
    ongoing = any(p.ongoing for p in periods) or None
    end = max(ends) if ends and len(ends) == len(periods) and not ongoing else None
    return Period(start=min(starts), end=end, ongoing=ongoing)


def _period(practice: Practice, project: Project | None) -> tuple[Period | None, str]:
    if practice.period is not None:
        return practice.period, "practice"
    from_phases = period_of_phases(practice.phases)
    if from_phases is not None:
        return from_phases, "phases"
    if project is not None and project.period is not None:
        return project.period, "project"
    return None, "practice"


def resolve(catalogue: Catalogue, practice: Practice) -> Resolved:
    project = catalogue.project_of(practice)
    own_names = {o.name for o in practice.organisations}
    partners = tuple(o for o in (project.organisations if project else ()) if o.name not in own_names)
    period, period_from = _period(practice, project)
    funding, inherited = tuple(practice.funding), False
    if not funding and project is not None and project.funding:
        funding, inherited = tuple(project.funding), True
    cited = {(s.url, s.doi) for s in practice.sources}
    extra = tuple(s for s in (project.sources if project else ()) if (s.url, s.doi) not in cited)
    return Resolved(
        practice=practice,
        project=project,
        own_organisations=tuple(practice.organisations),
        project_organisations=partners,
        period=period,
        period_from=period_from,
        funding=funding,
        funding_from_project=inherited,
        sources=(*practice.sources, *extra),
        related=tuple(catalogue.practice(i) for i in practice.related),
    )
