"""The toolbox works with 10,000 practices, making the cards it shows from the data and fetching
the summaries only when it needs them. How quick a click is at that size: `make bench`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from esl_toolbox.site.data import SUMMARY_CHUNK
from playwright.sync_api import Page

from .browsing import serve
from .synthetic import FACET_VALUES, write_synthetic_site

PRACTICES = 10_000

TYPE = """words => {
  const field = document.getElementById("toolbox-q");
  field.value = words;
  field.dispatchEvent(new Event("input", {bubbles: true}));
}"""
CLICKS = [("type", "prevention"), ("isced", "2"), ("type", "compensation"), ("country", "CAB"), ("isced", "2")]
SHOWN = "#toolbox-results > .practice-card:not([hidden])"
SUMMARY_FILE = re.compile(r"/data/toolbox/summaries-(\d+)\.json$")


def click(page: Page, clicks: list[tuple[str, str]] = CLICKS) -> None:
    for key, value in clicks:
        page.click(f"input[name={key}][value='{value}']")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[dict]]]:
    root = tmp_path_factory.mktemp("synthetic")
    practices = write_synthetic_site(root, PRACTICES)
    for url in serve(root):
        yield url + "toolbox/", practices


def matching(practices: list[dict], selected: dict[str, set[str]]) -> list[dict]:
    return [p for p in practices if all(set(p[key]) & values for key, values in selected.items())]


def shown_ids(page: Page) -> list[str]:
    return page.eval_on_selector_all(SHOWN, "cards => cards.map(c => c.dataset.practiceId)")


def summary_chunks_fetched(requests: list[str]) -> set[int]:
    return {int(m.group(1)) for url in requests if (m := SUMMARY_FILE.search(urlsplit(url).path))}


def wait_for_summaries(page: Page) -> None:
    """Wait until the words typed are searched: the synthetic site has no search index, so the page
    has fetched every summary and searched the titles and summaries."""
    page.wait_for_function(
        "() => { const box = document.getElementById('toolbox'); return box.dataset.wordsFor === "
        "document.getElementById('toolbox-q').value && box.dataset.words === 'titles'; }"
    )


def test_facet_clicks_and_words_filter_10000_practices(page: Page, synthetic: tuple[str, list[dict]]) -> None:
    url, practices = synthetic
    page.goto(url)
    page.wait_for_selector("#toolbox.toolbox-ready")
    click(page)
    selected: dict[str, set[str]] = {}
    for key, value in CLICKS:
        selected.setdefault(key, set()).symmetric_difference_update({value})
    expected = matching(practices, {k: v for k, v in selected.items() if v})
    assert page.text_content("#toolbox-status") == f"{len(expected):,} of {PRACTICES:,} practices"
    click(page)  # the second round clears every box again
    assert page.text_content("#toolbox-status") == f"{PRACTICES:,} of {PRACTICES:,} practices"
    page.evaluate(TYPE, "mentoring")
    wait_for_summaries(page)
    words = [p for p in practices if "mentoring" in (p["title"] + " " + p["summary"]).lower()]
    page.wait_for_function(f"document.getElementById('toolbox-status').textContent.startsWith('{len(words):,} of')")


def test_clicking_every_facet_s_first_value_filters_the_real_toolbox(page: Page, site_url: str) -> None:
    page.goto(site_url + "toolbox/")
    page.wait_for_selector("#toolbox.toolbox-ready")
    first_values = page.eval_on_selector_all(
        "fieldset.facet > label:first-of-type > input", "boxes => boxes.map(box => [box.name, box.value])"
    )
    for key, value in first_values:
        count = page.text_content(f".facet-count[data-facet={key}][data-value='{value}']")
        count = "0" if count == "none yet" else count  # a term no practice has yet gives none
        click(page, [(key, value)])
        assert page.text_content("#toolbox-status").startswith(f"{count} of "), (key, value)
        click(page, [(key, value)])


def test_cards_made_from_the_data_follow_the_catalogue_order(page: Page, synthetic: tuple[str, list[dict]]) -> None:
    url, practices = synthetic
    page.goto(url + "?evidence=strong&q=reading")
    page.wait_for_selector("#toolbox.toolbox-ready")
    wait_for_summaries(page)
    expected = [p["id"] for p in practices if "strong" in p["evidence"] and "reading" in p["summary"]]
    assert shown_ids(page) == expected[:50]
    page.click(".toolbox-more")
    assert shown_ids(page) == expected[:100]
    assert page.evaluate("document.activeElement.closest('.practice-card').dataset.practiceId") == expected[50]


def recorded_requests(page: Page) -> list[str]:
    """The addresses the page requests from now on, as it requests them."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    return requests


def test_opening_the_page_fetches_only_the_summaries_of_the_cards_shown(
    page: Page, synthetic: tuple[str, list[dict]]
) -> None:
    url, practices = synthetic
    requests = recorded_requests(page)
    page.goto(url)
    page.wait_for_selector("#toolbox.toolbox-ready")
    first = page.locator(f"{SHOWN} > p:nth-of-type(1)").first
    page.wait_for_function("p => p.textContent !== ''", arg=first.element_handle())
    assert first.text_content() == practices[0]["summary"]
    assert summary_chunks_fetched(requests) == {0}  # the first 50 cards are all in the first chunk
    page.click(".toolbox-more")
    page.wait_for_function("() => document.querySelectorAll('#toolbox-results > li > p:empty').length === 0")
    assert summary_chunks_fetched(requests) == {0}
    assert all(urlsplit(request).hostname == "127.0.0.1" for request in requests), requests


def test_words_fetch_every_summary_and_find_a_practice_by_a_word_only_in_its_summary(
    page: Page, synthetic: tuple[str, list[dict]]
) -> None:
    url, practices = synthetic
    requests = recorded_requests(page)
    page.goto(url + "?country=CAB")
    page.wait_for_selector("#toolbox.toolbox-ready")
    page.fill("#toolbox-q", "homework")
    wait_for_summaries(page)
    chunks = -(-PRACTICES // SUMMARY_CHUNK)
    assert summary_chunks_fetched(requests) == set(range(chunks))
    expected = [p for p in matching(practices, {"country": {"CAB"}}) if "homework" in p["summary"]]
    assert expected and all("homework" not in p["title"].lower() for p in expected)
    assert shown_ids(page) == [p["id"] for p in expected[:50]]
    assert page.text_content("#toolbox-status") == f"{len(expected):,} of {PRACTICES:,} practices"


def test_cards_beyond_the_first_fifty_show_summaries_and_badges(page: Page, synthetic: tuple[str, list[dict]]) -> None:
    url, practices = synthetic
    page.goto(url + "?type=compensation")
    page.wait_for_selector("#toolbox.toolbox-ready")
    page.click(".toolbox-more")
    expected = matching(practices, {"type": {"compensation"}})[50:100]
    cards = page.locator(SHOWN)
    assert cards.count() == 100
    for n, practice in enumerate(expected[:5] + expected[-5:]):
        card = cards.nth(50 + n if n < 5 else 95 + n - 5)
        assert card.get_attribute("data-practice-id") == practice["id"]
        assert card.locator("h2 a").text_content() == practice["title"]
        page.wait_for_function("p => p.textContent !== ''", arg=card.locator("> p:nth-of-type(1)").element_handle())
        assert card.locator("> p:nth-of-type(1)").text_content() == practice["summary"]
        assert card.locator("p.card-glance").text_content() == practice["glance"]
        badges = card.locator("p.badges")
        types = badges.locator(".badge--type").all_text_contents()
        assert types == practice["type"]
        isced = ", ".join(practice["isced"])  # the plain words of each age group; here the ids
        assert f"{isced} · {', '.join(practice['country'])}" in badges.text_content()
        assert (badges.locator(".badge--submitted").count() == 0) is practice["reviewed"]
        if not practice["reviewed"]:
            assert badges.locator(".badge--submitted").text_content() == "Not yet reviewed"


def test_counts_at_scale_match_the_data(page: Page, synthetic: tuple[str, list[dict]]) -> None:
    url, practices = synthetic
    page.goto(url + "?type=prevention,compensation&reviewed=1")
    page.wait_for_selector("#toolbox.toolbox-ready")
    reviewed = [p for p in practices if p["reviewed"]]
    for value in FACET_VALUES["isced"]:
        want = len(matching(reviewed, {"type": {"prevention", "compensation"}, "isced": {value}}))
        assert page.text_content(f".facet-count[data-facet=isced][data-value='{value}']") == f"{want:,}"
    for value in FACET_VALUES["type"]:
        want = len(matching(reviewed, {"type": {value}}))
        assert page.text_content(f".facet-count[data-facet=type][data-value='{value}']") == f"{want:,}"
