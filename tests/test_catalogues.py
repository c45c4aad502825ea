"""The interface in every language: each catalogue has every message translated (none fuzzy), each
vocabulary file every term, the catalogues are current with the code, and no template or script
shows English that bypasses them."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from esl_toolbox.catalogues import po_text, problems_of, template, updated_catalogue, vocabulary_problems
from esl_toolbox.languages import language, translated_codes
from esl_toolbox.presentation.i18n import REVIEWED_FLAG, catalogue_path, gettext_for, reviewed_catalogues
from esl_toolbox.site.script_text import script_files, script_messages
from esl_toolbox.vocabularies import term_in, vocabulary

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "esl_toolbox"
# Pages for data users in English only, like the hand-written docs/ pages: the other languages link to them.
ENGLISH_ONLY_TEMPLATES = {"data-dictionary.md.j2"}
# Words a page may show as they are in every language.
INVARIANT = {"ISCED", "EQF", "PDF", "CC", "BY", "MIT", "CSV", "JSON", "ESL", "ISBN", "DOI", "WCAG"}


@pytest.fixture(scope="module")
def messages():
    return template()


@pytest.mark.parametrize("lang", translated_codes())
def test_every_message_is_translated_in_every_language(lang: str, messages):
    found = problems_of(lang, messages)
    assert found == [], "\n".join(str(p) for p in found[:20])


@pytest.mark.parametrize("lang", translated_codes())
def test_every_vocabulary_term_is_translated_in_every_language(lang: str):
    found = vocabulary_problems(lang)
    assert found == [], "\n".join(str(p) for p in found[:20])
    assert term_in("intervention_types", "prevention", lang).label != "Prevention"


@pytest.mark.parametrize("lang", translated_codes())
def test_the_catalogues_are_current_with_the_code(lang: str, messages):
    """`esl-toolbox catalogues` would change nothing: every message the code has is in the file, no other."""
    path = Path(str(catalogue_path(lang)))
    assert po_text(updated_catalogue(lang, messages)) == path.read_bytes(), "run esl-toolbox catalogues"


@pytest.mark.parametrize("lang", translated_codes())
def test_each_catalogue_says_whether_a_native_speaker_checked_it(lang: str):
    with Path(str(catalogue_path(lang))).open("rb") as handle:
        catalog = read_po(handle)
    (line,) = [line for line in catalog.header_comment.splitlines() if REVIEWED_FLAG in line]
    answer = line.split(REVIEWED_FLAG)[1].strip()
    assert answer in ("yes", "no")
    assert (lang in reviewed_catalogues()) == (answer == "yes")


def test_a_plural_follows_the_languages_rules():
    assert gettext_for("lv")  # three forms: numbers ending in 1 (not 11), in 0 or 11-19, the rest
    catalogue = __import__("esl_toolbox.presentation.i18n", fromlist=["translations"]).translations("lv")
    one, many = (
        catalogue.ngettext("%(count)s practice", "%(count)s practices", 21),
        catalogue.ngettext("%(count)s practice", "%(count)s practices", 11),
    )
    assert one != many


@pytest.mark.parametrize("lang", ["pt", "bg", "lv"])
def test_the_scripts_words_come_in_the_pages_language_with_every_plural_category(lang: str):
    words = script_messages(lang)
    assert words["text"]["Filters"] != "Filters"
    categories = words["plural"]["%(count)s practice chosen to compare (up to %(max)s)."]
    assert "other" in categories and "one" in categories
    assert words["locale"] == language(lang).formats.replace("_", "-")


# --- no English outside the catalogues ------------------------------------------------------------

JINJA = re.compile(r"\{%-?\s*trans\b.*?\{%-?\s*endtrans\s*-?%\}|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
VISIBLE_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder", "label"}
WORD = re.compile(r"[A-Za-z]{2,}")


class _Visible(HTMLParser):
    """The text and the visible attributes of HTML, outside <script> and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")
        self.found += [value for name, value in attrs if name in VISIBLE_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.found.append(data)


def visible_english(source: str, markdown: bool) -> list[str]:
    """Words a template shows that do not come from the catalogue, a record or a variable."""
    text = JINJA.sub(" ", source)
    if markdown:
        text = re.sub(r"\A\s*---.*?---", " ", text, flags=re.S)  # front matter: settings, not text
        text = re.sub(r"(?m)\{[^{}\n]*\}\s*$", " ", text)  # attr_list at a line's end: ids, classes, lang
        text = re.sub(r"(?ms)^```.*?^```", " ", text)  # code: commands, not prose
    text = re.sub(r"(?s)<code>.*?</code>", " ", text)  # a command line to type, as it is typed
    parser = _Visible()
    parser.feed(text)
    words = [w for chunk in parser.found for w in WORD.findall(chunk)]
    return [w for w in words if w not in INVARIANT]


# Not here: the English-only pages (for data users) and the generated config, whose values the
# next test checks.
TEMPLATES = sorted(
    path
    for path in [
        *(PACKAGE / "site" / "templates").glob("*.j2"),
        *(PACKAGE / "pdf" / "templates").glob("*.j2"),
        *(PACKAGE / "site" / "overrides").rglob("*.html"),
    ]
    if path.name not in ENGLISH_ONLY_TEMPLATES and path.name != "mkdocs.generated.yml.j2"
)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_no_template_shows_english_outside_the_catalogue(path: Path):
    words = visible_english(path.read_text("utf-8"), markdown=path.name.endswith(".md.j2"))
    assert words == [], f"{path.name} shows {words[:10]} outside the catalogue"


def test_the_generated_config_takes_every_visible_value_from_the_catalogue():
    text = (PACKAGE / "site" / "templates" / "mkdocs.generated.yml.j2").read_text("utf-8")
    for line in text.splitlines():
        value = (
            line.split(":", 1)[1].strip()
            if re.match(r"\s*-?\s*(title|site_description|copyright|search\w*|footer)\b", line)
            else ""
        )
        if value and not value.startswith("{{ _(") and not value.startswith("{{ (_("):
            assert value.startswith(("{{", "[", "{")) or not WORD.search(value), line
    nav = text[text.index("nav:") :]
    for line in nav.splitlines():
        if re.match(r"\s*- .*:", line) and "{{" in line:
            assert "_(" in line, line


STRING = re.compile(r'(?<![\w.])(t|nt)?\(?\s*"((?:[^"\\]|\\.)*)"')


def test_no_script_shows_english_outside_t_and_nt():
    for path in script_files():
        code = path.read_text("utf-8")
        code = re.sub(r"/\*.*?\*/|//[^\n]*", " ", code, flags=re.S)
        for call in re.finditer(r'(?<![\w.])n?t\(\s*"(?:[^"\\]|\\.)*"(?:\s*,\s*"(?:[^"\\]|\\.)*")?', code):
            code = code.replace(call.group(0), " ")
        for literal in re.findall(r'"((?:[^"\\]|\\.)*)"', code):
            # A sentence or a label starts with a capital and has a lower-case word: selectors, ids,
            # event and attribute names do not.
            if re.match(r"[A-Z][a-z]+\b", literal) and not re.match(r"(LI|Node)\b", literal):
                pytest.fail(f"{path.name}: {literal!r} is shown without t() or nt()")


def test_vocabulary_labels_are_in_the_vocabulary_data_not_in_code():
    assert vocabulary("themes").terms["mentoring"].label == "Mentoring"
    assert term_in("themes", "mentoring", "bg").label not in ("", "Mentoring")
