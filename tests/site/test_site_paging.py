"""Pages stay small however many practices there are: listings and the A-Z list come in pages."""

from __future__ import annotations

import math
import re
from pathlib import Path

from esl_toolbox.catalogue import Catalogue, load_catalogue
from esl_toolbox.settings import load_settings
from esl_toolbox.site.facets import by_title
from esl_toolbox.site.pages import PAGE_SIZE, TOOLBOX_CARDS, SiteContext, render_pages, page_paths

REPO = Path(__file__).resolve().parents[2]
# A card is an item of class practice-card; the practice is the one its heading links to.
CARD = re.compile(r'<li class="practice-card[^"]*"[^>]*>\s*<h\d><a href="[^"]*practices/([^/"]+)/"')


def big_catalogue(count: int) -> Catalogue:
    """`count` practices made from the real ones, with ids and titles of their own."""
    real = load_catalogue(REPO)
    practices = [
        real.practices[i % len(real.practices)].model_copy(
            update={"id": f"practice-{i:04d}", "title": f"Practice {i:04d}", "related": []}
        )
        for i in range(count)
    ]
    return Catalogue(tuple(practices), real.projects)


def cards(page: str) -> list[str]:
    return CARD.findall(page)


def pages_of(pages: dict[str, str], first: str) -> list[str]:
    """The Markdown of a paged list, first page first: 'isced/1.md', 'isced/1/page-2.md', ..."""
    base = first.removesuffix(".md")
    rest = sorted((p for p in pages if p.startswith(f"{base}/page-")), key=lambda p: int(re.findall(r"\d+", p)[-1]))
    return [pages[first]] + [pages[p] for p in rest]


def test_listings_come_in_pages_that_together_hold_exactly_their_practices():
    catalogue = big_catalogue(3 * PAGE_SIZE + 7)
    pages = render_pages(SiteContext(catalogue, load_settings(REPO), with_pdf=False))
    ids = [p.id for p in by_title([p for p in catalogue.practices if 1 in p.isced_levels])]
    listing = pages_of(pages, "isced/1.md")
    assert len(listing) == math.ceil(len(ids) / PAGE_SIZE)
    assert [card for page in listing for card in cards(page)] == ids
    assert all(len(cards(page)) <= PAGE_SIZE for page in listing)
    assert 'rel="next"' in listing[0] and 'aria-current="page"' in listing[0]


def test_the_toolbox_page_renders_the_first_cards_and_links_the_full_a_to_z_list():
    catalogue = big_catalogue(2 * PAGE_SIZE + 1)
    pages = render_pages(SiteContext(catalogue, load_settings(REPO), with_pdf=False))
    ordered = [p.id for p in by_title(catalogue.practices)]
    assert cards(pages["toolbox/index.md"]) == ordered[:TOOLBOX_CARDS]
    assert 'href="../toolbox/all/"' in pages["toolbox/index.md"]
    everything = pages_of(pages, "toolbox/all.md")
    assert len(everything) == 3
    assert [card for page in everything for card in cards(page)] == ordered
    assert 'href="../../../toolbox/all/page-3/"' in everything[1]


def test_a_small_toolbox_lists_every_practice_on_one_page():
    catalogue = load_catalogue(REPO)
    pages = render_pages(SiteContext(catalogue, load_settings(REPO), with_pdf=False))
    assert sorted(cards(pages["toolbox/index.md"])) == sorted(p.id for p in catalogue.practices)
    assert not any("/page-" in path for path in pages)


def test_page_paths_names_every_page_render_pages_makes_without_rendering_them():
    catalogue = big_catalogue(2 * PAGE_SIZE + 3)
    for lang in ("en", "pt"):
        ctx = SiteContext(catalogue.in_language(lang), load_settings(REPO), with_pdf=False, lang=lang, source=catalogue)
        assert page_paths(ctx) == set(render_pages(ctx))
