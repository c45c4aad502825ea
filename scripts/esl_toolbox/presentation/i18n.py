"""The languages of the toolbox and the gettext catalogues their strings come from.

English is the source: its strings are the message ids, so it needs no catalogue. Each other
language has `locale/<lang>/LC_MESSAGES/messages.po` in the package; Babel compiles it in memory
the first time it is needed (no compiled .mo files in the repository).
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from ..languages import SOURCE_LANGUAGE, language, translated_codes

__all__ = ["N_", "SOURCE_LANGUAGE", "gettext_for", "install", "locale", "reviewed_catalogues", "translations"]

DOMAIN = "messages"


def catalogue_path(lang: str) -> Any:
    """The .po file of a language, inside the package."""
    return resources.files(__package__).parent.joinpath("locale", lang, "LC_MESSAGES", f"{DOMAIN}.po")


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of a language; the identity for English or a language without one."""
    path = catalogue_path(lang)
    if lang == SOURCE_LANGUAGE or not path.is_file():
        return NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


# A line of a catalogue's header comment: "yes" once a native speaker has checked every message.
REVIEWED_FLAG = "Reviewed by a native speaker:"


@cache
def catalogue_reviewed(lang: str) -> bool:
    """Whether the language's interface catalogue says a native speaker has checked it."""
    path = catalogue_path(lang)
    if not path.is_file():
        return False
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    return f"{REVIEWED_FLAG} yes" in catalog.header_comment


def reviewed_catalogues() -> tuple[str, ...]:
    """The languages whose interface catalogue a native speaker has checked."""
    return tuple(code for code in translated_codes() if catalogue_reviewed(code))


def N_(message: str) -> str:  # noqa: N802 - the name Babel's extractor knows
    """Mark a message for the catalogues where it is written; it is translated where it is shown."""
    return message


def gettext_for(lang: str):
    """The `_` of a language: a string looked up in its catalogue (the English text if missing)."""
    return translations(lang).gettext


def language_name(code: str, in_language: str) -> str:
    """A language's name as a reader of another language writes it: 'português' is 'Portuguese' in English."""
    return Locale.parse(code).get_display_name(in_language) or code


@cache
def locale(lang: str) -> Locale:
    """Babel's locale for a language's dates, numbers, currencies and lists."""
    return Locale.parse(language(lang).formats)


def install(env: jinja2.Environment, lang: str) -> jinja2.Environment:
    """Give a Jinja2 environment `{% trans %}`, `_()` and `ngettext()` in the language."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    return env
