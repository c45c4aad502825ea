"""The validator: every problem of every file, one plain line each, with file, line and column."""

import shutil
from pathlib import Path

import pytest
from esl_toolbox.validation import run as validate
from esl_toolbox.validation import validate_paths

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"
BROKEN = FIXTURES / "broken"

# Each broken record: the line of its first problem and words that message must contain. Where the
# words would be a library's (PyYAML's syntax errors), only our own prefix is asserted: the
# guarantee is that the record is refused on one line at the right place, not a library's wording.
EXPECTED = {
    "anchor-and-alias": (18, "anchors (&name) are not allowed"),
    "billion-laughs": (2, "anchors (&name) are not allowed"),
    "binary-file": (3, "binary file, not YAML text"),
    "byte-order-mark": (1, "byte-order mark"),
    "control-character": (10, "control character #x0007"),
    "country-lowercase": (15, "countries[1]: 'pt' is not an allowed country; did you mean 'PT'?"),
    "country-not-iso": (15, "countries[1]: 'XX' is not an allowed country"),
    "crlf-line-ends": (1, "(CRLF)"),
    "custom-tag": (5, "YAML tags such as !include are not allowed"),
    "date-invalid": (55, "created: expected a date as YYYY-MM-DD, got the text '2026-13-45'"),
    "doi-invalid": (48, "sources[0].doi: 'doi.org/abc' is not a DOI"),
    "duplicate-keys": (5, "duplicate key 'title' (first at line 4)"),
    "duplicate-nested-key": (50, "duplicate key 'url' (first at line 48)"),
    "empty-file": (1, "file is empty"),
    "empty-sources": (46, "sources: needs at least 1 item"),
    "evidence-level-unknown": (35, "evidence.level: 'proven' is not an allowed evidence level"),
    "funding-negative": (30, "funding[0].amount: -5 is too small (at least 0)"),
    "id-differs-from-file-name": (3, "id: id 'homework-club' differs from the file name"),
    "id-not-a-slug": (3, "id: 'Id_Not_A_Slug' is not a lower-case slug"),
    "intervention-type-typo": (
        12,
        "intervention_types[0]: 'prevntion' is not an allowed intervention type; did you mean",
    ),
    "isced-as-text": (13, "isced_levels[0]: expected a whole number, got the text 'primary'"),
    "isced-out-of-range": (13, "isced_levels[1]: 9 is not an ISCED 2011 level (0-8)"),
    "list-not-mapping": (1, "a record must be a mapping of fields"),
    "missing-sources": (2, "sources: required field is missing"),
    "missing-title": (2, "title: required field is missing"),
    # Refused by our depth limit or by libyaml's own (PyYAML 6.0.4 stops deep flow nesting itself).
    "nesting-10000-deep": (2, ""),
    "not-utf8": (10, "not UTF-8 text"),
    "number-as-key": (17, "field names must be plain words"),
    "only-comments": (1, "only comments"),
    "organisation-not-mapping": (22, "organisations[0]: expected a mapping of fields"),
    "period-reversed": (26, "period: the period ends (2019) before it starts (2021)"),
    "project-unknown": (20, "project: no project has the id 'no-such-project'"),
    "python-tag": (4, "YAML tags such as !!python/object/apply:os.system are not allowed"),
    "related-unknown": (45, "related[0]: no practice has the id 'mentoring-schemes'; did you mean 'mentoring-scheme'?"),
    "reviewed-without-date": (52, "review: a reviewed record needs the review's date and reviewer"),
    "reviewed-wrong-status": (52, "review.status: 'approved' is not an allowed review status"),
    "summary-is-mapping": (6, "summary: expected text, got a mapping"),
    "syntax-error": (14, "YAML syntax: "),
    "tab-indentation": (35, "a tab is used for indentation"),
    "target-group-unknown": (14, "target_groups[0]: 'migrants' is not an allowed target group"),
    "text-not-mapping": (1, "a record must be a mapping of fields"),
    "title-is-list": (4, "title: expected text, got a list"),
    "title-two-lines": (4, "title: must be one line of text"),
    "two-documents": (57, "YAML syntax: "),
    "types-not-list": (12, "intervention_types: expected a list"),
    "unknown-field": (4, "titel: unknown field 'titel'; did you mean 'title'?"),
    "unknown-nested-field": (48, "sources[0].uri: unknown field 'uri'; did you mean 'url'?"),
    "url-javascript": (48, "sources[0].url: 'javascript:alert(1)' is not a web address"),
    "url-without-scheme": (48, "sources[0].url: 'www.example.eu/report' is not a web address"),
    "year-is-text": (50, "sources[0].year: expected a whole number"),
}


def test_the_broken_corpus_is_complete():
    assert sorted(p.stem for p in BROKEN.glob("*.yml")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 40


def test_valid_fixture_records_pass():
    report = validate_paths([VALID / "practices"], VALID)
    assert report.problems == []
    assert len(report.files) == 3


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_broken_record_gives_one_clear_line_with_its_line_number(name):
    line, words = EXPECTED[name]
    report = validate_paths([BROKEN / f"{name}.yml"], VALID)
    assert report.errors, f"{name} passed validation"
    matching = [p for p in report.errors if words in f"{p.field}: {p.message}" or words in p.message]
    assert matching, [str(p) for p in report.errors]
    assert matching[0].line == line
    assert matching[0].path.endswith(f"broken/{name}.yml")
    assert "Traceback" not in str(matching[0]) and "\n" not in str(matching[0])


def test_validator_reports_every_problem_of_a_file_at_once(tmp_path):
    record = (VALID / "practices" / "mentoring-scheme.yml").read_text()
    record = record.replace("isced_levels: [2, 3]", "isced_levels: [2, 9]").replace(
        "[low-achieving]", "[low-achievers]"
    )
    (tmp_path / "mentoring-scheme.yml").write_text(record + "colour: blue\n")
    report = validate_paths([tmp_path])
    fields = sorted(p.field for p in report.errors)
    assert fields == ["colour", "isced_levels[1]", "target_groups[0]"]


def test_duplicate_ids_and_titles_across_files_are_errors(tmp_path):
    shutil.copytree(VALID / "practices", tmp_path / "practices")
    (tmp_path / "practices" / "copy").mkdir()
    shutil.copy(VALID / "practices" / "mentoring-scheme.yml", tmp_path / "practices" / "copy" / "mentoring-scheme.yml")
    twin = (VALID / "practices" / "mentoring-scheme.yml").read_text().replace("id: mentoring-scheme", "id: twin")
    (tmp_path / "practices" / "twin.yml").write_text(
        twin.replace("Student mentoring scheme", "STUDENT  mentoring scheme")
    )
    messages = [str(p) for p in validate_paths([tmp_path / "practices"], tmp_path).errors]
    assert any("id: 'mentoring-scheme' is already used by" in m for m in messages)
    assert any("title: 'STUDENT  mentoring scheme' is already used by" in m for m in messages)


def test_the_same_source_url_in_two_records_is_fine(tmp_path):
    shutil.copytree(VALID / "practices", tmp_path / "practices")
    other = (tmp_path / "practices" / "mentoring-scheme.yml").read_text()
    other = other.replace("    doi: 10.1234/abcd.5678", "    url: https://www.example.eu/report")
    (tmp_path / "practices" / "mentoring-scheme.yml").write_text(other)
    assert validate_paths([tmp_path / "practices"], tmp_path).problems == []


def test_warnings_for_long_summaries_and_email_addresses_do_not_fail(tmp_path):
    record = (VALID / "practices" / "mentoring-scheme.yml").read_text()
    record = record.replace(
        "summary: University students mentor secondary pupils who struggle.",
        "summary: One. Two. Three. Four. Write to info@school.example.eu.",
    )
    (tmp_path / "mentoring-scheme.yml").write_text(record)
    report = validate_paths([tmp_path])
    assert report.errors == []
    messages = [p.message for p in report.warnings]
    assert any("summary has 5 sentences" in m for m in messages)
    assert any("e-mail address" in m for m in messages)


def test_template_placeholders_left_in_a_record_are_errors(tmp_path):
    record = (VALID / "practices" / "mentoring-scheme.yml").read_text()
    (tmp_path / "mentoring-scheme.yml").write_text(record.replace("Students meet", "TODO Students meet"))
    assert [p.field for p in validate_paths([tmp_path]).errors] == ["description"]


def test_a_reviewed_record_needs_date_and_reviewer_but_submitted_is_the_default(tmp_path):
    report = validate_paths([VALID / "practices" / "mentoring-scheme.yml"], VALID)
    practice = report.files[0].record
    assert practice.review.status == "submitted"


def test_records_that_are_not_yaml_files_are_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("id: x\n")
    assert "records are YAML files" in validate_paths([tmp_path / "notes.txt"]).errors[0].message


def test_links_that_point_outside_the_practices_folder_are_refused(tmp_path):
    (tmp_path / "practices").mkdir()
    secret = tmp_path / "secret.yml"
    secret.write_text("id: secret\n")
    (tmp_path / "practices" / "secret.yml").symlink_to(secret)
    inside = tmp_path / "practices" / "mentoring-scheme.yml"
    inside.write_text((VALID / "practices" / "mentoring-scheme.yml").read_text())
    (tmp_path / "practices" / "alias").mkdir()
    (tmp_path / "practices" / "alias" / "mentoring-scheme-link.yml").symlink_to(inside)
    report = validate_paths([tmp_path / "practices"], tmp_path)
    refused = [p for p in report.errors if "outside practices/" in p.message]
    assert [p.path.rsplit("/", 1)[-1] for p in refused] == ["secret.yml"]


def test_worker_processes_give_the_same_problems_and_records_as_one_process(monkeypatch):
    paths = [VALID / "practices", *sorted(BROKEN.glob("*.yml"))]
    alone = validate_paths(paths, VALID)
    monkeypatch.setattr(validate, "PARALLEL_FROM", 1)
    shared = validate_paths(paths, VALID)
    assert [str(p) for p in shared.problems] == [str(p) for p in alone.problems]
    assert [f.record for f in shared.files] == [f.record for f in alone.files]
    assert sum(f.record is not None for f in shared.files) >= 3


def test_a_report_without_records_has_the_same_problems():
    paths = [VALID / "practices", *sorted(BROKEN.glob("*.yml"))]
    lean = validate_paths(paths, VALID, keep_records=False)
    assert lean.problems == validate_paths(paths, VALID).problems
    assert all(f.record is None for f in lean.files)


def test_checking_the_practices_folder_resolves_references_to_files_on_disk(tmp_path):
    shutil.copytree(VALID / "practices", tmp_path / "practices")
    (tmp_path / "practices" / "projects" / "example-project.yml").write_text("not: a valid project\n")
    errors = validate_paths([tmp_path / "practices"], tmp_path).errors
    assert not any("no project has the id" in p.message for p in errors)
    assert any(p.path.endswith("example-project.yml") for p in errors)
