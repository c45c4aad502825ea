"""`esl-toolbox new`: a commented template record that never overwrites."""

import datetime as dt

import pytest
from esl_toolbox.commands import main
from esl_toolbox.loader import load_document
from esl_toolbox.scaffold import ScaffoldProblem, create_record, slugify
from esl_toolbox.validation import validate_paths


def test_slug_is_derived_from_the_title_without_accents():
    assert slugify("Virtue Education in Rīga") == "virtue-education-in-riga"
    assert slugify("  21|23 Escola+ Plan!  ") == "21-23-escola-plus-plan"  # "+" is kept as a word
    assert slugify("Grünerløkka læringssenter, Łódź") == "grunerlokka-laeringssenter-lodz"


def test_new_writes_a_commented_template_with_the_schema_line(tmp_path):
    (tmp_path / "practices").mkdir()
    path = create_record(tmp_path, 'Homework club: "Oslo"', today=dt.date(2026, 11, 23))
    text = path.read_text()
    assert path.name == "homework-club-oslo.yml"
    assert text.startswith("# yaml-language-server: $schema=../schema/v2/practice.schema.json")
    assert "# One to three plain sentences on what the practice does and for whom" in text
    doc, problems = load_document(path)
    assert problems == [] and doc.data["title"] == 'Homework club: "Oslo"'
    assert doc.data["created"] == "2026-11-23"


def test_an_unfilled_template_fails_validation_only_on_its_placeholders(tmp_path):
    (tmp_path / "practices").mkdir()
    path = create_record(tmp_path, "Homework club")
    errors = validate_paths([path]).errors
    assert errors and all("placeholder" in p.message for p in errors)


def test_new_never_overwrites_an_existing_record(tmp_path, monkeypatch, capsys):
    (tmp_path / "practices").mkdir()
    existing = tmp_path / "practices" / "homework-club.yml"
    existing.write_text("id: homework-club\n")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "Homework club"]) == 1
    assert "already exists; nothing was written" in capsys.readouterr().err
    assert existing.read_text() == "id: homework-club\n"
    assert [p.name for p in (tmp_path / "practices").iterdir()] == ["homework-club.yml"]


def test_a_title_without_latin_letters_needs_an_explicit_id(tmp_path):
    (tmp_path / "practices").mkdir()
    with pytest.raises(ScaffoldProblem, match="--id"):
        create_record(tmp_path, "Здружение")
    assert create_record(tmp_path, "Здружение", slug="zdruzhenie").name == "zdruzhenie.yml"


def test_a_long_title_is_cut_at_a_word_and_a_plus_is_kept_as_a_word():
    assert slugify("SIEH+ School Integration Exchange Hub") == "sieh-plus-school-integration-exchange-hub"
    long = slugify("A very long title about practices that help young people stay in education and training")
    assert len(long) <= 60 and long.endswith("-people")


def test_a_wrong_id_says_what_an_id_is(tmp_path):
    with pytest.raises(ScaffoldProblem, match="--id 'Bad_Id' is not an id: use lower-case letters a-z"):
        create_record(tmp_path, "Homework club", "Bad_Id")
