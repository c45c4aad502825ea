"""A synthetic but realistic toolbox project of any size, for the benchmarks.

`make_corpus(root, n)` writes n valid practice records (and a few projects) into root/practices,
with mkdocs.yml, docs/ and schema/ copied from this repository, so that `esl-toolbox` runs there.
The distributions follow the real records in practices/ (measured on the first eleven): text
lengths, how many values each list holds and how often optional fields appear. Only term ids of
the vocabularies and real ISO codes are used, mostly European countries. The same seed always
gives the same corpus; nothing is fetched from the network.

    python benchmarks/corpus.py /tmp/corpus-1000 1000
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import random
import re
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))  # the package, when run without the venv's install

from esl_toolbox.vocabularies import VOCABULARY_FILES, vocabulary  # noqa: E402

SEED = 2026
COPIED = ("mkdocs.yml", "docs", "schema")  # what `esl-toolbox build` reads besides the records

# Countries of the European inventories, most frequent first; a few from elsewhere, rarely.
_EUROPEAN_CODES = "ES PT IT DE FR NL PL RO EL BE SE AT IE FI DK CZ HU BG HR SK SI LT LV EE NO GB CY MT LU IS CH MK"
EUROPEAN = (_EUROPEAN_CODES + " RS AL ME BA TR UA MD LI").split()
ELSEWHERE = ["US", "CA", "AU", "BR", "ZA", "MA"]
_LANGUAGE_CODES = "en es pt it de fr nl pl ro el sv fi da cs hu bg hr sk sl lt lv et no mk tr"
LANGUAGES = _LANGUAGE_CODES.split()

# Words of the records' prose, roughly by frequency: the first are the most common.
_PROSE_WORDS = """
the and of to in a for with that their is on by as school schools pupils students learners education
young people teachers support project local community practice programme early leaving families
parents work at from are it which they or learning this an be its between who children have each
also has more training network activities partners municipality regional national teacher mentoring
mentors guidance counselling dropout risk disadvantaged vulnerable background migrant rural urban
social services public cooperation partnership approach model method methods tools toolkit results
outcomes evaluation study research data monitoring municipalities region regions city district
neighbourhood youth centre centres organisation organisations association foundation university
universities college vocational secondary primary lower upper second chance pathways curriculum
pedagogy skills competences motivation engagement wellbeing attendance absence absenteeism
achievement attainment transition transitions inclusion inclusive diversity equity access barriers
needs individual group groups classes class homework tutoring reading mathematics language languages
literacy numeracy science arts sport sports culture cultural after holiday summer afternoon weekly
monthly year years month months week weeks day days time hours sessions session meetings meeting
visits visit home plan plans strategy policy policies measures measure actions action priorities
priority aims aim goal goals objective objectives framework agenda programmes projects initiative
initiatives volunteers volunteer staff professionals counsellors psychologists social workers
coordinators leaders principals heads head management board committee council ministry government
authority authorities agency agencies employers companies business businesses enterprises employment
jobs job labour market apprenticeship apprenticeships internship internships workplace careers
career information advice workshops workshop courses course modules module materials material guide
guides handbook video videos website platform online digital distance blended face new different
several many most some other all both few whole wide broad small large strong weak clear direct
joint shared common specific concrete practical flexible tailored personal individualised early
timely long short first last next previous current future successful effective positive better
higher lower good best key main major important together within across through during after before
among towards against without about develop developed developing build built building create created
set offer offered offering provide provided providing help helped helping involve involved involving
include included including reduce reduced reducing prevent prevented preventing improve improved
improving increase increased increasing strengthen strengthened promote promoted promoting encourage
encouraged encouraging identify identified identifying reach reached reaching keep kept return
returned returning complete completed completing finish finished continue continued train trained
share shared exchange exchanged adapt adapted transfer transferred test tested report reports
reported describe describes described state states stated show shows showed suggest suggests
suggested find found note notes noted evaluate evaluated measure measured collect collected analyse
analysed design designed run runs ran organise organised meet met
"""
WORDS = _PROSE_WORDS.split()

# Syllables for place names: they stand for the towns, regions and organisations the records
# name, which make most of the rare words a search index holds.
_SYLLABLE_TEXT = (
    "va lo ri ga por to lei sa ge ne bra na ka mo ta li vi se ro da mi bel gra de ost fal "
    "ber gen tar tu kla pe ku ska zar ni lu ma an el or us in ce ra vo ja ko ru"
)
SYLLABLES = _SYLLABLE_TEXT.split()
ORGANISATION_KINDS = (
    "Municipality of {p}",
    "{p} Secondary School",
    "{p} Primary School",
    "{p} Vocational College",
    "University of {p}",
    "{p} Youth Centre",
    "Regional Education Office of {p}",
    "{p} Parents' Association",
    "Foundation for Education in {p}",
    "{p} Second Chance School",
    "Ministry of Education ({c})",
    "{p} County Council",
)
FUNDERS = (
    "Erasmus+ KA2 strategic partnership",
    "Erasmus+ KA3 policy support",
    "European Social Fund",
    "European Social Fund Plus (ESF+)",
    "Horizon 2020",
    "National recovery and resilience plan",
    "Municipal budget",
)
PUBLISHERS = (
    "European School Education Platform",
    "European Commission",
    "Cedefop",
    "Eurydice",
    "IATED",
    "OECD Publishing",
)
FIRST_DAY, LAST_DAY = dt.date(2023, 1, 1), dt.date(2026, 11, 23)


class Words:
    """Word choices with a Zipf-like frequency, like natural prose."""

    def __init__(self, rng: random.Random, words: Sequence[str], exponent: float = 1.0):
        self.rng = rng
        self.words = list(words)
        self.cumulative = list(itertools.accumulate(1 / (rank + 1) ** exponent for rank in range(len(words))))

    def pick(self, k: int = 1) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=k)


def _zipf_choice(rng: random.Random, items: Sequence[Any], k: int, exponent: float = 1.0) -> list[Any]:
    """k distinct items, the first of `items` the most likely."""
    k = min(k, len(items))
    weights = [1 / (rank + 1) ** exponent for rank in range(len(items))]
    chosen: list[Any] = []
    pool, pool_weights = list(items), weights
    for _ in range(k):
        cumulative = list(itertools.accumulate(pool_weights))
        index = bisect.bisect_left(cumulative, rng.random() * cumulative[-1])
        chosen.append(pool.pop(index))
        pool_weights = pool_weights[:index] + pool_weights[index + 1 :]
    return chosen


def _count(rng: random.Random, weights: Sequence[float]) -> int:
    """A list size: weights[i] is how likely size i is."""
    return rng.choices(range(len(weights)), weights=weights)[0]


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class Writer:
    """Titles, sentences and names drawn from the word list and made-up places."""

    def __init__(self, rng: random.Random, places: int):
        self.rng = rng
        self.words = Words(rng, WORDS)
        # Content words for titles: leave out the thirty most common (articles, prepositions...).
        self.content = Words(rng, WORDS[30:], exponent=0.6)
        self.places = self._places(places)
        self.place_words = Words(rng, self.places, exponent=0.8)

    def _places(self, count: int) -> list[str]:
        seen: set[str] = set()
        places: list[str] = []
        while len(places) < count:
            name = "".join(self.rng.choices(SYLLABLES, k=self.rng.choice((2, 3, 3, 4)))).capitalize()
            if name not in seen:
                seen.add(name)
                places.append(name)
        return places

    def place(self) -> str:
        return self.place_words.pick()[0]

    def sentence(self, low: int = 9, high: int = 26) -> str:
        words = self.words.pick(self.rng.randint(low, high))
        if self.rng.random() < 0.35:  # a place name, as most real sentences have one
            words[self.rng.randrange(1, len(words))] = self.place()
        if len(words) > 12 and self.rng.random() < 0.5:
            words[self.rng.randrange(3, len(words) - 3)] += ","
        if self.rng.random() < 0.05:
            words.insert(self.rng.randrange(1, len(words)), f"{self.rng.randint(2, 95)}%")
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def prose(self, chars: int, low: int = 9, high: int = 26) -> str:
        """Sentences until about `chars` characters."""
        sentences = [self.sentence(low, high)]
        length = len(sentences[0])
        while length < chars:
            sentence = self.sentence(low, high)
            if length + len(sentence) > chars * 1.2:  # stop near the length asked, not a sentence beyond
                break
            sentences.append(sentence)
            length += len(sentence) + 1
        return " ".join(sentences)

    def title(self) -> str:
        words = self.content.pick(self.rng.randint(4, 9))
        head = " ".join(words)
        head = head[0].upper() + head[1:]
        shape = self.rng.random()
        if shape < 0.4:
            return f"{head} ({self.place()})"
        if shape < 0.7:
            return f"{head}: {' '.join(self.content.pick(self.rng.randint(2, 5)))}"
        if shape < 0.85:
            return f"{self.place().upper()}: {head.lower()}"
        return head

    def organisation(self, country: str | None) -> str:
        kind = self.rng.choice(ORGANISATION_KINDS)
        return kind.format(p=self.place(), c=country or "national")


def _lognormal_chars(rng: random.Random, median: float, sigma: float, low: int, high: int) -> int:
    return int(min(high, max(low, rng.lognormvariate(0, sigma) * median)))


def _day(rng: random.Random, start: dt.date = FIRST_DAY, end: dt.date = LAST_DAY) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


class CorpusMaker:
    """Makes the records of one corpus; every draw comes from one seeded random generator."""

    def __init__(self, n: int, seed: int):
        self.rng = random.Random(seed)
        self.n = n
        self.text = Writer(self.rng, places=max(60, n // 3))
        self.terms = {
            key: [t if isinstance(t, int) else str(t) for t in vocabulary(key).ids()] for key in VOCABULARY_FILES
        }
        # Most real practices work in primary and secondary schools: those levels come first.
        self.terms["isced_levels"].sort(key=lambda level: (level not in (1, 2, 3), level))
        countries = vocabulary("countries")
        self.european = [c for c in EUROPEAN if c in countries]
        self.elsewhere = [c for c in ELSEWHERE if c in countries]
        languages = vocabulary("languages")
        self.languages = [code for code in LANGUAGES if code in languages]
        self.titles: list[str] = []
        self.ids: list[str] = []
        self._titles_and_ids()
        self.projects = [self._project(i) for i in range(max(2, n // 200))]

    # --- names -----------------------------------------------------------------------------------

    def _titles_and_ids(self) -> None:
        seen_titles: set[str] = set()
        seen_ids: set[str] = set()
        for _ in range(self.n):
            title = self.text.title()
            while " ".join(title.lower().split()) in seen_titles:
                title = f"{title} ({self.text.place()})"
            seen_titles.add(" ".join(title.lower().split()))
            base = "-".join(slugify(title).split("-")[:7])
            slug, number = base, 2
            while slug in seen_ids:
                slug, number = f"{base}-{number}", number + 1
            seen_ids.add(slug)
            self.titles.append(title)
            self.ids.append(slug)

    def _countries(self, weights: Sequence[float]) -> list[str]:
        count = _count(self.rng, weights)
        if count and self.rng.random() < 0.02:
            return [self.rng.choice(self.elsewhere)]
        return _zipf_choice(self.rng, self.european, count, exponent=0.9)

    def _terms(self, key: str, weights: Sequence[float], exponent: float = 0.8) -> list[Any]:
        return _zipf_choice(self.rng, self.terms[key], _count(self.rng, weights), exponent)

    def _url(self, place: str | None = None) -> str:
        host = slugify(place or self.text.place())
        path = "-".join(self.text.content.pick(self.rng.randint(1, 4)))
        return f"https://www.{host}-{self.rng.choice(('edu', 'school', 'net', 'project'))}.eu/{path}"

    def _organisations(self, weights: Sequence[float], countries: list[str]) -> list[dict[str, Any]]:
        organisations = []
        names: set[str] = set()
        for index in range(_count(self.rng, weights)):
            country = self.rng.choice(countries) if countries and self.rng.random() < 0.85 else None
            name = self.text.organisation(country)
            if name in names:
                continue
            names.add(name)
            organisation: dict[str, Any] = {"name": name, "role": "coordinator" if index == 0 else "partner"}
            if index and self.rng.random() < 0.2:
                organisation["role"] = self.rng.choice(self.terms["organisation_roles"])
            if country:
                organisation["country"] = country
            if self.rng.random() < 0.3:
                organisation["url"] = self._url()
            organisations.append(organisation)
        return organisations

    def _source(self) -> dict[str, Any]:
        source: dict[str, Any] = {"title": self.text.title()}
        if self.rng.random() < 0.15:
            year = self.rng.randint(2012, 2026)
            source["doi"] = f"10.{self.rng.randint(1000, 99999)}/esl.{year}.{self.rng.randint(1, 9999):04d}"
            source["url"] = f"https://doi.org/{source['doi']}"
            source["year"] = year
        else:
            source["url"] = self._url()
        if self.rng.random() < 0.5:
            source["publisher"] = self.rng.choice(PUBLISHERS)
        if self.rng.random() < 0.1:
            source["accessed"] = _day(self.rng).isoformat()
        return source

    def _period(self) -> dict[str, Any]:
        start = self.rng.randint(2008, 2025)
        period: dict[str, Any] = {
            "start": str(start) if self.rng.random() < 0.5 else f"{start}-{self.rng.randint(1, 12):02d}"
        }
        if self.rng.random() < 0.6:
            period["end"] = str(self.rng.randint(start + 1, start + 4))
        elif self.rng.random() < 0.5:
            period["ongoing"] = True
        return period

    def _funding(self) -> list[dict[str, Any]]:
        """One to three funders; their shares, when given, add up to 100."""
        count = _count(self.rng, (0, 0.6, 0.3, 0.1))
        shares = [100] if count == 1 else sorted(self.rng.sample(range(10, 90, 5), count - 1))
        shares = [b - a for a, b in zip([0, *shares], [*shares, 100], strict=True)] if count > 1 else shares
        funding = []
        for share in shares:
            item: dict[str, Any] = {"programme": self.rng.choice(FUNDERS)}
            if self.rng.random() < 0.5:
                item["amount"] = self.rng.randrange(5_000, 600_000, 500)
                item["currency"] = "EUR"
                item["basis"] = self.rng.choice(self.terms["funding_bases"])
            if count > 1 and self.rng.random() < 0.5:
                item["share"] = share
            if self.rng.random() < 0.3:
                item["note"] = self.text.prose(60, 6, 12)
            funding.append(item)
        return funding

    # --- version 2's facts: evaluations, scale, cost, how to start, history ------------------------------

    def _evaluations(self, level: str, sources: int) -> list[dict[str, Any]]:
        """Evaluations that carry the evidence level, as the validator requires: a trial for 'strong'."""
        rng, designs = self.rng, self.terms["evaluation_designs"]
        wanted = {
            "emergent": "before-after",
            "promising": "quasi-experimental",
            "strong": "randomised-controlled-trial",
        }
        count = (
            _count(rng, (0, 0.65, 0.25, 0.1)) if level in wanted else int(level == "rationale" and rng.random() < 0.3)
        )
        chosen = ([wanted[level]] if level in wanted else ["qualitative"]) + [
            rng.choice(designs[2:]) for _ in range(count - 1)
        ]
        return [
            {
                "design": design,
                "direction": rng.choice(self.terms["finding_directions"]),
                "outcome_domains": self._terms("outcome_domains", (0, 0.5, 0.35, 0.15)),
                "evaluator": self.text.organisation(None),
                "year": rng.randint(2008, 2025),
                "sample": {"size": rng.randint(20, 8000), "unit": rng.choice(("learners", "schools", "young-people"))},
                "summary": self.text.prose(_lognormal_chars(rng, 220, 0.35, 80, 600), 8, 22),
                "source": rng.randint(1, sources),
            }
            for design in chosen[: max(count, 1 if level in wanted else 0)]
        ]

    def _scale(self) -> list[dict[str, Any]]:
        years = sorted(self.rng.sample(range(2012, 2026), _count(self.rng, (0, 0.6, 0.3, 0.1))))
        unit = self.rng.choice(("learners", "schools", "young-people", "sites", "municipalities"))
        return [{"year": year, "count": self.rng.randint(5, 50_000), "unit": unit} for year in years]

    def _cost(self) -> dict[str, Any]:
        amount = self.rng.choice((40, 120, 250, 450, 900, 1800, 4200))
        bands = vocabulary("cost_bands").terms.values()
        band = next(t.id for t in bands if t.up_to_eur is None or amount < t.up_to_eur)
        cost = {"band": band, "amount": amount, "currency": "EUR", "year": self.rng.randint(2015, 2025)}
        cost["basis"] = "per-participant-per-year"
        if self.rng.random() < 0.5:
            cost["note"] = self.text.prose(120, 8, 20)
        return cost

    def _implementation(self) -> dict[str, Any]:
        rng = self.rng
        how: dict[str, Any] = {"getting_started": self._items((0, 0.2, 0.4, 0.3, 0.1), 90)}
        if rng.random() < 0.8:
            how["staffing"] = self.text.prose(_lognormal_chars(rng, 120, 0.3, 40, 300), 8, 20)
        if rng.random() < 0.7:
            how["duration"] = self.text.sentence(5, 12)
        if rng.random() < 0.6:
            how["requirements"] = self._items((0, 0.4, 0.4, 0.2), 80)
        if rng.random() < 0.4:
            how["contact"] = {"name": self.text.organisation(None), "url": self._url()}
        return {key: value for key, value in how.items() if value}

    def _phases(self) -> list[dict[str, Any]]:
        start = self.rng.randint(2008, 2020)
        phases = []
        for _ in range(_count(self.rng, (0, 0, 0.6, 0.3, 0.1))):
            end = start + self.rng.randint(1, 4)
            phases.append(
                {"name": self.text.title(), "period": {"start": start, "end": end}, "summary": self.text.sentence()}
            )
            start = end
        return phases

    # --- records ---------------------------------------------------------------------------------

    def _project(self, index: int) -> dict[str, Any]:
        countries = self._countries((0, 0.2, 0.3, 0.3, 0.2))
        title = self.text.title()
        return {
            "schema_version": 2,
            "id": f"synthetic-project-{index + 1}",
            "title": title,
            "acronym": "".join(w[0] for w in title.split() if w[:1].isalpha()).upper()[:8] or None,
            "summary": self.text.prose(_lognormal_chars(self.rng, 300, 0.2, 150, 500)),
            "url": self._url(),
            "countries": countries,
            "organisations": self._organisations((0, 0, 0.2, 0.3, 0.2, 0.1, 0.1, 0.1), countries),
            "period": self._period(),
            "funding": self._funding(),
            "sources": [self._source()],
        }

    def _description(self) -> str:
        total = _lognormal_chars(self.rng, 780, 0.4, 300, 6000)
        paragraphs = _count(self.rng, (0, 0, 0.35, 0.4, 0.25))
        parts = [self.text.prose(total // paragraphs) for _ in range(paragraphs)]
        if self.rng.random() < 0.1:  # one in ten real descriptions has a list
            items = [
                f"- **{' '.join(self.text.content.pick(2)).capitalize()}**: {self.text.sentence(8, 18)}"
                for _ in range(self.rng.randint(2, 5))
            ]
            parts.insert(self.rng.randint(1, len(parts)), "\n".join(items))
        return "\n\n".join(parts)

    def _summary(self) -> str:
        sentences = [self.text.sentence(16, 30) for _ in range(self.rng.choice((2, 2, 3)))]
        summary = " ".join(sentences)
        while len(summary) > 560:  # the model allows 600 characters
            sentences.pop()
            summary = " ".join(sentences)
        return summary

    def _items(self, weights: Sequence[float], median: int) -> list[str]:
        return [
            self.text.prose(_lognormal_chars(self.rng, median, 0.45, 40, 600), 6, 20)
            for _ in range(_count(self.rng, weights))
        ]

    def practice(self, index: int) -> dict[str, Any]:
        rng = self.rng
        countries = self._countries((0.1, 0.65, 0.12, 0.07, 0.03, 0.03))
        record: dict[str, Any] = {
            "schema_version": 2,
            "id": self.ids[index],
            "title": self.titles[index],
            "summary": self._summary(),
            "description": self._description(),
            "intervention_types": self._terms("intervention_types", (0, 0.7, 0.2, 0.1), 1.2),
            "isced_levels": sorted(self._terms("isced_levels", (0, 0.3, 0.2, 0.45, 0.05), 0.6)),
            "target_groups": self._terms("target_groups", (0, 0.6, 0.3, 0.1)),
            "countries": countries,
            "reach": self._terms("reach", (0.6, 0.35, 0.05)),
            "intervention_levels": self._terms("intervention_levels", (0, 0.3, 0.35, 0.2, 0.15)),
            "audiences": self._terms("audiences", (0, 0, 0.25, 0.35, 0.2, 0.1, 0.1)),
            "themes": self._terms("themes", (0, 0.1, 0.2, 0.3, 0.2, 0.1, 0.1), 0.7),
        }
        if rng.random() < 0.4:
            record["original_title"] = self.text.title()
            record["original_language"] = rng.choice(self.languages)
        if rng.random() < 0.3:
            low = rng.randint(3, 16)
            record["age_range"] = {"min": low, "max": low + rng.randint(2, 10)}
        if rng.random() < 0.6:
            record["scope"] = rng.choice(self.terms["scopes"])
        if rng.random() < 0.25:
            record["project"] = rng.choice(self.projects)["id"]
        record["organisations"] = self._organisations((0.45, 0.25, 0.12, 0.08, 0.04, 0.02, 0.02, 0.01, 0.01), countries)
        if rng.random() < 0.25:
            record["period"] = self._period()
        if rng.random() < 0.2:
            record["phases"] = self._phases()
        if rng.random() < 0.35:
            record["funding"] = self._funding()
        if rng.random() < 0.5:
            record["scale"] = self._scale()
        if rng.random() < 0.25:
            record["cost"] = self._cost()
        if rng.random() < 0.5:
            record["implementation"] = self._implementation()
        record["activities"] = self._items((0, 0.15, 0.25, 0.25, 0.2, 0.1, 0.05), 95)
        record["outcomes"] = self._items((0.1, 0.5, 0.2, 0.1, 0.05, 0.05), 100)
        level = rng.choice(self.terms["evidence_levels"]) if rng.random() < 0.45 else self.terms["evidence_levels"][0]
        record["evidence"] = {"level": level}
        if level != self.terms["evidence_levels"][0] or rng.random() < 0.9:
            record["evidence"]["basis"] = self.text.prose(_lognormal_chars(rng, 110, 0.3, 50, 400), 8, 22)
        sources = 1 if rng.random() < 0.6 else rng.randint(2, 4)
        record["evaluations"] = self._evaluations(level, sources)
        if rng.random() < 0.1:
            record["transfer_conditions"] = self._items((0, 0.7, 0.3), 190)
        if rng.random() < 0.1:
            record["resources"] = [self._resource() for _ in range(rng.randint(1, 2))]
        if rng.random() < 0.1:
            record["languages"] = _zipf_choice(rng, self.languages, rng.randint(1, 3))
        others = _count(rng, (0, 0.2, 0.35, 0.25, 0.1, 0.1))
        record["related"] = [self.ids[i] for i in rng.sample(range(self.n), min(others + 1, self.n)) if i != index][
            :others
        ]
        record["sources"] = [self._source() for _ in range(sources)]
        created = _day(rng)
        if rng.random() < 0.2:
            review_date = _day(rng, created, LAST_DAY)
            record["review"] = {
                "status": "reviewed",
                "date": review_date.isoformat(),
                "reviewer": self.rng.choice(PUBLISHERS),
            }
        else:
            record["review"] = {"status": "submitted"}
        record["created"] = created.isoformat()
        if rng.random() < 0.3:
            record["updated"] = _day(rng, created, LAST_DAY).isoformat()
        return {key: value for key, value in record.items() if value not in ([], None)}

    def _resource(self) -> dict[str, Any]:
        resource: dict[str, Any] = {
            "title": self.text.title(),
            "url": self._url(),
            "type": self.rng.choice(self.terms["resource_types"]),
        }
        if self.rng.random() < 0.5:
            resource["languages"] = _zipf_choice(self.rng, self.languages, self.rng.randint(1, 2))
        return resource


# --- writing -------------------------------------------------------------------------------------


class _RecordDumper(yaml.CSafeDumper):
    """Block style, multi-line text as literal blocks, like the hand-written records."""


def _represent_text(dumper: yaml.CSafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_RecordDumper.add_representer(str, _represent_text)


def record_yaml(record: dict[str, Any], schema: str) -> str:
    body = yaml.dump(record, Dumper=_RecordDumper, sort_keys=False, allow_unicode=True, width=100)
    return f"# yaml-language-server: $schema={schema}\n{body}"


def copy_project_files(root: Path, repo: Path = REPO) -> None:
    """mkdocs.yml, docs/ and schema/ from the repository, so the commands work in root."""
    for name in COPIED:
        source, target = repo / name, root / name
        if target.is_dir():
            shutil.rmtree(target)
        if source.is_dir():
            shutil.copytree(source, target)
        elif source.is_file():
            shutil.copy2(source, target)


def make_corpus(root: Path, n: int, seed: int = SEED) -> list[Path]:
    """Write n synthetic practices (and their projects) into root/practices; return the practice files."""
    root = Path(root)
    practices = root / "practices"
    if practices.exists():
        shutil.rmtree(practices)
    (practices / "projects").mkdir(parents=True)
    copy_project_files(root)
    maker = CorpusMaker(n, seed)
    for project in maker.projects:
        project = {key: value for key, value in project.items() if value not in ([], None)}
        text = record_yaml(project, "../../schema/v2/project.schema.json")
        (practices / "projects" / f"{project['id']}.yml").write_text(text, "utf-8")
    written = []
    for index in range(n):
        record = maker.practice(index)
        path = practices / f"{record['id']}.yml"
        path.write_text(record_yaml(record, "../schema/v2/practice.schema.json"), "utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic toolbox project of N practices into ROOT.")
    parser.add_argument("root", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    files = make_corpus(args.root, args.n, args.seed)
    print(f"wrote {len(files)} practices into {args.root / 'practices'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
