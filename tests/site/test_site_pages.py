"""The built site's pages: one per practice, a listing per facet value, the toolbox, home and about."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from esl_toolbox.presentation.resolve import resolve
from site_support import copy_project, run_toolbox
from esl_toolbox.catalogue import Catalogue
from esl_toolbox.languages import language_codes
from esl_toolbox.settings import load_settings
from esl_toolbox.vocabularies import VOCABULARY_FILES, vocabulary
from site_html import read_page

# Where each facet's listing pages live, and a practice's values for it, read straight from the records.
LISTINGS = {
    "intervention-types": lambda p: p.intervention_types,
    "isced": lambda p: p.isced_levels,
    "target-groups": lambda p: p.target_groups,
    "themes": lambda p: p.themes,
    "countries": lambda p: p.countries,
    "intervention-levels": lambda p: p.intervention_levels,
    "evidence-levels": lambda p: [p.evidence.level],
    "evaluation-designs": lambda p: list(dict.fromkeys(e.design for e in p.evaluations)),
    "cost-bands": lambda p: [p.cost.band] if p.cost and p.cost.band else [],
}
TOOLBOX_FACETS = ["type", "isced", "group", "theme", "country", "level", "evidence", "design", "cost", "role"]


def expected_listings(catalogue: Catalogue) -> dict[str, set[str]]:
    expected: dict[str, set[str]] = {}
    for practice in catalogue.practices:
        for folder, values_of in LISTINGS.items():
            for value in values_of(practice):
                expected.setdefault(f"{folder}/{value}", set()).add(practice.id)
    return expected


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_build_makes_a_page_for_every_practice(site: Path, catalogue: Catalogue):
    built = {p.parent.name for p in (site / "practices").glob("*/index.html")}
    assert built == {p.id for p in catalogue.practices}
    for practice in catalogue.practices:
        page = read_page(site / "practices" / practice.id / "index.html")
        assert practice.title in page.text
        assert " ".join(practice.summary.split()) in page.text


def test_every_listing_page_lists_exactly_the_practices_with_that_value(site: Path, catalogue: Catalogue):
    expected = expected_listings(catalogue)
    built = {f"{folder}/{page.parent.name}" for folder in LISTINGS for page in (site / folder).glob("*/index.html")}
    assert built == set(expected)
    for listing, ids in expected.items():
        cards = read_page(site / listing / "index.html").card_ids()
        assert sorted(cards) == sorted(ids), listing


def test_each_facet_page_links_to_all_its_listings(site: Path, catalogue: Catalogue):
    expected = expected_listings(catalogue)
    for folder in LISTINGS:
        links = set(read_page(site / folder / "index.html").links())
        values = {listing.split("/")[1] for listing in expected if listing.startswith(f"{folder}/")}
        assert {f"../{folder}/{v}/" for v in values} <= links, folder


def test_practice_pages_link_every_facet_value_to_its_listing(site: Path, catalogue: Catalogue):
    for practice in catalogue.practices:
        links = set(read_page(site / "practices" / practice.id / "index.html").links())
        for folder, values_of in LISTINGS.items():
            for value in values_of(practice):
                assert f"../../{folder}/{value}/" in links, (practice.id, folder, value)


def test_practice_page_shows_the_facts_names_and_a_quiet_correction_link(site: Path, catalogue: Catalogue):
    for practice in catalogue.practices:
        page = read_page(site / "practices" / practice.id / "index.html")
        for level in practice.isced_levels:
            assert vocabulary("isced_levels").terms[level].plain_label in page.text  # "Primary school (ISCED 1)"
        for country in practice.countries:
            assert vocabulary("countries").label(country) in page.text
        assert vocabulary("evidence_levels").terms[practice.evidence.level].definition in page.text
        (correction,) = page.with_class("a", "suggest-correction")
        assert correction["href"].startswith("https://github.com/esl-toolbox/esl-toolbox/issues/new?title=Correction")
        assert practice.id in correction["href"]
        assert not page.with_class("a", "md-button") or all(
            "/edit/" not in a.get("href", "") for a in page.with_class("a", "md-button")
        ), "no edit button beside the factsheet"
        for source in resolve(catalogue, practice).sources:
            assert source.title in page.text


def test_facts_the_sources_do_not_give_read_not_stated_instead_of_a_guess(site: Path, catalogue: Catalogue):
    unstated = [p for p in catalogue.practices if not p.isced_levels or not p.countries]
    assert unstated, "the real records include one whose source names no level of education (jet-cd)"
    for practice in unstated:
        text = read_page(site / "practices" / practice.id / "index.html").text
        if not practice.isced_levels:
            assert "Age group Not stated in the sources" in text, practice.id
        if not practice.countries:
            assert "Where Not stated in the sources" in text, practice.id


def test_submitted_practices_say_not_yet_reviewed_on_their_page_and_cards(site: Path, catalogue: Catalogue):
    toolbox = read_page(site / "toolbox" / "index.html")
    cards = {a["data-practice-id"]: a for a in toolbox.with_class("li", "practice-card")}
    for practice in catalogue.practices:
        page = read_page(site / "practices" / practice.id / "index.html")
        submitted = practice.review.status == "submitted"
        assert bool(page.with_class("span", "badge--submitted")) == submitted
        assert cards[practice.id]["data-review"] == practice.review.status


def test_toolbox_page_lists_every_practice_by_title_with_the_filters_of_the_contract(site: Path, catalogue: Catalogue):
    page = read_page(site / "toolbox" / "index.html")
    by_title = sorted(catalogue.practices, key=lambda p: (p.title.casefold(), p.id))
    assert page.card_ids() == [p.id for p in by_title]
    elements = dict((a.get("id"), (t, a)) for t, a in page.elements if a.get("id"))
    assert elements["toolbox"][1]["data-src"] == "../data/toolbox.json"
    assert elements["toolbox-filters"][1]["role"] == "search"
    assert elements["toolbox-q"][1]["type"] == "search"
    assert elements["toolbox-status"][1]["role"] == "status"
    assert elements["toolbox-results"][0] == "ul"
    assert [a["data-facet"] for a in page.with_class("fieldset", "facet")] == TOOLBOX_FACETS
    assert "esl-js-only" in elements["toolbox-filters"][1]["class"], "the form shows only where it works"
    checkboxes = [a for t, a in page.elements if t == "input" and a.get("type") == "checkbox" and "name" in a]
    assert {"name": "reviewed", "value": "1"}.items() <= checkboxes[0].items()
    data = json.loads((site / "data" / "toolbox.json").read_text("utf-8"))
    for facet in data["facets"]:
        shown = [(a["value"]) for a in checkboxes if a["name"] == facet["key"]]
        assert shown == [v["id"] for v in facet["values"]]
    counts = {(a["data-facet"], a["data-value"]) for a in page.with_class("span", "facet-count")}
    assert counts == {(f["key"], v["id"]) for f in data["facets"] for v in f["values"]}


def test_facet_counts_on_the_toolbox_page_match_the_records(site: Path, catalogue: Catalogue):
    text = (site / "toolbox" / "index.html").read_text("utf-8")
    counts = dict(re.findall(r'data-facet="isced" data-value="(\d)">(\d+)<', text))
    for level, count in counts.items():
        assert int(count) == sum(int(level) in p.isced_levels for p in catalogue.practices)


def test_home_page_counts_practices_and_shows_the_newest(site: Path, catalogue: Catalogue):
    page = read_page(site / "index.html")
    assert f"{len(catalogue.practices)} practice" in page.text
    newest = sorted(catalogue.practices, key=lambda p: (-p.created.toordinal(), p.id))[:6]
    assert page.card_ids() == [p.id for p in newest]
    for folder in ("isced", "target-groups", "countries", "intervention-types"):
        assert any(link.startswith(f"{folder}/") for link in page.links()), folder


def test_data_dictionary_lists_every_vocabulary_term_with_its_definition(site: Path):
    page = read_page(site / "data-dictionary" / "index.html")
    for key in VOCABULARY_FILES:
        for term in vocabulary(key).terms.values():
            assert term.label in page.text, (key, term.id)
            assert " ".join(term.definition.split()) in page.text, (key, term.id)
    assert "CC BY 4.0" in page.text and "MIT" in page.text


def test_data_dictionary_documents_every_record_field(site: Path):
    from esl_toolbox.model import Practice

    text = read_page(site / "data-dictionary" / "index.html").text
    for name in Practice.model_fields:
        assert name in text, name


def test_search_indexes_every_practice_page_and_nothing_else_in_each_language(site: Path, catalogue: Catalogue):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    for lang in ("en", "pt", "bg"):
        assert entry["languages"][lang]["page_count"] == len(catalogue.practices), lang
    # What the toolbox's words find in a browser: tests/browser/test_toolbox.py.


def _word_only_in_a_description(catalogue: Catalogue):
    def words(text: str) -> set[str]:
        return set(re.findall(r"[a-z]{6,}", text.lower()))

    for practice in catalogue.practices:
        others = " ".join(
            [practice.title, practice.summary] + [p.description for p in catalogue.practices if p is not practice]
        )
        only_here = sorted(words(practice.description) - words(others))
        if only_here:
            return only_here[0], practice
    pytest.skip("no description has a word of its own")


def test_every_internal_link_and_resource_resolves(site: Path, built: Path):
    base = urlsplit(load_settings(built).site_url).path  # 404.html links from the site's root path
    # The shared build makes three languages; the switcher names all ten (a full build: test_site_languages).
    left_out = [site / code for code in language_codes() if code != "en" and not (site / code).is_dir()]
    assert len(left_out) == len(language_codes()) - 3
    for path in html_files(site):
        page = read_page(path)
        for address in page.links() + page.resources():
            parts = urlsplit(address)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            if parts.path.startswith("/"):
                target = (site / parts.path.removeprefix(base)).resolve()
            else:
                target = (path.parent / parts.path).resolve()
            if parts.path.endswith("/"):
                target = target / "index.html"
            if any(folder in target.parents for folder in left_out):
                continue
            assert target.exists(), f"{path.relative_to(site)} links to missing {address}"


def test_navigation_does_not_list_the_practices(site: Path, catalogue: Catalogue):
    # Every page carries the navigation: listing the practices there would make the site quadratic.
    # The about page links no practice in its text, so any link to one would be the navigation's.
    links = read_page(site / "data-dictionary" / "index.html").links()
    assert not [link for link in links if "practices/" in link]
    biggest = max((site / "practices" / p.id / "index.html").stat().st_size for p in catalogue.practices)
    assert biggest < 60_000


def test_a_build_without_pdfs_links_no_pdf(tmp_path: Path):
    root = copy_project(tmp_path / "project")
    assert run_toolbox(root, "build", "--no-pdf").returncode == 0
    site = root / "site"
    assert not (site / "pdf").exists()
    for path in html_files(site):
        assert not [link for link in read_page(path).links() if link.endswith(".pdf")], path


def test_a_practice_page_leads_with_evidence_cost_scale_and_level_then_how_to_start(site: Path):
    page = read_page(site / "practices" / "reading-circles-across-europe" / "index.html")
    text = page.text
    glance = text[text.index("At a glance") : text.index("Try it in your school")]
    for fact in ("Evidence Emergent · mixed", "Cost Low cost : €260 per participant per year (2024 prices)",
                 "ages 15 to 24", "EQF level 2", "More details", "Scale 310 young people (2024)"):  # fmt: skip
        assert fact in glance, fact
    assert glance.index("Evidence") < glance.index("Cost") < glance.index("Age group") < glance.index("More details")
    # The details that do not decide a first look wait behind a disclosure.
    assert glance.index("More details") < glance.index("Scale") and page.with_class("details", "fact-more")
    how = text[text.index("Try it in your school") :]
    for fact in ("First steps", "Train two volunteers per circle.", "Staff and time", "How long learners take part",
                 "What you need", "Contact"):  # fmt: skip
        assert fact in how, fact
    assert "https://reading-circles.test/contact" in page.links()


def test_the_original_name_is_marked_with_its_language(site: Path):
    page = read_page(site / "practices" / "reading-circles-across-europe" / "index.html")
    (original,) = [a for t, a in page.elements if t == "p" and "practice-original" in a.get("class", "")]
    assert original["lang"] == "pt"
    assert "Círculos de leitura para jovens (CLJ)" in page.text


def test_evaluations_funding_and_phases_have_their_sections(site: Path):
    page = read_page(site / "practices" / "reading-circles-across-europe" / "index.html")
    text = page.text
    assert "What the evidence shows" in text and "Before-and-after study, Test fixture evaluators, 2024" in text
    assert "Finding Mixed" in text and "Sample 120 young people" in text
    assert "../../evaluation-designs/before-after/" in page.links() and "#source-1" in page.links()
    assert "Municipality of Alcobaça (test fixture) €1,500 per year 20%" in text
    assert "Pilot in Alcobaça" in text and "Four circles in one town." in text
    assert page.with_class("table", "funding-table") and page.with_class("ol", "timeline")


def test_cards_say_evidence_and_cost_in_a_few_words(site: Path):
    page = read_page(site / "toolbox" / "all" / "index.html")
    assert "Evidence: Emergent · mixed · Low cost" in page.text
    assert "Evidence: Not yet evaluated" in page.text


def test_text_in_a_print_style_cannot_close_its_string_or_the_style_element():
    from esl_toolbox.site.pages import css_string

    quoted = str(css_string('Printed from "x" \\ </style><script>alert(1)</script>\nnext'))
    assert quoted.startswith('"') and quoted.endswith('"')
    inner = quoted[1:-1]
    assert '"' not in inner and "<" not in inner and ">" not in inner and "\n" not in inner
    assert "\\22 x\\22 " in inner and "\\5c " in inner and "\\3c /style\\3e " in inner


def test_a_printed_practice_names_its_address_and_date_in_the_page_margin(site: Path):
    page = (site / "practices" / "jet-cd" / "index.html").read_text("utf-8")
    style = re.search(r'<style media="print">@page \{ @bottom-left \{ content: "([^"]*)"; \} \}</style>', page)
    assert style, "the practice page carries its print margin line"
    assert "Printed from https://" in style.group(1) and "/practices/jet-cd/" in style.group(1)
    assert "Added " in style.group(1)
