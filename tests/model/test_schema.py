"""The JSON Schema: generated from the model, committed current, and in agreement with the model."""

import json
from pathlib import Path

import jsonschema
import pytest
from esl_toolbox.loader import load_document
from esl_toolbox.model import Practice, translatable_fields
from esl_toolbox.schema import SCHEMA_DIR, schema_text, stale_schemas, write_schemas

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"

# Broken records whose fault is in the data itself (not the YAML, the file name or other files),
# which both the model and any JSON Schema validator must refuse.
SCHEMA_LEVEL_BROKEN = [
    "country-lowercase",
    "country-not-iso",
    "date-invalid",
    "doi-invalid",
    "empty-sources",
    "evidence-level-unknown",
    "funding-negative",
    "id-not-a-slug",
    "intervention-type-typo",
    "isced-as-text",
    "isced-out-of-range",
    "missing-sources",
    "missing-title",
    "organisation-not-mapping",
    "reviewed-wrong-status",
    "summary-is-mapping",
    "target-group-unknown",
    "title-is-list",
    "title-two-lines",
    "types-not-list",
    "unknown-field",
    "unknown-nested-field",
    "url-javascript",
    "url-without-scheme",
    "year-is-text",
]


def practice_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((REPO / SCHEMA_DIR / "v2" / "practice.schema.json").read_text())
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_committed_schema_is_current():
    assert stale_schemas(REPO) == [], "run `esl-toolbox schema` and commit schema/"


def test_schema_check_notices_a_stale_file(tmp_path):
    write_schemas(tmp_path)
    assert stale_schemas(tmp_path) == []
    (tmp_path / SCHEMA_DIR / "v2" / "practice.schema.json").write_text("{}")
    assert [p.relative_to(tmp_path).as_posix() for p in stale_schemas(tmp_path)] == ["schema/v2/practice.schema.json"]


def test_version_1_schema_stays_published_beside_version_2():
    v1 = json.loads((REPO / SCHEMA_DIR / "practice.schema.json").read_text())
    v2 = json.loads((REPO / SCHEMA_DIR / "v2" / "practice.schema.json").read_text())
    assert "schema_version" not in v1["properties"] and v1["properties"]["funding"]["anyOf"][0]["$ref"]
    assert v2["properties"]["schema_version"]["const"] == 2 and v2["properties"]["funding"]["type"] == "array"


def test_schema_lists_vocabulary_terms_with_their_definitions():
    schema = json.loads(schema_text(Practice))
    groups = schema["properties"]["target_groups"]["items"]["oneOf"]
    assert {
        "const": "roma",
        "title": "Roma learners",
        "description": "Learners from Roma communities.",
    } in groups


def test_schema_marks_translatable_fields():
    schema = json.loads(schema_text(Practice))
    marked = sorted(name for name, prop in schema["properties"].items() if prop.get("x-translatable"))
    assert marked == sorted(translatable_fields(Practice))
    assert {"title", "summary", "description"} <= set(marked)


@pytest.mark.parametrize(
    "path",
    sorted((REPO / "practices").glob("*.yml")) + sorted((FIXTURES / "valid" / "practices").glob("*.yml")),
    ids=lambda p: p.stem,
)
def test_independent_validator_accepts_every_valid_record(path):
    doc, problems = load_document(path)
    assert problems == []
    Practice.model_validate(doc.data)
    assert list(practice_validator().iter_errors(doc.data)) == []


@pytest.mark.parametrize("name", SCHEMA_LEVEL_BROKEN)
def test_independent_validator_refuses_what_the_model_refuses(name):
    doc, problems = load_document(FIXTURES / "broken" / f"{name}.yml")
    assert problems == []
    with pytest.raises(ValueError):
        Practice.model_validate(doc.data)
    assert list(practice_validator().iter_errors(doc.data)), f"the JSON Schema accepts {name}"
