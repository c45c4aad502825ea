"""The words of the site's scripts in a language: every `t("...")` and `nt("...", "...", n)` of the
scripts in assets/scripts/, read by Babel's JavaScript extractor (the same that fills the catalogues) and
looked up in the language's catalogue. Plurals come by CLDR category (one, few, many, other), which
the browser's Intl.PluralRules gives for a number."""

from __future__ import annotations

from functools import cache
from importlib import resources

from babel.messages.extract import extract

from ..languages import language
from ..presentation.i18n import locale, translations

SCRIPT_KEYWORDS = {"t": None, "nt": (1, 2)}
_SAMPLES = range(0, 1001)


SCRIPTS = ("assets", "scripts")
SCRIPT_BUNDLE = "site.js"  # the scripts put together, as assets/site.js of every language's tree


def script_files() -> list:
    """The scripts, in the order they run: i18n.js first (the others use it), then by name."""
    folder = resources.files(__package__).joinpath(*SCRIPTS)
    files = [e for e in folder.iterdir() if e.name.endswith(".js")]
    return sorted(files, key=lambda e: (e.name != "i18n.js", e.name))


def script_bundle() -> bytes:
    """Every script, one after the other, each in its own function scope as written."""
    return b"\n".join(b"/* " + e.name.encode() + b" */\n" + e.read_bytes() for e in script_files())


@cache
def script_messages_ids() -> tuple[tuple[str, ...], ...]:
    """Every message of the scripts: (text,) or (singular, plural), in the order they appear."""
    found: dict[tuple[str, ...], None] = {}
    for entry in script_files():
        if entry.name.endswith(".js"):
            with entry.open("rb") as handle:
                for _line, message, _comments, _context in extract("javascript", handle, SCRIPT_KEYWORDS):
                    found[message if isinstance(message, tuple) else (message,)] = None
    return tuple(found)


@cache
def _category_samples(lang: str) -> dict[str, int]:
    """A number for each plural category of the language, to ask gettext for that category's form."""
    samples: dict[str, int] = {}
    for n in _SAMPLES:
        samples.setdefault(locale(lang).plural_form(n), n)
    return samples


def script_messages(lang: str) -> dict[str, dict]:
    """{"text": {msgid: translation}, "plural": {singular: {category: translation}}} for the scripts."""
    catalogue = translations(lang)
    texts: dict[str, str] = {}
    plurals: dict[str, dict[str, str]] = {}
    for message in script_messages_ids():
        if len(message) == 1:
            texts[message[0]] = catalogue.gettext(message[0])
        else:
            singular, plural = message
            plurals[singular] = {
                category: catalogue.ngettext(singular, plural, n) for category, n in _category_samples(lang).items()
            }
    return {"locale": language(lang).formats.replace("_", "-"), "text": texts, "plural": plurals}
