"""The interface catalogues: every string a visitor reads, extracted by Babel, one .po file per language.

    template        every message, from the site's and the PDFs' templates (Jinja2), the Python code
                    (`_()`, `ngettext()`), the scripts (`t()`, `nt()`), the model's labels and headings,
                    and the ways in of the home page and finder
    update          each language's catalogue brought in line with the template: new messages empty,
                    messages no longer used dropped, translations kept (never guessed: no fuzzy matching)
    problems        what a catalogue lacks: a message, a translation, a plural form; fuzzy entries

English is the source: its messages are the ids, so it has no catalogue. `esl-toolbox catalogues`
runs `update`; `--check` lists the problems instead and fails on any.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.pofile import read_po, write_po

from .languages import language, translated_codes
from .model import Practice, Project, record_fields
from .presentation.i18n import DOMAIN, REVIEWED_FLAG, catalogue_path
from .settings import DEFAULT_SITE_NAME
from .site.script_text import SCRIPT_KEYWORDS, script_files
from .site.ways_in import problems, roles
from .vocabularies import TRANSLATED_PARTS, VOCABULARY_FILES, vocabulary, vocabulary_translations

PYTHON_KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
TEMPLATE_FOLDERS = (("site", "templates"), ("pdf", "templates"))
UNREVIEWED_NOTE = (
    "Written by the toolbox team. A native speaker who has checked every message changes the next line to yes."
)


def _package() -> resources.abc.Traversable:
    return resources.files(__package__)


def _add(catalog: Catalog, message: str | tuple[str, str], where: str, line: int = 0) -> None:
    if not message or (isinstance(message, tuple) and not message[0]):
        return
    existing = catalog.get(message[0] if isinstance(message, tuple) else message)
    if existing is not None:
        existing.locations.append((where, line))
        return
    catalog.add(message, locations=[(where, line)])


def _extract_files(
    catalog: Catalog, folder: resources.abc.Traversable, suffix: str, method: str, keywords, options=None
):
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            _extract_files(catalog, entry, suffix, method, keywords, options)
        elif entry.name.endswith(suffix):
            with entry.open("rb") as handle:
                for line, message, _comments, _context in extract(method, handle, keywords, options=options or {}):
                    _add(catalog, message, entry.name, line)


def template() -> Catalog:
    """Every message of the interface, in English."""
    catalog = Catalog(domain=DOMAIN, fuzzy=False, **_HEADER)
    package = _package()
    jinja = {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true"}
    for parts in TEMPLATE_FOLDERS:
        _extract_files(catalog, package.joinpath(*parts), ".j2", "jinja2", PYTHON_KEYWORDS, jinja)
    _extract_files(catalog, package, ".py", "python", PYTHON_KEYWORDS)
    for entry in script_files():
        with entry.open("rb") as handle:
            for line, message, _comments, _context in extract("javascript", handle, SCRIPT_KEYWORDS):
                _add(catalog, message, entry.name, line)
    for model in (Practice, Project):
        for meta in record_fields(model):
            for text in (meta.label, meta.plural, meta.facet.heading if meta.facet else ""):
                _add(catalog, text, f"model:{model.__name__}.{meta.path}")
    for way in (*problems(), *roles()):
        for text in (way.label, way.hint):
            _add(catalog, text, f"ways_in.yml:{way.id}")
    _add(catalog, DEFAULT_SITE_NAME, "settings.py")  # the site's name, as mkdocs.yml gives it
    return catalog


def read_catalogue(lang: str) -> Catalog | None:
    path = catalogue_path(lang)
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


# Fixed header values: a catalogue changes only when its messages do (no dates, no placeholders).
_HEADER = {
    "project": "ESL Good Practice Toolbox",
    "version": "1",
    "creation_date": dt.datetime(2026, 11, 28, tzinfo=dt.UTC),
    "revision_date": dt.datetime(2026, 11, 28, tzinfo=dt.UTC),
    "last_translator": "the ESL Good Practice Toolbox team",
    "language_team": "the ESL Good Practice Toolbox team",
    "msgid_bugs_address": "the repository's issues",
}


def _new_catalogue(lang: str) -> Catalog:
    # The locale of the language's formats: its plural rules too (Portuguese as in Portugal).
    catalog = Catalog(locale=language(lang).formats, domain=DOMAIN, fuzzy=False, **_HEADER)
    catalog.header_comment = f"# {language(lang).english_name} ({lang}) interface of the ESL Good Practice Toolbox."
    return catalog


def po_text(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    # No line numbers: a template edited elsewhere would change every catalogue for nothing.
    write_po(out, catalog, width=100, omit_header=False, sort_output=False, include_lineno=False, ignore_obsolete=True)
    return out.getvalue()


def updated_catalogue(lang: str, messages: Catalog) -> Catalog:
    """The language's catalogue with exactly the template's messages, translations kept."""
    catalog = read_catalogue(lang) or _new_catalogue(lang)
    catalog.update(messages, no_fuzzy_matching=True, update_header_comment=False, update_creation_date=False)
    catalog.obsolete.clear()
    if REVIEWED_FLAG not in catalog.header_comment:
        first = catalog.header_comment.splitlines()[0]
        catalog.header_comment = f"{first}\n# {UNREVIEWED_NOTE}\n# {REVIEWED_FLAG} no"
    return catalog


def update() -> list[str]:
    """Bring every language's catalogue in line with the template, and give each language a vocabulary
    file to fill in if it has none; return what changed."""
    messages = template()
    changed = []
    for lang in translated_codes():
        vocabularies_file = vocabulary_translation_path(lang)
        if not vocabularies_file.is_file():
            vocabularies_file.parent.mkdir(parents=True, exist_ok=True)
            vocabularies_file.write_text(vocabulary_skeleton(lang), "utf-8")
            changed.append(f"{lang} (vocabularies)")
        path = Path(str(catalogue_path(lang)))
        text = po_text(updated_catalogue(lang, messages))
        if not path.is_file() or path.read_bytes() != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text)
            changed.append(lang)
    return changed


@dataclass(frozen=True)
class CatalogueProblem:
    lang: str
    message: str
    problem: str

    def __str__(self) -> str:
        return f"{catalogue_path(self.lang)}: {self.problem}: {self.message!r}"


def problems_of(lang: str, messages: Catalog | None = None) -> list[CatalogueProblem]:
    """What the language's catalogue lacks or holds in doubt, against the template."""
    messages = messages or template()
    catalog = read_catalogue(lang)
    if catalog is None:
        return [CatalogueProblem(lang, "", "no catalogue; run esl-toolbox catalogues")]
    found = []
    for message in messages:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        entry = catalog.get(key)
        if entry is None:
            found.append(CatalogueProblem(lang, key, "missing; run esl-toolbox catalogues"))
        elif entry.fuzzy:
            found.append(CatalogueProblem(lang, key, "fuzzy: check the translation, then remove the fuzzy flag"))
        elif isinstance(entry.string, tuple | list):
            if len(entry.string) < catalog.num_plurals or not all(entry.string):
                found.append(CatalogueProblem(lang, key, f"needs all {catalog.num_plurals} plural forms"))
        elif not entry.string:
            found.append(CatalogueProblem(lang, key, "not translated"))
    return found


# --- the vocabularies in each language -------------------------------------------------------------

VOCABULARY_TRANSLATIONS = ("vocabularies", "translations")


def vocabulary_translation_path(lang: str) -> Path:
    return Path(str(_package().joinpath(*VOCABULARY_TRANSLATIONS, f"{lang}.yml")))


def _comment(text: str, indent: str) -> list[str]:
    return [f"{indent}# {line}".rstrip() for line in text.splitlines()]


def vocabulary_skeleton(lang: str) -> str:
    """A new vocabulary file for a language: every text to translate empty, its English in a comment above."""
    lines = [
        f"# {language(lang).english_name} ({lang}): the names, descriptions and terms of the vocabularies in",
        "# scripts/esl_toolbox/vocabularies/, which the site, the PDFs and the finder show. Write each translation",
        "# after its key; the English is in the comment above it. `plain` is the term in everyday words, shown",
        "# first; `technical` the term shown after it in brackets. Country and language names come from pycountry.",
        "# Not yet reviewed by a native speaker: written by the toolbox team. A native speaker who has checked",
        "# every text sets `reviewed: true`.",
        "reviewed: false",
        "vocabularies:",
    ]
    for key in VOCABULARY_FILES:
        vocab = vocabulary(key)
        lines += [
            f"  {key}:",
            *_comment(vocab.name, "    "),
            "    _name:",
            *_comment(vocab.description, "    "),
            "    _description:",
        ]
        for term in vocab.terms.values():
            lines.append(f'    "{term.id}":')
            for part in TRANSLATED_PARTS:
                english = getattr(term, part)
                if english:
                    lines += [*_comment(str(english), "      "), f"      {part}:"]
    return "\n".join(lines) + "\n"


def vocabulary_problems(lang: str) -> list[CatalogueProblem]:
    """What the language's vocabulary file lacks: a name, a description, a term's label, definition or words."""
    path = vocabulary_translation_path(lang)
    if not path.is_file():
        return [CatalogueProblem(lang, str(path), "no vocabulary file; run esl-toolbox catalogues")]
    found = vocabulary_translations(lang)
    problems = []
    for key in VOCABULARY_FILES:
        texts = found.get(key) or {}
        for part in ("_name", "_description"):
            if not texts.get(part):
                problems.append(CatalogueProblem(lang, f"{key}.{part}", f"{path.name}: not translated"))
        for term in vocabulary(key).terms.values():
            entry = texts.get(str(term.id)) or {}
            for part in TRANSLATED_PARTS:
                if getattr(term, part) and not entry.get(part):
                    problems.append(CatalogueProblem(lang, f"{key}.{term.id}.{part}", f"{path.name}: not translated"))
    return problems
