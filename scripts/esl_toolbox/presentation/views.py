"""One view of a practice in one language: every value the site, the PDFs and the open data show,
formatted once. Templates lay it out; they never format a value or look a label up themselves."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..catalogue import Catalogue
from ..model import Funding, Organisation, Practice, Source, field_meta
from ..project import factsheet_file, listing_page, practice_file, practice_page
from ..vocabularies import vocabulary
from .formatting import amount_text, full_date, list_text, period_text
from .i18n import SOURCE_LANGUAGE, gettext_for
from .resolve import Resolved, resolve


@dataclass(frozen=True)
class TermView:
    """A vocabulary term as a reader sees it; `url` is its listing page when visitors browse by the field."""

    id: str | int
    label: str
    definition: str
    rank: int | None = None
    url: str | None = None


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


@dataclass(frozen=True)
class FundingView:
    programme: str
    amount: str  # with its currency, '' if not stated
    note: str
    from_project: bool

    @property
    def text(self) -> str:
        """'Erasmus+ (strategic partnership): €341,611', or whichever of the two is stated."""
        return ": ".join(part for part in (self.programme, self.amount) if part)


@dataclass(frozen=True)
class CitationView:
    title: str
    publisher: str
    year: int | None
    link: str  # DOI address, else web address, else ''
    accessed: str  # the date read, formatted; '' if not given

    @property
    def by(self) -> str:
        """'Publisher, 2020', 'Publisher' or '2020'."""
        return ", ".join(part for part in (self.publisher, str(self.year) if self.year else "") if part)


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


def source_link(source: Source) -> str:
    """Where a reader finds a source: its DOI if it has one, else its web address."""
    return f"https://doi.org/{source.doi}" if source.doi else (source.url or "")


def term_view(key: str, term_id: str | int, lang: str, facet_path: str | None = None) -> TermView:
    term = vocabulary(key).terms[term_id]
    url = listing_page(facet_path, term_id) if facet_path else None
    return TermView(term.id, term.label, term.definition, term.rank, url)


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
        """The labels of a field's terms as one phrase: 'Teachers, School leaders and NGOs'."""
        return list_text((t.label for t in self.terms(path)), self.lang, style="unit")

    @property
    def not_stated(self) -> str:
        return self._("Not stated in the sources")

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
        inherited = [self._organisation(o, True) for o in self.resolved.project_organisations]
        return (*inherited, *(self._organisation(o, False) for o in self.resolved.own_organisations))

    def _organisation(self, organisation: Organisation, from_project: bool) -> OrganisationView:
        role = vocabulary("organisation_roles").label(organisation.role)
        country = vocabulary("countries").label(organisation.country) if organisation.country else ""
        return OrganisationView(organisation.name, role, country, organisation.url, from_project)

    @cached_property
    def period(self) -> str:
        """The period in words, '' if neither the practice nor its project states one."""
        return period_text(self.resolved.period, self.lang) if self.resolved.period else ""

    @property
    def period_from_project(self) -> bool:
        return self.resolved.period_from_project

    @cached_property
    def funding(self) -> FundingView | None:
        funding: Funding | None = self.resolved.funding
        if funding is None:
            return None
        amount = amount_text(funding.amount, funding.currency, self.lang) if funding.amount is not None else ""
        return FundingView(funding.programme or "", amount, funding.note or "", self.resolved.funding_from_project)

    @cached_property
    def evidence(self) -> EvidenceView:
        vocab = vocabulary("evidence_levels")
        top = max(t.rank or 0 for t in vocab.terms.values())
        facet = field_meta(Practice, "evidence.level").facet
        term = term_view("evidence_levels", self.practice.evidence.level, self.lang, facet.path if facet else None)
        return EvidenceView(term, top, self.practice.evidence.basis or "")

    @cached_property
    def citations(self) -> tuple[CitationView, ...]:
        return tuple(self._citation(s) for s in self.resolved.sources)

    def _citation(self, source: Source) -> CitationView:
        accessed = full_date(source.accessed, self.lang) if source.accessed else ""
        return CitationView(source.title, source.publisher or "", source.year, source_link(source), accessed)

    @cached_property
    def resources(self) -> tuple[ResourceView, ...]:
        return tuple(
            ResourceView(
                r.title,
                r.url,
                vocabulary("resource_types").label(r.type),
                list_text((vocabulary("languages").label(code) for code in r.languages), self.lang),
            )
            for r in self.practice.resources
        )

    @cached_property
    def related(self) -> tuple[LinkView, ...]:
        practices = sorted(self.resolved.related, key=lambda p: (p.title.casefold(), p.id))
        return tuple(LinkView(p.title, practice_page(p.id)) for p in practices)

    # --- the same facts as the open data's cells -------------------------------------------------------
    def resolved_part(self, name: str) -> object:
        """A nested part of the record, the project's where the practice takes it from there."""
        if name in ("period", "funding"):
            return getattr(self.resolved, name)
        return getattr(self.practice, name)

    def part_text(self, name: str) -> str:
        """A nested part in words, as the page shows it."""
        if name == "period":
            return self.period
        if name == "funding":
            return self.funding.text if self.funding else ""
        return ""

    def item_texts(self, name: str) -> list[str]:
        """Each item of a list of parts as one line of text."""
        if name == "organisations":
            return [f"{o.name} ({o.role.lower()}{', ' + o.country if o.country else ''})" for o in self.organisations]
        if name == "sources":
            return [c.link or c.title for c in self.citations]
        if name == "resources":
            return [f"{r.title} <{r.url}>" for r in self.resources]
        return [str(item) for item in getattr(self.practice, name)]

    # --- review and dates ---------------------------------------------------------------------------
    @property
    def reviewed(self) -> bool:
        return self.practice.review.status == "reviewed"

    @property
    def review_status(self) -> str:
        return vocabulary("review_statuses").label(self.practice.review.status)

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

    def __init__(self, catalogue: Catalogue, lang: str = SOURCE_LANGUAGE):
        self.catalogue = catalogue
        self.lang = lang
        self._views: dict[str, PracticeView] = {}

    def of(self, practice: Practice) -> PracticeView:
        if practice.id not in self._views:
            self._views[practice.id] = PracticeView(resolve(self.catalogue, practice), self.lang)
        return self._views[practice.id]
