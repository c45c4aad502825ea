"""A practice's page and the home page as a teacher meets them, in a real browser: the facts at a
glance on one phone screen, "Try it in your school" near the top, copying the link, the language
switch that keeps the practice, the mark on a translation that is out of date, printing on at most
two A4 pages, the home page's ways in, and pages that do not move while they load."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlsplit

import pytest
from esl_toolbox.catalogue import Catalogue
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from .browsing import PHONE

LONGEST = "reading-circles-across-europe"  # the fixture's fullest record: steps, cost, evaluations, scale


def practice_url(site_url: str, practice_id: str, lang: str = "en") -> str:
    return f"{site_url}{'' if lang == 'en' else lang + '/'}practices/{practice_id}/"


@pytest.fixture
def phone(browser: Browser) -> Page:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


# --- at a glance -------------------------------------------------------------------------------------


def test_at_a_glance_fits_one_phone_screen_with_the_rest_behind_a_disclosure(phone: Page, site_url: str) -> None:
    phone.goto(practice_url(site_url, LONGEST))
    box = phone.locator(".fact-box").bounding_box()
    assert box["height"] <= PHONE["height"], f"the facts at a glance are {box['height']:.0f} px tall"
    more = phone.locator(".fact-more")
    expect(more.locator("dl")).to_be_hidden()
    more.locator("summary").click()
    expect(more.locator("dl")).to_be_visible()


def test_try_it_comes_before_the_description(page: Page, site_url: str) -> None:
    page.goto(practice_url(site_url, LONGEST))
    headings = page.locator(".md-content h2").all_text_contents()
    assert headings.index("Try it in your school") < headings.index("Description")
    steps = page.locator(".try-it ol li")
    assert steps.count() == 2


def test_the_links_at_a_glance_are_tap_targets_of_at_least_24_pixels(phone: Page, site_url: str) -> None:
    phone.goto(practice_url(site_url, LONGEST))
    heights = phone.eval_on_selector_all(".fact-box dd a", "links => links.map(a => a.getBoundingClientRect().height)")
    assert heights and min(heights) >= 24


# --- sharing ---------------------------------------------------------------------------------------


def test_copy_the_link_puts_the_pages_address_on_the_clipboard(
    browser: Browser, site_url: str, catalogue: Catalogue
) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(practice_url(site_url, "jet-cd"))
        button = page.locator(".share-copy__button")
        expect(button).to_have_text("Copy the link")
        button.click()
        expect(button).to_have_text("Link copied")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.endswith("/practices/jet-cd/") and copied.startswith("http")
        mail = page.get_by_role("link", name="by e-mail").get_attribute("href")
        query = parse_qs(urlsplit(mail).query)
        assert query["subject"] == [catalogue.practice("jet-cd").title] and copied in query["body"][0]
    finally:
        context.close()


def test_no_third_party_share_widget(page: Page, site_url: str) -> None:
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
    page.goto(practice_url(site_url, "jet-cd"))
    page.wait_for_load_state("networkidle")
    assert hosts == {urlsplit(site_url).hostname}


# --- languages -------------------------------------------------------------------------------------


def test_the_language_switch_keeps_the_practice(page: Page, site_url: str) -> None:
    page.goto(practice_url(site_url, "jet-cd"))
    page.locator(".md-select > button").hover()
    page.locator(".md-select__link[hreflang=pt]").click()
    assert page.url == practice_url(site_url, "jet-cd", "pt")
    expect(page.locator("html")).to_have_attribute("lang", "pt")
    page.locator(".md-select > button").hover()
    page.locator(".md-select__link[hreflang=bg]").click()
    assert page.url == practice_url(site_url, "jet-cd", "bg")


def test_a_translation_out_of_date_says_so_and_links_the_english(page: Page, site_url: str) -> None:
    page.goto(practice_url(site_url, "jet-cd", "pt"))
    stale = page.locator(".translation-note--stale")
    expect(stale.first).to_be_visible()
    english = stale.first.locator("a[hreflang=en]")
    assert english.get_attribute("href").endswith("practices/jet-cd/")
    expect(page.locator(".translation-status")).to_contain_text("verificada por um falante nativo")


def test_an_untranslated_practice_shows_its_english_marked_as_english(page: Page, site_url: str) -> None:
    page.goto(practice_url(site_url, LONGEST, "bg"))
    expect(page.locator(".practice-summary")).to_have_attribute("lang", "en")
    expect(page.locator(".translation-status")).to_be_visible()


# --- print -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("practice_id", [LONGEST, "jet-cd"])
def test_a_practice_prints_on_at_most_two_a4_pages_with_its_details(
    page: Page, site_url: str, practice_id: str
) -> None:
    page.goto(practice_url(site_url, practice_id))
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    assert len(pdf.pages) <= 2
    text = "".join(p.extract_text() for p in pdf.pages)
    assert "At a glance" in text and "Sources" in text
    assert "Download the factsheet" not in text and "Select language" not in text
    first = pdf.pages[0].extract_text()
    assert "Printed from" in first and f"/practices/{practice_id}/" in first, "the address in every page's margin"
    assert f"CC BY 4.0 · 1 / {len(pdf.pages)}" in first


# --- the home page ---------------------------------------------------------------------------------


def test_the_ways_in_open_the_toolbox_with_their_choices(page: Page, site_url: str) -> None:
    page.goto(site_url)
    ways = page.locator(".ways-in a[data-toolbox-query]")
    assert ways.count() >= 5
    first = ways.first
    query = first.get_attribute("data-toolbox-query")
    assert first.get_attribute("href").endswith(f"toolbox/?{query}")
    first.click()
    page.wait_for_selector("#toolbox.toolbox-ready")
    chosen = page.eval_on_selector_all(
        "#toolbox-filters input:checked", "boxes => boxes.map(b => b.name + '=' + b.value)"
    )
    wanted = [f"{key}={value}" for key, values in parse_qs(query).items() for value in values[0].split(",")]
    assert sorted(chosen) == sorted(wanted)


def test_without_javascript_the_ways_in_lead_to_listings(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url)
        for href in page.eval_on_selector_all(".ways-in a", "links => links.map(a => a.href)"):
            assert page.request.get(href).ok, href
    finally:
        context.close()


# --- stability -------------------------------------------------------------------------------------

LAYOUT_SHIFT = """() => new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(total), 1500);
})"""


@pytest.mark.parametrize(
    "path",
    [
        "",
        "toolbox/",
        "toolbox/?type=prevention",
        f"practices/{LONGEST}/",
        "finder/?age=1",
        "compare/?ids=jet-cd,community-co-op-oslo",
        "pt/toolbox/",
    ],
)
def test_pages_do_not_move_while_they_load(browser: Browser, site_url: str, path: str) -> None:
    for viewport in (PHONE, {"width": 1280, "height": 900}):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        try:
            page.goto(site_url + path)
            shift = page.evaluate(LAYOUT_SHIFT)
            assert shift < 0.05, f"cumulative layout shift {shift:.3f} at {viewport['width']} px"
        finally:
            context.close()
