"""Read a YAML record safely with libyaml, keeping the line and column of every key and value.

PyYAML alone would accept what a record has no use for and what can hurt: duplicate keys
(silently keeping the last), tags that build objects, anchors and aliases (memory bombs),
and unbounded nesting. Each of those becomes a Problem here instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import ERROR, Problem

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 16

_TAG = "tag:yaml.org,2002:"
_constructor = yaml.constructor.SafeConstructor()
_SCALARS = {
    _TAG + "str": lambda node: node.value,
    # Dates stay text: the model parses them, and the JSON Schema sees the same strings.
    _TAG + "timestamp": lambda node: node.value,
    _TAG + "int": _constructor.construct_yaml_int,
    _TAG + "float": _constructor.construct_yaml_float,
    # YAML 1.2 booleans only: under YAML 1.1 the country code NO (Norway) would read as false.
    _TAG + "bool": lambda node: (
        _constructor.construct_yaml_bool(node) if node.value.lower() in {"true", "false"} else node.value
    ),
    _TAG + "null": _constructor.construct_yaml_null,
}

Position = tuple[int, int]


@dataclass
class Document:
    """A record's data and where each part of it stands in the file."""

    path: str
    data: Any
    values: dict[tuple, Position] = field(default_factory=dict)
    keys: dict[tuple, Position] = field(default_factory=dict)

    def position(self, loc: tuple, prefer_key: bool = False) -> Position:
        """Line and column of the deepest part of `loc` the file has."""
        loc = tuple(loc)
        while loc:
            found = (prefer_key and self.keys.get(loc)) or self.values.get(loc) or self.keys.get(loc)
            if found:
                return found
            loc = loc[:-1]
        return self.values.get((), (1, 1))


class _Rejected(Exception):
    def __init__(self, line: int, column: int, message: str):
        self.position = (line, column)
        self.message = message


def _mark(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Turns a composed node tree into plain data, refusing what records must not hold."""

    def __init__(self) -> None:
        self.values: dict[tuple, Position] = {}
        self.keys: dict[tuple, Position] = {}
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: tuple, depth: int = 0) -> Any:
        if id(node) in self.seen:
            line, col = self.keys.get(path) or _mark(node)
            raise _Rejected(line, col, "YAML aliases (*name) are not allowed in records; write the value out")
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _Rejected(*_mark(node), f"nested more than {MAX_DEPTH} levels deep; records are not that deep")
        self.values[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, "seq")
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        constructor = _SCALARS.get(node.tag)
        if constructor is None:
            self._check_tag(node, "str")
        return constructor(node)

    def _mapping(self, node: yaml.MappingNode, path: tuple, depth: int) -> dict:
        self._check_tag(node, "map")
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node)
            if key in result:
                first = self.keys[path + (key,)][0]
                raise _Rejected(
                    *_mark(key_node),
                    f"duplicate key '{key}' (first at line {first}); YAML would silently keep only the last",
                )
            self.keys[path + (key,)] = _mark(key_node)
            result[key] = self.build(value_node, path + (key,), depth + 1)
        return result

    def _key(self, node: yaml.Node) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.tag != _TAG + "str":
            raise _Rejected(*_mark(node), "field names must be plain words, such as title:")
        return node.value

    @staticmethod
    def _check_tag(node: yaml.Node, expected: str) -> None:
        if node.tag != _TAG + expected:
            tag = node.tag.replace(_TAG, "!!")
            raise _Rejected(*_mark(node), f"YAML tags such as {tag} are not allowed in records")


def _problem(path: str, line: int, column: int, message: str) -> Problem:
    return Problem(path, line, column, ERROR, "", message)


def _line_col_of_offset(raw: bytes, offset: int) -> Position:
    before = raw[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def _read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [_problem(shown, 1, 1, f"file is {size:,} bytes; a record must be under {MAX_FILE_BYTES:,}")]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [_problem(shown, 1, 1, f"cannot read the file: {exc.strerror or exc}")]
    if b"\x00" in raw:
        return None, [_problem(shown, *_line_col_of_offset(raw, raw.index(b"\x00")), "binary file, not YAML text")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [_problem(shown, 1, 1, "file starts with a byte-order mark; save it as UTF-8 without BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [_problem(shown, *_line_col_of_offset(raw, exc.start), "not UTF-8 text; save the file as UTF-8")]
    if "\r" in text:
        line, col = _line_col_of_offset(raw, raw.index(b"\r"))
        return None, [_problem(shown, line, col, "Windows (CRLF) or old Mac (CR) line ends; save with LF line ends")]
    if not text.strip():
        return None, [_problem(shown, 1, 1, "file is empty")]
    return text, []


def _yaml_error_problem(shown: str, text: str, exc: yaml.YAMLError) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        line, col = mark.line + 1, mark.column + 1
    elif isinstance(getattr(exc, "position", None), int):  # reader errors give a character offset
        line, col = _line_col_of_offset(text.encode("utf-8"), len(text[: exc.position].encode("utf-8")))
    else:
        line, col = 1, 1
    if isinstance(exc, yaml.reader.ReaderError):
        return _problem(shown, line, col, f"control character #x{exc.character:04x} is not allowed in a record")
    message = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    problem = _problem(shown, line, col, f"YAML syntax: {context + ', ' if context else ''}{message}")
    lines = text.split("\n")
    if line <= len(lines) and "\t" in lines[line - 1][: col + 1]:
        return _problem(shown, line, col, "a tab is used for indentation; YAML needs spaces")
    return problem


def load_document(path: Path, shown: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and parse one record file; on any problem return no document and say why."""
    shown = shown or str(path)
    text, problems = _read_text(path, shown)
    if text is None:
        return None, problems
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError as exc:
        return None, [_yaml_error_problem(shown, text, exc)]
    except RecursionError:
        return None, [_problem(shown, 1, 1, "nested too deeply to read")]
    if root is None:
        return None, [_problem(shown, 1, 1, "file holds no data, only comments")]
    if not isinstance(root, yaml.MappingNode):
        return None, [
            _problem(shown, *_mark(root), "a record must be a mapping of fields (key: value), not a list or text")
        ]
    builder = _Builder()
    try:
        data = builder.build(root, ())
    except _Rejected as exc:
        return None, [_problem(shown, *exc.position, exc.message)]
    return Document(shown, data, builder.values, builder.keys), []
