"""axe-core finds no WCAG 2.2 A/AA or best-practice violation on every kind of page a visitor meets,
at desktop and phone widths, in English, Portuguese and Bulgarian; no page scrolls sideways on a
320-pixel screen; and no page asks any other host for anything."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Browser, Page

from .browsing import DESKTOP, PHONE

PAGES = {
    "home": "",
    "toolbox": "toolbox/?type=prevention&isced=1",  # filtered: some values count 0
    "toolbox-empty": "toolbox/?type=compensation&group=roma&q=zzzz",  # the empty state
    "practice": "practices/jet-cd/",
    "listing": "intervention-types/prevention/",
    "finder": "finder/?age=1&group=migrant-background&problem=families",
    "compare": "compare/?ids=jet-cd,community-co-op-oslo",
    "about": "about/",
}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
NARROW = {"width": 320, "height": 640}
# Every page in English at both widths; in Portuguese every page on a phone; in Bulgarian (Cyrillic)
# the three pages issue 13 names.
CASES = [(lang, name, width) for name in PAGES for width in WIDTHS for lang in [""]]
CASES += [("pt/", name, "phone") for name in PAGES]
CASES += [("bg/", name, "phone") for name in ("home", "toolbox", "practice")]
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"],
    },
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
    """A page at url in a fresh context, ready (its script has run), and the list of every request it makes."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    for ready in ("#toolbox", "#finder", "#compare"):
        if page.locator(ready).count():
            page.wait_for_selector(f"{ready}.{ready[1:]}-ready", state="attached")
    return page, requests


@pytest.mark.parametrize(("lang", "name", "width"), CASES, ids=[f"{lang or 'en/'}{n}-{w}" for lang, n, w in CASES])
def test_page_has_no_axe_violations_and_requests_only_the_site(
    browser: Browser, site_url: str, lang: str, name: str, width: str
) -> None:
    page, requests = open_page(browser, site_url + lang + PAGES[name], WIDTHS[width])
    try:
        if name.startswith("toolbox") and page.is_visible(".toolbox-toggle"):
            page.click(".toolbox-toggle")  # check the facets too, not only the folded panel
        if name == "practice":
            page.click(".fact-more summary")  # and the details behind the disclosure
        violations = axe_violations(page)
        assert not violations, "\n".join(violations)
        foreign = [url for url in requests if urlsplit(url).hostname != "127.0.0.1"]
        assert foreign == [], "requests to other hosts"
        assert len(requests) > 1
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", ["", "pt/", "bg/"])
def test_no_page_scrolls_sideways_on_a_320_pixel_screen(browser: Browser, site_url: str, lang: str) -> None:
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    try:
        for name, path in PAGES.items():
            page.goto(site_url + lang + path)
            page.wait_for_load_state("networkidle")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= NARROW["width"], f"{lang}{name} is {width} px wide"
    finally:
        context.close()


def test_the_header_search_leads_to_the_toolbox_with_the_words(browser: Browser, site_url: str) -> None:
    page, requests = open_page(browser, site_url + "practices/jet-cd/", DESKTOP)
    try:
        page.fill("#esl-search-q", "mentoring")
        page.keyboard.press("Enter")
        page.wait_for_selector("#toolbox.toolbox-ready")
        assert urlsplit(page.url).path.endswith("/toolbox/") and "q=mentoring" in page.url
        assert page.input_value("#toolbox-q") == "mentoring"
        violations = axe_violations(page)
        assert not violations, "\n".join(violations)
        assert [url for url in requests if urlsplit(url).hostname != "127.0.0.1"] == []
    finally:
        page.context.close()
