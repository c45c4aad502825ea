"""The site's generated pages: Markdown with raw HTML, rendered from the templates in templates/.

Record text reaches a page only through the markup filters (`text`, `markdown`, `md`), and
autoescaping catches anything a template forgets. Links between generated pages are relative,
so the site works under any address."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import PurePosixPath

import jinja2
from markupsafe import Markup

from ..catalogue import Catalogue
from ..markup import escape_markdown, markdown_to_html, text_to_html
from ..model import Practice
from ..settings import Settings
from ..vocabularies import VOCABULARY_FILES, vocabulary
from . import formatting
from .facets import FACETS, Facet, FacetIndex, FacetValue, by_title
from .fields import record_parts

NEWEST_ON_HOME = 6
# Pages stay small at any size of the toolbox: listings come in pages of PAGE_SIZE cards, and the
# toolbox page renders the first TOOLBOX_CARDS (its script makes the others from the data file).
PAGE_SIZE = 50
TOOLBOX_CARDS = 50


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
    """What every page is made from."""

    catalogue: Catalogue
    settings: Settings
    with_pdf: bool  # link factsheets and packs only when the build makes them

    @cached_property
    def index(self) -> FacetIndex:
        return FacetIndex(self.catalogue)


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


def _environment() -> jinja2.Environment:
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
    )
    env.globals.update(
        label=lambda key, term: vocabulary(key).label(term),
        vocab=vocabulary,
        meta_text=_meta_text,
        title_text=_title_text,
        facets=FACETS,
        full_date=formatting.full_date,
        period_text=formatting.period_text,
        amount_text=formatting.amount_text,
        source_link=formatting.source_link,
    )
    return env


ENVIRONMENT = _environment()


def root_of(page_path: str) -> str:
    """The relative way back to the site root from a page, e.g. 'practices/x.md' -> '../../'."""
    parts = PurePosixPath(page_path).with_suffix("").parts
    depth = len(parts) - 1 if parts[-1] == "index" else len(parts)
    return "../" * depth


def _render(template: str, page_path: str, ctx: SiteContext, **values: object) -> str:
    return ENVIRONMENT.get_template(template).render(
        root=root_of(page_path), settings=ctx.settings, with_pdf=ctx.with_pdf, index=ctx.index, **values
    )


def practice_page_path(practice: Practice) -> str:
    return f"practices/{practice.id}.md"


def render_practice_page(ctx: SiteContext, practice: Practice) -> str:
    catalogue = ctx.catalogue
    period, period_from_project = catalogue.period_of(practice)
    funding, funding_from_project = catalogue.funding_of(practice)
    return _render(
        "practice.md.j2",
        practice_page_path(practice),
        ctx,
        practice=practice,
        project=catalogue.project_of(practice),
        organisations=catalogue.organisations_of(practice),
        period=period,
        period_from_project=period_from_project,
        funding=funding,
        funding_from_project=funding_from_project,
        evidence_term=vocabulary("evidence_levels").terms[practice.evidence.level],
        sources=catalogue.sources_of(practice),
        related=by_title([catalogue.practice(i) for i in practice.related]),
    )


def newest(practices: tuple[Practice, ...], count: int = NEWEST_ON_HOME) -> list[Practice]:
    """The most recently added practices: by `created`, newest first, then by id."""
    return sorted(practices, key=lambda p: (-p.created.toordinal(), p.id))[:count]


def render_home_page(ctx: SiteContext) -> str:
    practices = ctx.catalogue.practices
    reviewed = sum(p.review.status == "reviewed" for p in practices)
    return _render(
        "home.md.j2", "index.md", ctx, practices=practices, newest=newest(practices), reviewed_count=reviewed
    )


def render_toolbox_page(ctx: SiteContext) -> str:
    practices = by_title(ctx.catalogue.practices)
    return _render("toolbox.md.j2", "toolbox/index.md", ctx, practices=practices, shown=practices[:TOOLBOX_CARDS])


def render_all_practices_pages(ctx: SiteContext) -> dict[str, str]:
    """Every practice A-Z in pages of PAGE_SIZE: the toolbox's list for visitors without JavaScript."""
    practices = by_title(ctx.catalogue.practices)
    return {
        pager.path: _render("all.md.j2", pager.path, ctx, practices=practices, page=page, pager=pager)
        for pager, page in paginate(practices, "toolbox/all/")
    }


def render_facet_page(ctx: SiteContext, facet: Facet) -> str:
    return _render(
        "facet.md.j2",
        f"{facet.path}/index.md",
        ctx,
        facet=facet,
        facet_vocabulary=vocabulary(facet.vocabulary),
        values=ctx.index.values(facet.key),
    )


def render_listing_pages(ctx: SiteContext, value: FacetValue) -> dict[str, str]:
    """The listing of one facet value, in pages of PAGE_SIZE."""
    return {
        pager.path: _render("listing.md.j2", pager.path, ctx, facet=value.facet, value=value, page=page, pager=pager)
        for pager, page in paginate(value.practices, value.url)
    }


def render_about_page(ctx: SiteContext) -> str:
    return _render("about.md.j2", "about/index.md", ctx, parts=record_parts(), listed_vocabularies=VOCABULARY_FILES)


def render_contribute_page(ctx: SiteContext) -> str:
    return _render("contribute.md.j2", "contribute/index.md", ctx)


def render_generated_config() -> str:
    """The MkDocs settings that come from the vocabularies, for mkdocs.yml to inherit."""
    themes = [t.label for t in vocabulary("themes").terms.values()]
    return ENVIRONMENT.get_template("mkdocs.generated.yml.j2").render(theme_labels=themes)


def render_pages(ctx: SiteContext) -> dict[str, str]:
    """Every generated page by its path in the docs tree."""
    pages = {
        "index.md": render_home_page(ctx),
        "toolbox/index.md": render_toolbox_page(ctx),
        "about/index.md": render_about_page(ctx),
        "contribute/index.md": render_contribute_page(ctx),
    }
    pages.update({practice_page_path(p): render_practice_page(ctx, p) for p in ctx.catalogue.practices})
    pages.update({f"{f.path}/index.md": render_facet_page(ctx, f) for f in FACETS})
    for value in ctx.index.all_values():
        pages.update(render_listing_pages(ctx, value))
    pages.update(render_all_practices_pages(ctx))
    return pages
