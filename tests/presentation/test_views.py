"""A practice's view: every fact of version 2 formatted once, as the page, the factsheet and the
open data show it."""

from __future__ import annotations

from pathlib import Path

import pytest
from esl_toolbox.catalogue import Catalogue, load_catalogue
from esl_toolbox.model import Period, Phase
from esl_toolbox.presentation.resolve import period_of_phases
from esl_toolbox.presentation.views import PracticeView, Views
from fixture_project import FIXTURE_PROJECT


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(FIXTURE_PROJECT, use_cache=False)


@pytest.fixture(scope="module")
def full(catalogue: Catalogue) -> PracticeView:
    """The fixture that fills every field of the format."""
    return Views(catalogue).of(catalogue.practice("reading-circles-across-europe"))


def test_evidence_shows_the_rigour_and_beside_it_what_was_found(full: PracticeView):
    assert full.evidence.term.label == "Emergent" and full.evidence.findings == "mixed"
    assert full.evidence_text == "Emergent · mixed"
    assert full.glance == "Evidence: Emergent · mixed · Low cost"


def test_cost_scale_ages_and_levels_read_as_a_sentence_would(full: PracticeView):
    assert full.cost.short == "Low cost"
    assert full.cost.amount == "€260 per participant per year (2024 prices)"
    assert full.latest_scale == "310 young people (2024)"
    assert [s.text for s in full.scale] == ["48 young people (2022)", "310 young people (2024)"]
    assert full.ages == "ages 15 to 24"
    assert full.terms_text("qualification_levels") == "EQF level 2"


def test_funding_lists_every_funder_with_basis_share_and_period(full: PracticeView):
    assert [f.text for f in full.funding] == [
        "Erasmus+ KA2 (test fixture): €120,000.50 in total (80%)",
        "Municipality of Alcobaça (test fixture): €1,500 per year (20%)",
    ]


def test_evaluations_name_design_finding_outcomes_sample_and_study(full: PracticeView):
    (e,) = full.evaluations
    assert e.headline == "Before-and-after study, Test fixture evaluators, 2024"
    assert (e.direction.label, e.sample, e.source) == ("Mixed", "120 young people", 1)
    assert e.outcomes == "Return to education or training, Well-being and engagement"
    assert e.design.url == "evaluation-designs/before-after/"


def test_citations_are_numbered_and_give_authors_date_isbn_and_the_source_they_came_through(full: PracticeView):
    second = full.citations[1]
    assert (second.number, second.via, second.isbn) == (2, 1, "978-84-09-17979-4")
    assert second.by == "Ferreira, A., Olsen, K., 6 July 2020"


def test_the_original_name_keeps_its_language(full: PracticeView):
    assert (full.original_title, full.original_language, full.acronym) == (
        "Círculos de leitura para jovens",
        "pt",
        "CLJ",
    )


def test_a_practice_of_a_project_takes_its_funding_and_period(catalogue: Catalogue):
    view = Views(catalogue).of(catalogue.practice("community-co-op-oslo"))
    assert view.funding_from_project and view.period_from_project
    assert view.funding[0].text == (
        "European Union – Erasmus+ (innovation, strategic partnership): €341,611 in total "
        "(1 September 2017 – 30 August 2020)"
    )
    assert view.period == "1 September 2017 – 30 August 2020"


def test_the_period_comes_from_the_phases_when_the_record_gives_none():
    phases = [
        Phase(name="Pilot", period=Period(start="2015", end="2016")),
        Phase(name="Roll-out", period=Period(start="2017", end="2020")),
    ]
    assert period_of_phases(phases) == Period(start="2015", end="2020")
    ongoing = [*phases, Phase(name="Now", period=Period(start="2021", ongoing=True))]
    assert period_of_phases(ongoing) == Period(start="2015", ongoing=True)
    assert period_of_phases([Phase(name="Undated")]) is None


def test_outside_isced_is_said_instead_of_not_stated(catalogue: Catalogue):
    practice = catalogue.practice("jet-cd").model_copy(update={"isced_not_applicable": True})
    from esl_toolbox.presentation.resolve import resolve

    assert PracticeView(resolve(catalogue, practice)).levels_text == "Outside the ISCED levels"
    assert Views(catalogue).of(catalogue.practice("jet-cd")).levels_text == "Not stated in the sources"


def test_views_are_made_once(catalogue: Catalogue, tmp_path: Path):
    views = Views(catalogue)
    practice = catalogue.practices[0]
    assert views.of(practice) is views.of(practice)
