"""The briefing pack: cover, introduction, contents, practices by type, indexes, back page; links and metadata."""

from __future__ import annotations

import re

from esl_toolbox.catalogue import Catalogue
from esl_toolbox.presentation.resolve import resolve
from esl_toolbox.settings import load_settings
from esl_toolbox.vocabularies import vocabulary
from pdf_checks import Pdf, normalised

SECTIONS = ["Cover", "Introduction", "Contents", "The practices compared", "What the evidence shows"]
BACK = ["Index by country", "Index by ISCED level", "How to contribute"]


def pdfinfo_date(value: str) -> str:
    """pdfinfo's 'Mon Nov 23 00:00:00 2026 UTC' as 'Nov 23 2026', checking it is midnight UTC."""
    _, month, day, time, year, zone = value.split()
    assert (time, zone) == ("00:00:00", "UTC")
    return f"{month} {day} {year}"


def practice_pages(pack: Pdf) -> dict[str, int]:
    """Each practice's title and the page its bookmark points at."""
    return {p.title: p.page for section in pack.outline for p in section.children}


def contents_text(pack: Pdf) -> str:
    first_group = next(b for b in pack.outline if b.title not in SECTIONS)
    return pack.text(pack.bookmark("Contents").page, first_group.page - 1)


def test_pack_holds_every_practice_title(pack: Pdf, catalogue: Catalogue):
    text = pack.text()
    for practice in catalogue.practices:
        assert normalised(practice.title) in text, practice.id


def test_cover_states_the_title_edition_and_number_of_practices(pack: Pdf, catalogue: Catalogue):
    cover = pack.page_text(1)
    assert "Practices against early school leaving in Europe" in cover
    assert f"{len(catalogue.practices)} practices" in cover
    newest = max(d for p in catalogue.practices for d in (p.created, p.updated) if d)
    assert f"Edition of {newest.day} {newest:%B %Y}" in cover


def test_introduction_explains_prevention_intervention_and_compensation(pack: Pdf):
    page = pack.bookmark("Introduction").page
    text = pack.page_text(page)
    assert "early leavers from education and training" in text
    for term in vocabulary("intervention_types").terms.values():
        assert normalised(term.definition) in text


def test_outline_has_every_section_and_every_practice_under_its_type(pack: Pdf, catalogue: Catalogue):
    titles = [b.title for b in pack.outline]
    types = [t.label for t in vocabulary("intervention_types").terms.values()]
    assert titles == SECTIONS + [t for t in types if t in titles] + BACK
    filed = {p.title: vocabulary("intervention_types").label(p.intervention_types[0]) for p in catalogue.practices}
    for section in pack.outline:
        for practice in section.children:
            assert filed.pop(practice.title) == section.title
    assert filed == {}


def test_contents_page_numbers_point_at_each_practice(pack: Pdf, catalogue: Catalogue):
    contents = contents_text(pack)
    for practice in catalogue.practices:
        title = normalised(practice.title)
        match = re.search(re.escape(title) + r" (\d+)", contents)
        assert match, f"{practice.id} is not in the contents"
        page = int(match.group(1))
        assert title in normalised(pack.page_text(page).replace("\n", " ")), f"{practice.id}: page {page}"
        assert practice_pages(pack)[practice.title] == page


def test_contents_page_numbers_point_at_each_section(pack: Pdf):
    contents = contents_text(pack)
    for bookmark in pack.outline[1:]:
        if bookmark.title == "Contents":
            continue
        match = re.search(re.escape(bookmark.title) + r" (\d+)", contents)
        assert match and int(match.group(1)) == bookmark.page, bookmark.title


def test_country_index_lists_each_practice_with_its_page(pack: Pdf, catalogue: Catalogue):
    first = pack.bookmark("Index by country").page
    text = pack.text(first, pack.bookmark("Index by ISCED level").page - 1)
    pages = practice_pages(pack)
    countries = vocabulary("countries")
    for code in {c for p in catalogue.practices for c in p.countries}:
        holders = sorted((p for p in catalogue.practices if code in p.countries), key=lambda p: p.title.casefold())
        entry = " ".join(f"{normalised(p.title)} {pages[p.title]}" for p in holders)
        assert f"{countries.label(code)} {entry}" in text, code


def test_isced_index_lists_each_practice_with_its_page(pack: Pdf, catalogue: Catalogue):
    first = pack.bookmark("Index by ISCED level").page
    text = pack.text(first, pack.bookmark("How to contribute").page - 1)
    pages = practice_pages(pack)
    for level in {lvl for p in catalogue.practices for lvl in p.isced_levels}:
        holders = sorted((p for p in catalogue.practices if level in p.isced_levels), key=lambda p: p.title.casefold())
        entry = " ".join(f"{normalised(p.title)} {pages[p.title]}" for p in holders)
        assert f"{vocabulary('isced_levels').label(level)} {entry}" in text, level


def test_pages_have_running_headers_and_page_x_of_y(pack: Pdf):
    for bookmark in pack.outline[1:]:
        text = pack.page_text(bookmark.page)
        assert text.startswith("ESL Good Practice Toolbox · Briefing pack"), bookmark.title
        assert f"Page {bookmark.page} of {pack.pages}" in text
    prevention = pack.bookmark("Prevention")
    assert f"Briefing pack {prevention.title}" in pack.page_text(prevention.children[0].page)


def test_back_page_says_how_to_contribute_and_the_licence(pack: Pdf, pdf_project):
    text = pack.page_text(pack.pages)
    assert "How to contribute" in text
    assert "esl-toolbox validate" in text
    assert "CC BY 4.0" in text
    assert load_settings(pdf_project).repository in text


def test_internal_links_lead_to_existing_destinations(pack: Pdf, catalogue: Catalogue):
    destinations = pack.named_destinations()
    internal = {str(link["/Dest"]) for link in pack.links() if "/Dest" in link}
    assert {"introduction", "type-prevention", "index-country", "index-isced", "contribute"} <= internal
    assert {f"practice-{p.id}" for p in catalogue.practices} <= internal
    assert internal <= destinations


def test_external_links_include_every_practice_page_and_source(pack: Pdf, catalogue: Catalogue, pdf_project):
    settings = load_settings(pdf_project)
    uris = {str(link["/A"]["/URI"]) for link in pack.links() if "/A" in link}
    for practice in catalogue.practices:
        assert settings.page_url(f"practices/{practice.id}/") in uris
        for source in resolve(catalogue, practice).sources:
            assert (f"https://doi.org/{source.doi}" if source.doi else source.url) in uris


def test_metadata_names_title_author_subject_language_and_edition(pack: Pdf, catalogue: Catalogue):
    info = pack.info
    assert info["Title"] == "Practices against early school leaving in Europe: briefing pack"
    assert info["Author"] == "ESL Good Practice Toolbox"
    assert info["Subject"].startswith(f"{len(catalogue.practices)} practices against early school leaving")
    assert info["Page size"].endswith("(A4)")
    newest = max(d for p in catalogue.practices for d in (p.created, p.updated) if d)
    edition = f"{newest:%b} {newest.day} {newest.year}"
    assert pdfinfo_date(info["CreationDate"]) == pdfinfo_date(info["ModDate"]) == edition
    assert pack.reader.trailer["/Root"]["/Lang"] == "en"


def test_pack_is_a_tagged_pdf_ua_document(pack: Pdf):
    root = pack.reader.trailer["/Root"]
    assert pack.info["Tagged"] == "yes"
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert b'pdfuaid:part="1"' in pack.reader.xmp_metadata.stream.get_data()


def test_after_the_contents_every_practice_is_compared_on_one_line(pack: Pdf, catalogue: Catalogue):
    start = pack.bookmark("The practices compared").page
    text = pack.text(start, pack.bookmark("What the evidence shows").page - 1)
    for heading in ("Practice", "Intervention type", "Level of education", "Evidence", "Cost", "Scale"):
        assert heading in text
    for practice in catalogue.practices:
        assert normalised(practice.title) in text, practice.id
    row = text[text.index("Читалища в Битола") :]
    assert "mixed" in text  # the findings, under the level in its cell (pdftotext reads that line apart)
    for cell in ("Compensation, Intervention", "ISCED 2, 3", "Emergent", "Low cost", "310 young people (2024)"):
        assert cell in row[:400], cell


def test_a_one_page_summary_says_what_the_evidence_in_the_pack_shows(pack: Pdf, catalogue: Catalogue):
    page = pack.bookmark("What the evidence shows").page
    text = pack.page_text(page)
    evaluations = sum(len(p.evaluations) for p in catalogue.practices)
    unevaluated = sum(p.evidence.level == "not-evaluated" for p in catalogue.practices)
    assert f"Evaluations reported by the practices of this pack: {evaluations}." in text
    assert f"Practices that report no evaluation: {unevaluated}." in text
    assert "Mixed: 1 evaluation" in text
