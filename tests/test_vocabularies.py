"""Controlled vocabularies: one place, a label and a one-line definition for every term."""

from esl_toolbox.vocabularies import VOCABULARY_FILES, vocabularies, vocabulary


def test_every_term_has_a_label_and_a_one_line_definition():
    for key in VOCABULARY_FILES:
        vocab = vocabulary(key)
        assert vocab.terms, key
        for term in vocab.terms.values():
            assert term.label.strip() and term.definition.strip(), (key, term.id)
            assert "\n" not in term.definition and len(term.definition) < 200, (key, term.id)


def test_vocabularies_hold_the_eu_framework_and_isced_2011():
    assert vocabulary("intervention_types").ids() == ["prevention", "intervention", "compensation"]
    assert vocabulary("isced_levels").ids() == list(range(9))
    assert [t.rank for t in vocabulary("evidence_levels").terms.values()] == [0, 1, 2, 3, 4]


def test_countries_and_languages_come_from_iso_lists():
    assert vocabulary("countries").label("MK") == "North Macedonia"
    assert vocabulary("countries").label("NO") == "Norway"
    assert vocabulary("languages").label("lv") == "Latvian"
    assert len(vocabularies()["countries"].terms) > 240


def test_near_misses_get_a_suggestion():
    assert vocabulary("target_groups").suggest("Roma learner") == "roma"
    assert vocabulary("intervention_types").suggest("preventon") == "prevention"
    assert vocabulary("themes").suggest("zzzz") is None
