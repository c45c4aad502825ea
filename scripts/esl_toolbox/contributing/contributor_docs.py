"""Files for contributors made from the model, the vocabularies and the record template.

`esl-toolbox contributor-docs` writes the issue forms (a practice; a translation, with the languages)
and the generated blocks of CONTRIBUTING.md (the blank template, the evidence scale, every field from
the model, the vocabularies); `--check` fails when they are stale, so a new field, term or language
cannot be missing from the forms or the guide.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2
from pydantic import BaseModel

from ..languages import languages
from ..model import Practice, Project, top_level_fields, vocabulary_fields
from ..model.translation import TranslatedText
from ..scaffold import render_template_record
from ..schema import json_schema
from ..vocabularies import VOCABULARY_FILES, Vocabulary, vocabulary
from .questions import QUESTIONS

ISSUE_FORM = Path(".github/ISSUE_TEMPLATE/practice.yml")
TRANSLATION_FORM = Path(".github/ISSUE_TEMPLATE/translation.yml")
GUIDE = Path("CONTRIBUTING.md")

# The blank template is rendered for a fixed day; the guide shows placeholders instead, so that it
# does not go stale every midnight and nobody copies a wrong date.
_TEMPLATE_DAY = dt.date(1999, 12, 31)
_TEMPLATE_DATES = {"created: 1999-12-31": "created: YYYY-MM-DD", "year: 1999": "year: YYYY"}


class GeneratedBlockMissing(Exception):
    """CONTRIBUTING.md lacks the markers of a generated block."""


@dataclass(frozen=True)
class VocabularyField:
    field: str
    vocabulary: Vocabulary


@dataclass(frozen=True)
class FieldRow:
    path: str
    required: bool
    description: str
    translatable: bool


@dataclass(frozen=True)
class PartTable:
    intro: str
    fields: tuple[FieldRow, ...]


def vocabulary_fields_explained() -> list[VocabularyField]:
    """The fields whose terms the guide lists, in the model's order; the evidence scale has a block of its own."""
    fields = [*vocabulary_fields(Practice), *vocabulary_fields(TranslatedText)]
    return [
        VocabularyField(f.path, vocabulary(f.vocabulary))
        for f in fields
        if f.vocabulary in VOCABULARY_FILES and f.vocabulary != "evidence_levels"
    ]


def _rows(model: type[BaseModel], prefix: str = "") -> tuple[FieldRow, ...]:
    required = set(json_schema(model).get("required", []))
    return tuple(
        FieldRow(prefix + f.name, f.name in required, f.description, f.translatable) for f in top_level_fields(model)
    )


def field_tables(model: type[BaseModel]) -> list[PartTable]:
    """The record's fields, then each nested part's, as the guide's tables."""
    tables = [PartTable("", _rows(model))]
    for meta in top_level_fields(model):
        if meta.part is not None:
            intro = f"{meta.plural} (`{meta.name}`): {meta.part.__doc__ or ''}".strip()
            tables.append(PartTable(intro, _rows(meta.part, meta.name + ".")))
    return tables


def _markdown_cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(__package__, "templates"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # YAML and Markdown, not HTML
    )
    # JSON strings are valid YAML scalars: labels with quotes or colons stay intact.
    env.filters["yaml_text"] = lambda text: json.dumps(text, ensure_ascii=False)
    env.filters["cell"] = _markdown_cell
    return env


def render_issue_form() -> str:
    """The issue form `.github/ISSUE_TEMPLATE/practice.yml`."""
    return _environment().get_template("issue-form.yml.j2").render(questions=QUESTIONS)


def translated_languages() -> list:
    return [lang for lang in languages() if not lang.is_source]


def render_translation_form() -> str:
    """The issue form `.github/ISSUE_TEMPLATE/translation.yml`: the languages and the translatable fields."""
    fields = [f for f in top_level_fields(Practice) if f.translatable]
    return (
        _environment().get_template("translation-form.yml.j2").render(languages=translated_languages(), fields=fields)
    )


def render_blank_template() -> str:
    """The record template of `esl-toolbox new`, as the guide shows it for copying."""
    slug = "name-of-the-practice"
    text = render_template_record("Name of the practice", slug, f"practices/{slug}.yml", _TEMPLATE_DAY)
    for rendered, placeholder in _TEMPLATE_DATES.items():
        if rendered not in text:
            raise ValueError(f"the record template no longer contains {rendered!r}; update _TEMPLATE_DATES")
        text = text.replace(rendered, placeholder)
    return text


def guide_blocks() -> dict[str, str]:
    """The generated blocks of CONTRIBUTING.md by name."""
    env = _environment()
    fields = env.get_template("fields.md.j2")
    return {
        "template": env.get_template("blank-template.md.j2").render(template=render_blank_template()),
        "evidence-scale": env.get_template("evidence-scale.md.j2").render(levels=vocabulary("evidence_levels")),
        "fields": fields.render(parts=field_tables(Practice)),
        "project-fields": fields.render(parts=field_tables(Project)[:1]),
        "vocabularies": env.get_template("vocabularies.md.j2").render(fields=vocabulary_fields_explained()),
    }


def _block_pattern(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(<!-- BEGIN generated:{re.escape(name)} [^>]*-->\n)(.*?)(<!-- END generated:{re.escape(name)} -->)",
        re.DOTALL,
    )


def update_guide(text: str) -> str:
    """CONTRIBUTING.md's text with every generated block replaced by its current content."""
    for name, content in guide_blocks().items():
        pattern = _block_pattern(name)
        if not pattern.search(text):
            raise GeneratedBlockMissing(f"CONTRIBUTING.md has no block '{name}' between its BEGIN and END markers")
        text = pattern.sub(lambda m, content=content: m.group(1) + content + m.group(3), text, count=1)
    return text


def _expected(root: Path) -> dict[Path, str]:
    guide = root / GUIDE
    return {
        root / ISSUE_FORM: render_issue_form(),
        root / TRANSLATION_FORM: render_translation_form(),
        guide: update_guide(guide.read_text("utf-8")),
    }


def stale_files(root: Path) -> list[Path]:
    """Generated files under `root` that differ from what the sources give."""
    return [path for path, text in _expected(root).items() if not path.is_file() or path.read_text("utf-8") != text]


def write_files(root: Path) -> list[Path]:
    """Write the issue form and refresh CONTRIBUTING.md; return the files that changed."""
    from ..writing import write_atomic

    changed = []
    for path, text in _expected(root).items():
        if not path.is_file() or path.read_text("utf-8") != text:
            write_atomic(path, text)
            changed.append(path)
    return changed
