"""axe-core finds no WCAG 2.1 A/AA or best-practice violation on the main kinds of page, at desktop and
phone widths and with the search dialog showing results; and no page asks any other host for anything."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Browser, Page

from .browsing import DESKTOP, PHONE

PAGES = {
    "home": "",
    "toolbox": "toolbox/?type=prevention&isced=1",  # filtered: some values count 0
    "practice": "practices/jet-cd/",
    "facet": "intervention-types/prevention/",
    "about": "about/",
}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}


def axe_violations(page: Page) -> list[str]:
    """One line per axe violation on the page as it is now: rule, impact, help and the elements."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']}\n"
        + "".join(f"    at {n['target']}: {n['failureSummary'].splitlines()[-1].strip()}\n" for n in v["nodes"][:5])
        for v in results["violations"]
    ]


def open_page(browser: Browser, url: str, viewport: dict) -> tuple[Page, list[str]]:
    """A page at url in a fresh context, and the list every request it makes is added to."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, requests


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_axe_violations_and_requests_only_the_site(
    browser: Browser, site_url: str, name: str, width: str
) -> None:
    page, requests = open_page(browser, site_url + PAGES[name], WIDTHS[width])
    try:
        if name == "toolbox":
            page.wait_for_selector("#toolbox.toolbox-ready")
            if page.is_visible(".toolbox-toggle"):
                page.click(".toolbox-toggle")  # check the facets too, not only the folded panel
        violations = axe_violations(page)
        assert not violations, "\n".join(violations)
        foreign = [url for url in requests if urlsplit(url).hostname != "127.0.0.1"]
        assert foreign == [], "requests to other hosts"
        assert len(requests) > 1
    finally:
        page.context.close()


def open_search(page: Page, word: str) -> None:
    """Open Material's search dialog the way a visitor does, type a word and wait for results."""
    page.click("label.md-header__button[for='__search']" if page.viewport_size["width"] < 960 else ".md-search__input")
    # Material searches on key presses, not on a pasted value.
    page.locator(".md-search__input").press_sequentially(word, delay=20)
    page.wait_for_selector(".md-search-result__item")


@pytest.mark.parametrize("width", WIDTHS)
def test_search_dialog_with_results_has_no_axe_violations(browser: Browser, site_url: str, width: str) -> None:
    page, requests = open_page(browser, site_url, WIDTHS[width])
    try:
        open_search(page, "mentoring")
        violations = axe_violations(page)
        assert not violations, "\n".join(violations)
        assert [url for url in requests if urlsplit(url).hostname != "127.0.0.1"] == []
    finally:
        page.context.close()
