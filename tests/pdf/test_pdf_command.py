"""`esl-toolbox pdf`: filtered packs, one factsheet, clear errors and nothing written when something is wrong."""

from __future__ import annotations

import shutil
from pathlib import Path

from esl_toolbox.catalogue import Catalogue
from pdf_checks import Pdf
from pdf_project import FIXTURES, run_pdf_command


def test_filtered_pack_holds_exactly_the_matching_practices(pdf_project: Path, catalogue: Catalogue, tmp_path: Path):
    target = tmp_path / "brief.pdf"
    filters = ["--type", "prevention,compensation", "--isced", "2", "--isced", "3", "--country", "pt,NO"]
    result = run_pdf_command(pdf_project, *filters, "-o", str(target))
    assert result.returncode == 0, result.stderr
    expected = {
        p.title
        for p in catalogue.practices
        if {"prevention", "compensation"} & set(p.intervention_types)
        and {2, 3} & set(p.isced_levels)
        and {"PT", "NO"} & set(p.countries)
    }
    pack = Pdf(target)
    assert {p.title for section in pack.outline for p in section.children} == expected
    assert len(expected) >= 2, "the fixture data should make this a real selection"
    cover = pack.page_text(1)
    assert f"{len(expected)} practices" in cover
    assert "Briefing pack: a selection" in cover
    assert "Intervention type Prevention or Compensation" in cover
    assert "Level of education Lower secondary education (ISCED 2) or Upper secondary education (ISCED 3)" in cover
    assert "Country Portugal or Norway" in cover
    assert "Portugal or Norway" in pack.info["Title"]


def test_pack_of_one_target_group(pdf_project: Path, catalogue: Catalogue, tmp_path: Path):
    target = tmp_path / "roma.pdf"
    result = run_pdf_command(pdf_project, "--group", "ethnic-minorities", "-o", str(target))
    assert result.returncode == 0, result.stderr
    expected = {p.title for p in catalogue.practices if "ethnic-minorities" in p.target_groups}
    assert {p.title for s in Pdf(target).outline for p in s.children} == expected


def test_no_matching_practice_is_an_error_naming_the_selection_and_writes_no_file(pdf_project: Path, tmp_path: Path):
    target = tmp_path / "empty.pdf"
    result = run_pdf_command(pdf_project, "--type", "compensation", "--country", "IS", "-o", str(target))
    assert result.returncode == 1
    assert "no practice matches intervention type Compensation and country Iceland" in result.stderr
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_unknown_filter_value_is_a_usage_error_with_a_suggestion(pdf_project: Path, tmp_path: Path):
    result = run_pdf_command(pdf_project, "--type", "preventon", "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 2
    assert "--type 'preventon': there is no such intervention type; did you mean 'prevention'?" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_practice_option_writes_its_factsheet(pdf_project: Path, tmp_path: Path):
    target = tmp_path / "sheet.pdf"
    result = run_pdf_command(pdf_project, "--practice", "reading-circles-across-europe", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert Pdf(target).outline[0].title.startswith("Círculos de leitura")
    missing = run_pdf_command(pdf_project, "--practice", "no-such-practice", "-o", str(tmp_path / "none.pdf"))
    assert missing.returncode == 1
    assert "no practice has the id 'no-such-practice'" in missing.stderr
    assert not (tmp_path / "none.pdf").exists()


def test_invalid_records_are_reported_line_by_line_and_nothing_is_written(pdf_project: Path, tmp_path: Path):
    root = tmp_path / "project"
    shutil.copytree(pdf_project / "practices", root / "practices")
    shutil.copy(pdf_project / "mkdocs.yml", root)
    shutil.copytree(pdf_project / "docs", root / "docs")
    shutil.copy(FIXTURES / "invalid" / "broken-record.yml", root / "practices")
    result = run_pdf_command(root, "--all", "--out-dir", "site/pdf")
    assert result.returncode == 1
    assert "practices/broken-record.yml:8:5: error: intervention_types[0]:" in result.stderr
    assert "did you mean 'prevention'?" in result.stderr
    assert not (root / "site").exists()


def test_wrong_usage_says_what_to_do(pdf_project: Path):
    cases = {
        ("--all",): "--all needs --out-dir DIR",
        (): "say where to write: -o FILE",
        ("--all", "--out-dir", "x", "--type", "prevention"): "leave out the filters",
        ("--practice", "jet-cd", "--country", "PT", "-o", "x.pdf"): "--practice writes one factsheet",
    }
    for args, message in cases.items():
        result = run_pdf_command(pdf_project, *args)
        assert result.returncode == 2, args
        assert message in result.stderr, args
