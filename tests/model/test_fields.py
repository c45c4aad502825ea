"""Field metadata lives once, in the model: every output that lists fields reads it from there."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from esl_toolbox.catalogue import Catalogue, load_catalogue
from esl_toolbox.model import FacetSpec, Practice, facet_fields, field_meta, record_fields, vocabulary_fields
from esl_toolbox.model.fields import about
from esl_toolbox.model.types import Term
from esl_toolbox.open_data import csv_columns, practices_csv
from esl_toolbox.settings import load_settings
from esl_toolbox.site.data import toolbox_data
from esl_toolbox.site.pages import SiteContext, render_generated_config, render_pages
from fixture_project import FIXTURE_PROJECT, REPO
from pydantic import Field


class PracticeWithDelivery(Practice):
    """A copy of the model with one more vocabulary-backed list field, declared as any field is."""

    delivery: list[Term("audiences")] = Field(
        default_factory=list,
        description="Who delivers the practice.",
        **about("Delivered by", "Delivered by", facet=FacetSpec("delivery", "delivered-by", 8)),
    )


@pytest.fixture(scope="module")
def extended() -> Catalogue:
    """The fixture project's practices as PracticeWithDelivery, each delivered by its audiences."""
    catalogue = load_catalogue(FIXTURE_PROJECT, use_cache=False)
    practices = tuple(
        PracticeWithDelivery.model_validate({**p.model_dump(), "delivery": p.audiences}) for p in catalogue.practices
    )
    return Catalogue(practices, catalogue.projects)


def test_one_label_per_field_singular_and_plural():
    meta = field_meta(Practice, "isced_levels")
    assert (meta.label, meta.plural, meta.vocabulary) == ("Level of education", "Levels of education", "isced_levels")
    assert meta.label_for(1) == "Level of education" and meta.label_for(2) == "Levels of education"
    assert field_meta(Practice, "evidence.level").facet.key == "evidence"


def test_the_vocabulary_is_read_from_the_field_type_not_guessed():
    keys = {f.path: f.vocabulary for f in vocabulary_fields(Practice)}
    assert keys["organisations.role"] == "organisation_roles" and keys["resources.languages"] == "languages"
    assert "title" not in keys


def test_facets_come_in_their_declared_order():
    assert [f.facet.key for f in facet_fields(Practice)] == [
        "type", "isced", "group", "theme", "country", "level", "evidence", "design", "cost", "role",
    ]  # fmt: skip


def test_a_new_vocabulary_field_in_the_model_is_a_facet_filter_csv_column_and_about_row(extended: Catalogue):
    assert "delivery" in [f.facet.key for f in facet_fields(PracticeWithDelivery)]
    settings = load_settings(REPO)
    ctx = SiteContext(extended, settings, with_pdf=False, model=PracticeWithDelivery)
    # a facet with listing pages, and a filter on the toolbox page and in its data
    pages = render_pages(ctx)
    assert any(path.startswith("delivered-by/teachers") for path in pages)
    assert 'data-facet="delivery"' in pages["toolbox/index.md"]
    assert "delivery" in [f["key"] for f in toolbox_data(extended, ctx.index)["facets"]]
    # in the navigation
    nav = yaml.safe_load(render_generated_config(ctx))["nav"]
    browse = next(entry["Browse"] for entry in nav if "Browse" in entry)
    assert {"Delivered by": "delivered-by/index.md"} in browse
    # a CSV column holding each practice's terms
    assert "delivery" in csv_columns(PracticeWithDelivery)
    rows = list(csv.DictReader(io.StringIO(practices_csv(extended, settings, model=PracticeWithDelivery))))
    assert all(row["delivery"] == "; ".join(row["audiences"].split("; ")) for row in rows)
    assert any(row["delivery"] for row in rows)
    # a row of the data dictionary's field table
    assert "<tr><td><code>delivery</code></td><td>Delivered by</td>" in pages["data-dictionary/index.md"]


def test_every_field_has_a_label_and_a_description():
    for meta in record_fields(Practice):
        assert meta.label and meta.description, meta.path


def test_the_schema_carries_the_labels_for_editors():
    schema = yaml.safe_load((REPO / "schema" / "v2" / "practice.schema.json").read_text("utf-8"))
    assert schema["properties"]["isced_levels"]["title"] == "Level of education"
    assert schema["properties"]["isced_levels"]["x-plural"] == "Levels of education"
    assert schema["properties"]["themes"]["x-facet"]["key"] == "theme"
    assert Path(REPO / "schema").is_dir()
