"""What a teacher does with the toolbox's results in a real browser: the chips that name each choice,
the empty state that says which choice to drop, sorting, ticking practices to compare, printing the
results, and the page without JavaScript (every value a link to its listing)."""

from __future__ import annotations

import io
import math

from esl_toolbox.catalogue import Catalogue
from esl_toolbox.vocabularies import vocabulary
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from .test_toolbox import CARDS, address, box, expected, open_toolbox, shown


def order(page: Page) -> list[str]:
    return page.eval_on_selector_all(CARDS, "cards => cards.map(card => card.dataset.practiceId)")


def chips(page: Page) -> list[str]:
    return page.locator("#toolbox-chips button[data-remove]:not([data-remove=all])").all_text_contents()


# --- chips -----------------------------------------------------------------------------------------


def test_each_choice_shows_as_a_chip_that_removes_it(page: Page, site_url: str, catalogue: Catalogue) -> None:
    open_toolbox(page, site_url)
    expect(page.locator("#toolbox-chips")).to_be_hidden()
    box(page, "type", "prevention").check()
    box(page, "isced", "1").check()
    expect(page.locator("#toolbox-chips")).to_be_visible()
    prevention = "When it acts: Before problems start (prevention)"
    assert [chip.strip() for chip in chips(page)] == [prevention, "Age group: Primary school (ISCED 1)"]
    remove = page.get_by_role("button", name=f"Remove: {prevention}")
    remove.click()
    expect(box(page, "type", "prevention")).not_to_be_checked()
    assert shown(page) == expected(catalogue, {"isced": {"1"}})
    assert address(page) == {"isced": ["1"]}


def test_words_and_reviewed_only_have_chips_too(page: Page, site_url: str) -> None:
    open_toolbox(page, site_url, "?q=school&reviewed=1")
    texts = [chip.strip() for chip in chips(page)]
    assert texts == ["Words: school", "Reviewed practices only"]
    page.get_by_role("button", name="Remove: Words: school").click()
    expect(page.locator("#toolbox-q")).to_have_value("")
    assert address(page) == {"reviewed": ["1"]}


# --- the empty state -------------------------------------------------------------------------------


def test_no_match_says_which_choice_to_drop_and_drops_it(page: Page, site_url: str, catalogue: Catalogue) -> None:
    # Reviewed practices that are compensation and for early childhood: none in the fixture.
    open_toolbox(page, site_url, "?type=compensation&isced=0&reviewed=1")
    assert shown(page) == set()
    empty = page.locator("#toolbox-empty")
    expect(empty).to_be_visible()
    counts = {
        "“Compensation”": expected(catalogue, {"isced": {"0"}}, reviewed=True),
        "“Early childhood (ISCED 0)”": expected(catalogue, {"type": {"compensation"}}, reviewed=True),
        "“reviewed practices only”": expected(catalogue, {"type": {"compensation"}, "isced": {"0"}}),
    }
    best = max(counts, key=lambda choice: len(counts[choice]))
    assert counts[best], "the fixture has a choice whose removal gives practices"
    count = len(counts[best])
    noun = "practice does" if count == 1 else "practices do"
    expect(empty.locator(".toolbox-empty__message")).to_have_text(
        f"No practice matches all your choices. Without {best}, {count} {noun}."
    )
    empty.get_by_role("button", name=f"Remove {best}").click()
    expect(empty).to_be_hidden()
    assert shown(page) == counts[best]


def test_the_empty_state_offers_to_clear_everything(page: Page, site_url: str, catalogue: Catalogue) -> None:
    open_toolbox(page, site_url, "?q=zzzqqq")
    expect(page.locator("#toolbox-empty")).to_be_visible()
    page.locator("#toolbox-empty").get_by_role("button", name="Clear all choices").click()
    assert shown(page) == {p.id for p in catalogue.practices}
    assert address(page) == {}


# --- sorting ---------------------------------------------------------------------------------------


def test_sorting_by_title_newest_and_evidence(page: Page, site_url: str, catalogue: Catalogue) -> None:
    open_toolbox(page, site_url)
    by_title = [p.id for p in sorted(catalogue.practices, key=lambda p: p.title.casefold())]
    assert order(page)[:5] == by_title[:5]
    page.select_option("#toolbox-sort", "newest")
    newest = max(p.created for p in catalogue.practices)
    assert catalogue.practice(order(page)[0]).created == newest
    dates = [catalogue.practice(pid).created for pid in order(page)]
    assert dates == sorted(dates, reverse=True)
    assert address(page) == {"sort": ["newest"]}
    page.select_option("#toolbox-sort", "evidence")
    ranks = list(vocabulary("evidence_levels").terms)
    levels = [ranks.index(catalogue.practice(pid).evidence.level) for pid in order(page)]
    assert levels == sorted(levels, reverse=True) and levels[0] > levels[-1]
    page.reload()
    page.wait_for_selector("#toolbox.toolbox-ready")
    expect(page.locator("#toolbox-sort")).to_have_value("evidence")


# --- compare ---------------------------------------------------------------------------------------


def test_ticking_practices_fills_the_compare_bar_and_opens_the_comparison(page: Page, site_url: str) -> None:
    open_toolbox(page, site_url)
    bar = page.locator(".compare-bar")
    expect(bar).to_be_hidden()
    first, second = order(page)[:2]
    page.locator(f"{CARDS}[data-practice-id='{first}'] input[data-compare]").check()
    expect(bar).to_contain_text("1 practice chosen to compare (up to 4).")
    expect(bar.get_by_role("link")).to_have_attribute("aria-disabled", "true")
    page.locator(f"{CARDS}[data-practice-id='{second}'] input[data-compare]").check()
    expect(bar).to_contain_text("2 practices chosen to compare (up to 4).")
    assert address(page) == {"compare": [first, second]}
    bar.get_by_role("link", name="Compare them").click()
    page.wait_for_selector("#compare.compare-ready")
    assert page.url.endswith(f"compare/?ids={first},{second}")
    assert page.locator("#compare-table thead th").count() == 2


def test_a_fifth_practice_cannot_be_ticked(page: Page, site_url: str) -> None:
    open_toolbox(page, site_url)
    ids = order(page)
    for practice_id in ids[:4]:
        page.locator(f"{CARDS}[data-practice-id='{practice_id}'] input[data-compare]").check()
    expect(page.locator(f"{CARDS}[data-practice-id='{ids[4]}'] input[data-compare]")).to_be_disabled()
    page.get_by_role("button", name="Clear the comparison").click()
    expect(page.locator(".compare-bar")).to_be_hidden()
    expect(page.locator(f"{CARDS}[data-practice-id='{ids[4]}'] input[data-compare]")).to_be_enabled()


# --- print -----------------------------------------------------------------------------------------


def test_the_results_print_at_most_one_page_per_three_practices(page: Page, site_url: str) -> None:
    open_toolbox(page, site_url, "?type=prevention,intervention,compensation")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#toolbox-results .practice-card p:not(.badges)')]"
        ".every(p => p.textContent.trim())"
    )
    n = len(order(page))
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    assert len(pdf.pages) <= math.ceil(n / 3), f"{len(pdf.pages)} pages for {n} practices"
    text = "".join(p.extract_text() for p in pdf.pages)
    assert "Print or save these results" not in text and "Sort by" not in text
    assert f"{n} of {n} practices" in text


# --- without JavaScript ----------------------------------------------------------------------------


def test_without_javascript_every_value_is_a_link_to_its_listing(
    browser: Browser, site_url: str, catalogue: Catalogue
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}toolbox/")
        expect(page.locator("#toolbox-filters")).to_be_hidden()
        expect(page.locator("#toolbox-sort")).to_be_hidden()
        expect(page.get_by_role("button", name="Print or save these results")).to_be_hidden()
        browse = page.locator(".toolbox-browse")
        expect(browse).to_be_visible()
        link = browse.get_by_role("link", name="Prevention")
        link.first.click()
        prevention = {p.id for p in catalogue.practices if "prevention" in p.intervention_types}
        listed = set(
            page.eval_on_selector_all(
                ".practice-card :is(h2, h3) > a", "links => links.map(a => a.href.split('/').filter(Boolean).pop())"
            )
        )
        assert listed == prevention
        page.go_back()
        page.get_by_role("link", name="every practice from A to Z").first.click()
        assert page.locator(".practice-card").count() == len(catalogue.practices)
    finally:
        context.close()
