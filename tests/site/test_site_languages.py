"""The site in ten languages: every language's pages at the same paths below /<lang>/ (English at the
root), the right <html lang>, hreflang links to the same page in every language, a switcher that stays
on the page, one sitemap with the alternates, translated text and labels, English shown where no
translation exists (marked), out-of-date translations flagged, the open data with the translations,
and PDFs in each language.

The shared build (conftest.built_project) makes English, Portuguese and Bulgarian with PDFs (their
PDFs: tests/pdf/test_pdf_languages.py); this module builds all ten once, without PDFs."""

from __future__ import annotations

import csv
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from esl_toolbox.catalogue import Catalogue, load_catalogue
from esl_toolbox.languages import language_codes, translated_codes
from esl_toolbox.model import Practice, field_meta
from esl_toolbox.presentation.i18n import gettext_for
from esl_toolbox.translations import fingerprint
from esl_toolbox.vocabularies import term_in
from site_html import read_page
from site_support import copy_project, run_toolbox

SITE_URL = "https://esl-toolbox.github.io/esl-toolbox/"
TRANSLATED = "community-co-op-oslo"  # translated into Portuguese in the fixture
STALE = "jet-cd"  # its Portuguese summary follows an older English text
UNTRANSLATED = "reading-circles-across-europe"
ENGLISH_ONLY = {"performance/index.html", "data-dictionary/index.html"}


@pytest.fixture(scope="module")
def every_language(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project built in all ten languages, without PDFs."""
    root = copy_project(tmp_path_factory.mktemp("languages") / "project")
    result = run_toolbox(root, "build", "--no-pdf", "--quiet")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def all_site(every_language: Path) -> Path:
    return every_language / "site"


@pytest.fixture(scope="module")
def records(every_language: Path) -> Catalogue:
    return load_catalogue(every_language, use_cache=False)


def pages_of(site: Path, prefix: str) -> set[str]:
    root = site / prefix
    others = {code for code in translated_codes() if code != prefix.strip("/")}
    found = set()
    for path in root.rglob("index.html"):
        relative = path.relative_to(root).as_posix()
        if relative.split("/")[0] in others | {"pagefind"}:
            continue
        found.add(relative)
    return found


def test_every_language_has_the_pages_of_english_at_the_same_paths(all_site: Path):
    english = pages_of(all_site, "")
    assert len(english) > 60
    for code in translated_codes():
        assert pages_of(all_site, f"{code}/") == english - ENGLISH_ONLY, code


@pytest.mark.parametrize("lang", language_codes())
def test_each_page_says_its_language(all_site: Path, lang: str):
    prefix = "" if lang == "en" else f"{lang}/"
    html = (all_site / prefix / "practices" / TRANSLATED / "index.html").read_text("utf-8")
    assert f'<html lang="{lang}"' in html
    # The interface in the language: the heading of the facts box, from the language's catalogue.
    assert gettext_for(lang)("At a glance") in html


def test_every_page_names_its_translations_with_hreflang(all_site: Path):
    page = read_page(all_site / "es" / "practices" / TRANSLATED / "index.html")
    alternates = {a["hreflang"]: a["href"] for t, a in page.elements if t == "link" and a.get("hreflang")}
    expected = {code: f"{SITE_URL}{'' if code == 'en' else code + '/'}practices/{TRANSLATED}/" for code in language_codes()}
    assert alternates == {**expected, "x-default": expected["en"]}


def test_the_language_switcher_stays_on_the_same_page(all_site: Path):
    page_path = all_site / "pt" / "practices" / TRANSLATED / "index.html"
    links = [a for t, a in read_page(page_path).elements if t == "a" and "md-select__link" in a.get("class", "")]
    assert [a["hreflang"] for a in links] == list(language_codes())
    for link in links:
        target = Path(os.path.normpath(page_path.parent / link["href"])) / "index.html"
        prefix = "" if link["hreflang"] == "en" else f"{link['hreflang']}/"
        assert target == all_site / prefix / "practices" / TRANSLATED / "index.html", link
        assert target.is_file()


def test_english_only_pages_lead_every_language_to_its_home(all_site: Path):
    page_path = all_site / "data-dictionary" / "index.html"
    page = read_page(page_path)
    assert not [a for t, a in page.elements if t == "link" and a.get("hreflang")]
    for link in [a for t, a in page.elements if t == "a" and "md-select__link" in a.get("class", "")]:
        target = Path(os.path.normpath(page_path.parent / link["href"])) / "index.html"
        assert target.is_file() and target.parent.name in (*translated_codes(), "site"), link
    maintainers = read_page(all_site / "pt" / "maintainers" / "index.html")
    assert "../../data-dictionary/" in maintainers.links()


def test_one_sitemap_lists_every_page_of_every_language_with_its_alternates(all_site: Path):
    root = ET.parse(all_site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {u.findtext("s:loc", namespaces=ns): u for u in root.findall("s:url", ns)}
    practice = urls[f"{SITE_URL}bg/practices/{TRANSLATED}/"]
    alternates = {link.get("hreflang"): link.get("href") for link in practice.findall("x:link", ns)}
    assert set(alternates) == set(language_codes())
    assert alternates["pt"] == f"{SITE_URL}pt/practices/{TRANSLATED}/"
    assert f"{SITE_URL}data-dictionary/" in urls and not urls[f"{SITE_URL}data-dictionary/"].findall("x:link", ns)
    assert len(urls) == sum(len(pages_of(all_site, "" if c == "en" else f"{c}/")) for c in language_codes())
    assert not list(all_site.glob("*/sitemap.xml")) and not (all_site / "sitemap.xml.gz").exists()


def test_a_translated_practice_reads_in_the_language_with_its_terms_and_country_names(
    all_site: Path, records: Catalogue
):
    translated = records.in_language("pt").practice(TRANSLATED)
    page = read_page(all_site / "pt" / "practices" / TRANSLATED / "index.html")
    assert translated.title in page.text and translated.summary in page.text
    assert term_in("intervention_types", "prevention", "pt").plain_label in page.text
    assert term_in("countries", "NO", "pt").label == "Noruega" and "Noruega" in page.text
    assert "Parts of this practice are not yet translated" not in page.text


def test_english_shown_for_want_of_a_translation_is_marked_and_said(all_site: Path, records: Catalogue):
    english = records.practice(UNTRANSLATED)
    html = (all_site / "pt" / "practices" / UNTRANSLATED / "index.html").read_text("utf-8")
    assert '<h1 id=' in html and 'lang="en"' in html.split("<h1", 1)[1].split(">", 1)[0]
    assert '<p class="practice-summary" lang="en">' in html
    assert '<div class="practice-description" lang="en">' in html
    text = read_page(all_site / "pt" / "practices" / UNTRANSLATED / "index.html").text
    assert gettext_for("pt")("This part has not been translated yet; it is shown in English.") in text
    intro = gettext_for("pt")(
        'Parts of this practice are not yet translated: they are shown in English and marked as such. '
        '<a href="%(url)s" hreflang="en">The whole practice in English</a>.'
    )
    assert intro.split("<a")[0].strip() in text
    assert " ".join(english.summary.split()) in text


def test_an_out_of_date_translation_is_flagged_with_a_link_to_the_english(all_site: Path):
    page = read_page(all_site / "pt" / "practices" / STALE / "index.html")
    _ = gettext_for("pt")
    status = _(
        'These parts changed in English after they were translated: %(parts)s. '
        '<a href="%(url)s" hreflang="en">Read the English version</a>.'
    )
    summary = _(field_meta(Practice, "summary").label)
    assert (status.split("<a")[0] % {"parts": summary}).strip() in page.text
    assert "../../../practices/jet-cd/" in page.links()
    html = (all_site / "pt" / "practices" / STALE / "index.html").read_text("utf-8")
    assert html.index('class="translation-note translation-note--stale"') > html.index('class="practice-summary"')


def test_the_unchecked_translation_says_so(all_site: Path):
    text = read_page(all_site / "bg" / "practices" / "school-integration-exchange-hub-plus" / "index.html").text
    assert gettext_for("bg")("The translation was made by the toolbox team and has not yet been checked by a native speaker.") in text


def test_the_open_data_carries_every_translation_with_its_status(all_site: Path, records: Catalogue):
    document = json.loads((all_site / "data" / "practices.json").read_text("utf-8"))
    assert document["languages"] == list(language_codes())
    entry = next(p for p in document["practices"] if p["id"] == STALE)
    summary = entry["translations"]["summary"]["pt"]
    assert summary["status"] == "unreviewed" and summary["out_of_date"] is True
    title = next(p for p in document["practices"] if p["id"] == TRANSLATED)["translations"]["title"]["pt"]
    assert title == {"text": records.in_language("pt").practice(TRANSLATED).title, "status": "unreviewed", "out_of_date": False}
    assert "translations" not in next(p for p in document["practices"] if p["id"] == UNTRANSLATED)


def test_each_language_has_its_csv_beside_the_english_one_with_the_same_columns(all_site: Path, records: Catalogue):
    english = list(csv.DictReader(io.StringIO((all_site / "data" / "practices.csv").read_text("utf-8"))))
    portuguese = list(csv.DictReader(io.StringIO((all_site / "data" / "practices.pt.csv").read_text("utf-8"))))
    assert list(english[0]) == list(portuguese[0]) and len(english) == len(portuguese)
    row = next(r for r in portuguese if r["id"] == TRANSLATED)
    assert row["summary"] == records.in_language("pt").practice(TRANSLATED).summary
    assert row["page_url"] == f"{SITE_URL}pt/practices/{TRANSLATED}/"
    for code in translated_codes():
        assert (all_site / "data" / f"practices.{code}.csv").is_file(), code


def test_the_toolbox_data_of_a_language_marks_titles_shown_in_english(all_site: Path, records: Catalogue):
    data = json.loads((all_site / "pt" / "data" / "toolbox.json").read_text("utf-8"))
    position = data["practices"]["id"].index(UNTRANSLATED)
    assert position in data["practices"]["english_titles"]
    assert data["practices"]["id"].index(TRANSLATED) not in data["practices"]["english_titles"]
    assert data["facets"][0]["label"] == gettext_for("pt")("When it acts")


def test_the_search_has_an_index_for_each_language(all_site: Path, records: Catalogue):
    entry = json.loads((all_site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert set(entry["languages"]) == set(language_codes())
    assert all(v["page_count"] == len(records.practices) for v in entry["languages"].values())


def test_a_build_of_chosen_languages_refuses_an_unknown_one(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    result = run_toolbox(project, "build", "--lang", "en,xx", "--no-pdf")
    assert result.returncode == 2 and "unknown language xx" in result.stderr
    assert not (project / "site").exists()


def test_fingerprints_in_the_fixture_follow_the_english(records: Catalogue):
    assert fingerprint(records.practice(TRANSLATED).title) == next(
        u.source for k, u in records.translation("pt", False, TRANSLATED).units.items() if k == "title"
    )


def test_links_into_the_languages_resolve(all_site: Path):
    for path in sorted(all_site.rglob("index.html"))[:400]:
        for address in read_page(path).links():
            parts = urlsplit(address)
            if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
                continue
            target = Path(os.path.normpath(path.parent / parts.path))
            target = target / "index.html" if parts.path.endswith("/") else target
            assert target.exists(), f"{path.relative_to(all_site)} links to missing {address}"
