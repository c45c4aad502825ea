"""Translations of the records: overlays checked like records (file:line:col, plain words, out of date
is a warning), applied as text that knows its language, counted, and written by the commands."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from esl_toolbox.catalogue import load_catalogue
from esl_toolbox.commands import main
from esl_toolbox.model import Practice
from esl_toolbox.translations import LocalText, fingerprint, text_lang, translate, units_of
from esl_toolbox.translations.coverage import coverage
from esl_toolbox.validation import validate_paths

STALE = "jet-cd"  # its Portuguese summary keeps the fingerprint of an older English text
UNTRANSLATED = "reading-circles-across-europe"  # no translation at all


def overlay(project: Path, lang: str, record_id: str) -> Path:
    return project / "practices" / "translations" / lang / f"{record_id}.yml"


def problems(project: Path, path: Path) -> list[str]:
    report = validate_paths([path], project)
    return [str(p) for p in report.problems]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def english(project: Path, record_id: str) -> Practice:
    return load_catalogue(project, use_cache=False).practice(record_id)


# --- units and fingerprints -----------------------------------------------------------------------


def test_units_are_the_models_translatable_fields_at_their_place_in_the_record(project: Path):
    practice = english(project, UNTRANSLATED)
    units = units_of(practice)
    assert list(units)[:3] == ["title", "summary", "description"]
    assert units["activities"].is_list and units["activities"].english == tuple(practice.activities)
    assert units["evaluations[0].summary"].english == practice.evaluations[0].summary
    assert "countries" not in units and "sources[0].title" not in units  # facts are never translated


def test_a_fingerprint_changes_with_the_english_and_only_then():
    assert fingerprint("A text.") == fingerprint("A text.")
    assert fingerprint("A text.") != fingerprint("A text!")
    assert fingerprint(["a", "b"]) != fingerprint(["b", "a"])
    assert len(fingerprint("x")) == 12


# --- checks -----------------------------------------------------------------------------------------


def test_the_fixture_translations_are_valid_and_one_is_out_of_date(project: Path):
    report = validate_paths([project / "practices" / "translations"], project)
    assert report.errors == []
    (warning,) = report.warnings
    assert warning.path.endswith(f"pt/{STALE}.yml") and warning.field == "summary"
    assert "the English text has changed since this was translated" in warning.message
    assert f"esl-toolbox translations mark-checked --lang pt {STALE} summary" in warning.message


def test_wrong_fields_and_shapes_are_named_at_their_line_in_plain_words(project: Path):
    practice = english(project, UNTRANSLATED)
    units = units_of(practice)
    too_many = ", ".join(["uma"] * (len(practice.activities) + 1))
    path = write(
        overlay(project, "pt", UNTRANSLATED),
        "schema_version: 2\n"
        f'sumary:\n  text: Resumo\n  source: "{units["summary"].fingerprint}"\n'
        'countries:\n  text: Portugal\n  source: "000000000000"\n'
        f'activities:\n  text: [{too_many}]\n  source: "{units["activities"].fingerprint}"\n'
        f'title:\n  text: [um, dois]\n  source: "{units["title"].fingerprint}"\n'
        'evaluations[7].summary:\n  text: x\n  source: "000000000000"\n'
        f'description:\n  text: Texto\n  source: "{units["description"].fingerprint}"\n  statuz: reviewed\n'
        "outcomes:\n  text: [a]\n  source: abc\n",
    )
    found = "\n".join(problems(project, path))
    assert (
        f"{UNTRANSLATED}.yml:2:1: error: sumary: 'sumary' is no translatable field of this record; "
        "did you mean 'summary'?" in found
    )
    assert (
        "countries: 'countries' is not translated: facts such as countries, levels, amounts and sources stay" in found
    )
    n = len(practice.activities)
    assert f"activities: {n + 1} item(s), but the English has {n}: translate each item" in found
    assert "title: the English is one text, not a list" in found
    assert f"evaluations[7].summary: the English record has {len(practice.evaluations)} item(s) in evaluations" in found
    assert "description.statuz: unknown field 'statuz'; did you mean 'status'?" in found
    assert "outcomes.source: 'abc' is not the fingerprint `esl-toolbox translations new` writes" in found
    assert "Traceback" not in found


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("xx", "'xx' is not one of the toolbox's languages"),
        ("en", "English is the language of the records themselves"),
    ],
)
def test_a_folder_that_is_no_language_of_the_toolbox_is_refused(project: Path, where: str, message: str):
    path = write(overlay(project, where, UNTRANSLATED), "schema_version: 2\n")
    (problem,) = problems(project, path)
    assert message in problem


def test_a_translation_of_a_record_that_does_not_exist_says_so(project: Path):
    path = write(overlay(project, "pt", "no-such-practice"), "schema_version: 2\n")
    (problem,) = problems(project, path)
    assert "there is no valid practice 'no-such-practice' to translate (practices/no-such-practice.yml" in problem


def test_hostile_yaml_in_a_translation_is_refused_like_in_a_record(project: Path):
    path = write(overlay(project, "pt", UNTRANSLATED), "schema_version: 2\ntitle: &a\n  text: x\nsummary: *a\n")
    (problem,) = problems(project, path)
    assert "YAML anchors (&name) are not allowed" in problem


def test_an_empty_text_is_not_yet_translated_never_an_error(project: Path):
    units = units_of(english(project, UNTRANSLATED))
    path = write(
        overlay(project, "pt", UNTRANSLATED),
        f'schema_version: 2\ntitle:\n  text:\n  source: "{units["title"].fingerprint}"\n',
    )
    assert problems(project, path) == []


def test_a_record_with_invalid_translations_is_not_built_and_the_error_is_reported(project: Path, capsys):
    write(overlay(project, "pt", UNTRANSLATED), "schema_version: 2\nbudget: 12\n")
    assert main(["build", "--no-pdf", "--lang", "en,pt", "--quiet"]) == 1
    assert "budget: 'budget' is no translatable field" in capsys.readouterr().err


# --- applied ----------------------------------------------------------------------------------------


def test_a_translated_record_holds_the_translation_where_there_is_one_and_the_english_marked_where_not(project: Path):
    catalogue = load_catalogue(project, use_cache=False)
    source = catalogue.practice("community-co-op-oslo")
    translated = catalogue.in_language("pt").practice("community-co-op-oslo")
    assert isinstance(translated.title, LocalText) and translated.title.lang == "pt"
    assert translated.title != source.title and not translated.title.stale
    assert translated.countries == source.countries and translated.id == source.id  # facts stay as they are
    untranslated = catalogue.in_language("pt").practice(UNTRANSLATED)
    assert untranslated.summary == english(project, UNTRANSLATED).summary
    assert text_lang(untranslated.summary, "pt") == "en" and text_lang(translated.summary, "pt") == ""
    assert all(text_lang(item, "pt") == "en" for item in untranslated.activities)


def test_an_out_of_date_translation_is_shown_and_flagged(project: Path):
    catalogue = load_catalogue(project, use_cache=False)
    summary = catalogue.in_language("pt").practice(STALE).summary
    assert summary.lang == "pt" and summary.stale
    assert summary != catalogue.practice(STALE).summary


def test_english_is_the_records_themselves(project: Path):
    catalogue = load_catalogue(project, use_cache=False)
    assert catalogue.in_language("en") is catalogue
    practice = catalogue.practices[0]
    assert translate(practice, "en", None) is practice


# --- coverage and the commands ----------------------------------------------------------------------


def test_coverage_counts_translated_out_of_date_and_missing_units(project: Path):
    catalogue = load_catalogue(project, use_cache=False)
    pt = coverage(catalogue, "pt")
    assert pt.stale == 1 and pt.stale_units == [f"{STALE}: summary"]
    assert pt.translated + pt.stale + pt.missing == pt.units
    assert 0 < pt.translated < pt.units and pt.records_started == pt.records - 1  # all but reading circles
    assert coverage(catalogue, "sv").translated == 0


def test_status_prints_every_language_and_lists_what_is_out_of_date(project: Path, capsys):
    assert main(["translations", "status"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split()[:3] == ["language", "records", "fields"]
    assert len(table.splitlines()) == 10  # a header and nine languages
    assert main(["translations", "status", "--lang", "pt"]) == 0
    assert f"out of date (pt): {STALE}: summary" in capsys.readouterr().out


def test_new_writes_the_english_as_comments_and_the_fingerprints_and_never_overwrites(project: Path, capsys):
    assert main(["translations", "new", "--lang", "sv", UNTRANSLATED]) == 0
    path = overlay(project, "sv", UNTRANSLATED)
    text = path.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schema/v2/translation.schema.json\n")
    practice = english(project, UNTRANSLATED)
    assert f'  # {practice.title}\n  text:\n  source: "{fingerprint(practice.title)}"\n  status: unreviewed' in text
    assert problems(project, path) == []  # a new file is valid: nothing is translated yet
    before = path.read_bytes()
    assert main(["translations", "new", "--lang", "sv", UNTRANSLATED]) == 1
    assert "already exists; edit it; nothing was written" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_new_refuses_english_an_unknown_language_and_an_unknown_record(project: Path, capsys):
    assert main(["translations", "new", "--lang", "en", UNTRANSLATED]) == 2
    assert main(["translations", "new", "--lang", "xx", UNTRANSLATED]) == 2
    assert main(["translations", "new", "--lang", "sv", "nothing-like-it"]) == 1
    err = capsys.readouterr().err
    assert "English is the language of the records themselves" in err and "unknown language 'xx'" in err
    assert "there is no practice or project 'nothing-like-it'" in err


def test_mark_checked_takes_the_current_english_keeping_the_file_as_it_is(project: Path, capsys):
    path = overlay(project, "pt", STALE)
    before = path.read_text("utf-8")
    assert main(["translations", "mark-checked", "--lang", "pt", STALE]) == 0
    assert "marked summary as translated from the current English" in capsys.readouterr().out
    after = path.read_text("utf-8")
    current = fingerprint(english(project, STALE).summary)
    assert f'source: "{current}"' in after
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert len(changed) == 1, "only the fingerprint's line changes; comments and layout stay"
    assert problems(project, path) == []
    assert main(["translations", "mark-checked", "--lang", "pt", STALE]) == 0
    assert "nothing out of date" in capsys.readouterr().out


def test_a_translation_of_a_project_lives_in_its_projects_folder(project: Path):
    path = project / "practices" / "translations" / "pt" / "projects" / "pact.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    catalogue = load_catalogue(project, use_cache=False)
    assert set(data) - {"schema_version"} <= set(units_of(catalogue.projects["pact"]))
    assert catalogue.in_language("pt").projects["pact"].title.lang == "pt"


def test_without_the_translations_folder_everything_is_english_and_marked(project: Path):
    shutil.rmtree(project / "practices" / "translations")
    catalogue = load_catalogue(project, use_cache=False)
    practice = catalogue.in_language("bg").practices[0]
    assert practice.title.lang == "en"
