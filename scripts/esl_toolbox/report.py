"""Print a validation report as text lines, GitHub Actions annotations or JSON."""

from __future__ import annotations

import json
from typing import TextIO

from .problems import Problem
from .validate import Report


def _escape_github(text: str, in_property: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def _github_line(problem: Problem) -> str:
    title = _escape_github(problem.field or "record", in_property=True)
    message = _escape_github(f"{problem.field}: {problem.message}" if problem.field else problem.message)
    return (
        f"::{problem.severity} file={_escape_github(problem.path, True)},line={problem.line},"
        f"col={problem.column},title={title}::{message}"
    )


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def _summary(report: Report) -> str:
    checked = _count(len(report.files), "file")
    return f"{checked} checked: {_count(len(report.errors), 'error')}, {_count(len(report.warnings), 'warning')}"


def write_text(report: Report, out: TextIO) -> None:
    for problem in report.problems:
        print(problem, file=out)
    print(_summary(report), file=out)


def write_github(report: Report, out: TextIO) -> None:
    for problem in report.problems:
        print(_github_line(problem), file=out)
    print(_summary(report), file=out)


def write_json(report: Report, out: TextIO) -> None:
    document = {
        "files": [f.path for f in report.files],
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "problems": [p.as_dict() for p in report.problems],
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")


WRITERS = {"text": write_text, "github": write_github, "json": write_json}
