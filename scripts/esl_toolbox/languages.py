"""The toolbox's languages: the list in locale/languages.yml, read once. English is the source."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

SOURCE_LANGUAGE = "en"


@dataclass(frozen=True)
class Language:
    code: str
    formats: str  # Babel's locale for dates, numbers and amounts
    iso: str  # the locale of pycountry's translated country and language names

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE_LANGUAGE

    @property
    def name(self) -> str:
        """The language's name in itself, as a switcher shows it: 'português'."""
        return _display_name(self.code, self.code)

    @property
    def english_name(self) -> str:
        return _display_name(self.code, SOURCE_LANGUAGE)

    @property
    def prefix(self) -> str:
        """The language's folder on the site, from the site's root: '' for English, 'pt/' for Portuguese."""
        return "" if self.is_source else f"{self.code}/"


@cache
def _display_name(code: str, in_language: str) -> str:
    from babel import Locale  # only commands that name languages need Babel's locale data

    return Locale.parse(code).get_display_name(in_language) or code


@cache
def languages() -> tuple[Language, ...]:
    text = resources.files(__package__).joinpath("locale", "languages.yml").read_text("utf-8")
    entries = yaml.safe_load(text)
    return tuple(Language(e["code"], e.get("formats", e["code"]), e.get("iso", e["code"])) for e in entries)


def language_codes() -> tuple[str, ...]:
    return tuple(language.code for language in languages())


def translated_codes() -> tuple[str, ...]:
    """Every language but the source."""
    return tuple(code for code in language_codes() if code != SOURCE_LANGUAGE)


def language(code: str) -> Language:
    """The language of a code; KeyError if the toolbox has no such language."""
    for found in languages():
        if found.code == code:
            return found
    raise KeyError(code)


def parse_language_list(text: str) -> tuple[str, ...]:
    """'en,pt' -> ('en', 'pt'), in the toolbox's order; ValueError naming any code it does not know."""
    asked = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [code for code in asked if code not in language_codes()]
    if unknown or not asked:
        known = ", ".join(language_codes())
        raise ValueError(f"unknown language {', '.join(unknown) or '(none given)'}; the toolbox has {known}")
    return tuple(code for code in language_codes() if code in asked)
