"""The finder and the comparison in a real browser: the finder ranks the practices by the answers and
says why each matches, with the answers in the address (Back works, nothing stored); compare shows two
to four practices side by side from ?ids=, stacked on a phone and on one landscape page in print. What
either reads from the address is untrusted: the project's XSS payloads do nothing but a plain message."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from esl_toolbox.catalogue import Catalogue
from playwright.sync_api import Browser, Page, Route, expect
from pypdf import PdfReader

from .browsing import PHONE

PAYLOADS = (Path(__file__).parents[1] / "fixtures" / "xss" / "payloads.txt").read_text("utf-8").splitlines()


def open_finder(page: Page, site_url: str, query: str = "") -> None:
    page.goto(f"{site_url}finder/{query}")
    page.wait_for_selector("#finder.finder-ready")


def ranked(page: Page) -> list[tuple[str, str]]:
    """Each result's practice id (from its link) and its "Matches: ..." line, in order."""
    return page.eval_on_selector_all(
        "#finder-list > li",
        "items => items.map(li => [li.querySelector('a').href.split('/').filter(Boolean).pop(),"
        " li.querySelector('.finder-why').textContent])",
    )


def no_storage(page: Page) -> None:
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.context.cookies() == []


# --- the finder ---------------------------------------------------------------------------------------


def test_answers_rank_the_practices_and_each_says_why(page: Page, site_url: str, catalogue: Catalogue) -> None:
    open_finder(page, site_url)
    expect(page.locator("#finder-status")).to_have_text("Answer a question to see the practices that fit.")
    page.get_by_label("Primary school (ISCED 1)").check()
    results = ranked(page)
    primary = {p.id for p in catalogue.practices if 1 in p.isced_levels}
    assert {pid for pid, _ in results} == primary
    assert all(why == "Matches: Primary school (ISCED 1)" for _, why in results)
    page.get_by_label("Learners with a migrant background").check()
    both = {p.id for p in catalogue.practices if 1 in p.isced_levels and "migrant-background" in p.target_groups}
    results = ranked(page)
    assert both and {pid for pid, _ in results[: len(both)]} == both  # those matching both come first
    assert "Learners with a migrant background" in results[0][1]
    assert page.url.endswith("finder/?age=1&group=migrant-background")
    no_storage(page)


def test_a_problem_and_a_role_rank_by_their_facets(page: Page, site_url: str, catalogue: Catalogue) -> None:
    open_finder(page, site_url, "?problem=families&role=teacher")
    families = {p.id for p in catalogue.practices if "parental-involvement" in p.themes}
    teachers = {
        p.id
        for p in catalogue.practices
        if {"teachers", "counsellors-psychologists", "social-workers"} & set(p.audiences)
    }
    results = dict(ranked(page))
    assert set(results) == families | teachers
    for practice_id in families & teachers:
        assert results[practice_id] == "Matches: Working with families, Teacher or school staff"


def test_the_answers_live_in_the_address_and_back_goes_to_the_previous_ones(page: Page, site_url: str) -> None:
    open_finder(page, site_url, "?age=2")
    expect(page.get_by_label("Lower secondary school (ISCED 2)")).to_be_checked()
    page.get_by_label("Upper secondary school (ISCED 3)").check()
    assert "age=2,3" in page.url
    page.go_back()
    expect(page.get_by_label("Upper secondary school (ISCED 3)")).not_to_be_checked()
    expect(page.get_by_label("Lower secondary school (ISCED 2)")).to_be_checked()
    page.get_by_role("button", name="Start again").click()
    expect(page.locator("#finder-status")).to_have_text("Answer a question to see the practices that fit.")
    assert urlsplit(page.url).query == ""


def test_the_finder_works_by_keyboard(page: Page, site_url: str) -> None:
    open_finder(page, site_url)
    page.get_by_label("Primary school (ISCED 1)").focus()
    page.keyboard.press("Space")
    expect(page.locator("#finder-list > li").first).to_be_visible()
    assert "age=1" in page.url


def test_unknown_answers_in_the_address_are_left_out_and_said_as_text(page: Page, site_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    payload = PAYLOADS[1]  # <img src=x onerror=...>
    open_finder(page, site_url, f"?age=1,{quote(payload)}&role={quote(PAYLOADS[0])}&group=no-such-group")
    notice = page.locator("#finder-notice")
    expect(notice).to_be_visible()
    assert payload in notice.text_content() and page.locator("#finder-notice img").count() == 0
    expect(page.get_by_label("Primary school (ISCED 1)")).to_be_checked()
    assert ranked(page), "the answers that are choices still rank the practices"
    assert dialogs == []


def test_without_javascript_the_finder_shows_links_to_the_listings(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}finder/")
        expect(page.locator("#finder-form")).to_be_hidden()
        links = page.locator(".finder-links a")
        assert links.count() > 5
        href = links.first.get_attribute("href")
        assert page.request.get(f"{site_url}finder/{href}").ok
    finally:
        context.close()


# --- compare ----------------------------------------------------------------------------------------


def open_compare(page: Page, site_url: str, query: str = "") -> None:
    page.goto(f"{site_url}compare/{query}")
    page.wait_for_selector("#compare.compare-ready")


def compared(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "#compare-table thead th a", "links => links.map(a => a.href.split('/').filter(Boolean).pop())"
    )


def test_two_practices_side_by_side_with_their_facts_and_sources(
    page: Page, site_url: str, catalogue: Catalogue
) -> None:
    open_compare(page, site_url, "?ids=jet-cd,reading-circles-across-europe")
    assert compared(page) == ["jet-cd", "reading-circles-across-europe"]
    rows = page.eval_on_selector_all("#compare-table tbody th", "ths => ths.map(th => th.textContent)")
    assert rows == ["At a glance", "Evidence", "Cost", "Scale", "Age group", "Who it is for", "How to start",
                    "Staff and time", "How long learners take part", "Sources"]  # fmt: skip
    reading = catalogue.practice("reading-circles-across-europe")
    cell = page.locator("#compare-table tbody tr:nth-child(3) td:nth-child(3)")
    expect(cell).to_contain_text("Low cost")
    steps = page.locator("#compare-table tbody tr:nth-child(7) td:nth-child(3) li").all_text_contents()
    assert steps == list(reading.implementation.getting_started)
    source_links = page.locator("#compare-table tbody tr:last-child td:nth-child(3) a")
    assert source_links.count() >= 1 and source_links.first.get_attribute("href").startswith("http")


def test_adding_and_removing_keep_the_address_shareable(page: Page, site_url: str) -> None:
    open_compare(page, site_url, "?ids=jet-cd")
    expect(page.locator(".compare-empty")).to_have_text("Add at least one more practice to compare.")
    page.select_option("#compare-choice", "community-co-op-oslo")
    page.get_by_role("button", name="Add", exact=True).click()
    page.wait_for_function("() => document.querySelectorAll('#compare-table thead th').length === 2")
    assert page.url.endswith("compare/?ids=jet-cd,community-co-op-oslo")
    page.get_by_role("button", name="Remove JET CD").click()
    page.wait_for_function("() => document.querySelectorAll('#compare-table thead th').length === 1")
    assert page.url.endswith("compare/?ids=community-co-op-oslo")
    page.go_back()
    page.wait_for_function("() => document.querySelectorAll('#compare-table thead th').length === 2")


def test_duplicates_unknown_ids_and_more_than_four_are_left_out_with_a_plain_message(
    page: Page, site_url: str, catalogue: Catalogue
) -> None:
    ids = [p.id for p in catalogue.practices]
    query = ",".join([ids[0], ids[0], "no-such-practice", *ids[1:6]])
    open_compare(page, site_url, f"?ids={query}")
    assert compared(page) == ids[:4]
    notice = page.locator("#compare-notice")
    expect(notice).to_contain_text("no-such-practice")
    expect(notice).to_contain_text("Only the first four practices are compared.")


@pytest.mark.parametrize("payload", PAYLOADS, ids=[f"xss{n + 1:02d}" for n in range(len(PAYLOADS))])
def test_an_address_with_a_payload_does_nothing_but_say_so(page: Page, site_url: str, payload: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_compare(page, site_url, f"?ids=jet-cd,{quote(payload, safe='')}")
    assert compared(page) == ["jet-cd"]
    expect(page.locator("#compare-notice")).to_be_visible()
    assert page.locator("#compare-notice *").count() == 0, "the message is text, never markup"
    page.goto(f"{site_url}toolbox/?q={quote(payload, safe='')}&type={quote(payload, safe='')}")
    page.wait_for_selector("#toolbox.toolbox-ready")
    scripts = page.evaluate("document.scripts.length")
    assert page.locator("#toolbox-chips img, #toolbox-chips script, #toolbox-notice *").count() == 0
    assert page.input_value("#toolbox-q") == payload[:200]
    assert dialogs == []
    assert page.evaluate("document.scripts.length") == scripts, "no script was added by the address"


def test_on_a_phone_the_practices_come_one_after_another(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        open_compare(page, site_url, "?ids=jet-cd,community-co-op-oslo")
        display = page.evaluate("getComputedStyle(document.querySelector('#compare-table tbody td')).display")
        assert display == "block"
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()


def lengthened(route: Route) -> None:
    """The compare data with every practice as long as the longest real records: twelve sources, four
    steps of two lines, long staffing and duration texts."""
    chunk = route.fetch().json()
    for practice in chunk["practices"]:
        rows = practice["rows"]
        rows["sources"] = [{"title": f"Evaluation report {n} of the programme, with its annexes", "url": f"https://example.org/{n}"}
                           for n in range(12)]  # fmt: skip
        rows["start"] = ["Agree with the municipality who refers the learners and how the school hears of them."] * 4
        rows["staffing"] = rows["duration"] = (
            "A coordinator, teachers who write and follow the plans, and support staff. " * 2
        )
    route.fulfill(json=chunk)


def test_four_long_practices_print_on_one_landscape_page(page: Page, site_url: str, catalogue: Catalogue) -> None:
    page.route("**/data/toolbox/compare-*.json", lengthened)
    ids = [p.id for p in catalogue.practices][:4]
    open_compare(page, site_url, "?ids=" + ",".join(ids))
    more = page.locator("#compare-table a.compare-more")
    expect(more).to_have_count(4)
    expect(more.first).to_have_text("and 9 more sources on the practice's page")
    assert more.first.get_attribute("href").rstrip("/").endswith(ids[0])
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    box = pdf.pages[0].mediabox
    assert float(box.width) > float(box.height), "landscape"
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert "Compare practices" in text and "How to start" in text and "Print this comparison" not in text
