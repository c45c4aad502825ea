"""Controlled vocabularies: one YAML data file per vocabulary, plus ISO codes from pycountry.

Adding a term is a data change in `vocabularies/<name>.yml`; the model, the JSON Schema,
the validator's suggestions and the site's labels all read the terms from here. A term's label,
definition and plain words in the other languages are in `vocabularies/translations/<lang>.yml`;
country, language and region names come from pycountry's own translations.
"""

from __future__ import annotations

import difflib
import gettext
import importlib.util
import json
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Term:
    id: str | int
    label: str
    definition: str
    rank: int | None = None
    up_to_eur: float | None = None  # cost bands: the band's upper bound per learner per year
    plain: str | None = None  # the term in everyday words, for visitors: "Before problems start"
    technical: str | None = None  # the technical name shown after the plain words, if not the label

    @property
    def plain_label(self) -> str:
        """Plain words first, the technical term second: 'Before problems start (prevention)'."""
        if not self.plain:
            return self.label
        technical = self.technical or self.label[:1].lower() + self.label[1:]
        return f"{self.plain} ({technical})"


@dataclass(frozen=True)
class Vocabulary:
    key: str
    name: str
    description: str
    terms: dict[str | int, Term] = field(repr=False)
    pattern: str | None = None  # for code lists too long to enumerate in the JSON Schema (regions)

    def __contains__(self, value: object) -> bool:
        return value in self.terms

    def label(self, term_id: str | int, lang: str = "en") -> str:
        """The term's label in a language."""
        return term_in(self.key, term_id, lang).label

    def ids(self) -> list[str | int]:
        return list(self.terms)

    def suggest(self, value: object) -> str | None:
        """The closest term to a near-miss value, if one is close enough."""
        if not isinstance(value, str):
            return None
        candidates = {str(t).lower(): t for t in self.terms}
        candidates.update({term.label.lower(): term.id for term in self.terms.values()})
        match = difflib.get_close_matches(value.lower(), list(candidates), n=1, cutoff=0.6)
        return str(candidates[match[0]]) if match else None


VOCABULARY_FILES = (
    "intervention_types",
    "isced_levels",
    "eqf_levels",
    "target_groups",
    "reach",
    "scopes",
    "intervention_levels",
    "audiences",
    "themes",
    "evidence_levels",
    "evaluation_designs",
    "finding_directions",
    "outcome_domains",
    "cost_bands",
    "cost_bases",
    "funding_bases",
    "scale_units",
    "organisation_roles",
    "resource_types",
    "review_statuses",
    "translation_statuses",
)


def _load_data_vocabulary(key: str) -> Vocabulary:
    text = resources.files(__package__).joinpath("vocabularies", f"{key}.yml").read_text("utf-8")
    data = yaml.load(text, Loader=yaml.CSafeLoader)
    terms = {
        t["id"]: Term(
            t["id"], t["label"], t["definition"], t.get("rank"), t.get("up_to_eur"), t.get("plain"), t.get("technical")
        )
        for t in data["terms"]
    }
    return Vocabulary(key, data["name"], data["description"], terms)


def _iso_table(standard: str) -> list[dict[str, str]]:
    """One of pycountry's ISO tables, read from its data file.

    pycountry's own objects cost a tenth of a second to build on every run, which is a third of
    checking a whole project; the same JSON read directly costs a few milliseconds.
    """
    spec = importlib.util.find_spec("pycountry")
    folder = Path(next(iter(spec.submodule_search_locations))) / "databases"  # type: ignore[union-attr]
    return json.loads((folder / f"iso{standard}.json").read_bytes())[standard]


def _countries() -> Vocabulary:
    terms = {
        c["alpha_2"]: Term(c["alpha_2"], c.get("common_name", c["name"]), f"ISO 3166-1 code {c['alpha_2']}")
        for c in _iso_table("3166-1")
    }
    return Vocabulary(
        "countries", "Country", "two-letter ISO 3166-1 country codes in capitals, such as PT, NO, LV.", terms
    )


def _languages() -> Vocabulary:
    terms = {
        lang["alpha_2"]: Term(lang["alpha_2"], lang["name"], f"ISO 639-1 code {lang['alpha_2']}")
        for lang in _iso_table("639-3")
        if "alpha_2" in lang
    }
    return Vocabulary(
        "languages", "Language", "two-letter ISO 639-1 language codes in lower case, such as pt, en, lv.", terms
    )


def _regions() -> Vocabulary:
    terms = {
        s["code"]: Term(
            s["code"], s["name"].split(" [")[0], f"ISO 3166-2 code {s['code']} ({s['type']}, {s['code'][:2]})"
        )
        for s in _iso_table("3166-2")
    }
    return Vocabulary(
        "regions",
        "Region",
        "ISO 3166-2 codes of regions and other subdivisions, such as ES-CT (Catalonia) or DE-HH (Hamburg).",
        terms,
        pattern=r"^[A-Z]{2}-[A-Z0-9]{1,3}$",
    )


# Each vocabulary is read on first use: most commands never need the ISO regions.
_ISO_LISTS = {"countries": _countries, "languages": _languages, "regions": _regions}


@cache
def vocabulary(key: str) -> Vocabulary:
    """One vocabulary by key, loaded on first use."""
    if key in _ISO_LISTS:
        return _ISO_LISTS[key]()
    if key not in VOCABULARY_FILES:
        raise KeyError(key)
    return _load_data_vocabulary(key)


def vocabularies() -> dict[str, Vocabulary]:
    """Every vocabulary by key."""
    return {key: vocabulary(key) for key in (*VOCABULARY_FILES, *_ISO_LISTS)}


# --- the terms in the other languages ---------------------------------------------------------------

TRANSLATED_PARTS = ("label", "definition", "plain", "technical")
_ISO_DOMAINS = {"countries": "iso3166-1", "languages": "iso639-3", "regions": "iso3166-2"}


@cache
def vocabulary_translations(lang: str) -> dict:
    """A language's vocabulary file: {vocabulary: {term id as text: {label, definition, plain, technical}}}."""
    path = resources.files(__package__).joinpath("vocabularies", "translations", f"{lang}.yml")
    if not path.is_file():
        return {}
    return (yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader) or {}).get("vocabularies", {})


@dataclass(frozen=True)
class VocabularyText:
    name: str
    description: str


@cache
def vocabulary_text(key: str, lang: str) -> VocabularyText:
    """A vocabulary's name and description in a language (`_name` and `_description` of its translations)."""
    vocab = vocabulary(key)
    found = vocabulary_translations(lang).get(key, {}) if lang != "en" else {}
    return VocabularyText(found.get("_name") or vocab.name, found.get("_description") or vocab.description)


@cache
def term_in(key: str, term_id: str | int, lang: str) -> Term:
    """A term as a reader of `lang` sees it; the English term for English (or a part not translated)."""
    term = vocabulary(key).terms[term_id]
    if lang == "en":
        return term
    if key in _ISO_DOMAINS:
        return replace(term, label=_iso_name(key, term.label, lang))
    found = vocabulary_translations(lang).get(key, {}).get(str(term_id), {})
    return replace(term, **{part: found[part] for part in TRANSLATED_PARTS if found.get(part) and getattr(term, part)})


@cache
def _iso_catalogue(domain: str, lang: str) -> gettext.NullTranslations:
    import pycountry  # its gettext catalogues only: loaded when a page in another language names a country

    from .languages import language

    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[language(lang).iso], fallback=True)


def _iso_name(key: str, name: str, lang: str) -> str:
    return _iso_catalogue(_ISO_DOMAINS[key], lang).gettext(name)
