"""The data files: the toolbox page's data, the open data exports and the published JSON Schema."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from esl_toolbox.catalogue import Catalogue
from esl_toolbox.model import Practice
from esl_toolbox.open_data import to_json
from esl_toolbox.site.data import SUMMARY_CHUNK, summary_chunks, toolbox_files
from esl_toolbox.site.facets import FacetIndex, facets
from esl_toolbox.vocabularies import vocabulary
from site_support import REPO, a_record, run_toolbox

from corpus import SEED, CorpusMaker

ASSETS = REPO / "scripts" / "esl_toolbox" / "site" / "assets"

FACET_KEYS = ["type", "isced", "group", "theme", "country", "level", "evidence", "design", "cost", "role"]
# What each facet of the toolbox reads from a record, written out so the test does not trust the
# generator's own mapping.
FACET_FIELDS = {
    "type": lambda p: p.intervention_types,
    "isced": lambda p: [str(level) for level in p.isced_levels],
    "group": lambda p: p.target_groups,
    "theme": lambda p: p.themes,
    "country": lambda p: p.countries,
    "level": lambda p: p.intervention_levels,
    "evidence": lambda p: [p.evidence.level],
    "design": lambda p: list(dict.fromkeys(e.design for e in p.evaluations)),
    "cost": lambda p: [p.cost.band] if p.cost and p.cost.band else [],
    "role": lambda p: p.audiences,
}
BUDGET = 1_000_000  # the toolbox page, its data and its script, gzip, at 10,000 practices (issue 7)


def toolbox_json(site: Path) -> dict:
    return json.loads((site / "data" / "toolbox.json").read_text("utf-8"))


def by_title(catalogue: Catalogue) -> list[Practice]:
    return sorted(catalogue.practices, key=lambda p: (p.title.casefold(), p.id))


def test_toolbox_data_has_the_facets_in_order_and_every_practice_by_title(site: Path, catalogue: Catalogue):
    data = toolbox_json(site)
    assert [f["key"] for f in data["facets"]] == FACET_KEYS
    assert data["facets"][0]["label"] == "When it acts"  # the plain heading visitors read
    assert data["practices"]["id"] == [p.id for p in by_title(catalogue)]


def test_toolbox_data_matches_each_record_with_facet_values_as_positions(site: Path, catalogue: Catalogue):
    data = toolbox_json(site)
    values = {f["key"]: [v["id"] for v in f["values"]] for f in data["facets"]}
    columns = data["practices"]
    for i, practice in enumerate(by_title(catalogue)):
        assert columns["title"][i] == practice.title
        assert data["statuses"][columns["status"][i]] == practice.review.status
        url = data["url"].format(id=practice.id)
        assert url == f"practices/{practice.id}/" and (site / url / "index.html").exists()
        for key, field in FACET_FIELDS.items():
            assert [values[key][k] for k in columns["facets"][key][i]] == field(practice), key


def test_toolbox_data_leaves_the_summaries_and_search_words_to_other_files(site: Path):
    data = toolbox_json(site)
    assert set(data["practices"]) == {
        *("id", "title", "english_titles", "status", "added", "facets", "glance"),
    }
    glance = data["practices"]["glance"]
    assert len(glance["of"]) == len(data["practices"]["id"]) and len(glance["texts"]) <= len(glance["of"])
    assert data["summaries"] == {"file": "toolbox/summaries-{chunk}.json", "chunk": SUMMARY_CHUNK}
    assert data["statuses"] == ["submitted", "reviewed"]


def test_summaries_come_in_chunks_by_position(site: Path, catalogue: Catalogue):
    chunks = sorted((site / "data" / "toolbox").glob("summaries-*.json"))
    assert [c.name for c in chunks] == [f"summaries-{n}.json" for n in range(len(chunks))]
    summaries = [s for chunk in chunks for s in json.loads(chunk.read_text("utf-8"))]
    assert summaries == [p.summary for p in by_title(catalogue)]


def test_summary_chunks_hold_a_fixed_number_each_but_the_last():
    practices = tuple(_practice(n) for n in range(2 * SUMMARY_CHUNK + 3))
    chunks = summary_chunks(Catalogue(practices=practices, projects={}))
    assert list(chunks) == [f"toolbox/summaries-{n}.json" for n in range(3)]
    assert [len(c) for c in chunks.values()] == [SUMMARY_CHUNK, SUMMARY_CHUNK, 3]


def test_toolbox_facets_offer_every_term_with_its_count_so_none_yet_shows(site: Path, catalogue: Catalogue):
    data = toolbox_json(site)
    for facet in data["facets"]:
        in_records = {str(v) for p in catalogue.practices for v in FACET_FIELDS[facet["key"]](p)}
        ids = {v["id"] for v in facet["values"]}
        key = next(f.vocabulary for f in facets() if f.key == facet["key"])
        # Every term of the vocabulary, those with no practice yet too; of the ISO country list only those in use.
        expected = in_records if facet["key"] == "country" else {str(t) for t in vocabulary(key).ids()}
        assert ids == expected, facet["key"]
        for k, value in enumerate(facet["values"]):
            uses = sum(k in positions for positions in data["practices"]["facets"][facet["key"]])
            assert value["count"] == uses, (facet["key"], value["id"])
    isced = next(f for f in data["facets"] if f["key"] == "isced")
    assert isced["values"][1]["label"] == "Primary school (ISCED 1)"  # plain words first, the term second


def _practice(n: int) -> Practice:
    record = yaml.safe_load(sorted((REPO / "practices").glob("*.yml"))[0].read_text("utf-8"))
    return Practice.model_validate({**record, "id": f"practice-{n}", "title": f"Practice {n}"})


@pytest.fixture(scope="module")
def catalogue_of_10000() -> Catalogue:
    """10,000 records from the benchmark's corpus maker, in memory: realistic titles, ids and values."""
    maker = CorpusMaker(10_000, SEED)
    practices = tuple(Practice.model_validate(maker.practice(i)) for i in range(10_000))
    return Catalogue(practices=tuple(sorted(practices, key=lambda p: p.id)), projects={})


def gzipped(data: bytes) -> int:
    """Bytes a web server that compresses sends (gzip level 6, as benchmarks/measure.py counts)."""
    return len(gzip.compress(data, compresslevel=6))


def test_at_10000_practices_what_the_toolbox_loads_up_front_is_well_under_the_budget(catalogue_of_10000: Catalogue):
    files = {
        name: to_json(document, compact=True).encode("utf-8")
        for name, document in toolbox_files(catalogue_of_10000, FacetIndex(catalogue_of_10000)).items()
    }
    data, script = gzipped(files.pop("toolbox.json")), gzipped((ASSETS / "scripts" / "toolbox.js").read_bytes())
    print(f"\n10,000 practices: toolbox.json {data:,} B gzip, toolbox.js {script:,} B gzip")
    # Measured at 417 KB and 8 KB before sorting (dates) and the "who would use it" facet came in,
    # 493 KB and 11 KB after: still well under the budget, leaving the rest to the page (about 50 KB).
    assert data + script < BUDGET * 0.55
    chunks = [gzipped(chunk) for name, chunk in files.items() if "summaries" in name]
    assert len(chunks) == 10_000 // SUMMARY_CHUNK
    # A chunk is fetched for the cards shown: about 20 KB each; all of them only for words.
    assert max(chunks) < 25_000
    assert sum(chunks) > data  # the summaries were the bigger part, and are no longer up front


def test_practices_json_holds_every_record_as_validated_with_labels(site: Path, catalogue: Catalogue):
    document = json.loads((site / "data" / "practices.json").read_text("utf-8"))
    schema = json.loads((REPO / "schema" / "v2" / "practice.schema.json").read_text("utf-8"))
    assert [p["id"] for p in document["practices"]] == [p.id for p in catalogue.practices]
    assert document["licence"] == "CC BY 4.0"
    for entry, practice in zip(document["practices"], catalogue.practices, strict=True):
        labels = entry.pop("labels")
        entry.pop("translations", None)  # checked in tests/site/test_site_languages.py
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
    for name in ("practice.schema.json", "v2/practice.schema.json", "v2/project.schema.json"):
        assert (site / "schema" / name).read_bytes() == (REPO / "schema" / name).read_bytes()


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
