"""The project's own records: valid, sourced, and free of private persons' contact data."""

from pathlib import Path

from esl_toolbox.catalogue import load_catalogue
from esl_toolbox.presentation.resolve import resolve
from esl_toolbox.validation import validate_paths
from esl_toolbox.validation.file_checks import EMAIL

REPO = Path(__file__).parent.parent

# The practices the source documents in shared/seeds name (issue 2).
SEED_PRACTICES = {
    "leiria-regional-strategy-school-success",
    "jet-cd",
    "community-co-op-oslo",
    "virtue-education-riga",
    "university-student-mentoring-rotterdam",
    "leader-to-leader-cross-mentoring",
    "learning-communities-spain",
    "portuguese-school-community-projects",
    "plan-21-23-escola-plus",
    "phereclos-open-schooling",
    "school-integration-exchange-hub-plus",
}


def test_repository_records_validate_without_errors_or_warnings():
    report = validate_paths([REPO / "practices"], REPO)
    assert report.problems == [], [str(p) for p in report.problems]


def test_every_practice_named_in_the_seeds_has_a_record():
    ids = {p.id for p in load_catalogue(REPO).practices}
    assert ids >= SEED_PRACTICES
    assert len(ids) >= 11


def test_every_record_and_translation_starts_with_the_schema_line_for_editors():
    for path in (REPO / "practices").rglob("*.yml"):
        depth = len(path.relative_to(REPO).parts) - 1
        if "translations" in path.parts:
            kind = "translation"
        else:
            kind = "project" if path.parent.name == "projects" else "practice"
        schema = "../" * depth + f"schema/v2/{kind}.schema.json"
        assert path.read_text().startswith(f"# yaml-language-server: $schema={schema}"), path


def test_no_record_holds_an_email_address():
    for path in (REPO / "practices").rglob("*.yml"):
        assert not EMAIL.search(path.read_text()), path


def test_pact_practices_take_the_project_facts_from_one_place():
    catalogue = load_catalogue(REPO)
    pact = [p for p in catalogue.practices if p.project == "pact"]
    assert len(pact) == 3
    for practice in pact:
        assert practice.funding == [] and practice.period is None
        resolved = resolve(catalogue, practice)
        assert resolved.funding_from_project and resolved.funding[0].amount == 341611
        assert any(o.role == "coordinator" for o in resolved.project_organisations)
