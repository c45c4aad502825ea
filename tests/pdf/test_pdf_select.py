"""Choosing the practices of a filtered pack: OR within a filter, AND across filters."""

from __future__ import annotations

import pytest
from esl_toolbox.catalogue import Catalogue
from esl_toolbox.pdf.select import Selection, SelectionProblem, parse_selection, select_practices


def selection(types=None, isced=None, countries=None, groups=None) -> Selection:
    return parse_selection({"type": types, "isced": isced, "country": countries, "group": groups})


def test_no_filter_selects_everything(catalogue: Catalogue):
    assert selection().is_everything()
    assert select_practices(catalogue.practices, selection()) == list(catalogue.practices)
    assert str(selection()) == "all practices"


def test_values_of_one_filter_are_alternatives(catalogue: Catalogue):
    chosen = select_practices(catalogue.practices, selection(countries=["PT", "NO"]))
    assert {p.id for p in chosen} == {p.id for p in catalogue.practices if {"PT", "NO"} & set(p.countries)}


def test_filters_must_all_match(catalogue: Catalogue):
    chosen = select_practices(catalogue.practices, selection(types=["prevention"], isced=["1"], countries=["PT"]))
    expected = [
        p
        for p in catalogue.practices
        if "prevention" in p.intervention_types and 1 in p.isced_levels and "PT" in p.countries
    ]
    assert chosen == expected
    assert chosen, "the current records hold Portuguese primary prevention practices"


def test_repeated_and_comma_separated_values_are_the_same():
    assert selection(countries=["pt,no", "LV"]) == selection(countries=["PT", "NO", "LV"])
    assert selection(isced=["1, 2"]) == parse_selection({"isced": ["1", "2"]})


def test_selection_reads_as_a_sentence():
    chosen = selection(types=["prevention"], isced=["1"], countries=["PT", "NO"], groups=["roma"])
    assert str(chosen) == (
        "intervention type Prevention and level of education Primary education (ISCED 1) "
        "and target group Roma learners and country Portugal or Norway"
    )


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("types", "preventon", "--type 'preventon': there is no such intervention type; did you mean 'prevention'?"),
        ("isced", "9", "--isced '9': there is no such level of education"),
        ("countries", "XX", "--country 'XX': there is no such country"),
        ("groups", "roma-learners", "did you mean 'roma'?"),
    ],
)
def test_unknown_values_are_refused_with_a_suggestion(option: str, value: str, message: str):
    with pytest.raises(SelectionProblem) as problem:
        selection(**{option: [value]})
    assert message in str(problem.value)


def test_every_facet_of_the_model_is_a_filter_and_unknown_filters_are_refused():
    assert parse_selection({"theme": ["mentoring"], "evidence": ["not-evaluated"]}).terms
    with pytest.raises(SelectionProblem, match="no such filter: colour"):
        parse_selection({"colour": ["blue"]})
