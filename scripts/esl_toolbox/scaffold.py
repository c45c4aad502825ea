"""`esl-toolbox new`: a commented template record for a new practice."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

import jinja2

from .model import Practice
from .project import is_slug, practice_file
from .vocabularies import vocabulary
from .writing import write_new

MAX_SLUG_LENGTH = 60


class ScaffoldProblem(Exception):
    """The record cannot be created; the message says why."""


# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ł": "l", "Ł": "L", "ß": "ss", "đ": "d", "Đ": "D", "þ": "th", "œ": "oe"}
)


def slugify(title: str) -> str:
    """'Virtue Education in Rīga' -> 'virtue-education-in-riga'; 'SIEH+' -> 'sieh-plus'.

    A long title is cut after the last whole word that fits in MAX_SLUG_LENGTH."""
    spelled = re.sub(r"\+", " plus ", title.translate(_LETTERS))
    ascii_title = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if len(slug) <= MAX_SLUG_LENGTH:
        return slug
    cut = slug[: MAX_SLUG_LENGTH + 1]
    return cut[: cut.rfind("-")] if "-" in cut else slug[:MAX_SLUG_LENGTH]


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(__package__, "templates"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals["doc"] = lambda name: Practice.model_fields[name].description
    env.globals["terms"] = lambda key: ", ".join(str(t) for t in vocabulary(key).ids())
    # JSON strings are valid YAML scalars, so titles with colons or quotes stay intact.
    env.filters["yaml_text"] = lambda text: json.dumps(text, ensure_ascii=False)
    return env


def render_template_record(title: str, slug: str, path: str, today: dt.date) -> str:
    return _environment().get_template("record.yml.j2").render(title=title, slug=slug, path=path, today=today)


def create_record(root: Path, title: str, slug: str | None = None, today: dt.date | None = None) -> Path:
    """Write practices/<slug>.yml from the template; never overwrite."""
    title = " ".join(title.split())
    if not title:
        raise ScaffoldProblem('give the practice a title, e.g. esl-toolbox new "Homework club in Oslo"')
    if slug is not None and not is_slug(slug):
        raise ScaffoldProblem(
            f"--id {slug!r} is not an id: use lower-case letters a-z, digits and single hyphens, e.g. homework-club"
        )
    slug = slug or slugify(title)
    if not is_slug(slug):
        raise ScaffoldProblem(f"cannot make an id from {title!r}; give one with --id, e.g. --id homework-club")
    if len(slug) > MAX_SLUG_LENGTH:
        raise ScaffoldProblem(f"--id is {len(slug)} characters long; keep it to {MAX_SLUG_LENGTH}")
    shown = practice_file(slug)
    target = root / shown
    text = render_template_record(title, slug, shown, today or dt.date.today())
    try:
        write_new(target, text)
    except FileExistsError as exc:
        raise ScaffoldProblem(str(exc)) from None
    return target
