"""The data files: the toolbox page's data, the open data exports and the published JSON Schema."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
from esl_toolbox.catalogue import Catalogue
from esl_toolbox.vocabularies import vocabulary
from site_support import REPO, a_record, run_toolbox

FACET_KEYS = ["type", "isced", "group", "country", "level", "evidence"]


def test_toolbox_data_has_the_facets_in_order_and_every_practice_by_title(site: Path, catalogue: Catalogue):
    data = json.loads((site / "data" / "toolbox.json").read_text("utf-8"))
    assert [f["key"] for f in data["facets"]] == FACET_KEYS
    assert data["facets"][0]["label"] == "Intervention type"
    by_title = sorted(catalogue.practices, key=lambda p: (p.title.casefold(), p.id))
    assert [p["id"] for p in data["practices"]] == [p.id for p in by_title]


def test_toolbox_data_matches_each_record(site: Path, catalogue: Catalogue):
    data = json.loads((site / "data" / "toolbox.json").read_text("utf-8"))
    entries = {p["id"]: p for p in data["practices"]}
    for practice in catalogue.practices:
        entry = entries[practice.id]
        assert entry["title"] == practice.title and entry["summary"] == practice.summary
        assert entry["url"] == f"practices/{practice.id}/"
        assert (site / entry["url"] / "index.html").exists()
        assert entry["type"] == practice.intervention_types
        assert entry["isced"] == [str(level) for level in practice.isced_levels]
        assert entry["group"] == practice.target_groups
        assert entry["country"] == practice.countries
        assert entry["level"] == practice.intervention_levels
        assert entry["evidence"] == [practice.evidence.level]
        assert entry["reviewed"] is (practice.review.status == "reviewed")
        assert entry["text"] == entry["text"].lower()
        words = set(entry["text"].split())
        assert set(re.findall(r"\w+", practice.title.lower())) <= words
        assert set(re.findall(r"\w+", practice.summary.lower())) <= words
        for country in practice.countries:
            assert set(vocabulary("countries").label(country).lower().split()) <= words


def test_toolbox_facet_values_are_exactly_the_values_in_use(site: Path, catalogue: Catalogue):
    data = json.loads((site / "data" / "toolbox.json").read_text("utf-8"))
    for facet in data["facets"]:
        used = {v for p in data["practices"] for v in p[facet["key"]]}
        assert {v["id"] for v in facet["values"]} == used, facet["key"]
    isced = next(f for f in data["facets"] if f["key"] == "isced")
    assert all(v["label"] == vocabulary("isced_levels").label(int(v["id"])) for v in isced["values"])


def test_practices_json_holds_every_record_as_validated_with_labels(site: Path, catalogue: Catalogue):
    document = json.loads((site / "data" / "practices.json").read_text("utf-8"))
    schema = json.loads((REPO / "schema" / "practice.schema.json").read_text("utf-8"))
    assert [p["id"] for p in document["practices"]] == [p.id for p in catalogue.practices]
    assert document["licence"] == "CC BY 4.0"
    for entry, practice in zip(document["practices"], catalogue.practices, strict=True):
        labels = entry.pop("labels")
        jsonschema.validate(entry, schema)
        assert entry == practice.model_dump(mode="json", exclude_none=True)
        assert labels["intervention_types"] == [
            vocabulary("intervention_types").label(t) for t in practice.intervention_types
        ]
        assert labels["evidence_level"] == vocabulary("evidence_levels").label(practice.evidence.level)
    assert [p["id"] for p in document["projects"]] == sorted(catalogue.projects)


def test_practices_csv_has_one_row_per_practice_with_lists_joined(site: Path, catalogue: Catalogue):
    rows = list(csv.DictReader(io.StringIO((site / "data" / "practices.csv").read_text("utf-8"))))
    assert [r["id"] for r in rows] == [p.id for p in catalogue.practices]
    for row, practice in zip(rows, catalogue.practices, strict=True):
        assert row["title"] == practice.title
        assert row["isced_levels"] == "; ".join(str(level) for level in practice.isced_levels)
        assert row["target_groups"].split("; ") == practice.target_groups
        assert row["evidence_level"] == practice.evidence.level
        assert row["description"] == practice.description


def test_the_schema_is_published_at_a_stable_address(site: Path):
    published = site / "schema" / "practice.schema.json"
    assert published.read_bytes() == (REPO / "schema" / "practice.schema.json").read_bytes()


def test_export_writes_the_same_json_and_csv_as_the_site(built: Path, site: Path, tmp_path: Path):
    to_stdout = run_toolbox(built, "export", "--format", "json")
    assert to_stdout.returncode == 0
    assert to_stdout.stdout == (site / "data" / "practices.json").read_text("utf-8")
    target = tmp_path / "practices.csv"
    assert run_toolbox(built, "export", "--format", "csv", "-o", str(target)).returncode == 0
    assert target.read_bytes() == (site / "data" / "practices.csv").read_bytes()


def test_export_refuses_invalid_records_with_the_validators_lines(project: Path):
    record = a_record(project)
    record.write_text(f"id: {record.stem}\n", "utf-8")
    result = run_toolbox(project, "export", "--format", "json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"practices/{record.name}:" in result.stderr and "error" in result.stderr
