"""The site's generated pages: Markdown with raw HTML, rendered from the templates in templates/.

Record text reaches a page only through the markup filters (`text`, `markdown`, `md`), and
autoescaping catches anything a template forgets. Links between generated pages are relative,
so the site works under any address."""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import PurePosixPath
from typing import Any

import jinja2
from markupsafe import Markup

from pydantic import BaseModel

from ..catalogue import Catalogue
from ..field_docs import record_parts
from ..markup import escape_markdown, markdown_to_html, text_to_html
from ..open_data import practices_csv_name
from ..model import Practice
from ..languages import SOURCE_LANGUAGE, Language, language, languages, translated_codes
from ..presentation.formatting import full_date, list_text, number_text
from ..presentation.i18n import gettext_for, install, language_name, reviewed_catalogues
from ..progress import NO_PROGRESS, Advance
from ..presentation.views import PracticeView, Views
from ..project import PACK_FACETS, pack_file, practice_page_source
from ..settings import Settings
from ..translations import is_stale, text_lang
from ..translations.coverage import coverage
from ..vocabularies import VOCABULARY_FILES, term_in, vocabulary, vocabulary_text
from .facets import Facet, FacetIndex, FacetValue, by_title, facets
from .script_text import script_messages
from .ways_in import WayIn, problems, roles

NEWEST_ON_HOME = 6
FIXED_PAGES = 9  # home, toolbox, finder, compare, about, contribute, privacy, accessibility, maintainers
# Pages for data users, in English only like the hand-written ones: the other languages link to them.
DATA_DICTIONARY = "data-dictionary/index.md"
ENGLISH_ONLY_PAGES = (DATA_DICTIONARY,)
# Pages stay small at any size of the toolbox: listings come in pages of PAGE_SIZE cards, and the
# toolbox page renders the first TOOLBOX_CARDS (its script makes the others from the data file).
PAGE_SIZE = 50
TOOLBOX_CARDS = 50
# Pages are rendered in several processes from this many practices; below it, starting the
# workers costs more than it saves.
PARALLEL_FROM = 400
MAX_WORKERS = 8
RENDER_PARTS_PER_WORKER = 8


@dataclass(frozen=True)
class Pager:
    """Where a page stands in a listing split into pages; `base` is the first page's folder."""

    base: str
    number: int
    count: int

    def url(self, number: int) -> str:
        return self.base if number == 1 else f"{self.base}page-{number}/"

    @property
    def path(self) -> str:
        """The page's Markdown file in the docs tree: 'isced/1.md', 'isced/1/page-2.md'."""
        return f"{self.base.rstrip('/')}.md" if self.number == 1 else f"{self.base}page-{self.number}.md"


def paginate(practices: list[Practice] | tuple[Practice, ...], base: str) -> list[tuple[Pager, list[Practice]]]:
    """The practices cut into pages of PAGE_SIZE, each with its pager (one empty page if none)."""
    chunks = [list(practices[i : i + PAGE_SIZE]) for i in range(0, len(practices), PAGE_SIZE)] or [[]]
    return [(Pager(base, n, len(chunks)), chunk) for n, chunk in enumerate(chunks, start=1)]


@dataclass(frozen=True)
class SiteContext:
    """What every page is made from: the records, the settings, the language and the model's facets."""

    catalogue: Catalogue
    settings: Settings
    with_pdf: bool  # link factsheets and packs only when the build makes them
    lang: str = SOURCE_LANGUAGE
    model: type[BaseModel] = Practice  # whose field metadata decides the facets and the documented fields
    english_pages: tuple[str, ...] = ()  # the hand-written pages (docs/), in the English site only
    source: Catalogue | None = None  # the English catalogue, when `catalogue` is a translated one
    published: tuple[str, ...] = ()  # the languages of the finished site, which the switcher offers; () for all

    @property
    def source_catalogue(self) -> Catalogue:
        return self.source or self.catalogue

    @cached_property
    def index(self) -> FacetIndex:
        return FacetIndex(self.catalogue, facets(self.model))

    @cached_property
    def views(self) -> Views:
        return Views(self.catalogue, self.lang)

    def view(self, practice: Practice) -> PracticeView:
        return self.views.of(practice)

    @cached_property
    def environment(self) -> jinja2.Environment:
        return environment(self.lang)

    @cached_property
    def _macros(self) -> Any:
        module_globals = {"index": self.index, "view": self.view}
        return self.environment.get_template("_macros.html.j2").make_module(module_globals)

    @cached_property
    def _cards(self) -> dict[tuple[str, str, str, bool], Markup]:
        return {}

    def card(self, practice: Practice, root: str, heading: str = "h2", for_script: bool = True) -> Markup:
        """A practice's card, rendered once for all the listings it is on (a dozen on average)."""
        key = (practice.id, root, heading, for_script)
        if key not in self._cards:
            self._cards[key] = Markup(self._macros.card(practice, root, heading, for_script))
        return self._cards[key]


@cache
def description_html(text: str) -> str:
    """A record's Markdown as sanitised HTML, rendered once per build for the page and the search data."""
    return markdown_to_html(text)


def _meta_text(text: str) -> Markup:
    # Material writes front-matter descriptions into an HTML attribute as they are: escape for
    # HTML first, then quote for YAML (JSON strings are YAML).
    return Markup(json.dumps(" ".join(text_to_html(text).split()), ensure_ascii=False))


def _title_text(text: str) -> Markup:
    # Without a front-matter title, Material writes the title taken from the h1 into <title>
    # through `striptags`, which unescapes entities: "<" in a record's title would come out raw.
    # A front-matter title is written as it is, so it is given escaped for HTML.
    return Markup(json.dumps(text_to_html(" ".join(text.split())), ensure_ascii=False))


@cache
def environment(lang: str) -> jinja2.Environment:
    """The templates' environment in one language: its strings through that language's catalogue."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(__package__, "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        text=lambda value: Markup(text_to_html(value)),
        markdown=lambda value: Markup(description_html(value)),
        md=lambda value: Markup(escape_markdown(value)),
        # ` lang="en"` on a text shown in another language than the page's, for want of a translation.
        langattr=lambda value: Markup(f' lang="{other}"') if (other := text_lang(value, lang)) else Markup(""),
        stale=is_stale,
        number=lambda value: number_text(value, lang),
        css_string=css_string,
    )
    env.globals.update(
        vocab=vocabulary,
        vocab_text=lambda key: vocabulary_text(key, lang),
        term=lambda key, term_id: term_in(key, term_id, lang),
        meta_text=_meta_text,
        title_text=_title_text,
        lang=lang,
        pack_url=pack_file(),
        problems=problems(),
        roles=roles(),
    )
    return install(env, lang)


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string for a <style> element, where HTML escapes do not apply: quotes,
    backslashes, angle brackets and line ends become CSS escapes, so nothing can close the string
    or the element."""
    escaped = "".join(f"\\{ord(c):x} " if c in '"\\<>\n\r\f' else c for c in str(text))
    return Markup(f'"{escaped}"')


def root_of(page_path: str) -> str:
    """The relative way back to the site root from a page, e.g. 'practices/x.md' -> '../../'."""
    parts = PurePosixPath(page_path).with_suffix("").parts
    depth = len(parts) - 1 if parts[-1] == "index" else len(parts)
    return "../" * depth


def _render(template: str, page_path: str, ctx: SiteContext, **values: object) -> str:
    root = root_of(page_path)
    return ctx.environment.get_template(template).render(
        root=root,
        # The English site's root, where the files in English only are (open data, schema, docs/ pages).
        site_root=root + root_of_language(language(ctx.lang)),
        settings=ctx.settings,
        with_pdf=ctx.with_pdf,
        index=ctx.index,
        facets=ctx.index.facets,
        card_html=ctx.card,
        view=ctx.view,
        way_url=lambda way: way_listing(ctx.index, way),
        pack_facets=PACK_FACETS,
        pack_url_of=pack_file,
        **values,
    )


def way_listing(index: FacetIndex, way: WayIn) -> str | None:
    """The listing a way in leads to without JavaScript: that of its first value any practice has."""
    present = {v.id: v for v in index.values(way.facet)}
    return next((present[v].url for v in way.values if v in present), None)


def practice_page_path(practice: Practice) -> str:
    return practice_page_source(practice.id)


def render_practice_page(ctx: SiteContext, practice: Practice) -> str:
    return _render("practice.md.j2", practice_page_path(practice), ctx, p=ctx.view(practice))


def newest(practices: tuple[Practice, ...], count: int = NEWEST_ON_HOME) -> list[Practice]:
    """The most recently added practices: by `created`, newest first, then by id."""
    return sorted(practices, key=lambda p: (-p.created.toordinal(), p.id))[:count]


def render_home_page(ctx: SiteContext) -> str:
    practices = ctx.catalogue.practices
    return _render(
        "home.md.j2",
        "index.md",
        ctx,
        practices=practices,
        newest=newest(practices),
        counts=HomeCounts.of(practices, ctx.index),
        ages=ctx.index.terms("isced"),
    )


@dataclass(frozen=True)
class HomeCounts:
    """The figures the home page gives, which read well at 11 practices and at 10,000."""

    practices: int
    countries: int
    evaluated: int  # practices with at least one evaluation recorded
    reviewed: int

    @classmethod
    def of(cls, practices: tuple[Practice, ...], index: FacetIndex) -> HomeCounts:
        return cls(
            len(practices),
            len(index.values("country")),
            sum(bool(p.evaluations) for p in practices),
            sum(p.review.status == "reviewed" for p in practices),
        )


def render_toolbox_page(ctx: SiteContext) -> str:
    practices = by_title(ctx.catalogue.practices)
    packs = pack_links(ctx) if ctx.with_pdf else []
    return _render(
        "toolbox.md.j2", "toolbox/index.md", ctx, practices=practices, shown=practices[:TOOLBOX_CARDS], packs=packs
    )


def pack_links(ctx: SiteContext) -> list[tuple[str, str]]:
    """The pre-built briefing packs: every practice, then each intervention type and each age group."""
    _ = gettext_for(ctx.lang)
    links = [(_("Every practice"), pack_file())]
    for key in PACK_FACETS:
        links += [(v.plain_label, pack_file(key, v.id)) for v in ctx.index.values(key)]
    return links


def render_finder_page(ctx: SiteContext) -> str:
    return _render("finder.md.j2", "finder/index.md", ctx, ages=ctx.index.terms("isced"))


def render_compare_page(ctx: SiteContext) -> str:
    return _render("compare.md.j2", "compare/index.md", ctx)


def render_all_practices_pages(ctx: SiteContext) -> dict[str, str]:
    """Every practice A-Z in pages of PAGE_SIZE: the toolbox's list for visitors without JavaScript."""
    practices = by_title(ctx.catalogue.practices)
    return {
        pager.path: _render("all.md.j2", pager.path, ctx, practices=practices, page=page, pager=pager)
        for pager, page in paginate(practices, "toolbox/all/")
    }


def render_facet_page(ctx: SiteContext, facet: Facet) -> str:
    return _render("facet.md.j2", f"{facet.path}/index.md", ctx, facet=facet, values=ctx.index.terms(facet.key))


def render_listing_pages(ctx: SiteContext, value: FacetValue) -> dict[str, str]:
    """The listing of one facet value, in pages of PAGE_SIZE."""
    return {
        pager.path: _render("listing.md.j2", pager.path, ctx, facet=value.facet, value=value, page=page, pager=pager)
        for pager, page in paginate(value.practices, value.url)
    }


def render_about_page(ctx: SiteContext) -> str:
    reviewed = list_text((language_name(code, ctx.lang) for code in reviewed_catalogues()), ctx.lang)
    return _render(
        "about.md.j2", "about/index.md", ctx, csv_name=practices_csv_name(ctx.lang), reviewed_languages=reviewed
    )


def render_data_dictionary_page(ctx: SiteContext) -> str:
    parts = record_parts(ctx.model)
    return _render(
        "data-dictionary.md.j2",
        DATA_DICTIONARY,
        ctx,
        parts=parts,
        listed_vocabularies=VOCABULARY_FILES,
        csv_languages=[code for code in translated_codes() if not ctx.published or code in ctx.published],
    )


def render_maintainers_page(ctx: SiteContext) -> str:
    coverages = [coverage(ctx.source_catalogue, code) for code in translated_codes()]
    return _render(
        "maintainers.md.j2",
        "maintainers/index.md",
        ctx,
        coverages=coverages,
        languages={lang.code: lang for lang in languages()},
        reviewed_catalogues=reviewed_catalogues(),
        csv_name=practices_csv_name(ctx.lang),
    )


def render_contribute_page(ctx: SiteContext) -> str:
    return _render("contribute.md.j2", "contribute/index.md", ctx)


def render_privacy_page(ctx: SiteContext) -> str:
    return _render("privacy.md.j2", "privacy/index.md", ctx)


def render_accessibility_page(ctx: SiteContext) -> str:
    statement_date = full_date(ctx.catalogue.newest_date(), ctx.lang)
    return _render("accessibility.md.j2", "accessibility/index.md", ctx, statement_date=statement_date)


def render_generated_config(ctx: SiteContext, preview: bool = False) -> str:
    """The MkDocs settings of a language's site that come from the model, the vocabularies and the
    language list; English's for mkdocs.yml to inherit, another language's inheriting mkdocs.yml.
    `preview`: for a build of some practices' pages only (`esl-toolbox preview`)."""
    this = language(ctx.lang)
    alternates = [
        {"name": other.name, "code": other.code, "prefix": other.prefix, "link": root_of_language(this) + other.prefix}
        for other in languages()
        if not ctx.published or other.code in ctx.published
    ]
    return ctx.environment.get_template("mkdocs.generated.yml.j2").render(
        facets=ctx.index.facets,
        settings=ctx.settings,
        language=this,
        alternates=alternates,
        site_url=ctx.settings.page_url(this.prefix),
        english_pages=ctx.english_pages,
        script_messages=script_messages(ctx.lang),
        preview=preview,
    )


def root_of_language(this: Language) -> str:
    """The way from a language's root to the site's root: '' for English, '../' for the others."""
    return "" if this.is_source else "../"


def fixed_pages(ctx: SiteContext) -> dict[str, Callable[[], str]]:
    """The single pages that are not one per practice or per facet value, each with what renders it."""
    pages: dict[str, Callable[[], str]] = {
        "index.md": lambda: render_home_page(ctx),
        "toolbox/index.md": lambda: render_toolbox_page(ctx),
        "finder/index.md": lambda: render_finder_page(ctx),
        "compare/index.md": lambda: render_compare_page(ctx),
        "about/index.md": lambda: render_about_page(ctx),
        "contribute/index.md": lambda: render_contribute_page(ctx),
        "privacy/index.md": lambda: render_privacy_page(ctx),
        "accessibility/index.md": lambda: render_accessibility_page(ctx),
        "maintainers/index.md": lambda: render_maintainers_page(ctx),
    }
    if ctx.lang == SOURCE_LANGUAGE:
        pages[DATA_DICTIONARY] = lambda: render_data_dictionary_page(ctx)
    pages.update({f"{f.path}/index.md": (lambda f=f: render_facet_page(ctx, f)) for f in ctx.index.facets})
    return pages


def _render_fixed_pages(ctx: SiteContext) -> dict[str, str]:
    """The pages that are not one per practice or per facet value."""
    return {**{path: render() for path, render in fixed_pages(ctx).items()}, **render_all_practices_pages(ctx)}


def page_paths(ctx: SiteContext) -> set[str]:
    """The path of every page render_pages makes, without rendering one: what a preview of some
    pages checks their links against."""
    paths = set(fixed_pages(ctx))
    paths |= {pager.path for pager, _ in paginate(by_title(ctx.catalogue.practices), "toolbox/all/")}
    paths |= {practice_page_path(p) for p in ctx.catalogue.practices}
    paths |= {pager.path for v in ctx.index.all_values() for pager, _ in paginate(v.practices, v.url)}
    return paths


# A job names what to render by ids, so that a list of jobs is cheap to send to a worker.
Job = tuple[str, object]


def _jobs(ctx: SiteContext) -> list[Job]:
    practices: list[Job] = [("practice", p.id) for p in ctx.catalogue.practices]
    listings: list[Job] = [("listing", (v.facet.key, v.term.id)) for v in ctx.index.all_values()]
    return [("fixed", None), *practices, *listings]


def _render_job(ctx: SiteContext, job: Job) -> dict[str, str]:
    kind, key = job
    if kind == "practice":
        practice = ctx.catalogue.practice(str(key))
        return {practice_page_path(practice): render_practice_page(ctx, practice)}
    if kind == "listing":
        facet_key, term_id = key  # type: ignore[misc]
        return render_listing_pages(ctx, ctx.index.value(facet_key, term_id))
    return _render_fixed_pages(ctx)


def _render_jobs(ctx: SiteContext, jobs: list[Job], advance: Advance = NO_PROGRESS.advance) -> dict[str, str]:
    pages: dict[str, str] = {}
    for job in jobs:
        rendered = _render_job(ctx, job)
        pages.update(rendered)
        advance(len(rendered))
    return pages


# The context forked workers render from: inherited from the parent, never pickled.
_FORKED_CONTEXT: SiteContext | None = None


def _render_jobs_in_worker(jobs: list[Job]) -> dict[str, str]:
    assert _FORKED_CONTEXT is not None
    return _render_jobs(_FORKED_CONTEXT, jobs)


def render_workers(practices: int) -> int:
    """How many processes render the pages: all cores for a large toolbox, if it is safe to fork."""
    # Forking beside other threads (`serve` watches files in one) can deadlock the child, and
    # not every system forks; one process is always correct, only slower.
    if practices < PARALLEL_FROM or threading.active_count() > 1:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), MAX_WORKERS))


def page_count(ctx: SiteContext) -> int:
    """How many pages render_pages makes: the fixed ones, one per practice, each listing's pages."""
    listings = sum(-(-len(v.practices) // PAGE_SIZE) for v in ctx.index.all_values())
    fixed = FIXED_PAGES + (len(ENGLISH_ONLY_PAGES) if ctx.lang == SOURCE_LANGUAGE else 0) + len(ctx.index.facets) + max(1, -(-len(ctx.catalogue.practices) // PAGE_SIZE))
    return fixed + len(ctx.catalogue.practices) + listings


def render_pages(ctx: SiteContext, advance: Advance = NO_PROGRESS.advance) -> dict[str, str]:
    """Every generated page by its path in the docs tree; `advance` is told of each page made."""
    jobs = _jobs(ctx)
    workers = render_workers(len(ctx.catalogue.practices))
    if workers == 1:
        return _render_jobs(ctx, jobs, advance)
    global _FORKED_CONTEXT
    _FORKED_CONTEXT = ctx
    pages: dict[str, str] = {}
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            # Every n-th job to each part: practice pages and listings both spread evenly over the
            # workers, in more parts than workers so that progress shows as parts come back.
            parts = workers * RENDER_PARTS_PER_WORKER
            for part in pool.map(_render_jobs_in_worker, [jobs[i::parts] for i in range(parts)]):
                pages.update(part)
                advance(len(part))
    finally:
        _FORKED_CONTEXT = None
    return pages
