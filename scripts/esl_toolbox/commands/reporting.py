"""Problems as people and machines read them: text lines, GitHub Actions annotations or JSON.

`validate`, `check-links`, `check-site-links` and every command that stops on invalid records
report through here, so a problem looks the same wherever it is found.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from ..problems import Problem

FORMATS = ("text", "github", "json")


def count(number: int, word: str, plural: str | None = None) -> str:
    """'1 file', '2 files', '0 web addresses'."""
    return f"{number} {word if number == 1 else plural or word + 's'}"


def _escape_github(text: str, in_property: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def github_line(problem: Problem, kind: str = "") -> str:
    """One problem as a GitHub Actions annotation, shown on the line it names in a pull request."""
    title = _escape_github(": ".join(part for part in (kind, problem.field or "record") if part), in_property=True)
    message = _escape_github(f"{problem.field}: {problem.message}" if problem.field else problem.message)
    return (
        f"::{problem.severity} file={_escape_github(problem.path, True)},line={problem.line},"
        f"col={problem.column},title={title}::{message}"
    )


def write_problems(
    problems: Sequence[Problem],
    summary: str,
    out: TextIO,
    fmt: str = "text",
    details: dict[str, Any] | None = None,
    kind: str = "",
) -> None:
    """Every problem, then the summary line; in JSON, one document with the summary and `details`.

    `kind` names what the problems are (e.g. "dead link") in the titles of GitHub annotations."""
    if fmt == "json":
        document = {**(details or {}), "summary": summary, "problems": [p.as_dict() for p in problems]}
        json.dump(document, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    for problem in problems:
        print(github_line(problem, kind) if fmt == "github" else problem, file=out)
    print(summary, file=out)


def validation_summary(files: int, errors: int, warnings: int) -> str:
    """'12 files checked: 0 errors, 1 warning'."""
    return f"{count(files, 'file')} checked: {count(errors, 'error')}, {count(warnings, 'warning')}"


def write_validation(report: Any, out: TextIO, fmt: str = "text") -> None:
    """A validation report: every problem of every file, then how many files, errors and warnings."""
    errors, warnings = len(report.errors), len(report.warnings)
    details = {"files": [f.path for f in report.files], "errors": errors, "warnings": warnings}
    write_problems(report.problems, validation_summary(len(report.files), errors, warnings), out, fmt, details)
