"""Checks across record files: ids and titles used twice, and references to records that do not exist.

They compare what each valid record links (RecordLinks), so they run on cached results as well.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from ..problems import ERROR, Problem
from .results import CheckedFile


def normalised_title(title: str) -> str:
    return " ".join(title.lower().split())


def check_unique(files: list[CheckedFile], field_name: str, key: Callable[[str], str]) -> None:
    first_seen: dict[tuple[bool, str], CheckedFile] = {}
    for checked in files:
        if checked.links is None:
            continue
        value = key(getattr(checked.links, field_name))
        first = first_seen.setdefault((checked.links.is_project, value), checked)
        if first is not checked:
            message = f"'{getattr(checked.links, field_name)}' is already used by {first.path}"
            checked.problems.append(checked.problem((field_name,), ERROR, message))


def _unknown_reference(checked: CheckedFile, loc: tuple, value: str, known: set[str], what: str) -> Problem:
    message = f"no {what} has the id '{value}'"
    match = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    if match:
        message += f"; did you mean '{match[0]}'?"
    return checked.problem(loc, ERROR, message)


def check_references(files: list[CheckedFile], practice_ids: set[str], project_ids: set[str]) -> None:
    for checked in files:
        links = checked.links
        if links is None or links.is_project:
            continue
        if links.project and links.project not in project_ids:
            checked.problems.append(_unknown_reference(checked, ("project",), links.project, project_ids, "project"))
        for index, related in enumerate(links.related):
            if related == links.id:
                checked.problems.append(
                    checked.problem(("related", index), ERROR, "a practice cannot be related to itself")
                )
            elif related not in practice_ids:
                checked.problems.append(
                    _unknown_reference(checked, ("related", index), related, practice_ids, "practice")
                )
