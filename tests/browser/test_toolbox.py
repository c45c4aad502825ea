"""The toolbox page in a real browser: facets, counts, words, chips, the empty state, sorting, the
address, Back, the keyboard and the phone layout, each checked against a filter computed here from
the YAML records; and the cards the script makes from the data, checked against the ones the site
renders.

Words are searched in the site's search index (Pagefind) where there is one; tests that compare the
results with the records' titles and summaries block the index, so that the page searches those as
it does where no index is built (`esl-toolbox serve`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from esl_toolbox.catalogue import Catalogue
from esl_toolbox.model import Practice
from playwright.sync_api import Browser, Page, Route, expect

from .browsing import PHONE

# What each facet of the page reads from a record; written out here so the test does not trust
# the generator's own mapping.
FACET_FIELDS: dict[str, Callable[[Practice], list[str]]] = {
    "type": lambda p: list(p.intervention_types),
    "isced": lambda p: [str(level) for level in p.isced_levels],
    "group": lambda p: list(p.target_groups),
    "theme": lambda p: list(p.themes),
    "country": lambda p: list(p.countries),
    "level": lambda p: list(p.intervention_levels),
    "evidence": lambda p: [p.evidence.level],
    "design": lambda p: list(dict.fromkeys(e.design for e in p.evaluations)),
    "cost": lambda p: [p.cost.band] if p.cost and p.cost.band else [],
    "role": lambda p: list(p.audiences),
}
CARDS = "#toolbox-results > .practice-card:not([hidden])"


def folded_words(text: str) -> list[str]:
    """Lower-case words without accents, as a visitor may type them."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.findall(r"[^\W_]+", bare.lower())


def record_text(practice: Practice) -> str:
    """The words the toolbox finds a practice by without a search index: its title and summary."""
    return " ".join(folded_words(f"{practice.title} {practice.summary}"))


def expected(
    catalogue: Catalogue, facets: dict[str, set[str]] | None = None, q: str = "", reviewed: bool = False
) -> set[str]:
    """Ids of the practices the page should show: OR within a facet, AND across facets and words."""
    found = set()
    for practice in catalogue.practices:
        if any(values and not set(FACET_FIELDS[key](practice)) & values for key, values in (facets or {}).items()):
            continue
        text = record_text(practice)
        if not all(word in text for word in folded_words(q)):
            continue
        if reviewed and practice.review.status != "reviewed":
            continue
        found.add(practice.id)
    return found


def open_toolbox(page: Page, site_url: str, query: str = "", index: bool = False) -> None:
    """The toolbox page; without `index`, as where no search index is built (words in titles and summaries)."""
    if not index:
        page.route(re.compile(r"/pagefind/"), lambda route: route.abort())
    page.goto(f"{site_url}toolbox/{query}")
    page.wait_for_selector("#toolbox.toolbox-ready")
    if "q=" in query:
        wait_for_words(page)


def wait_for_words(page: Page) -> None:
    """Wait until the words in the search box are searched and the list filtered with them."""
    page.wait_for_function(
        "() => { const box = document.getElementById('toolbox'); return box.dataset.wordsFor === "
        "document.getElementById('toolbox-q').value && box.dataset.words !== 'pending'; }"
    )


def shown(page: Page) -> set[str]:
    return set(page.eval_on_selector_all(CARDS, "cards => cards.map(card => card.dataset.practiceId)"))


def box(page: Page, key: str, value: str):
    return page.locator(f"#toolbox-filters input[name='{key}'][value='{value}']")


def settle(page: Page) -> None:
    """Let the page run its pending zero-delay tasks: it writes the address just after the cards."""
    page.evaluate("() => new Promise(done => setTimeout(done, 0))")


def address(page: Page) -> dict[str, list[str]]:
    """The filter state in the page's address, each facet's values as a list."""
    settle(page)
    return {key: value[0].split(",") for key, value in parse_qs(urlsplit(page.url).query).items()}


def status_of(page: Page, catalogue: Catalogue, ids: set[str]) -> str:
    return f"{len(ids)} of {len(catalogue.practices)} practices"


def test_values_combine_with_or_within_a_facet_and_with_and_across_facets(
    page: Page, site_url: str, catalogue: Catalogue
) -> None:
    open_toolbox(page, site_url)
    assert shown(page) == {p.id for p in catalogue.practices}
    box(page, "type", "prevention").check()
    box(page, "type", "intervention").check()
    want = expected(catalogue, {"type": {"prevention", "intervention"}})
    assert shown(page) == want
    box(page, "isced", "2").check()
    want = expected(catalogue, {"type": {"prevention", "intervention"}, "isced": {"2"}})
    assert shown(page) == want
    assert 0 < len(want) < len(catalogue.practices)
    expect(page.get_by_role("status")).to_have_text(status_of(page, catalogue, want))
    assert address(page) == {"type": ["prevention", "intervention"], "isced": ["2"]}


def test_each_value_counts_the_practices_it_would_give(page: Page, site_url: str, catalogue: Catalogue) -> None:
    open_toolbox(page, site_url, "?type=prevention&isced=1")
    selected = {"type": {"prevention"}, "isced": {"1"}}
    counts = page.eval_on_selector_all(
        ".facet-count", "els => els.map(el => [el.dataset.facet, el.dataset.value, el.textContent.trim()])"
    )
    assert len(counts) > 10
    for key, value, text in counts:
        others = {k: v for k, v in selected.items() if k != key}
        if not expected(catalogue, {key: {value}}):
            assert text == "none yet", (key, value)  # a term no practice has yet: shown, not hidden
        else:
            assert text == str(len(expected(catalogue, {**others, key: {value}}))), (key, value)


def test_values_that_give_nothing_stay_focusable_but_are_marked(page: Page, site_url: str) -> None:
    open_toolbox(page, site_url, "?type=compensation")
    empty = page.locator("#toolbox-filters label.facet-value--zero:not(.facet-value--none)")
    assert empty.count() > 0
    first = empty.first.locator("input")
    expect(first).to_be_enabled()
    first.focus()
    expect(first).to_be_focused()
    assert empty.first.locator(".facet-count").text_content() == "0"


def test_words_narrow_the_results_ignoring_case_and_accents(page: Page, site_url: str, catalogue: Catalogue) -> None:
    open_toolbox(page, site_url)
    search = page.locator("#toolbox-q")
    for query in ("ESCOLA", "Éscola", "mentoring school", "portugal", "Sagène"):
        search.fill(query)
        wait_for_words(page)
        want = expected(catalogue, q=query)
        assert 0 < len(want) < len(catalogue.practices), query
        assert shown(page) == want, query
    search.fill("mentoring zzzz")
    wait_for_words(page)
    assert shown(page) == set()
    expect(page.get_by_role("status")).to_have_text(f"0 of {len(catalogue.practices)} practices")


def test_words_find_a_practice_by_a_word_only_in_its_summary(page: Page, site_url: str, catalogue: Catalogue) -> None:
    sagene = [p for p in catalogue.practices if "Sagene" in p.summary]
    assert sagene and all("sagene" not in p.title.lower() for p in sagene)
    open_toolbox(page, site_url, "?q=sagene")
    assert shown(page) == {p.id for p in sagene}
    expect(page.get_by_role("status")).to_have_text(status_of(page, catalogue, shown(page)))


def word_only_in_a_description(catalogue: Catalogue) -> tuple[str, Practice]:
    """A word of one practice's description that no title, summary or other description has."""

    def words(text: str) -> set[str]:
        return set(re.findall(r"[a-z]{7,}", text.lower()))

    everything_else = {
        practice.id: words(
            " ".join(
                [practice.title, practice.summary, *(o.description for o in catalogue.practices if o is not practice)]
            )
        )
        for practice in catalogue.practices
    }
    for practice in catalogue.practices:
        only_here = sorted(words(practice.description) - everything_else[practice.id])
        if only_here:
            return only_here[0], practice
    raise AssertionError("the fixture project needs a description with a word of its own")


def test_words_search_every_word_of_a_practice_with_the_sites_index(
    page: Page, site_url: str, catalogue: Catalogue
) -> None:
    word, practice = word_only_in_a_description(catalogue)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_toolbox(page, site_url, f"?q={word}", index=True)
    assert page.get_attribute("#toolbox", "data-words") == "index"
    assert shown(page) == {practice.id}
    expect(page.locator("#toolbox-status")).to_have_text(f"1 of {len(catalogue.practices)} practices")
    assert any("/pagefind/" in url for url in requests)
    assert [url for url in requests if urlsplit(url).hostname != "127.0.0.1"] == []


def test_without_the_index_a_word_only_in_a_description_is_not_found(
    page: Page, site_url: str, catalogue: Catalogue
) -> None:
    word, _practice = word_only_in_a_description(catalogue)
    open_toolbox(page, site_url, f"?q={word}")
    assert page.get_attribute("#toolbox", "data-words") == "titles"
    assert shown(page) == set()


def test_when_the_summaries_fail_to_load_words_still_match_titles(
    page: Page, site_url: str, catalogue: Catalogue
) -> None:
    page.route(re.compile(r"/data/toolbox/summaries-\d+\.json$"), lambda route: route.abort())
    open_toolbox(page, site_url)
    page.locator("#toolbox-q").fill("mentoring")
    wait_for_words(page)
    in_titles = {p.id for p in catalogue.practices if "mentoring" in p.title.lower()}
    expect(page.get_by_role("status")).to_have_text(
        f"{len(in_titles)} of {len(catalogue.practices)} practices"
        " (words searched in the titles only: the summaries did not load)"
    )
    assert shown(page) == in_titles


def test_words_and_facets_combine(page: Page, site_url: str, catalogue: Catalogue) -> None:
    open_toolbox(page, site_url, "?q=school&type=intervention")
    assert shown(page) == expected(catalogue, {"type": {"intervention"}}, q="school")


def test_reviewed_only_shows_reviewed_practices(page: Page, site_url: str, catalogue: Catalogue) -> None:
    open_toolbox(page, site_url)
    page.get_by_label("Reviewed practices only").check()
    want = expected(catalogue, reviewed=True)
    assert want and shown(page) == want
    assert address(page) == {"reviewed": ["1"]}


def test_back_restores_the_previous_state(page: Page, site_url: str, catalogue: Catalogue) -> None:
    open_toolbox(page, site_url)
    box(page, "type", "prevention").check()
    box(page, "isced", "3").check()
    settle(page)
    page.go_back()
    expect(box(page, "isced", "3")).not_to_be_checked()
    expect(box(page, "type", "prevention")).to_be_checked()
    assert address(page) == {"type": ["prevention"]}
    assert shown(page) == expected(catalogue, {"type": {"prevention"}})
    page.go_back()
    expect(box(page, "type", "prevention")).not_to_be_checked()
    assert shown(page) == {p.id for p in catalogue.practices}
    page.go_forward()
    expect(box(page, "type", "prevention")).to_be_checked()
    assert shown(page) == expected(catalogue, {"type": {"prevention"}})


def test_typing_updates_the_address_after_a_pause_and_back_undoes_it(
    page: Page, site_url: str, catalogue: Catalogue
) -> None:
    open_toolbox(page, site_url, "?type=prevention")
    page.locator("#toolbox-q").press_sequentially("mentor", delay=30)
    page.wait_for_url(re.compile(r"q=mentor"))
    page.locator("#toolbox-q").press_sequentially("ing", delay=30)
    page.wait_for_url(re.compile(r"q=mentoring"))
    wait_for_words(page)
    assert address(page) == {"type": ["prevention"], "q": ["mentoring"]}
    assert shown(page) == expected(catalogue, {"type": {"prevention"}}, q="mentoring")
    page.go_back()  # one entry for the whole search, not one per pause
    expect(page.locator("#toolbox-q")).to_have_value("")
    assert address(page) == {"type": ["prevention"]}


def test_a_shared_address_opens_the_same_view(page: Page, site_url: str, catalogue: Catalogue) -> None:
    open_toolbox(page, site_url, "?type=prevention,intervention&isced=2&q=school")
    expect(box(page, "type", "prevention")).to_be_checked()
    expect(box(page, "type", "intervention")).to_be_checked()
    expect(box(page, "isced", "2")).to_be_checked()
    expect(page.locator("#toolbox-q")).to_have_value("school")
    assert shown(page) == expected(catalogue, {"type": {"prevention", "intervention"}, "isced": {"2"}}, q="school")
    assert address(page) == {"type": ["prevention", "intervention"], "isced": ["2"], "q": ["school"]}


def test_clear_all_shows_everything_again(page: Page, site_url: str, catalogue: Catalogue) -> None:
    open_toolbox(page, site_url, "?type=compensation&q=school&reviewed=1")
    page.get_by_role("button", name="Clear all").click()
    assert shown(page) == {p.id for p in catalogue.practices}
    expect(page.locator("#toolbox-filters input:checked")).to_have_count(0)
    expect(page.locator("#toolbox-q")).to_have_value("")
    assert address(page) == {}


def test_everything_works_by_keyboard(page: Page, site_url: str, catalogue: Catalogue) -> None:
    open_toolbox(page, site_url)
    for _ in range(60):  # from the top of the page, Tab on to the search box, type, then on to a facet
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "toolbox-q":
            page.keyboard.type("school")
            wait_for_words(page)
            page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "type":
            break
    focused = page.evaluate("document.activeElement.value")
    page.keyboard.press("Space")
    want = expected(catalogue, {"type": {focused}}, q="school")
    assert shown(page) == want
    expect(page.get_by_role("status")).to_have_text(status_of(page, catalogue, want))
    assert address(page) == {"q": ["school"], "type": [focused]}
    page.keyboard.press("Space")
    assert shown(page) == expected(catalogue, q="school")
    outline = page.evaluate("getComputedStyle(document.activeElement.closest('label')).outlineStyle")
    assert outline == "solid", "the focused value shows a focus ring"


def test_the_status_line_is_a_polite_live_region(page: Page, site_url: str, catalogue: Catalogue) -> None:
    open_toolbox(page, site_url, "?type=intervention")
    status = page.get_by_role("status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text(status_of(page, catalogue, expected(catalogue, {"type": {"intervention"}})))


def test_on_a_phone_the_facets_fold_into_a_filters_button_with_large_targets(
    browser: Browser, site_url: str, catalogue: Catalogue
) -> None:
    context = browser.new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    try:
        open_toolbox(page, site_url, "?type=prevention")
        toggle = page.get_by_role("button", name=re.compile("^Filters"))
        expect(toggle).to_have_attribute("aria-expanded", "false")
        expect(page.locator("fieldset.facet").first).to_be_hidden()
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
        expect(page.locator("fieldset.facet").first).to_be_visible()
        targets = page.locator("#toolbox-filters label:has(input), #toolbox-filters button, #toolbox-q")
        small = [
            (targets.nth(i).text_content() or "").strip()
            for i in range(targets.count())
            if targets.nth(i).bounding_box()["height"] < 44
        ]
        assert small == []
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        box(page, "isced", "1").check()
        assert shown(page) == expected(catalogue, {"type": {"prevention"}, "isced": {"1"}})
    finally:
        context.close()


@pytest.mark.parametrize("query", ["", "?type=prevention"])
def test_every_card_matches_a_record_and_links_to_its_page(page: Page, site_url: str, query: str) -> None:
    open_toolbox(page, site_url, query)
    links = page.eval_on_selector_all(f"{CARDS} h2 a", "links => links.map(a => a.href)")
    ids = page.eval_on_selector_all(CARDS, "cards => cards.map(card => card.dataset.practiceId)")
    assert links == [f"{site_url}practices/{practice_id}/" for practice_id in ids]


# A card as a tree of tags, attributes and text, whitespace folded: what a visitor and a screen
# reader get from it, whichever way it was written. Links as the browser resolves them.
CARD_TREE = """card => {
  const tree = node => {
    if (node.nodeType === Node.TEXT_NODE) return node.data.replace(/\\s+/g, " ");
    const attributes = [...node.attributes]
      .filter(a => a.name !== "hidden")
      .map(a => a.name + "=" + (a.name === "href" ? node.href : a.value))
      .sort();
    let children = [...node.childNodes].filter(c => c.nodeType === Node.ELEMENT_NODE || c.nodeType === Node.TEXT_NODE);
    if (node.tagName === "LI") children = children.filter(c => c.nodeType === Node.ELEMENT_NODE);
    return `<${node.tagName.toLowerCase()} ${attributes.join(" ")}>${children.map(tree).join("")}</>`;
  };
  const copy = card.cloneNode(true);
  copy.normalize();
  return [card.dataset.practiceId, tree(copy)];
}"""


def card_trees(page: Page) -> dict[str, str]:
    return dict(page.eval_on_selector_all(CARDS, f"cards => cards.map({CARD_TREE})"))


def without_cards(route: Route) -> None:
    """The toolbox page as the server sends it, less its cards: the script has to make them all."""
    response = route.fetch()
    page = re.sub(r'<li class="practice-card.*?</li>\s*', "", response.text(), flags=re.S)
    route.fulfill(response=response, body=page)


def test_cards_the_script_makes_are_the_cards_the_site_renders(
    browser: Browser, page: Page, site_url: str, catalogue: Catalogue
) -> None:
    open_toolbox(page, site_url)
    rendered = card_trees(page)
    assert len(rendered) == len(catalogue.practices)
    reviewed = [p.id for p in catalogue.practices if p.review.status == "reviewed"]
    assert reviewed and "Not yet reviewed" not in rendered[reviewed[0]]
    context = browser.new_context()
    made = context.new_page()
    requests: list[str] = []
    made.on("request", lambda request: requests.append(request.url))
    try:
        made.route(re.compile(r"/toolbox/$"), without_cards)
        open_toolbox(made, site_url)
        made.wait_for_function("() => !document.querySelector('#toolbox-results > li > p:empty')")
        assert made.locator("#toolbox-results > li").count() == len(catalogue.practices)
        assert card_trees(made) == rendered
        assert any("/data/toolbox/summaries-0.json" in url for url in requests)
        assert [url for url in requests if urlsplit(url).hostname != "127.0.0.1"] == []
    finally:
        context.close()


def test_the_toolbox_requests_only_the_site(page: Page, site_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_toolbox(page, site_url, "?q=school&type=prevention")
    box(page, "isced", "2").check()
    assert any(url.endswith("/data/toolbox.json") for url in requests)
    assert [url for url in requests if urlsplit(url).hostname != "127.0.0.1"] == []
