"""PDFs in each language: every language's factsheets and packs in its folder, linked from its pages,
with their text in the language and its script, and `esl-toolbox pdf --lang`."""

from __future__ import annotations

from pathlib import Path

from esl_toolbox.catalogue import Catalogue
from esl_toolbox.presentation.i18n import gettext_for
from fixture_project import copy_fixture_project, run_toolbox
from pdf_checks import Pdf
from site_html import read_page

TRANSLATED = "community-co-op-oslo"  # translated into Portuguese in the fixture
UNTRANSLATED = "reading-circles-across-europe"


def test_each_language_has_its_factsheets_and_packs(pdf_project: Path, catalogue: Catalogue):
    for prefix in ("", "pt/", "bg/"):
        folder = pdf_project / "site" / prefix / "pdf"
        assert {p.name for p in folder.glob("*.pdf")} >= {f"{p.id}.pdf" for p in catalogue.practices} | {"toolbox.pdf"}
        assert (folder / "pack-type-prevention.pdf").is_file()
    page = read_page(pdf_project / "site" / "pt" / "practices" / TRANSLATED / "index.html")
    assert f"../../pdf/{TRANSLATED}.pdf" in page.links()  # the Portuguese page links the Portuguese factsheet


def test_a_factsheets_text_round_trips_in_its_language_and_script(pdf_project: Path, catalogue: Catalogue):
    bulgarian = catalogue.in_language("bg").practice("school-integration-exchange-hub-plus")
    text = Pdf(pdf_project / "site" / "bg" / "pdf" / "school-integration-exchange-hub-plus.pdf").text()
    assert " ".join(bulgarian.summary.split())[:60] in text
    assert gettext_for("bg")("At a glance").upper() in text.upper()
    portuguese = catalogue.in_language("pt").practice(TRANSLATED)
    assert portuguese.title in Pdf(pdf_project / "site" / "pt" / "pdf" / f"{TRANSLATED}.pdf").text()


def test_a_translated_factsheet_says_what_is_unchecked_and_marks_english(pdf_project: Path):
    text = Pdf(pdf_project / "site" / "pt" / "pdf" / f"{UNTRANSLATED}.pdf").text()
    assert gettext_for("pt")("Parts not yet translated are in English.") in text


def test_the_pdf_command_writes_a_factsheet_in_a_language(pdf_project: Path, tmp_path: Path):
    project = copy_fixture_project(tmp_path / "project")
    out = tmp_path / "pt.pdf"
    result = run_toolbox(project, "pdf", "--lang", "pt", "--practice", TRANSLATED, "-o", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    assert Pdf(out).text() == Pdf(pdf_project / "site" / "pt" / "pdf" / f"{TRANSLATED}.pdf").text()
    refused = run_toolbox(project, "pdf", "--lang", "xx", "--practice", TRANSLATED, "-o", str(out))
    assert refused.returncode == 2 and "unknown language 'xx'" in refused.stderr
