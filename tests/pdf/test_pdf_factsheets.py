"""Factsheets: one or two A4 pages per practice with its facts, text, sources and page address."""

from __future__ import annotations

import shutil
from pathlib import Path

from esl_toolbox.catalogue import Catalogue, load_catalogue
from esl_toolbox.pdf import build_pdfs
from esl_toolbox.settings import load_settings
from esl_toolbox.vocabularies import vocabulary
from fixture_project import copy_fixture_project
from pdf_checks import Pdf, normalised
from pdf_project import GLYPH_RECORD, glyph_record, run_pdf_command
from PIL import Image

SITE = load_settings(Path(__file__).resolve().parents[2]).site_url


def test_build_pdfs_writes_a_factsheet_per_practice_and_the_pack(tmp_path: Path):
    root = copy_fixture_project(tmp_path / "project")
    for record in (root / "practices").glob("*.yml"):
        if record.name != glyph_record().name:
            record.unlink()
    shutil.rmtree(root / "practices" / "projects")
    shutil.rmtree(root / "practices" / "translations")
    catalogue = load_catalogue(root)
    out = tmp_path / "site" / "pdf"
    written = build_pdfs(catalogue, out, load_settings(root))
    practice = catalogue.practices[0]
    types = [t for t in ("prevention", "intervention", "compensation") if t in practice.intervention_types]
    packs = [f"pack-type-{t}.pdf" for t in types] + [
        f"pack-isced-{level}.pdf" for level in sorted(practice.isced_levels)
    ]
    assert written == [out / f"{practice.id}.pdf", out / "toolbox.pdf", *(out / name for name in packs)]
    assert sorted(out.iterdir()) == sorted(written), "no temporary files are left behind"
    assert all(path.read_bytes().startswith(b"%PDF-1.7") for path in written)


def test_every_practice_has_a_factsheet_with_its_title_and_page_address(factsheet, catalogue: Catalogue):
    for practice in catalogue.practices:
        text = factsheet(practice.id).text()
        assert normalised(practice.title) in text, practice.id
        assert f"{SITE}practices/{practice.id}/" in text


def test_every_factsheet_fits_on_one_or_two_a4_pages(factsheet, catalogue: Catalogue):
    for practice in catalogue.practices:
        sheet = factsheet(practice.id)
        assert 1 <= sheet.pages <= 2, f"{practice.id} has {sheet.pages} pages"
        assert sheet.info["Page size"].endswith("(A4)")


def test_factsheet_fact_box_names_levels_groups_countries_and_evidence_meaning(factsheet, catalogue: Catalogue):
    practice = catalogue.practice("reading-circles-across-europe")
    text = factsheet(practice.id).text()
    for label in ("At a glance", "Evidence", "Cost", "Scale", "Intervention types", "Levels of education"):
        assert label.upper() in text.upper()
    for label in ("Target groups", "Countries", "Period", "Funding"):
        assert label in text
    levels = "Lower secondary education (ISCED 2), Upper secondary education (ISCED 3) · ages 15 to 24 · EQF level 2"
    assert levels in text
    assert "Low cost €260 per participant per year (2024 prices)" in text
    assert "310 young people (2024)" in text
    assert "TRY IT IN YOUR SCHOOL" in text.upper() and "Train two volunteers per circle." in text
    assert "Learners from ethnic minorities" in text
    assert "Portugal, Norway, Latvia, Bulgaria, North Macedonia" in text
    assert "since September 2021" in text
    assert "€120,000.50" in text
    evidence = vocabulary("evidence_levels").terms["emergent"]
    assert f"Evidence {evidence.label} level 2 of 4 · mixed" in text
    assert evidence.definition in text


def test_factsheet_has_the_text_sections_and_sources_as_citations(factsheet):
    text = factsheet("reading-circles-across-europe").text()
    for heading in ("WHAT IT DOES", "WHAT THE EVIDENCE SHOWS", "SOURCES"):
        assert heading in text
    assert "Test fixture, 2024. Círculos de leitura – test fixture source. https://reading-circles.test/leitura" in text
    assert (
        "Ferreira, A., Olsen, K., 6 July 2020. A second source with a DOI. ISBN 978-84-09-17979-4. "
        "Cited in source 1. https://doi.org/10.21125/edulearn.2020.0587"
    ) in text
    assert "Before-and-after study, Test fixture evaluators, 2024: mixed" in text


def test_project_practice_states_the_project_facts_with_its_name(factsheet, catalogue: Catalogue):
    practice = next(p for p in catalogue.practices if p.project == "pact")
    project = catalogue.project_of(practice)
    text = factsheet(practice.id).text()
    assert f"{project.acronym} – {project.title}" in text
    assert "Period of the whole PACT project." in text
    assert "for the whole PACT project" in text
    assert "Partners of the PACT project" in text
    for partner in project.organisations:
        assert partner.name in text


def test_factsheet_metadata_and_bookmarks(factsheet, catalogue: Catalogue):
    practice = catalogue.practice("reading-circles-across-europe")
    sheet = factsheet(practice.id)
    assert sheet.info["Title"] == practice.title
    assert sheet.info["Author"] == "ESL Good Practice Toolbox"
    assert normalised(sheet.info["Subject"]) == normalised(practice.summary)
    assert sheet.reader.trailer["/Root"]["/Lang"] == "en"
    assert sheet.info["Tagged"] == "yes"
    (title,) = sheet.outline
    assert title.title == practice.title
    assert [b.title for b in title.children] == [
        "Try it in your school",
        "What it does",
        "What the evidence shows",
        "Outcomes",
        "Conditions for transfer",
        "Phases",
        "Who, when, who pays",
        "Sources",
    ]


def test_factsheet_links_to_its_page_and_its_sources(factsheet):
    uris = {str(link["/A"]["/URI"]) for link in factsheet("reading-circles-across-europe").links() if "/A" in link}
    assert f"{SITE}practices/reading-circles-across-europe/" in uris
    assert "https://doi.org/10.21125/edulearn.2020.0587" in uris


def test_factsheet_opens_with_the_coloured_title_block(factsheet, tmp_path: Path):
    # What pdftoppm shows a reader: a deep blue title block across the top, white paper below it.
    sheet: Pdf = factsheet("reading-circles-across-europe")
    image_path = sheet.render_page(1, tmp_path / "page", resolution=30)
    image = Image.open(image_path).convert("RGB")
    width, height = image.size
    blue = image.getpixel((2, height // 8))
    assert blue[2] > blue[0] + 30 and sum(blue) < 250, blue
    assert image.getpixel((width // 2, height - 3)) == (255, 255, 255)


def test_a_factsheet_too_long_for_two_pages_is_shortened_and_says_where_the_rest_is(tmp_path: Path):
    root = copy_fixture_project(tmp_path / "project")
    record = root / "practices" / f"{GLYPH_RECORD}.yml"
    text = record.read_text("utf-8")
    paragraph = "  " + "Readers meet every week to read aloud and talk about the book of the month. " * 12 + "\n\n"
    text = text.replace("description: |\n", "description: |\n" + paragraph * 6)
    many = "".join(f"  - Activity number {n} of the circles, described at some length.\n" for n in range(30))
    text = text.replace("activities:\n", "activities:\n" + many)
    record.write_text(text, "utf-8")
    result = run_pdf_command(root, "--practice", GLYPH_RECORD, "-o", str(tmp_path / "long.pdf"))
    assert result.returncode == 0, result.stderr
    sheet = Pdf(tmp_path / "long.pdf")
    assert sheet.pages == 2
    shown = sheet.text()
    assert "This factsheet is shortened to fit two pages." in shown
    assert "Activity number 29" not in shown  # the list is cut, and the note says where it is whole


def test_a_short_record_keeps_every_section_of_its_factsheet(factsheet):
    text = factsheet("community-co-op-oslo").text()
    assert "shortened" not in text
    for heading in ("WHAT IT DOES", "WHAT THE EVIDENCE SHOWS", "OUTCOMES", "WHO, WHEN, WHO PAYS", "SOURCES"):
        assert heading in text


def test_a_factsheet_is_shortened_a_step_at_a_time_keeping_who_pays_and_the_evidence(tmp_path: Path):
    root = copy_fixture_project(tmp_path / "project")
    record = root / "practices" / f"{GLYPH_RECORD}.yml"
    many = "".join(f"  - Activity number {n} of the circles, described at some length.\n" for n in range(40))
    record.write_text(record.read_text("utf-8").replace("activities:\n", "activities:\n" + many), "utf-8")
    result = run_pdf_command(root, "--practice", GLYPH_RECORD, "-o", str(tmp_path / "long.pdf"))
    assert result.returncode == 0, result.stderr
    shown = Pdf(tmp_path / "long.pdf").text()
    assert "This factsheet is shortened to fit two pages." in shown
    assert "Activity number 2 " in shown and "Activity number 3 " not in shown
    assert "WHO, WHEN, WHO PAYS" in shown and "WHAT THE EVIDENCE SHOWS" in shown
