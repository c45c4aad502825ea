"""`esl-toolbox changed --base REF`: the records a branch adds, changes or removes, as Markdown.

A pull request's workflow writes this into the run's summary, so a reviewer sees at a glance which
practices the pull request touches. It reads `git diff --name-status BASE...HEAD`: the changes
since the branch left BASE, not what BASE has gained since.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..loader import load_document
from ..project import PRACTICES_DIR, RECORD_SUFFIXES, is_project_file

STATUS_WORDS = {"A": "added", "M": "changed", "D": "removed", "R": "renamed", "C": "copied", "T": "changed"}
SUMMARY_ORDER = ("added", "changed", "renamed", "copied", "removed")


class GitProblem(Exception):
    """git could not compare the branch with the base; the message says why."""


@dataclass(frozen=True)
class Change:
    status: str  # added, changed, removed, renamed, copied
    path: str
    old_path: str | None = None

    @property
    def kind(self) -> str:
        return "project" if is_project_file(Path(self.path)) else "practice"


def changed_records(root: Path, base: str) -> list[Change]:
    """The record files that differ between the merge base of `base` and HEAD."""
    command = ["git", "diff", "--name-status", "--find-renames", "--no-color", f"{base}...HEAD", "--", PRACTICES_DIR]
    try:
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitProblem(f"could not run git: {exc}") from None
    if result.returncode != 0:
        raise GitProblem(result.stderr.strip() or f"git diff failed with exit code {result.returncode}")
    changes = []
    for line in result.stdout.splitlines():
        status, *paths = line.split("\t")
        if not paths or not paths[-1].endswith(RECORD_SUFFIXES):
            continue
        old = paths[0] if len(paths) == 2 else None
        changes.append(Change(STATUS_WORDS.get(status[:1], "changed"), paths[-1], old))
    return changes


def _markdown_text(text: str) -> str:
    """Text safe inside a Markdown table cell: no markup, no HTML, no column breaks."""
    escaped = "".join(f"\\{c}" if c in "\\`*_{}[]()#+-.!|<>~" else c for c in " ".join(text.split()))
    return escaped.replace("&", "&amp;")


def title_of(root: Path, change: Change) -> str:
    """The record's title, or its id when it is gone or unreadable."""
    path = root / change.path
    if change.status != "removed" and path.is_file():
        doc, _problems = load_document(path)
        if doc is not None and isinstance(doc.data.get("title"), str):
            return doc.data["title"]
    return Path(change.path).stem


def changes_markdown(root: Path, changes: list[Change]) -> str:
    """A heading and a table of the changes, for $GITHUB_STEP_SUMMARY."""
    lines = ["## Practices in this pull request", ""]
    if not changes:
        return "\n".join(lines + ["This pull request adds, changes or removes no practice or project records.", ""])
    counts = {status: sum(c.status == status for c in changes) for status in SUMMARY_ORDER}
    lines += [", ".join(f"{n} {status}" for status, n in counts.items() if n) + ".", ""]
    lines += ["| change | record | title | file |", "| --- | --- | --- | --- |"]
    for change in changes:
        file_cell = f"`{change.path}`" + (f" (was `{change.old_path}`)" if change.old_path else "")
        lines.append(f"| {change.status} | {change.kind} | {_markdown_text(title_of(root, change))} | {file_cell} |")
    return "\n".join(lines + [""])
