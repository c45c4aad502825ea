"""The checks of version 2's facts: evidence that rests on evaluations, sources named by number,
regions, original names, shares and cost bands, and the mistakes contributors make, each said in
plain words at its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from esl_toolbox.validation import validate_paths

# A valid record; each test adds or changes a few lines. Line numbers below count from 1.
BASE = """\
schema_version: 2
id: rec
title: A practice
summary: What it does.
description: How it works.
intervention_types: [intervention]
countries: [ES]
evidence:
  level: {level}
  basis: What the sources say.
sources:
  - title: First source
    url: https://www.example.eu/one
  - title: Second source
    url: https://www.example.eu/two
created: 2026-11-28
"""


def problems(tmp_path: Path, extra: str = "", level: str = "not-evaluated", **replace: str) -> list[str]:
    text = BASE.format(level=level) + extra
    for old, new in replace.items():
        text = text.replace(old.replace("_", " ") if " " in old else old, new)
    path = tmp_path / "rec.yml"
    path.write_text(text, "utf-8")
    return [f"{p.line}:{p.severity}:{p.field}: {p.message}" for p in validate_paths([path]).problems]


def evaluations(*designs: str) -> str:
    items = "".join(f"  - design: {d}\n    direction: no-effect\n    source: 1\n" for d in designs)
    return "evaluations:\n" + items


def test_a_level_above_rationale_needs_an_evaluation(tmp_path):
    assert problems(tmp_path, level="emergent") == [
        "9:error:evidence.level: evidence level 'emergent' needs at least one study in evaluations; "
        "add it, or use 'rationale' or 'not-evaluated'"
    ]


def test_strong_needs_a_trial_a_review_or_two_controlled_comparisons(tmp_path):
    assert (
        "'strong' needs a randomised controlled trial"
        in problems(tmp_path, evaluations("quasi-experimental"), level="strong")[0]
    )
    assert problems(tmp_path, evaluations("quasi-experimental", "quasi-experimental"), level="strong") == []
    assert problems(tmp_path, evaluations("randomised-controlled-trial"), level="strong") == []


def test_a_rigorous_study_that_found_nothing_is_still_strong_evidence(tmp_path):
    # The direction of findings is told apart from the rigour: "strong, no effect found" is sayable.
    assert problems(tmp_path, evaluations("randomised-controlled-trial"), level="strong") == []


def test_promising_without_a_controlled_comparison_is_a_warning(tmp_path):
    (found,) = problems(tmp_path, evaluations("before-after"), level="promising")
    assert found.startswith("9:warning:evidence.level: 'promising' rests on a controlled comparison")


def test_evaluations_beside_not_evaluated_are_a_warning(tmp_path):
    (found,) = problems(tmp_path, evaluations("qualitative"))
    assert found == "9:warning:evidence.level: the record lists 1 evaluation(s); choose the level their designs support"


def test_an_evaluation_names_a_source_of_the_record_by_its_number(tmp_path):
    extra = "evaluations:\n  - design: qualitative\n    direction: mixed\n    source: 3\n"
    (found,) = problems(tmp_path, extra, level="rationale")
    assert found == "20:error:evaluations[0].source: there is no source 3: the record has 2 (count from 1 in sources)"


def test_a_source_known_through_another_names_that_one(tmp_path):
    found = problems(
        tmp_path, **{"    url: https://www.example.eu/two\n": "    url: https://www.example.eu/two\n    via: 2\n"}
    )
    assert found == ["16:error:sources[1].via: a source cannot be known through itself"]


def test_a_region_belongs_to_one_of_the_countries(tmp_path):
    assert problems(tmp_path, "regions: [ES-CT]\n") == []
    (found,) = problems(tmp_path, "regions: [DE-HH]\n")
    assert found == "17:error:regions[0]: DE-HH (Hamburg) is in DE, which is not in countries; add DE there"


def test_outside_isced_means_no_isced_level(tmp_path):
    (found,) = problems(tmp_path, "isced_not_applicable: true\nisced_levels: [2]\n")
    assert found.startswith(
        "17:error:isced_not_applicable: isced_not_applicable is true, so isced_levels must be empty"
    )


def test_an_original_name_says_its_language(tmp_path):
    (found,) = problems(tmp_path, "original_title: Programa Escolhas\n")
    assert found.startswith("17:error:original_title: give original_language with original_title")
    assert problems(tmp_path, "original_title: Programa Escolhas\noriginal_language: pt\n") == []


def test_funders_shares_add_up_to_at_most_100(tmp_path):
    extra = "funding:\n  - funder: A\n    share: 70\n  - funder: B\n    share: 50\n"
    (found,) = problems(tmp_path, extra)
    assert found == "17:error:funding: the shares add up to 120%; each is its funder's percent of the whole funding"


def test_a_cost_band_that_disagrees_with_the_amount_is_a_warning(tmp_path):
    extra = "cost:\n  band: low\n  amount: 1800\n  currency: EUR\n  basis: per-participant-per-year\n"
    (found,) = problems(tmp_path, extra)
    assert found.startswith("18:warning:cost.band: €1,800 per participant per year is in the band 'high'")


def test_an_amount_needs_its_currency_and_a_cost_its_basis(tmp_path):
    assert problems(tmp_path, "funding:\n  - funder: A\n    amount: 5000\n") == [
        "18:error:funding[0]: an amount needs its currency, such as currency: EUR"
    ]
    assert problems(tmp_path, "cost:\n  amount: 5\n  currency: EUR\n") == [
        "18:error:cost: an amount needs its currency and its basis, such as per-participant-per-year"
    ]


def test_authors_cut_in_two_by_a_flow_list_are_an_error(tmp_path):
    replaced = {
        "    url: https://www.example.eu/one\n": "    url: https://www.example.eu/one\n    authors: [Ferreira, A.]\n"
    }
    (found,) = problems(tmp_path, **replaced)
    assert (
        found
        == "14:error:sources[0].authors[1]: 'A.' is initials alone: quote each author whole, such as [\"Ferreira, A.\"]"
    )


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("budget: 5000\n", "17:error:budget: unknown field 'budget'; did you mean 'funding'? Funding: Who paid"),
        ("website: https://x.eu/\n", "17:error:website: unknown field 'website'; did you mean 'url'?"),
        ("staffing: Two teachers\n", "17:error:staffing: unknown field 'staffing'; did you mean 'implementation'?"),
        ("funding:\n  funder: A\n", "18:error:funding: takes a list, not one mapping: put '- ' before the first line"),
        ("cost:\n  - band: low\n", "18:error:cost: takes one mapping (key: value), not a list: remove the '- '"),
        ("outcomes:\n  - Done: well\n", "18:error:outcomes[0]: expected text, got a mapping: the ': ' after 'Done'"),
    ],
)
def test_contributors_mistakes_say_where_the_fact_goes(tmp_path, extra, expected):
    found = problems(tmp_path, extra)
    assert any(line.startswith(expected) for line in found), found


def test_a_version_1_record_gets_one_line_that_says_how_to_upgrade_it(tmp_path):
    path = tmp_path / "old.yml"
    path.write_text("id: old\ntitle: Old\nfunding:\n  programme: X\n", "utf-8")
    (problem,) = validate_paths([path]).problems
    assert (problem.line, problem.column, problem.field) == (1, 1, "schema_version")
    assert "version 1 of the format; upgrade it with `esl-toolbox migrate" in problem.message


def test_the_template_s_example_values_left_unchanged_are_warnings(tmp_path, monkeypatch):
    from esl_toolbox.scaffold import create_record

    (tmp_path / "practices").mkdir()
    path = create_record(tmp_path, "Homework club")
    warnings = [p for p in validate_paths([path]).warnings if "template's example" in p.message]
    assert [w.field for w in warnings] == [
        "intervention_types[0]",
        "isced_levels[0]",
        "target_groups[0]",
        "countries[0]",
    ]
