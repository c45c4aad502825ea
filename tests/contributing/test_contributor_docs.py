"""The issue form and CONTRIBUTING.md: current, valid, and explaining every field of the model."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from esl_toolbox.commands import main
from esl_toolbox.contributing.contributor_docs import (
    GUIDE,
    ISSUE_FORM,
    TRANSLATION_FORM,
    guide_blocks,
    render_issue_form,
    stale_files,
    vocabulary_fields_explained,
)
from esl_toolbox.contributing.questions import CHECKBOXES, DROPDOWN, QUESTIONS
from esl_toolbox.languages import Language, language_codes, languages
from esl_toolbox.model import Practice, Project, translatable_fields
from esl_toolbox.validation import validate_paths
from esl_toolbox.vocabularies import VOCABULARY_FILES, vocabulary
from pydantic import BaseModel

from .conftest import FIXTURES

REPO = Path(__file__).resolve().parents[2]
GUIDE_TEXT = (REPO / GUIDE).read_text("utf-8")


def without_code(text: str) -> str:
    """The Markdown with its fenced code blocks blanked, so '# comments' in them are no headings."""
    return re.sub(r"^```.*?^```", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.DOTALL | re.MULTILINE)


def section(text: str, heading: str) -> str:
    """The text under a Markdown heading, up to the next heading of the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    start = text.index(heading + "\n")
    following = re.compile(rf"^#{{1,{level}}} ", re.MULTILINE)
    end = following.search(without_code(text), start + len(heading))
    return text[start : end.start() if end else len(text)]


# --- generated files are current ---------------------------------------------------------------------


def test_the_committed_issue_form_and_guide_are_current():
    stale = stale_files(REPO)
    assert stale == [], f"run `esl-toolbox contributor-docs` and commit: {[str(p) for p in stale]}"


def test_contributor_docs_check_fails_when_a_vocabulary_term_is_missing_from_the_form(tmp_path, monkeypatch, capsys):
    (tmp_path / ISSUE_FORM).parent.mkdir(parents=True)
    (tmp_path / ISSUE_FORM).write_text(render_issue_form().replace('        - label: "Roma learners"\n', ""), "utf-8")
    shutil.copy(REPO / TRANSLATION_FORM, tmp_path / TRANSLATION_FORM)
    shutil.copy(REPO / GUIDE, tmp_path / GUIDE)
    monkeypatch.chdir(tmp_path)
    assert main(["contributor-docs", "--check"]) == 1
    assert capsys.readouterr().out == (
        ".github/ISSUE_TEMPLATE/practice.yml: out of date; run esl-toolbox contributor-docs and commit the result\n"
    )
    assert main(["contributor-docs"]) == 0
    assert main(["contributor-docs", "--check"]) == 0


def test_contributor_docs_refreshes_a_hand_edited_block_and_keeps_the_prose(tmp_path, monkeypatch):
    edited = GUIDE_TEXT.replace("| 4 | `strong` |", "| 4 | `very-strong` |")
    (tmp_path / GUIDE).write_text(edited, "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["contributor-docs"]) == 0
    assert (tmp_path / GUIDE).read_text("utf-8") == GUIDE_TEXT


def test_contributor_docs_names_a_missing_block(tmp_path, monkeypatch, capsys):
    (tmp_path / GUIDE).write_text("# Contributing\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["contributor-docs", "--check"]) == 1
    assert "has no block 'template'" in capsys.readouterr().err


# --- the issue form ----------------------------------------------------------------------------------


def form(path: Path = ISSUE_FORM) -> dict:
    return yaml.safe_load((REPO / path).read_text("utf-8"))


@pytest.mark.parametrize("path", [ISSUE_FORM, TRANSLATION_FORM], ids=lambda p: p.name)
def test_the_issue_forms_pass_the_schemastore_schema_for_github_issue_forms(path: Path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-issue-forms",
            str(REPO / path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", [ISSUE_FORM, TRANSLATION_FORM], ids=lambda p: p.name)
def test_the_issue_forms_keep_githubs_rules_for_ids_labels_and_options(path: Path):
    elements = [e for e in form(path)["body"] if e["type"] != "markdown"]
    ids = [e["id"] for e in elements]
    labels = [e["attributes"]["label"] for e in elements]
    assert len(set(ids)) == len(ids) and len(set(labels)) == len(labels)
    for element in elements:
        options = element["attributes"].get("options", [])
        names = [o["label"] if isinstance(o, dict) else o for o in options]
        assert len(set(names)) == len(names), element["id"]
        assert all(isinstance(name, str) and name.strip() for name in names), element["id"]
        if element["type"] == "dropdown":
            assert "none" not in {name.lower() for name in names}, "GitHub reserves the option None"


def test_the_translation_form_offers_every_language_and_every_translatable_field():
    elements = {e["id"]: e for e in form(TRANSLATION_FORM)["body"] if e["type"] != "markdown"}
    offered = elements["language"]["attributes"]["options"]
    assert [o.rsplit("(", 1)[1].rstrip(")") for o in offered] == [c for c in language_codes() if c != "en"]
    assert "português (pt)" in offered
    for name in translatable_fields(Practice):
        assert elements[name]["type"] == "textarea", name
    assert elements["consent"]["attributes"]["options"][0]["required"] is True


def test_a_new_language_appears_in_the_translation_form_with_no_other_change(monkeypatch):
    from esl_toolbox.contributing import contributor_docs

    extra = Language(code="fi", formats="fi", iso="fi")
    monkeypatch.setattr(contributor_docs, "languages", lambda: (*languages(), extra))
    text = contributor_docs.render_translation_form()
    assert "suomi (fi)" in yaml.safe_load(text)["body"][2]["attributes"]["options"]


def test_the_form_offers_every_vocabulary_term_by_its_label():
    elements = {e["id"]: e for e in form()["body"] if e["type"] != "markdown"}
    for question in QUESTIONS:
        if question.vocabulary is None:
            continue
        options = elements[question.id]["attributes"]["options"]
        offered = [o["label"] if question.kind == CHECKBOXES else o for o in options]
        assert offered == [t.label for t in question.vocabulary.terms.values()]
        assert question.kind in (CHECKBOXES, DROPDOWN)
        for term in question.vocabulary.terms.values():
            assert term.definition in elements[question.id]["attributes"]["description"]


def test_every_required_field_of_a_practice_has_a_question():
    targets = {q.target.split(".")[0] for q in QUESTIONS if q.target}
    required = {name for name, info in Practice.model_fields.items() if info.is_required()}
    assert required - targets == {"schema_version", "id", "created"}, "from-issue makes these itself"


def test_the_rendered_fixture_bodies_use_the_forms_labels_in_order():
    labels = [q.label for q in QUESTIONS]
    headings = re.findall(r"^### (.+)$", (FIXTURES / "issue-complete.md").read_text("utf-8"), re.MULTILINE)
    assert headings == labels


# --- CONTRIBUTING.md ---------------------------------------------------------------------------------


def field_paths(model: type[BaseModel]) -> list[str]:
    """Every field of the model, nested ones as parent.child."""
    paths = []
    for name, info in model.model_fields.items():
        paths.append(name)
        nested = [a for a in (info.annotation, *getattr(info.annotation, "__args__", ())) if isinstance(a, type)]
        for sub in nested:
            if issubclass(sub, BaseModel):
                paths += [f"{name}.{child}" for child in sub.model_fields]
            for arg in getattr(sub, "__args__", ()):
                if isinstance(arg, type) and issubclass(arg, BaseModel):
                    paths += [f"{name}.{child}" for child in arg.model_fields]
    return paths


def test_field_paths_include_the_nested_fields():
    paths = field_paths(Practice)
    assert {"sources.doi", "organisations.role", "period.ongoing", "review.reviewer", "resources.type"} <= set(paths)


def test_the_guide_explains_every_field_of_a_practice():
    explained = section(GUIDE_TEXT, "## Every field explained")
    missing = [path for path in field_paths(Practice) if f"| `{path}` |" not in explained]
    assert missing == [], f"CONTRIBUTING.md does not explain {missing}"


def test_the_guide_explains_every_field_of_a_project():
    explained = section(GUIDE_TEXT, "### Project records")
    missing = [name for name in Project.model_fields if f"| `{name}` |" not in explained]
    assert missing == [], f"CONTRIBUTING.md does not explain {missing}"


def test_the_guide_marks_exactly_the_required_top_level_fields_as_required():
    table = section(GUIDE_TEXT, "## Every field explained").split("Each organisation")[0]
    marked = set(re.findall(r"^\| `(\w+)` \| \*\*required\*\*", table, re.MULTILINE))
    assert marked == {name for name, info in Practice.model_fields.items() if info.is_required()}


def test_the_guide_lists_every_vocabulary_and_the_evidence_scale():
    covered = {f.vocabulary.key for f in vocabulary_fields_explained()} | {"evidence_levels"}
    assert covered == set(VOCABULARY_FILES)
    scale = section(GUIDE_TEXT, "### The evidence scale")
    for term in vocabulary("evidence_levels").terms.values():
        assert f"| {term.rank} | `{term.id}` | {term.label} |" in scale


def test_the_guide_covers_both_routes_sources_privacy_editors_and_review():
    for heading in (
        "## Way A: propose a practice with a form",
        "## Way B: add a practice in your browser",
        "## Way C: add a practice on your computer",
        "### What counts as a source",
        "### The privacy rule: organisations, not private persons",
        "## Completion and checking in your editor",
        "### Reviewing a practice",
        "### Turning an issue into a record",
    ):
        assert heading + "\n" in GUIDE_TEXT
    editors = section(GUIDE_TEXT, "## Completion and checking in your editor")
    assert "redhat.vscode-yaml" in editors and "yaml-language-server" in editors and "JetBrains" in editors


def test_the_guides_anchor_links_lead_to_its_headings():
    anchors = {
        re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        for heading in re.findall(r"^#+ (.+)$", without_code(GUIDE_TEXT), re.MULTILINE)
    }
    targets = set(re.findall(r"\]\(#([^)]+)\)", GUIDE_TEXT))
    assert targets - anchors == set()


def yaml_block_after(text: str, marker: str) -> str:
    start = text.index(marker)
    return re.search(r"```yaml\n(.*?)```", text[start:], re.DOTALL).group(1)


def test_the_complete_example_in_the_guide_validates_without_problems(tmp_path):
    example = yaml_block_after(GUIDE_TEXT, "## A complete example")
    root = tmp_path / "project"
    shutil.copytree(REPO / "practices", root / "practices")
    record_id = yaml.safe_load(example)["id"]
    path = root / "practices" / f"{record_id}.yml"
    path.write_text(example, "utf-8")
    report = validate_paths([path], root)
    assert report.problems == [], [str(p) for p in report.problems]


def test_the_review_example_in_the_guide_is_a_valid_review():
    block = yaml_block_after(GUIDE_TEXT, "### Reviewing a practice")
    data = yaml.safe_load(block)
    from esl_toolbox.model import Review

    assert Review.model_validate(data["review"]).status == "reviewed"


def test_the_blank_template_in_the_guide_is_the_one_esl_toolbox_new_writes(tmp_path, monkeypatch):
    template = guide_blocks()["template"]
    assert template in GUIDE_TEXT
    monkeypatch.chdir(tmp_path)
    (tmp_path / "practices").mkdir()
    assert main(["new", "Name of the practice"]) == 0
    written = (tmp_path / "practices" / "name-of-the-practice.yml").read_text("utf-8")
    shown = yaml_block_after(GUIDE_TEXT, "<!-- BEGIN generated:template")
    dates = re.compile(r"^(\s*(?:created|year): )(?:\d{4}-\d{2}-\d{2}|\d{4}|YYYY-MM-DD|YYYY)$", re.MULTILINE)
    assert dates.sub(r"\1DATE", written) == dates.sub(r"\1DATE", shown)


def test_the_guide_names_the_form_as_github_lists_it():
    assert f"**{form()['name']}**" in section(GUIDE_TEXT, "## Way A: propose a practice with a form")


def test_the_blank_template_filled_in_as_way_b_says_validates(tmp_path):
    """Way B: rename the id, replace every TODO and example address, set the dates."""
    text = yaml_block_after(GUIDE_TEXT, "<!-- BEGIN generated:template")
    text = text.replace("id: name-of-the-practice", "id: homework-club-in-sagene")
    text = text.replace('title: "Title"', "title: Homework club in Sagene")
    text = re.sub(r"TODO: one to three plain sentences[^\n]*", "Parents help pupils with homework after school.", text)
    text = re.sub(r"TODO: what the practice is[^\n]*", "A homework club run by parents in a school.", text)
    text = text.replace("TODO title of the report, article or web page", "PACT project description")
    text = text.replace("https://example.org/TODO", "https://www.pactesl.eu/introduction")
    text = text.replace("TODO organisation or journal", "PACT partnership")
    text = text.replace("created: YYYY-MM-DD", "created: 2026-11-23").replace("year: YYYY", "year: 2018")
    assert "TODO" not in text and "example.org/" not in text.split("organisations: []")[0]
    path = tmp_path / "practices" / "homework-club-in-sagene.yml"
    path.parent.mkdir()
    path.write_text(text, "utf-8")
    report = validate_paths([path], tmp_path)
    assert report.errors == [], [str(p) for p in report.errors]


def test_a_broken_record_is_annotated_on_its_line_with_the_path_github_needs(tmp_path, monkeypatch, capsys):
    """What the pull request workflow's `esl-toolbox validate --format github` prints for a mistake."""
    shutil.copytree(REPO / "practices", tmp_path / "practices")
    path = tmp_path / "practices" / "community-co-op-oslo.yml"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    broken_line = next(i for i, line in enumerate(lines) if line.startswith("isced_levels:")) + 2
    lines[broken_line - 1] = "  - 9\n"
    path.write_text("".join(lines), "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "--format", "github"]) == 1
    annotation = capsys.readouterr().out.splitlines()[0]
    expected = f"::error file=practices/community-co-op-oslo.yml,line={broken_line},col=5,title=isced_levels[0]::"
    assert annotation.startswith(expected)
