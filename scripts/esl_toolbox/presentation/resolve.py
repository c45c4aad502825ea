"""A practice with its project's facts merged in, once: the organisations, period, funding and
sources that every output shows, each marked where it came from the project."""

from __future__ import annotations

from dataclasses import dataclass

from ..catalogue import Catalogue
from ..model import Funding, Organisation, Period, Practice, Project, Source


@dataclass(frozen=True)
class Resolved:
    """What a practice says, completed by its project where the practice is silent."""

    practice: Practice
    project: Project | None
    own_organisations: tuple[Organisation, ...]
    project_organisations: tuple[Organisation, ...]  # the project's partners the practice does not name itself
    period: Period | None
    period_from_project: bool
    funding: Funding | None
    funding_from_project: bool
    sources: tuple[Source, ...]  # the practice's, then the project's it does not already cite
    related: tuple[Practice, ...]


def resolve(catalogue: Catalogue, practice: Practice) -> Resolved:
    project = catalogue.project_of(practice)
    own_names = {o.name for o in practice.organisations}
    partners = tuple(o for o in (project.organisations if project else ()) if o.name not in own_names)
    period, period_inherited = practice.period, False
    if period is None and project is not None and project.period is not None:
        period, period_inherited = project.period, True
    funding, funding_inherited = practice.funding, False
    if funding is None and project is not None and project.funding is not None:
        funding, funding_inherited = project.funding, True
    cited = {(s.url, s.doi) for s in practice.sources}
    extra = tuple(s for s in (project.sources if project else ()) if (s.url, s.doi) not in cited)
    return Resolved(
        practice=practice,
        project=project,
        own_organisations=tuple(practice.organisations),
        project_organisations=partners,
        period=period,
        period_from_project=period_inherited,
        funding=funding,
        funding_from_project=funding_inherited,
        sources=(*practice.sources, *extra),
        related=tuple(catalogue.practice(i) for i in practice.related),
    )
