"""Upgrade version-1 records to version 2 of the record format, in their own text.

A record keeps its comments, its order and its wording: only what changed in the format is
rewritten, from the positions the YAML parser gives.

Version 1 to 2:
- `schema_version: 2` is added before the first field;
- `funding`, one mapping in version 1, becomes a list of one; an amount without a currency gets
  `currency: EUR`, the default version 1 gave it;
- the editor line points at the version-2 JSON Schema.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import yaml

from .loader import parse_document
from .model import SCHEMA_VERSION
from .problems import Problem
from .project import is_project_file

V1_SCHEMA_LINE = "schema/{name}.schema.json"
V2_SCHEMA_LINE = "schema/v2/{name}.schema.json"


class MigrationProblem(ValueError):
    """A record that cannot be migrated: not YAML, or of a version this toolbox does not know."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class Migration:
    """A record's text before and after; equal when it is already of the current version."""

    path: Path
    before: str
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self, shown: str) -> str:
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True), shown, shown + " (version 2)"
        )
        return "".join(lines)


def migrate_text(text: str, path: Path, shown: str) -> str:
    """The record's text in the current version; MigrationProblem if it cannot be read or is unknown."""
    doc, problems = parse_document(text.encode("utf-8"), shown)
    if doc is None:
        raise MigrationProblem(problems[0])
    version = doc.data.get("schema_version", 1)
    if version == SCHEMA_VERSION:
        return text
    if version != 1:
        line, column = doc.position(("schema_version",))
        message = f"schema_version {version!r} is not one this toolbox knows (1 or {SCHEMA_VERSION})"
        raise MigrationProblem(Problem(shown, line, column, "error", "schema_version", message))
    lines = text.split("\n")
    lines = _funding_as_list(lines, doc.root)
    lines = _with_version(lines, doc.root)
    name = "project" if is_project_file(path) else "practice"
    return "\n".join(lines).replace(V1_SCHEMA_LINE.format(name=name), V2_SCHEMA_LINE.format(name=name), 1)


def migrate_file(path: Path, shown: str) -> Migration:
    before = path.read_text("utf-8")
    return Migration(path, before, migrate_text(before, path, shown))


def _top_level(root: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    return next(((k, v) for k, v in root.value if k.value == key), None)


def _with_version(lines: list[str], root: yaml.MappingNode) -> list[str]:
    first_key = root.value[0][0].start_mark.line
    return [*lines[:first_key], f"schema_version: {SCHEMA_VERSION}", *lines[first_key:]]


def _funding_as_list(lines: list[str], root: yaml.MappingNode) -> list[str]:
    found = _top_level(root, "funding")
    if found is None or not isinstance(found[1], yaml.MappingNode):
        return lines
    key, value = found
    needs_currency = any(k.value == "amount" for k, _ in value.value) and not any(
        k.value == "currency" for k, _ in value.value
    )
    if value.flow_style:
        return _flow_funding_as_list(lines, value, needs_currency)
    first, last = value.start_mark.line, _last_line(value)
    indent = value.start_mark.column
    block = lines[first : last + 1]
    moved = [_as_first_item(block[0], indent)] + [_indented(line, indent) for line in block[1:]]
    if needs_currency:
        moved.append(" " * (indent + 2) + "currency: EUR  # version 1's default currency")
    return [*lines[:first], *moved, *lines[last + 1 :]]


def _last_line(node: yaml.Node) -> int:
    """The last line holding the node's text (its end mark may stand at the start of the next line)."""
    end = node.end_mark
    return end.line if end.column > 0 else end.line - 1


def _as_first_item(line: str, indent: int) -> str:
    return line[:indent] + "- " + line[indent:]


def _indented(line: str, indent: int) -> str:
    # Lines of the block (and comments between them) move two columns right, under the new item.
    return "  " + line if line.strip() and len(line) - len(line.lstrip()) >= indent else line


def _flow_funding_as_list(lines: list[str], value: yaml.Node, needs_currency: bool) -> list[str]:
    start, end = value.start_mark, value.end_mark
    if start.line != end.line:  # a flow mapping over several lines: wrap its first and last characters
        first, last = lines[start.line], lines[end.line]
        lines = list(lines)
        lines[start.line] = first[: start.column] + "[" + first[start.column :]
        closing = end.column + (1 if start.line == end.line else 0)
        lines[end.line] = last[:closing] + "]" + last[closing:]
        return lines
    line = lines[start.line]
    mapping = line[start.column : end.column]
    if needs_currency:
        mapping = mapping[:-1].rstrip() + ", currency: EUR}"
    lines = list(lines)
    lines[start.line] = line[: start.column] + "[" + mapping + "]" + line[end.column :]
    return lines
