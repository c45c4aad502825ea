"""`esl-toolbox from-issue`: a record file from the body of a "Propose a practice" issue.

GitHub renders an issue form as Markdown: each question's label as a `### ` heading, then the
answer, `_No response_` when empty, and `- [X] Label` / `- [ ] Label` for checkboxes. This module
reads that text back into a record: labels become vocabulary ids, names become ISO codes, lines
become lists. Whatever it cannot read is reported, never guessed, and the record is written with
the safe YAML dumper so that no answer can add fields or structure of its own.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pycountry
import yaml

from ..model import SCHEMA_VERSION, Practice
from ..project import is_slug
from ..vocabularies import Vocabulary, vocabulary
from .questions import CHECKBOXES, DROPDOWN, QUESTIONS, STILL_RUNS, TEXTAREA, Question

MAX_BODY_CHARS = 256 * 1024
NO_RESPONSE = "_No response_"
SCHEMA_LINE = "# yaml-language-server: $schema=../schema/v2/practice.schema.json"

_HEADING = re.compile(r"^### (.+?)\s*$")
_CHECKBOX = re.compile(r"^\s*[-*] \[([ xX])\] (.+?)\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
# Control characters, zero-width characters and bidirectional overrides: invisible in review.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
# Line breaks that YAML 1.1 knows and Python's emitter writes raw: only double quotes escape them.
_YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_URL = re.compile(r"https?://[^\s|<>\"]+")
_DOI = re.compile(r"(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?(10\.\d{4,9}/\S+)", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d{2}")
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})

# Codes the EU uses that ISO 3166 does not (UK, EL), and English names ISO no longer uses.
COUNTRY_ALIASES = {"UK": "GB", "EL": "GR", "TURKEY": "TR", "HOLLAND": "NL", "GREAT BRITAIN": "GB"}
CURRENCY_SYMBOLS = {"€": "EUR", "£": "GBP"}


class FromIssueProblem(Exception):
    """The issue cannot become a record; the message says why."""


@dataclass(frozen=True)
class Note:
    """Something in the issue that was not mapped, or that a maintainer should check."""

    question: str
    message: str

    def __str__(self) -> str:
        return f"{self.question}: {self.message}"


@dataclass
class Conversion:
    """The record made from an issue, and what could not be mapped."""

    record: dict[str, Any]
    notes: list[Note] = field(default_factory=list)


@dataclass
class _Answer:
    question: Question
    text: str
    notes: list[Note]
    also: dict[str, Any] = field(default_factory=dict)  # values for other fields read from the same answer

    def note(self, message: str) -> None:
        self.notes.append(Note(self.question.label, message))


# --- reading the issue body ------------------------------------------------------------------------


def clean_body(body: str, notes: list[Note]) -> str:
    """The body with LF line ends and without invisible characters (reported when removed)."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    removed = len(_INVISIBLE.findall(body))
    if removed:
        notes.append(Note("issue", f"removed {removed} invisible or control character(s); compare with the issue"))
    return _INVISIBLE.sub("", body)


def read_answers(body: str, notes: list[Note]) -> dict[str, str]:
    """The answer under each question's heading, by question label.

    An answer can itself contain a line such as `### Evidence level`. Such a copy of a heading
    makes the answers around it ambiguous, so the repeated question and the answer the copy cut
    short are both left out and reported, never guessed.
    """
    labels = {q.label for q in QUESTIONS}
    sections: dict[str, list[list[str]]] = {}
    before: dict[str, list[str | None]] = {}  # the section each occurrence of a heading ended
    current: str | None = None
    for line in body.split("\n"):
        heading = _HEADING.match(line)
        if heading and heading.group(1) in labels:
            before.setdefault(heading.group(1), []).append(current)
            current = heading.group(1)
            sections.setdefault(current, []).append([])
        elif current is not None:
            sections[current][-1].append(line)
    repeated = {heading: previous for heading, previous in before.items() if len(previous) > 1}
    ambiguous = {label for heading, previous in repeated.items() for label in _cut(heading, previous)}
    for label in sorted(ambiguous, key=[q.label for q in QUESTIONS].index):
        notes.append(
            Note(label, "left out: the heading of a question appears twice, so an answer contains a copied heading")
        )
    answers = {}
    for label, chunks in sections.items():
        text = "\n".join(chunks[0]).strip()
        if label not in ambiguous and text and text != NO_RESPONSE:
            answers[label] = text
    return answers


def _cut(heading: str, previous: list[str | None]) -> set[str]:
    """The repeated question, and the answers its copies may have cut short.

    The genuine heading follows the question before it in the form; each copy ends whatever
    answer it was written in. That question is spared only when it is clearly the genuine one's.
    """
    order = [q.label for q in QUESTIONS]
    natural = order[order.index(heading) - 1] if order.index(heading) else None
    spared = natural if previous.count(natural) == 1 and heading not in previous else None
    return {heading} | {label for label in previous if label is not None and label != spared}


# --- matching labels and codes -----------------------------------------------------------------------


def term_for(text: str, vocab: Vocabulary) -> str | int | None:
    """The id of the term whose label (or id) the text is, ignoring case."""
    wanted = " ".join(text.split()).casefold()
    for term in vocab.terms.values():
        if wanted in (term.label.casefold(), str(term.id).casefold()):
            return term.id
    return None


def split_labels(text: str, vocab: Vocabulary) -> tuple[list[str | int], list[str]]:
    """Ids of the labels in a comma-separated dropdown answer, and the parts that are no label.

    Labels may contain commas themselves, so the longest label that fits is taken first.
    """
    labels = sorted(vocab.terms.values(), key=lambda term: -len(term.label))
    found: list[str | int] = []
    unknown: list[str] = []
    rest = text.strip()
    while rest:
        term = next((t for t in labels if rest.casefold().startswith(t.label.casefold())), None)
        length = len(term.label) if term else (rest.find(",") if "," in rest else len(rest))
        term_id = term.id if term else term_for(rest[:length], vocab)
        if term_id is None:
            unknown.append(rest[:length].strip())
        elif term_id not in found:
            found.append(term_id)
        rest = rest[length:].lstrip().removeprefix(",").lstrip()
    return found, unknown


def country_code(text: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name or code."""
    token = re.sub(r"^the\s+", "", text.strip().rstrip("."), flags=re.IGNORECASE)
    upper = COUNTRY_ALIASES.get(token.upper(), token.upper())
    if upper in vocabulary("countries"):
        return upper
    try:
        return pycountry.countries.lookup(token).alpha_2
    except LookupError:
        return _unique_name_match(token, pycountry.countries)


def language_code(text: str) -> str | None:
    """ISO 639-1 code of a language name or code."""
    token = text.strip().rstrip(".")
    if token.lower() in vocabulary("languages"):
        return token.lower()
    try:
        return getattr(pycountry.languages.lookup(token), "alpha_2", None)
    except LookupError:
        return _unique_name_match(token, [lang for lang in pycountry.languages if hasattr(lang, "alpha_2")])


def _unique_name_match(token: str, entries: Any) -> str | None:
    """The code of the one entry whose name contains the token as a word ('Greek' -> 'Modern Greek')."""
    word = re.compile(rf"\b{re.escape(token)}\b", re.IGNORECASE)
    matches = {entry.alpha_2 for entry in entries if len(token) > 3 and word.search(entry.name)}
    return matches.pop() if len(matches) == 1 else None


def _codes(answer: _Answer, text: str, lookup: Callable[[str], str | None], what: str) -> list[str]:
    codes: list[str] = []
    for token in re.split(r"[,;\n]", text):
        token = _BULLET.sub("", token).strip()
        if not token:
            continue
        code = lookup(token)
        if code is None:
            answer.note(f"'{token}' is not a {what} name or code the toolbox knows; left out")
        elif code not in codes:
            codes.append(code)
    return codes


# --- one parser per kind of answer -------------------------------------------------------------------


def _one_line(answer: _Answer) -> str:
    return " ".join(answer.text.split())


def _markdown(answer: _Answer) -> str:
    return "\n".join(line.rstrip() for line in answer.text.split("\n")).strip()


def _project(answer: _Answer) -> str:
    return _one_line(answer).lower()


def list_items(text: str) -> list[str]:
    """One item per bullet, or per line when there are no bullets; continuation lines are joined."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not any(_BULLET.match(line) for line in lines):
        return [" ".join(line.split()) for line in lines]
    items: list[str] = []
    for line in lines:
        if _BULLET.match(line) or not items:
            items.append(" ".join(_BULLET.sub("", line).split()))
        else:
            items[-1] += " " + " ".join(line.split())
    return [item for item in items if item]


def _list(answer: _Answer) -> list[str]:
    return list_items(answer.text)


def _checked_terms(answer: _Answer) -> list[str | int]:
    vocab = answer.question.vocabulary
    ids: list[str | int] = []
    for line in answer.text.split("\n"):
        box = _CHECKBOX.match(line)
        if box is None:
            if line.strip():
                answer.note(f"unexpected text {line.strip()!r}; only ticked boxes are read")
            continue
        if box.group(1) == " ":
            continue
        term = term_for(box.group(2), vocab)
        if term is None:
            answer.note(f"'{box.group(2)}' is not one of the choices for {vocab.name.lower()}; left out")
        elif term not in ids:
            ids.append(term)
    return ids


def _chosen_term(answer: _Answer) -> str | int | None:
    vocab = answer.question.vocabulary
    ids, unknown = split_labels(answer.text, vocab)
    for token in unknown:
        answer.note(f"'{token}' is not one of the choices for {vocab.name.lower()}; left out")
    if len(ids) > 1:
        answer.note(f"several choices given; kept the first, '{vocab.label(ids[0])}'")
    return ids[0] if ids else None


def _still_runs(answer: _Answer) -> bool | None:
    ticked = [m.group(2) for m in map(_CHECKBOX.match, answer.text.split("\n")) if m and m.group(1) != " "]
    return True if STILL_RUNS in ticked else None


def _countries(answer: _Answer) -> list[str]:
    return _codes(answer, answer.text, country_code, "country")


def _languages(answer: _Answer) -> list[str]:
    return _codes(answer, answer.text, language_code, "language")


def _language(answer: _Answer) -> str | None:
    codes = _languages(answer)
    if len(codes) > 1:
        answer.note(f"several languages given; kept the first, '{codes[0]}'")
    return codes[0] if codes else None


def partial_date(text: str) -> int | str | None:
    """2019 -> 2019; 2019-09 and 2019-09-01 stay; 09/2019 and 'September 2019' -> '2019-09'."""
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", text):
        return text
    numeric = re.fullmatch(r"(\d{1,2})[/.](\d{4})", text)
    if numeric and 1 <= int(numeric.group(1)) <= 12:
        return f"{numeric.group(2)}-{int(numeric.group(1)):02d}"
    named = re.fullmatch(r"([A-Za-z]+)\.?,? (\d{4})", text)
    if named and named.group(1).lower() in _MONTHS:
        return f"{named.group(2)}-{_MONTHS[named.group(1).lower()]:02d}"
    return None


def _date(answer: _Answer) -> int | str | None:
    value = partial_date(_one_line(answer))
    if value is None:
        answer.note(f"could not read '{_one_line(answer)}' as a year (2019) or month (2019-09); left out")
    return value


def parse_amount(text: str) -> tuple[int | float, str | None] | None:
    """'341 611 EUR' -> (341611, 'EUR'); '€1,500.50' -> (1500.5, 'EUR'); None if unreadable."""
    currency = None
    for symbol, code in CURRENCY_SYMBOLS.items():
        if symbol in text:
            currency, text = code, text.replace(symbol, " ")
    code = re.search(r"\b([A-Za-z]{3})\b", text)
    if code and pycountry.currencies.get(alpha_3=code.group(1).upper()):
        currency, text = code.group(1).upper(), text.replace(code.group(1), " ")
    digits = re.sub(r"[\s\u00a0\u202f']", "", text)
    if re.fullmatch(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*", digits):
        return int(re.sub(r"[.,]", "", digits)), currency
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d{1,2}", digits):
        return float(digits.replace(",", "")), currency
    if re.fullmatch(r"\d+", digits):
        return int(digits), currency
    if re.fullmatch(r"\d+[.,]\d{1,2}", digits):
        return float(digits.replace(",", ".")), currency
    return None


def _amount(answer: _Answer) -> int | float | None:
    parsed = parse_amount(_one_line(answer))
    if parsed is None:
        answer.note(f"could not read '{_one_line(answer)}' as an amount such as 120000 EUR; left out")
        return None
    amount, currency = parsed
    if currency is None:
        answer.note("no currency given; the record assumes EUR")
    elif currency != "EUR":
        answer.also["funding.currency"] = currency
    return amount


def _parts(line: str) -> list[str]:
    return [part.strip() for part in _BULLET.sub("", line).split("|") if part.strip()]


def _doi(part: str) -> str | None:
    match = _DOI.fullmatch(part)
    return match.group(1) if match else None


def _source(answer: _Answer, line: str) -> dict[str, Any]:
    parts = _parts(line)
    if len(parts) == 1 and _URL.search(parts[0]) and not _URL.fullmatch(parts[0]):
        # "Title, https://..." without the | separators: a title and a web address.
        url = _URL.search(parts[0]).group(0)
        parts = [parts[0].replace(url, "").strip(" ,;:–—-("), url]
    found: dict[str, Any] = {}
    texts = []
    for part in parts:
        if doi := _doi(part):
            found.setdefault("doi", doi)
        elif _URL.fullmatch(part):
            found.setdefault("url", part)
        elif _YEAR.fullmatch(part):
            found.setdefault("year", int(part))
        else:
            texts.append(part)
    if not texts:
        answer.note(f"source '{line.strip()}' has no title; add one")
    for extra in texts[2:]:
        answer.note(f"source '{texts[0]}': did not know where to put '{extra}'")
    source = {"title": texts[0]} if texts else {}
    source.update({k: found[k] for k in ("url", "doi") if k in found})
    if len(texts) > 1:
        source["publisher"] = texts[1]
    if "year" in found:
        source["year"] = found["year"]
    return source


def _organisation(answer: _Answer, line: str) -> dict[str, Any]:
    name, *rest = _parts(line)
    organisation: dict[str, Any] = {"name": name}
    for part in rest:
        role = term_for(part, vocabulary("organisation_roles"))
        if _URL.fullmatch(part):
            organisation.setdefault("url", part)
        elif role is not None:
            organisation.setdefault("role", role)
        elif (code := country_code(part)) is not None:
            organisation.setdefault("country", code)
        else:
            answer.note(f"'{name}': '{part}' is not a role, country or web address; left out")
    if "role" not in organisation:
        answer.note(f"'{name}' has no role; add one of {', '.join(vocabulary('organisation_roles').ids())}")
    order = ("name", "role", "country", "url")
    return {key: organisation[key] for key in order if key in organisation}


def _resource(answer: _Answer, line: str) -> dict[str, Any]:
    title, *rest = _parts(line)
    resource: dict[str, Any] = {"title": title}
    for part in rest:
        kind = term_for(part, vocabulary("resource_types"))
        if _URL.fullmatch(part):
            resource.setdefault("url", part)
        elif kind is not None:
            resource.setdefault("type", kind)
        elif any(language_code(token) for token in part.split(",") if token.strip()):
            resource["languages"] = resource.get("languages", []) + _codes(answer, part, language_code, "language")
        else:
            answer.note(f"'{title}': '{part}' is not a web address, a type or a list of languages; left out")
    for required in ("url", "type"):
        if required not in resource:
            answer.note(f"'{title}' has no {'web address' if required == 'url' else 'type'}; add one")
    order = ("title", "url", "type", "languages")
    return {key: resource[key] for key in order if resource.get(key)}


def _lines_of(make: Callable[[_Answer, str], dict[str, Any]]) -> Callable[[_Answer], list[dict[str, Any]]]:
    def parse(answer: _Answer) -> list[dict[str, Any]]:
        lines = [line for line in answer.text.split("\n") if _parts(line)]
        return [item for item in (make(answer, line) for line in lines) if item]

    return parse


PARSERS: dict[str, Callable[[_Answer], Any]] = {
    "title": _one_line,
    "summary": _one_line,
    "description": _markdown,
    "countries": _countries,
    "project": _project,
    "organisations": _lines_of(_organisation),
    "period.start": _date,
    "period.end": _date,
    "period.ongoing": _still_runs,
    "funding.programme": _one_line,
    "funding.amount": _amount,
    "activities": _list,
    "outcomes": _list,
    "evidence.basis": _markdown,
    "transfer_conditions": _list,
    "original_title": _one_line,
    "original_language": _language,
    "url": _one_line,
    "implementation.getting_started": _list,
    "implementation.staffing": _markdown,
    "implementation.duration": _one_line,
    "resources": _lines_of(_resource),
    "languages": _languages,
    "sources": _lines_of(_source),
}


def _parse(answer: _Answer) -> Any:
    if answer.question.target in PARSERS:
        return PARSERS[answer.question.target](answer)
    if answer.question.kind == CHECKBOXES:
        return _checked_terms(answer)
    if answer.question.kind == DROPDOWN:
        return _chosen_term(answer)
    raise ValueError(f"no parser for {answer.question.target}")


# --- the record --------------------------------------------------------------------------------------


def _put(record: dict[str, Any], target: str, value: Any) -> None:
    *parents, name = target.split(".")
    for parent in parents:
        record = record.setdefault(parent, {})
    record[name] = value


def _strings(data: Any, where: str = "") -> list[tuple[str, str]]:
    if isinstance(data, str):
        return [(where, data)]
    if isinstance(data, dict):
        return [pair for key, value in data.items() for pair in _strings(value, f"{where}.{key}" if where else key)]
    if isinstance(data, list):
        return [pair for i, value in enumerate(data) for pair in _strings(value, f"{where}[{i}]")]
    return []


def issue_to_record(body: str, today: dt.date) -> Conversion:
    """The record an issue body describes (without id), and notes on what could not be mapped."""
    notes: list[Note] = []
    if len(body) > MAX_BODY_CHARS:
        raise FromIssueProblem(f"the issue body has {len(body):,} characters; an issue has at most {MAX_BODY_CHARS:,}")
    answers = read_answers(clean_body(body, notes), notes)
    if not answers:
        raise FromIssueProblem("found none of the form's questions; is this the body of a 'Propose a practice' issue?")
    record: dict[str, Any] = {}
    for question in QUESTIONS:
        text = answers.get(question.label)
        if question.target is None and question.kind == TEXTAREA and text:
            notes.append(Note(question.label, "not mapped by the command: copy it into the record by hand"))
        if question.target is None or text is None:
            continue
        answer = _Answer(question, text, notes)
        value = _parse(answer)
        for target, extra in {question.target: value, **answer.also}.items():
            if extra not in (None, [], ""):
                _put(record, target, extra)
    for where, text in _strings(record):
        if _HTML_TAG.search(text):
            notes.append(Note(where, "contains HTML tags; records use Markdown, and the site shows HTML as text"))
    if "funding" in record:  # the form asks about one funder; the record lists funders
        record["funding"] = [record["funding"]]
    record["schema_version"] = SCHEMA_VERSION
    record["review"] = {"status": "submitted"}
    record["created"] = today
    order = list(Practice.model_fields)
    return Conversion({key: record[key] for key in order if key in record}, notes)


class _RecordDumper(yaml.SafeDumper):
    """The safe dumper, writing lists indented and long or multi-line text as blocks, like the records."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True  # records refuse anchors and aliases


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    if any(c in text for c in _YAML_ONLY_BREAKS):
        style = '"'
    else:
        style = "|" if "\n" in text else (">" if len(text) > 80 else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_RecordDumper.add_representer(str, _represent_text)


def record_text(record: dict[str, Any]) -> str:
    """The record file's text: the schema line, a note for the reviewer, then the data."""
    header = (
        f"{SCHEMA_LINE}\n"
        '# Made by esl-toolbox from-issue from a "Propose a practice" issue. Check every statement\n'
        "# against the sources before committing.\n"
    )
    data = yaml.dump(record, Dumper=_RecordDumper, allow_unicode=True, sort_keys=False, width=100)
    return header + data


def choose_id(record: dict[str, Any], wanted: str | None) -> str:
    from ..scaffold import slugify

    slug = wanted or slugify(record.get("title", ""))
    if not is_slug(slug or ""):
        raise FromIssueProblem(
            f"cannot make an id from the title {record.get('title', '')!r}; give one with --id, e.g. --id homework-club"
        )
    return slug
