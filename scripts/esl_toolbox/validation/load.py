"""One record file's bytes made into a model: parsed safely, then validated, every problem kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..loader import Document, parse_document
from ..messages import describe_error
from ..model import Practice, Project
from ..problems import ERROR, Problem, format_path
from ..project import is_project_file


def model_for(path: Path | str) -> type[Practice] | type[Project]:
    """The model a record file is validated against: a project in practices/projects/, else a practice."""
    return Project if is_project_file(path) else Practice


def problem_at(doc: Document, loc: tuple, severity: str, message: str, prefer_key: bool = False) -> Problem:
    line, column = doc.position(loc, prefer_key)
    return Problem(doc.path, line, column, severity, format_path(loc), message)


def _model_problems(doc: Document, model: type[BaseModel], exc: ValidationError) -> list[Problem]:
    problems = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        on_key = error["type"] in {"extra_forbidden", "missing"}
        problems.append(problem_at(doc, loc, ERROR, describe_error(model, error), prefer_key=on_key))
    return problems


VERSION_1 = (
    "no schema_version: this record is written in version 1 of the format; "
    "upgrade it with `esl-toolbox migrate {path} --write`, then check it again"
)


def load_record(raw: bytes, path: Path, shown: str) -> tuple[Document | None, Any, list[Problem]]:
    """The file's document and its valid record (None if invalid), with the problems found on the way."""
    doc, problems = parse_document(raw, shown)
    if doc is None:
        return None, None, problems
    if "schema_version" not in doc.data:
        # Every other message would be about the old format: say the one thing that fixes them all.
        line, column = doc.position(tuple(doc.data)[:1], prefer_key=True)
        return doc, None, [Problem(shown, line, column, ERROR, "schema_version", VERSION_1.format(path=shown))]
    model = model_for(path)
    try:
        return doc, model.model_validate(doc.data), problems
    except ValidationError as exc:
        return doc, None, problems + _model_problems(doc, model, exc)
