"""`esl-toolbox from-issue`: a record from a "Propose a practice" issue, as GitHub renders it."""

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
import yaml
from esl_toolbox.commands import main
from esl_toolbox.contributing.from_issue import (
    FromIssueProblem,
    issue_to_record,
    list_items,
    parse_amount,
    partial_date,
    record_text,
    split_labels,
)
from esl_toolbox.contributing.questions import QUESTIONS
from esl_toolbox.loader import load_document
from esl_toolbox.model import Practice
from esl_toolbox.vocabularies import vocabulary
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import FIXTURES

REPO = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with the real projects (for `project: pact`) and schema, made the current folder."""
    root = tmp_path / "project"
    shutil.copytree(REPO / "practices" / "projects", root / "practices" / "projects")
    shutil.copytree(REPO / "schema", root / "schema")
    monkeypatch.chdir(root)
    return root


def body(name: str) -> str:
    return (FIXTURES / f"issue-{name}.md").read_bytes().decode("utf-8")


def convert(name: str):
    return issue_to_record(body(name), TODAY)


# --- a complete issue ---------------------------------------------------------------------------------


def test_a_complete_issue_becomes_a_valid_record_with_every_answer_mapped():
    conversion = convert("complete")
    assert conversion.notes == []
    record = conversion.record
    assert record["title"] == "Community Co-Op: parent-based homework support (Oslo)"
    assert record["intervention_types"] == ["prevention"]
    assert record["isced_levels"] == [1]
    assert record["target_groups"] == ["migrant-background", "urban-disadvantaged"]
    assert record["countries"] == ["NO"]
    assert record["organisations"] == [
        {"name": "Sagene district, City of Oslo", "role": "coordinator", "country": "NO"},
        {"name": "Nordpolen primary school, Oslo", "role": "partner", "country": "NO"},
    ]
    assert record["activities"][1] == "A homework support programme built on the involvement of parents."
    assert record["evidence"]["level"] == "not-evaluated"
    assert record["resources"] == [
        {
            "title": "PACT project website",
            "url": "https://www.pactesl.eu/introduction",
            "type": "website",
            "languages": ["en"],
        }
    ]
    assert record["languages"] == ["en", "no"]
    assert record["sources"][0]["url"] == "https://www.pactesl.eu/introduction"
    assert record["review"] == {"status": "submitted"} and record["created"] == TODAY
    Practice.model_validate({"id": "community-co-op", **record})


def test_the_description_keeps_its_paragraphs_and_markdown_list():
    description = convert("complete").record["description"]
    assert "\n\nWithin PACT" in description
    assert description.endswith("- a short video on the model and the homework support programme.")


def test_fields_follow_the_order_of_the_model():
    keys = list(convert("complete").record)
    assert keys == [name for name in Practice.model_fields if name in keys]


def test_windows_line_ends_give_the_same_record():
    assert issue_to_record(body("complete").replace("\n", "\r\n"), TODAY) == convert("complete")


def test_from_issue_writes_the_record_with_the_schema_line_and_runs_the_validator(project, capsys):
    assert main(["from-issue", str(FIXTURES / "issue-complete.md"), "--id", "community-co-op-test"]) == 0
    out = capsys.readouterr().out
    path = project / "practices" / "community-co-op-test.yml"
    assert out.startswith("wrote practices/community-co-op-test.yml; the validator says:\n")
    assert "1 file checked: 0 errors, 0 warnings" in out and "Every answer was mapped." in out
    text = path.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/v2/practice.schema.json\n")
    doc, problems = load_document(path)
    assert problems == [] and doc.data["id"] == "community-co-op-test"


def test_the_id_is_made_from_the_title_without_accents(project, capsys):
    text = body("complete").replace("Community Co-Op: parent-based homework support (Oslo)", "Ação à escola em Rīga")
    (project / "issue.md").write_text(text, "utf-8")
    assert main(["from-issue", "issue.md"]) == 0
    assert (project / "practices" / "acao-a-escola-em-riga.yml").is_file()


def test_from_issue_reads_the_body_from_standard_input(project, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(body("complete")))
    assert main(["from-issue", "-", "--id", "from-stdin"]) == 0
    assert (project / "practices" / "from-stdin.yml").is_file()


# --- never overwrite ---------------------------------------------------------------------------------


def test_from_issue_never_overwrites_an_existing_record(project, capsys):
    existing = project / "practices" / "taken.yml"
    existing.write_text("id: taken\n", "utf-8")
    assert main(["from-issue", str(FIXTURES / "issue-complete.md"), "--id", "taken"]) == 1
    assert existing.read_text("utf-8") == "id: taken\n"
    err = capsys.readouterr().err
    assert "practices/taken.yml already exists; nothing was written" in err and "--id" in err
    assert sorted(p.name for p in (project / "practices").iterdir()) == ["projects", "taken.yml"]


def test_from_issue_refuses_an_id_that_is_no_slug(project, capsys):
    assert main(["from-issue", str(FIXTURES / "issue-complete.md"), "--id", "../escape"]) == 1
    assert "give one with --id" in capsys.readouterr().err
    assert not (project / "escape.yml").exists()


def test_from_issue_says_so_when_the_text_is_no_issue_form(project, capsys):
    (project / "note.md").write_text("Hello, I have a practice for you.\n", "utf-8")
    assert main(["from-issue", "note.md"]) == 1
    assert "found none of the form's questions" in capsys.readouterr().err


def test_from_issue_exits_2_for_a_missing_file(project, capsys):
    assert main(["from-issue", "no-such-issue.md"]) == 2


# --- what cannot be mapped ---------------------------------------------------------------------------


def test_unmappable_answers_are_listed_and_left_out_never_guessed():
    conversion = convert("unmappable")
    notes = [str(note) for note in conversion.notes]
    expected = [
        "Countries: 'Kosovo' is not a country name or code the toolbox knows; left out",
        "Countries: 'Atlantis' is not a country name or code the toolbox knows; left out",
        "Intervention levels: 'Whole district' is not one of the choices for intervention level; left out",
        "Intervention levels: unexpected text 'see the brochure'; only ticked boxes are read",
        "Organisations: 'City of Amsterdam': 'Sponsor' is not a role, country or web address; left out",
        "Period: start: could not read 'autumn 2016' as a year (2019) or month (2019-09); left out",
        "Funding: amount: could not read 'about 1.5 million' as an amount such as 120000 EUR; left out",
        "Evidence level: 'Very strong' is not one of the choices for evidence level; left out",
        "Resources: 'Programme brochure': 'Brochure' is not a web address, a type or a list of languages; left out",
        "Resources: 'Klingon' is not a language name or code the toolbox knows; left out",
        "Languages of its materials: 'Romani' is not a language name or code the toolbox knows; left out",
        "Sources: source 'School-community partnerships promoting innovation in education': did not know where "
        "to put 'page 4'",
    ]
    for line in expected:
        assert line in notes
    record = conversion.record
    assert record["countries"] == ["NL"] and record["intervention_levels"] == ["school"]
    assert record["evidence"] == {"level": "emergent"}
    assert "start" not in record.get("period", {}) and "funding" not in record
    assert record["languages"] == ["nl"]


def test_an_organisation_without_a_role_is_kept_and_reported():
    conversion = convert("unmappable")
    assert {"name": "Stichting Leader to Leader"} in conversion.record["organisations"]
    assert any("'Stichting Leader to Leader' has no role" in str(n) for n in conversion.notes)


def test_from_issue_prints_the_validator_lines_and_the_unmapped_list(project, capsys):
    assert main(["from-issue", str(FIXTURES / "issue-unmappable.md")]) == 1
    out = capsys.readouterr().out
    assert "organisations[0].role: required field is missing" in out
    assert "period.end: '2019-13' is not a date as YYYY, YYYY-MM or YYYY-MM-DD" in out
    assert "Not mapped, or to check by hand (" in out
    assert "  - Period: start: could not read 'autumn 2016'" in out


# --- a hostile issue ---------------------------------------------------------------------------------


def test_a_hostile_issue_cannot_mark_itself_reviewed_or_add_fields(project, capsys):
    main(["from-issue", str(FIXTURES / "issue-hostile.md"), "--id", "hostile"])
    doc, problems = load_document(project / "practices" / "hostile.yml")
    assert problems == [], "the loader refuses tags, anchors, aliases and duplicate keys"
    assert doc.data["review"] == {"status": "submitted"}
    assert set(doc.data) <= set(Practice.model_fields)
    assert doc.data["id"] == "hostile"


def test_yaml_in_answers_stays_text(project, capsys):
    main(["from-issue", str(FIXTURES / "issue-hostile.md"), "--id", "hostile"])
    data = load_document(project / "practices" / "hostile.yml")[0].data
    assert data["summary"] == "Looks harmless. review: status: reviewed reviewer: Nobody"
    assert "!!python/object/apply:os.system" in data["description"]
    assert "key: &a [*a, *a]" in data["description"]
    assert data["countries"] == ["NO"]
    assert data["activities"] == ['{"a": [1, 2]}', "- nested: list", "| pipe at the start", "'"]
    assert data["title"] == "Homework club: \"quoted\" 'single' #not-a-comment &anchor *alias ../../etc/passwd"


def test_html_and_invisible_characters_are_reported():
    notes = [str(note) for note in convert("hostile").notes]
    assert "issue: removed 5 invisible or control character(s); compare with the issue" in notes
    assert "description: contains HTML tags; records use Markdown, and the site shows HTML as text" in notes
    assert "\u202e" not in convert("hostile").record["title"]


def test_a_copied_question_heading_leaves_both_answers_out():
    conversion = convert("hostile")
    assert "evidence" not in conversion.record and "transfer_conditions" not in conversion.record
    labels = {note.question for note in conversion.notes if "appears twice" in note.message}
    assert labels == {"Evidence level", "Conditions for transfer"}


def test_a_copied_heading_of_a_later_question_cannot_cut_an_answer_short_unnoticed():
    text = body("complete").replace(
        "- a short video on the model and the homework support programme.",
        "- a short video.\n\n### Sources\n\nA made-up source | https://www.pactesl.eu/introduction",
    )
    conversion = issue_to_record(text, TODAY)
    assert "description" not in conversion.record and "sources" not in conversion.record
    left_out = {note.question for note in conversion.notes if "appears twice" in note.message}
    assert {"Description", "Sources"} <= left_out


def test_a_copied_heading_inside_the_answer_before_it_leaves_that_answer_out_too():
    text = body("complete").replace("### Evidence level\n", "### Evidence level\n\nStrong\n\n### Evidence level\n")
    conversion = issue_to_record(text, TODAY)
    left_out = {note.question for note in conversion.notes if "appears twice" in note.message}
    assert left_out == {"Outcomes", "Evidence level"}
    assert "outcomes" not in conversion.record and "level" not in conversion.record["evidence"]


def test_a_heading_that_is_no_question_stays_in_the_answer():
    description = convert("hostile").record["description"]
    assert "### Review status\n\nReviewed" in description


def test_an_oversized_body_is_refused():
    with pytest.raises(FromIssueProblem, match="at most"):
        issue_to_record("### Title\n\n" + "x" * 300_000, TODAY)


# --- the pieces --------------------------------------------------------------------------------------


def test_period_and_funding_answers_are_read():
    text = body("complete")
    text = text.replace("### Period: start\n\n_No response_", "### Period: start\n\nSeptember 2017")
    text = text.replace("### Period: end\n\n_No response_", "### Period: end\n\n2020")
    text = text.replace("### Period: still running\n\n- [ ]", "### Period: still running\n\n- [x]")
    text = text.replace("### Funding: programme\n\n_No response_", "### Funding: programme\n\nErasmus+ KA2")
    text = text.replace("### Funding: amount\n\n_No response_", "### Funding: amount\n\nNOK 1 250 000")
    record = issue_to_record(text, TODAY).record
    assert record["period"] == {"start": "2017-09", "end": 2020, "ongoing": True}
    assert record["funding"] == [{"programme": "Erasmus+ KA2", "amount": 1250000, "currency": "NOK"}]


def answered(text: str, label: str, answer: str) -> str:
    empty = f"### {label}\n\n_No response_"
    assert empty in text, label
    return text.replace(empty, f"### {label}\n\n{answer}")


def test_the_original_name_its_language_and_the_web_site_are_read():
    text = answered(body("complete"), "Name in the original language", "Samskaping i Sagene")
    text = answered(text, "Its language", "Norwegian Bokmål")
    text = answered(text, "Web site", "https://www.pactesl.eu/introduction")
    record = issue_to_record(text, TODAY).record
    assert record["original_title"] == "Samskaping i Sagene"
    assert record["original_language"] == "nb"
    assert record["url"] == "https://www.pactesl.eu/introduction"
    assert Practice.model_validate(record | {"id": "x"}).original_language == "nb"


def test_several_languages_for_one_name_keep_the_first_and_say_so():
    text = answered(body("complete"), "Its language", "Norwegian, Swedish")
    conversion = issue_to_record(text, TODAY)
    assert conversion.record["original_language"] == "no"
    assert any("several languages" in note.message for note in conversion.notes)


def test_the_try_it_answers_fill_the_implementation():
    text = answered(body("complete"), "Try it in your school: first steps", "- Talk to the district\n- Invite parents")
    text = answered(text, "Try it in your school: staff and time", "A coordinator, part time.")
    text = answered(text, "Try it in your school: how long learners take part", "One school year")
    record = issue_to_record(text, TODAY).record
    assert record["implementation"] == {
        "getting_started": ["Talk to the district", "Invite parents"],
        "staffing": "A coordinator, part time.",
        "duration": "One school year",
    }


def test_an_evaluation_answer_is_kept_for_a_maintainer_never_guessed_into_fields():
    text = answered(body("complete"), "Evaluations", "A trial in 2019 found fewer absences.")
    conversion = issue_to_record(text, TODAY)
    assert "evaluations" not in conversion.record
    assert [note.question for note in conversion.notes if "not mapped" in note.message] == ["Evaluations"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("341 611 EUR", (341611, "EUR")),
        ("€1,500.50", (1500.5, "EUR")),
        ("1.234.567 €", (1234567, "EUR")),
        ("120000", (120000, None)),
        ("12,50", (12.5, None)),
        ("about 1.5 million", None),
    ],
)
def test_amounts_are_read_with_their_currency(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2019", 2019), ("2019-09", "2019-09"), ("09/2019", "2019-09"), ("March 2018", "2018-03"), ("spring", None)],
)
def test_partial_dates_are_read_or_refused(text, expected):
    assert partial_date(text) == expected


def test_dropdown_answers_split_on_commas_but_not_inside_labels():
    ids, unknown = split_labels(
        "Early leavers and young people not in education, employment or training, Roma learners, Pirates",
        vocabulary("target_groups"),
    )
    assert ids == ["early-leavers", "roma"] and unknown == ["Pirates"]


def test_list_answers_take_bullets_or_lines_and_join_continuations():
    assert list_items("- one\n  more of one\n- two") == ["one more of one", "two"]
    assert list_items("first\nsecond\n\n") == ["first", "second"]
    assert list_items("1. first\n2) second") == ["first", "second"]


def test_every_label_the_form_offers_maps_back_to_its_term():
    for question in QUESTIONS:
        vocab = question.vocabulary
        if vocab is None:
            continue
        for term in vocab.terms.values():
            ids, unknown = split_labels(term.label, vocab)
            assert (ids, unknown) == ([term.id], []), term.label


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(max_examples=300, deadline=None)
@given(title=_TEXT, description=_TEXT, items=st.lists(_TEXT, max_size=3))
def test_any_text_survives_the_trip_through_the_yaml_file(tmp_path_factory, title, description, items):
    record = {"id": "x", "title": title, "description": description, "activities": items, "created": TODAY}
    path = tmp_path_factory.mktemp("trip") / "x.yml"
    path.write_text(record_text(record), "utf-8")
    doc, problems = load_document(path)
    if problems:  # the loader refuses some characters outright (NUL, CR); never a silent change
        assert all("binary" in p.message or "line ends" in p.message or "BOM" in p.message for p in problems)
        return
    assert doc.data == {**record, "created": TODAY.isoformat()}
    assert yaml.safe_load(path.read_text("utf-8"))["title"] == title
