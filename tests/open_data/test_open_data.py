"""The open data carries every field: CSV with a column for each (lists of parts as readable text),
JSON as validated, a Frictionless data package describing both, and the sources as CSL-JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from esl_toolbox.languages import translated_codes
from esl_toolbox.model import Practice, top_level_fields
from esl_toolbox.open_data.datapackage import datapackage
from esl_toolbox.settings import load_settings
from fixture_project import BUILT_LANGUAGES, REPO


@pytest.fixture(scope="module")
def data(built_project: Path) -> Path:
    return built_project / "site" / "data"


@pytest.fixture(scope="module")
def rows(data: Path) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in csv.DictReader(io.StringIO((data / "practices.csv").read_text("utf-8")))}


def test_every_field_of_the_model_has_its_csv_columns(rows):
    header = set(next(iter(rows.values())))
    for meta in top_level_fields(Practice):
        if meta.csv:
            assert meta.name in header or any(column.startswith(meta.name + "_") for column in header), meta.name


def test_lists_of_parts_are_readable_text_in_one_column(rows):
    row = rows["reading-circles-across-europe"]
    assert row["funding"] == (
        "Erasmus+ KA2 (test fixture): €120,000.50 in total (80%); "
        "Municipality of Alcobaça (test fixture): €1,500 per year (20%)"
    )
    assert row["evaluations"].startswith("Before-and-after study, Test fixture evaluators, 2024 – Mixed – ")
    assert row["scale"] == "48 young people (2022); 310 young people (2024)"
    assert (
        row["phases"]
        == "Pilot in Alcobaça (September 2021 – June 2022); Five countries (since September 2022 (ongoing))"
    )
    assert row["cost"] == "Low cost · €260 per participant per year (2024 prices)"
    assert (row["cost_band"], row["cost_amount"], row["age_range_min"], row["implementation_contact"]) == (
        "low",
        "260.0",
        "15",
        "Associação de Pais da Escola Secundária de Alcobaça · https://reading-circles.test/contact",
    )


def test_the_json_holds_every_record_as_validated(data):
    document = json.loads((data / "practices.json").read_text("utf-8"))
    entry = next(p for p in document["practices"] if p["id"] == "reading-circles-across-europe")
    assert entry["evaluations"][0]["sample"] == {"size": 120, "unit": "young-people"}
    assert entry["labels"]["cost_band"] == "Low cost"
    assert document["schema"].endswith("/schema/v2/practice.schema.json")


def test_the_data_package_describes_every_csv_column_with_its_type(data, rows):
    package = json.loads((data / "datapackage.json").read_text("utf-8"))
    assert package["profile"] == "data-package" and package["licenses"][0]["name"] == "CC-BY-4.0"
    resources = {r["name"]: r for r in package["resources"]}
    # The site's languages (the fixture builds en, pt and bg): a CSV for each, and none for the others.
    built = [code for code in BUILT_LANGUAGES.split(",") if code != "en"]
    csvs = {"practices.csv"} | {f"practices.{code}.csv" for code in built}
    assert {r["path"] for r in resources.values()} == csvs | {"practices.json", "sources.json"}
    assert sorted(p.name for p in data.glob("practices*.csv")) == sorted(csvs)
    assert all((data / r["path"]).is_file() for r in resources.values())
    fields = resources["practices-csv"]["schema"]["fields"]
    assert [f["name"] for f in fields] == list(next(iter(rows.values())))
    types = {f["name"]: f["type"] for f in fields}
    assert (types["created"], types["age_range_min"], types["cost_amount"], types["isced_not_applicable"]) == (
        "date",
        "integer",
        "number",
        "boolean",
    )
    for row in rows.values():  # every value reads as its declared type
        for name, kind in types.items():
            value = row[name]
            if value and kind == "date":
                dt.date.fromisoformat(value)
            elif value and kind == "integer":
                int(value)
            elif value and kind == "number":
                float(value)
            elif value and kind == "boolean":
                assert value in ("true", "false")


def test_sources_are_csl_json_each_once_with_the_practices_citing_it(data, built_project: Path):
    items = json.loads((data / "sources.json").read_text("utf-8"))
    assert len({i["id"] for i in items}) == len(items)
    keys = [(i.get("DOI"), i.get("URL"), i["title"]) for i in items]
    assert len(set(keys)) == len(keys)
    pact = [i for i in items if "pactesl.eu/introduction" in i.get("URL", "")]
    assert len(pact) == 1 and "community-co-op-oslo" in pact[0]["note"] and "pact" in pact[0]["note"]
    book = next(i for i in items if i.get("ISBN"))
    assert book["type"] == "book" and book["author"][0] == {"family": "Ferreira", "given": "A."}
    assert book["issued"] == {"date-parts": [[2020, 7, 6]]}
    assert all(i["type"] in {"book", "article", "webpage", "document"} for i in items)


def test_the_data_package_of_the_whole_site_lists_the_csv_of_every_language():
    package = datapackage(load_settings(REPO), dt.date(2026, 1, 1))
    paths = {r["path"] for r in package["resources"]}
    assert {f"practices.{code}.csv" for code in translated_codes()} <= paths
