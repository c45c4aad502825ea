"""Checks of one valid record beyond its model: small functions, each returning its problems.

Each takes the parsed document (for positions and raw text), the record and its path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..loader import Document
from ..model import Practice
from ..problems import ERROR, WARNING, Problem
from ..vocabularies import vocabulary
from .load import problem_at

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
MAX_SUMMARY_SENTENCES = 3
TEMPLATE_EXAMPLE = "# example:"  # `esl-toolbox new` writes it beside the values it fills in


def _strings(data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, loc + (index,))


def check_id_matches_file_name(doc: Document, record: Any, path: Path) -> list[Problem]:
    if record.id == path.stem:
        return []
    return [
        problem_at(
            doc, ("id",), ERROR, f"id '{record.id}' differs from the file name; rename one to match '{path.stem}'"
        )
    ]


def check_summary_length(doc: Document, record: Any, path: Path) -> list[Problem]:
    if not isinstance(record, Practice):
        return []
    sentences = len(SENTENCE_END.findall(record.summary))
    if sentences <= MAX_SUMMARY_SENTENCES:
        return []
    message = f"summary has {sentences} sentences; keep it to one to three and move the rest to description"
    return [problem_at(doc, ("summary",), WARNING, message)]


def check_no_email_addresses(doc: Document, record: Any, path: Path) -> list[Problem]:
    # An address needs an "@": testing for one first spares the regex, a quarter of a record's check.
    if "@" not in doc.text or not EMAIL.search(doc.text):
        return []
    return [
        problem_at(
            doc, loc, WARNING, "contains an e-mail address; records name organisations and web pages, not contacts"
        )
        for loc, text in _strings(doc.data)
        if EMAIL.search(text)
    ]


def check_no_template_placeholders(doc: Document, record: Any, path: Path) -> list[Problem]:
    if "TODO" not in doc.text and "example.org" not in doc.text:
        return []
    return [
        problem_at(doc, loc, ERROR, "still holds the template's placeholder; write what the source says or remove it")
        for loc, text in _strings(doc.data)
        if "TODO" in text or "example.org" in text
    ]


def check_sources_can_be_found(doc: Document, record: Any, path: Path) -> list[Problem]:
    return [
        problem_at(doc, ("sources", index), WARNING, "give a url or doi so that readers can find this source")
        for index, source in enumerate(record.sources)
        if source.url is None and source.doi is None
    ]


def check_evidence_basis(doc: Document, record: Any, path: Path) -> list[Problem]:
    if not isinstance(record, Practice) or record.evidence.level == "not-evaluated" or record.evidence.basis:
        return []
    return [problem_at(doc, ("evidence",), WARNING, "an evidence level above 'not-evaluated' should state its basis")]


def check_record_dates(doc: Document, record: Any, path: Path) -> list[Problem]:
    if not isinstance(record, Practice) or record.updated is None or record.updated >= record.created:
        return []
    return [problem_at(doc, ("updated",), ERROR, f"updated ({record.updated}) is before created ({record.created})")]


# The evidence scale's steps, and the evaluation designs that can carry each.
CONTROLLED = {"randomised-controlled-trial", "quasi-experimental", "systematic-review"}
OUTCOME_DESIGNS = CONTROLLED | {"before-after", "monitoring-data"}


def _rank(level: str) -> int:
    return vocabulary("evidence_levels").terms[level].rank or 0


def check_evidence_rests_on_evaluations(doc: Document, record: Any, path: Path) -> list[Problem]:
    """The level is the rigour of the evaluations the record lists; what they found is said beside it."""
    if not isinstance(record, Practice):
        return []
    level, designs = record.evidence.level, [e.design for e in record.evaluations]
    where = ("evidence", "level")
    if _rank(level) >= _rank("emergent") and not designs:
        message = f"evidence level '{level}' needs at least one study in evaluations; add it, or use 'rationale'"
        return [problem_at(doc, where, ERROR, message + " or 'not-evaluated'")]
    controlled = [d for d in designs if d in CONTROLLED]
    if level == "strong" and not (
        {"randomised-controlled-trial", "systematic-review"} & set(designs) or len(controlled) >= 2
    ):
        message = "'strong' needs a randomised controlled trial, a systematic review or two controlled comparisons"
        return [problem_at(doc, where, ERROR, message + " among the evaluations")]
    if level == "promising" and not controlled:
        message = "'promising' rests on a controlled comparison, and none of the evaluations is one"
        return [problem_at(doc, where, WARNING, message + " (quasi-experimental, randomised or a systematic review)")]
    if level == "not-evaluated" and designs:
        message = f"the record lists {len(designs)} evaluation(s); choose the level their designs support"
        return [problem_at(doc, where, WARNING, message)]
    if level == "rationale" and set(designs) & OUTCOME_DESIGNS:
        message = "an evaluation measured outcomes: on the scale that is 'emergent' or above, not 'rationale'"
        return [problem_at(doc, where, WARNING, message)]
    return []


def _source_number_problem(doc: Document, loc: tuple, number: int | None, sources: int) -> list[Problem]:
    if number is None or number <= sources:
        return []
    message = f"there is no source {number}: the record has {sources} (count from 1 in sources)"
    return [problem_at(doc, loc, ERROR, message)]


def check_source_numbers(doc: Document, record: Any, path: Path) -> list[Problem]:
    """Evaluations and secondary citations name sources of the same record by their number."""
    sources = len(record.sources)
    problems = []
    for i, evaluation in enumerate(getattr(record, "evaluations", [])):
        problems += _source_number_problem(doc, ("evaluations", i, "source"), evaluation.source, sources)
    for i, source in enumerate(record.sources):
        problems += _source_number_problem(doc, ("sources", i, "via"), source.via, sources)
        if source.via == i + 1:
            problems.append(problem_at(doc, ("sources", i, "via"), ERROR, "a source cannot be known through itself"))
    return problems


def check_regions_are_in_the_countries(doc: Document, record: Any, path: Path) -> list[Problem]:
    if not isinstance(record, Practice):
        return []
    problems = []
    for i, code in enumerate(record.regions):
        country = code.split("-")[0]
        if country not in record.countries:
            name = vocabulary("regions").label(code)
            message = f"{code} ({name}) is in {country}, which is not in countries; add {country} there"
            problems.append(problem_at(doc, ("regions", i), ERROR, message))
    return problems


def check_outside_isced_has_no_levels(doc: Document, record: Any, path: Path) -> list[Problem]:
    if not isinstance(record, Practice) or not (record.isced_not_applicable and record.isced_levels):
        return []
    message = "isced_not_applicable is true, so isced_levels must be empty; keep the one the sources support"
    return [problem_at(doc, ("isced_not_applicable",), ERROR, message)]


def check_original_title_has_its_language(doc: Document, record: Any, path: Path) -> list[Problem]:
    if not isinstance(record, Practice):
        return []
    if record.original_title and not record.original_language:
        message = "give original_language with original_title: the ISO 639-1 code of its language, such as pt"
        return [problem_at(doc, ("original_title",), ERROR, message)]
    if record.original_language and not record.original_title:
        return [problem_at(doc, ("original_language",), WARNING, "original_language goes with an original_title")]
    return []


def check_funding_shares(doc: Document, record: Any, path: Path) -> list[Problem]:
    total = sum(f.share or 0 for f in record.funding)
    if total <= 100.5:
        return []
    message = f"the shares add up to {total:g}%; each is its funder's percent of the whole funding"
    return [problem_at(doc, ("funding",), ERROR, message, prefer_key=True)]


def check_cost_band_matches_the_amount(doc: Document, record: Any, path: Path) -> list[Problem]:
    """A band beside an amount per learner per year in euros must be the band that amount falls in."""
    cost = getattr(record, "cost", None)
    if not cost or not cost.band or cost.amount is None:
        return []
    if cost.currency != "EUR" or cost.basis != "per-participant-per-year":
        return []
    bands = vocabulary("cost_bands").terms.values()
    expected = next((t for t in bands if t.up_to_eur is None or cost.amount < t.up_to_eur), None)
    if expected is None or expected.id == cost.band:
        return []
    message = f"€{cost.amount:,g} per participant per year is in the band '{expected.id}' ({expected.definition})"
    return [problem_at(doc, ("cost", "band"), WARNING, message)]


INITIALS = re.compile(r"^(?:[A-Z]\.\s?)+$|^[A-Z]\.?-[A-Z]\.?$")


def check_authors_are_whole_names(doc: Document, record: Any, path: Path) -> list[Problem]:
    """[Ferreira, A., Olsen, K.] is four authors to YAML: initials on their own are a name cut in two."""
    problems = []
    for i, source in enumerate(record.sources):
        for j, author in enumerate(source.authors):
            if INITIALS.match(author):
                message = f"'{author}' is initials alone: quote each author whole, such as [\"Ferreira, A.\"]"
                problems.append(problem_at(doc, ("sources", i, "authors", j), ERROR, message))
    return problems


def check_template_examples_were_checked(doc: Document, record: Any, path: Path) -> list[Problem]:
    """`esl-toolbox new` marks the values it fills in as examples; a marker left means nobody checked them."""
    if TEMPLATE_EXAMPLE not in doc.text:
        return []
    lines = {n for n, line in enumerate(doc.text.split("\n"), start=1) if TEMPLATE_EXAMPLE in line}
    deepest: dict[int, tuple] = {}  # a list and its first item start on the same line: name the item
    for loc, (line, _) in doc.values.items():
        if line in lines and len(loc) > len(deepest.get(line, ())):
            deepest[line] = loc
    message = "still the template's example value: keep it only if your sources say so, then delete the comment"
    return [problem_at(doc, loc, WARNING, message) for _, loc in sorted(deepest.items())]


FILE_CHECKS: tuple[Callable[[Document, Any, Path], list[Problem]], ...] = (
    check_id_matches_file_name,
    check_summary_length,
    check_no_email_addresses,
    check_no_template_placeholders,
    check_sources_can_be_found,
    check_evidence_basis,
    check_record_dates,
    check_evidence_rests_on_evaluations,
    check_source_numbers,
    check_regions_are_in_the_countries,
    check_outside_isced_has_no_levels,
    check_original_title_has_its_language,
    check_funding_shares,
    check_cost_band_matches_the_amount,
    check_template_examples_were_checked,
    check_authors_are_whole_names,
)
