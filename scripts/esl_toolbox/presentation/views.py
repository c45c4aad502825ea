"""One view of a practice in one language: every value the site, the PDFs and the open data show,
formatted once. Templates lay it out; they never format a value or look a label up themselves."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..catalogue import Catalogue
from ..languages import language
from ..model import Practice, field_meta
from ..project import factsheet_file, practice_file, practice_page
from ..translations import units_of
from ..vocabularies import vocabulary
from .formatting import full_date, list_text, period_text
from .i18n import SOURCE_LANGUAGE, gettext_for
from .parts import (
    CitationView,
    CostView,
    EvaluationView,
    FundingView,
    ImplementationView,
    LawView,
    OrganisationView,
    PhaseView,
    ScaleView,
    TermView,
    ages_text,
    citation_view,
    cost_view,
    evaluation_view,
    findings_text,
    funding_view,
    implementation_view,
    law_view,
    organisation_view,
    phase_view,
    scale_view,
    source_link,
    term_view,
)
from .resolve import Resolved, resolve

__all__ = ["PracticeView", "TermView", "Views", "source_link"]


@dataclass(frozen=True)
class ResourceView:
    title: str
    url: str
    kind: str
    languages: str


@dataclass(frozen=True)
class EvidenceView:
    term: TermView
    top: int
    basis: str
    findings: str  # what the evaluations found, beside the level: never folded into it

    @property
    def rank(self) -> int:
        return self.term.rank or 0


@dataclass(frozen=True)
class ProjectView:
    title: str
    acronym: str
    url: str | None
    name: str  # as a sentence names it: "PACT project"


@dataclass(frozen=True)
class LinkView:
    title: str
    url: str


@dataclass(frozen=True)
class TranslationView:
    """How far a practice's page is in its language: what to tell the reader at the top."""

    untranslated: bool  # some text is shown in English for want of a translation
    unreviewed: bool  # some translated text has not been checked by a native speaker
    stale_parts: tuple[str, ...] = ()  # the fields whose English has changed since they were translated

    @property
    def stale(self) -> bool:
        return bool(self.stale_parts)

    @property
    def shown(self) -> bool:
        return self.untranslated or self.unreviewed or self.stale


def _local_texts(practice: Practice) -> list[tuple[str, object]]:
    """Every translatable text of a practice in a language with its field's path, each item of a
    list on its own."""
    texts = []
    for unit in units_of(practice).values():
        path = ".".join(part for part in unit.loc if isinstance(part, str))
        texts.extend((path, text) for text in (unit.english if unit.is_list else [unit.english]))
    return texts


def _facet_path(path: str) -> str | None:
    facet = field_meta(Practice, path).facet
    return facet.path if facet else None


class PracticeView:
    """A practice as every output shows it, in one language."""

    def __init__(self, resolved: Resolved, lang: str = SOURCE_LANGUAGE):
        self.resolved = resolved
        self.practice: Practice = resolved.practice
        self.lang = lang
        self._ = gettext_for(lang)

    # --- identity and text ------------------------------------------------------------------------
    @property
    def id(self) -> str:
        return self.practice.id

    @property
    def title(self) -> str:
        return self.practice.title

    @property
    def original_title(self) -> str:
        return self.practice.original_title or ""

    @property
    def original_language(self) -> str:
        """The ISO 639-1 code of the original name, for its `lang` attribute."""
        return self.practice.original_language or ""

    @property
    def acronym(self) -> str:
        return self.practice.acronym or ""

    @property
    def url(self) -> str:
        return self.practice.url or ""

    @property
    def summary(self) -> str:
        return self.practice.summary

    @property
    def description(self) -> str:
        """Markdown; templates render it through the markup policy."""
        return self.practice.description

    @property
    def page_url(self) -> str:
        return practice_page(self.id)

    @property
    def site_path(self) -> str:
        """The page's address from the site's root, with its language's folder: 'pt/practices/<id>/'."""
        return language(self.lang).prefix + self.page_url

    @property
    def factsheet_url(self) -> str:
        return factsheet_file(self.id)

    @property
    def record_file(self) -> str:
        """The record's file in the repository, for "suggest a correction" links."""
        return practice_file(self.id)

    # --- labels and terms -------------------------------------------------------------------------
    def label(self, path: str) -> str:
        """A field's label in the language, singular for one value and plural for none or several."""
        meta = field_meta(Practice, path)
        return self._(meta.label_for(len(meta.values_of(self.practice)) if meta.many else 1))

    def heading(self, path: str) -> str:
        """A field's plural label in the language, for the heading of its section."""
        return self._(field_meta(Practice, path).plural)

    def terms(self, path: str) -> tuple[TermView, ...]:
        """The vocabulary terms a field holds, in the record's order, with their listing pages for facets."""
        meta = field_meta(Practice, path)
        facet_path = meta.facet.path if meta.facet else None
        return tuple(term_view(meta.vocabulary, v, self.lang, facet_path) for v in meta.values_of(self.practice))

    def terms_text(self, path: str) -> str:
        """The labels of a field's terms as one phrase: 'Teachers, School leaders, NGOs'."""
        return list_text((t.label for t in self.terms(path)), self.lang, style="unit")

    @property
    def not_stated(self) -> str:
        return self._("Not stated in the sources")

    @property
    def levels_text(self) -> str:
        """The levels of education, or why there are none: outside ISCED, or not stated."""
        if self.practice.isced_not_applicable:
            return self._("Outside the ISCED levels")
        return self.terms_text("isced_levels") or self.not_stated

    @property
    def short_levels(self) -> str:
        """The levels in a few plain words, for a card: 'Primary school, Lower secondary school'.
        Joined with a comma as the toolbox's script joins them for the cards it makes."""
        if self.practice.isced_not_applicable:
            return self._("Outside the ISCED levels")
        return ", ".join(t.short for t in self.terms("isced_levels"))

    @property
    def card_facts(self) -> str:
        """The ages and countries of a card, after its type badges: 'Primary school · Norway, Sweden'."""
        countries = ", ".join(t.label for t in self.terms("countries"))
        return " · ".join(part for part in (self.short_levels, countries) if part)

    @cached_property
    def translation(self) -> TranslationView:
        """Whether the page must say that parts are in English, unchecked or out of date."""
        if self.lang == SOURCE_LANGUAGE:
            return TranslationView(False, False)
        texts = _local_texts(self.practice)
        stale = dict.fromkeys(path for path, t in texts if getattr(t, "stale", False))
        return TranslationView(
            untranslated=any(getattr(t, "lang", self.lang) != self.lang for _, t in texts),
            unreviewed=any(getattr(t, "lang", "") == self.lang and not t.reviewed for _, t in texts),
            stale_parts=tuple(self._(field_meta(Practice, path).label) for path in stale),
        )

    @property
    def ages(self) -> str:
        return ages_text(self.practice.age_range, self._) if self.practice.age_range else ""

    # --- facts --------------------------------------------------------------------------------------
    @cached_property
    def project(self) -> ProjectView | None:
        project = self.resolved.project
        if project is None:
            return None
        name = self._("%(acronym)s project") % {"acronym": project.acronym} if project.acronym else project.title
        return ProjectView(project.title, project.acronym or "", project.url, name)

    @cached_property
    def organisations(self) -> tuple[OrganisationView, ...]:
        """The project's partners first, then the practice's own organisations."""
        inherited = [organisation_view(o, True, self.lang) for o in self.resolved.project_organisations]
        return (*inherited, *(organisation_view(o, False, self.lang) for o in self.resolved.own_organisations))

    @cached_property
    def period(self) -> str:
        """The period in words, '' if neither the practice, its phases nor its project states one."""
        return period_text(self.resolved.period, self.lang) if self.resolved.period else ""

    @property
    def period_from_project(self) -> bool:
        return self.resolved.period_from_project

    @cached_property
    def phases(self) -> tuple[PhaseView, ...]:
        return tuple(phase_view(p, self.lang) for p in self.practice.phases)

    @cached_property
    def laws(self) -> tuple[LawView, ...]:
        return tuple(law_view(act) for act in self.practice.legal_basis)

    @cached_property
    def funding(self) -> tuple[FundingView, ...]:
        """Every funder or programme, the project's when the practice names none."""
        inherited = self.resolved.funding_from_project
        return tuple(funding_view(f, self.lang, inherited) for f in self.resolved.funding)

    @property
    def funding_from_project(self) -> bool:
        return self.resolved.funding_from_project

    @cached_property
    def scale(self) -> tuple[ScaleView, ...]:
        """The size figures, oldest first."""
        return tuple(scale_view(p, self.lang) for p in sorted(self.practice.scale, key=lambda p: p.year))

    @property
    def latest_scale(self) -> str:
        """The newest size figures, each with its year: '1,500 learners (2019), 12 schools (2019)'."""
        if not self.scale:
            return ""
        newest = max(point.year for point in self.scale)
        return list_text((p.text for p in self.scale if p.year == newest), self.lang, style="unit")

    @cached_property
    def cost(self) -> CostView | None:
        if self.practice.cost is None:
            return None
        return cost_view(self.practice.cost, self.lang, self._, _facet_path("cost.band"))

    @cached_property
    def implementation(self) -> ImplementationView | None:
        return implementation_view(self.practice.implementation) if self.practice.implementation else None

    @cached_property
    def evaluations(self) -> tuple[EvaluationView, ...]:
        facet = _facet_path("evaluations.design")
        return tuple(evaluation_view(e, self.lang, facet) for e in self.practice.evaluations)

    @cached_property
    def evidence(self) -> EvidenceView:
        vocab = vocabulary("evidence_levels")
        top = max(t.rank or 0 for t in vocab.terms.values())
        term = term_view("evidence_levels", self.practice.evidence.level, self.lang, _facet_path("evidence.level"))
        findings = findings_text(self.evaluations, self._, self.lang) if self.evaluations else ""
        return EvidenceView(term, top, self.practice.evidence.basis or "", findings)

    @property
    def glance(self) -> str:
        """Evidence and cost in a few words, for a card: 'Evidence: Promising · no effect found · Low cost'."""
        evidence = self._("Evidence: %(level)s") % {"level": self.evidence_text}
        return " · ".join(part for part in (evidence, self.cost.short if self.cost else "") if part)

    @property
    def evidence_text(self) -> str:
        """The level with what was found beside it: 'Promising · no effect found'."""
        return " · ".join(part for part in (self.evidence.term.label, self.evidence.findings) if part)

    @cached_property
    def citations(self) -> tuple[CitationView, ...]:
        return tuple(citation_view(s, n, self.lang) for n, s in enumerate(self.resolved.sources, start=1))

    @cached_property
    def resources(self) -> tuple[ResourceView, ...]:
        return tuple(
            ResourceView(
                r.title,
                r.url,
                vocabulary("resource_types").label(r.type, self.lang),
                list_text((vocabulary("languages").label(code, self.lang) for code in r.languages), self.lang),
            )
            for r in self.practice.resources
        )

    @cached_property
    def related(self) -> tuple[LinkView, ...]:
        practices = sorted(self.resolved.related, key=lambda p: (p.title.casefold(), p.id))
        return tuple(LinkView(p.title, practice_page(p.id)) for p in practices)

    # --- the same facts as the open data's cells ------------------------------------------------------
    def resolved_part(self, name: str) -> object:
        """A nested part of the record, the resolved one where the practice may take it from elsewhere."""
        if name == "period":
            return self.resolved.period
        return getattr(self.practice, name)

    def part_text(self, name: str) -> str:
        """A nested part in words, as the page shows it."""
        if name == "period":
            return self.period
        if name == "age_range":
            return self.ages
        if name == "cost" and self.cost:
            return " · ".join(part for part in (self.cost.short, self.cost.amount) if part)
        return ""

    def item_texts(self, name: str) -> list[str]:
        """Each item of a list of parts as one line of text."""
        texts = {
            "organisations": lambda: [o.text for o in self.organisations],
            "sources": lambda: [c.text for c in self.citations],
            "resources": lambda: [f"{r.title} <{r.url}>" for r in self.resources],
            "funding": lambda: [f.text for f in self.funding],
            "scale": lambda: [s.text for s in self.scale],
            "evaluations": lambda: [e.text for e in self.evaluations],
            "phases": lambda: [
                " ".join(part for part in (p.name, f"({p.period})" if p.period else "")) for p in self.phases
            ],
            "legal_basis": lambda: [law.title for law in self.laws],
        }
        return texts[name]() if name in texts else [str(item) for item in getattr(self.practice, name)]

    # --- review and dates ---------------------------------------------------------------------------
    @property
    def reviewed(self) -> bool:
        return self.practice.review.status == "reviewed"

    @property
    def review_status(self) -> str:
        return vocabulary("review_statuses").label(self.practice.review.status, self.lang)

    @property
    def reviewer(self) -> str:
        return self.practice.review.reviewer or ""

    @property
    def review_date(self) -> str:
        return full_date(self.practice.review.date, self.lang) if self.practice.review.date else ""

    @property
    def created(self) -> str:
        return full_date(self.practice.created, self.lang)

    @property
    def updated(self) -> str:
        return full_date(self.practice.updated, self.lang) if self.practice.updated else ""


class Views:
    """The views of a catalogue's practices in one language, each made once and then kept."""

    def __init__(self, catalogue: Catalogue, lang: str | None = None):
        self.catalogue = catalogue
        self.lang = lang or catalogue.lang  # a catalogue in a language is shown in that language
        self._views: dict[str, PracticeView] = {}

    def of(self, practice: Practice) -> PracticeView:
        if practice.id not in self._views:
            self._views[practice.id] = PracticeView(resolve(self.catalogue, practice), self.lang)
        return self._views[practice.id]
