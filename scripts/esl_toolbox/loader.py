"""Read a YAML record safely with libyaml, keeping the line and column of every key and value.

PyYAML alone would accept what a record has no use for and what can hurt: duplicate keys
(silently keeping the last), tags that build objects, anchors and aliases (memory bombs),
and unbounded nesting. Each of those becomes a Problem here instead.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
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
    # Years and counts are plain digits; PyYAML reads the rest (octal 017, 0x1f, 1_000, 1:30).
    _TAG + "int": lambda node: (
        int(node.value) if node.value.isdecimal() and node.value[0] != "0" else _constructor.construct_yaml_int(node)
    ),
    _TAG + "float": _constructor.construct_yaml_float,
    # YAML 1.2 booleans only: under YAML 1.1 the country code NO (Norway) would read as false.
    _TAG + "bool": lambda node: (
        _constructor.construct_yaml_bool(node) if node.value.lower() in {"true", "false"} else node.value
    ),
    _TAG + "null": _constructor.construct_yaml_null,
}

_STR, _SEQ, _MAP = _TAG + "str", _TAG + "seq", _TAG + "map"


_IMPLICIT_RULES = yaml.resolver.Resolver.yaml_implicit_resolvers
_WILDCARD_RULES = tuple(_IMPLICIT_RULES.get(None, ()))
_RULES_BY_FIRST_CHARACTER = {first: tuple(rules) + _WILDCARD_RULES for first, rules in _IMPLICIT_RULES.items()}
_ScalarNode, _SequenceNode = yaml.ScalarNode, yaml.SequenceNode


_PLAIN_TAGS: dict[str, str] = {}
_REMEMBERED_LENGTH, _REMEMBERED_VALUES = 40, 50_000


def _plain_tag(value: str) -> str:
    if _WILDCARD_RULES or value[:1] in _RULES_BY_FIRST_CHARACTER:
        for tag, pattern in _RULES_BY_FIRST_CHARACTER.get(value[:1], _WILDCARD_RULES):
            if pattern.match(value):
                return tag
    return _STR


class _RecordLoader(yaml.CSafeLoader):
    """libyaml's composer with a leaner resolver: PyYAML's own YAML 1.1 rules, found by first character.

    libyaml calls back into Python for every node, so these callbacks are most of a record's parse.
    A tag still comes from exactly the same regular expressions (`yes` is still a boolean, which
    the builder keeps as text), but only a plain scalar whose first character can start something
    other than text is matched at all.
    """

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is _ScalarNode:
            if not implicit[0]:
                return _STR
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                tag = _plain_tag(value)
                # Keys and terms recur in every record; long free text rarely does.
                if len(value) <= _REMEMBERED_LENGTH and len(_PLAIN_TAGS) < _REMEMBERED_VALUES:
                    _PLAIN_TAGS[value] = tag
            return tag
        return _SEQ if kind is _SequenceNode else _MAP

    # Called around every node for path resolvers, which records never register: built-in
    # callables that do nothing cost a fraction of a Python method (they are not bound to self).
    descend_resolver = {}.get
    ascend_resolver = tuple


Position = tuple[int, int]


def _mark(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


@dataclass
class Document:
    """A record's data, its text, and its node tree to find where any part stands in the file."""

    path: str
    text: str
    data: Any
    root: yaml.Node = field(repr=False)

    def position(self, loc: tuple, prefer_key: bool = False) -> Position:
        """Line and column of the deepest part of `loc` the file has (of its key, if asked and found)."""
        node, key_node = self.root, None
        for depth, part in enumerate(loc):
            child = self._fields.get(part) if depth == 0 else _child(node, part)
            if child is None:
                return _mark(node)
            key_node, node = child
            if depth == len(loc) - 1 and prefer_key and key_node is not None:
                return _mark(key_node)
        return _mark(node)

    @cached_property
    def _fields(self) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        # Every check that reports a problem starts here, most at a top-level field.
        return {key.value: (key, value) for key, value in self.root.value}

    @property
    def values(self) -> dict[tuple, Position]:
        """Position of every value by its path, e.g. {("sources", 0, "url"): (12, 10)}."""
        return {loc: _mark(node) for loc, node, _ in _walk(self.root, ())}

    @property
    def keys(self) -> dict[tuple, Position]:
        """Position of every mapping key by the path of its value."""
        return {loc: _mark(key) for loc, _, key in _walk(self.root, ()) if key is not None}


def _child(node: yaml.Node, part: Any) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        return next(((k, v) for k, v in node.value if k.value == part), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None


def _walk(node: yaml.Node, loc: tuple, key: yaml.Node | None = None):
    yield loc, node, key
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            yield from _walk(value, loc + (key_node.value,), key_node)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _walk(item, loc + (index,))


class _Rejected(Exception):
    def __init__(self, line: int, column: int, message: str):
        self.position = (line, column)
        self.message = message


class _Builder:
    """Turns a composed node tree into plain data, refusing what records must not hold.

    This runs once per node of every record, so it does as little as it can: positions are
    looked up in the node tree only when a problem needs one. Aliases cannot reach it: an
    alias needs an anchor, and anchors are refused before.
    """

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise _Rejected(*_mark(node), f"nested more than {MAX_DEPTH} levels deep; records are not that deep")
        kind, tag = type(node), node.tag
        if kind is yaml.ScalarNode:
            if tag == _STR:  # most values are text: no constructor to call
                return node.value
            constructor = _SCALARS.get(tag)
            if constructor is not None:
                return constructor(node)
        elif kind is yaml.MappingNode and tag == _MAP:
            return self._mapping(node, depth)
        elif kind is yaml.SequenceNode and tag == _SEQ:
            return [
                item.value if type(item) is _ScalarNode and item.tag == _STR else self.build(item, depth + 1)
                for item in node.value
            ]
        raise _Rejected(*_mark(node), f"YAML tags such as {tag.replace(_TAG, '!!')} are not allowed in records")

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag != _STR or not isinstance(key_node, yaml.ScalarNode):
                raise _Rejected(*_mark(key_node), "field names must be plain words, such as title:")
            key = key_node.value
            if key in result:
                first = next(k for k, _ in node.value if k.value == key)
                raise _Rejected(
                    *_mark(key_node),
                    f"duplicate key '{key}' (first at line {_mark(first)[0]}); YAML would silently keep only the last",
                )
            if type(value_node) is _ScalarNode and value_node.tag == _STR and depth < MAX_DEPTH:
                result[key] = value_node.value  # most values are text: spare them a call
            else:
                result[key] = self.build(value_node, depth + 1)
        return result


def _problem(path: str, line: int, column: int, message: str) -> Problem:
    return Problem(path, line, column, ERROR, "", message)


def _line_col_of_offset(raw: bytes, offset: int) -> Position:
    before = raw[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def read_record_bytes(path: str | Path, shown: str) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, unless it is too large to be a record or cannot be read."""
    # os.open and os.read rather than a buffered file object: a tenth of the time, ten thousand times.
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError as exc:
        return None, [_problem(shown, 1, 1, f"cannot read the file: {exc.strerror or exc}")]
    try:
        size = os.fstat(descriptor).st_size
        raw = b"" if size > MAX_FILE_BYTES else _read_all(descriptor, size)
    except OSError as exc:
        return None, [_problem(shown, 1, 1, f"cannot read the file: {exc.strerror or exc}")]
    finally:
        os.close(descriptor)
    size = max(size, len(raw))  # a file can grow while it is read
    if size > MAX_FILE_BYTES:
        return None, [_problem(shown, 1, 1, f"file is {size:,} bytes; a record must be under {MAX_FILE_BYTES:,}")]
    return raw, []


def _read_all(descriptor: int, size: int) -> bytes:
    """The file's bytes, stopping once there are more than a record may have."""
    chunks, total = [], 0
    while total <= MAX_FILE_BYTES and (chunk := os.read(descriptor, max(size - total, 0) + 1)):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _decode(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
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


def _first_anchor(text: str) -> Position | None:
    """Where the first anchor stands; the node tree does not keep them, the event stream does."""
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if getattr(event, "anchor", None) is not None and not isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1, event.start_mark.column + 1
    return None


def _too_deep(text: str) -> Position | None:
    """Where the nesting first passes MAX_DEPTH, read from the event stream, which stops right there.

    Composing ten thousand nested brackets takes libyaml most of a second; counting events does not.
    """
    depth = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH + 1:
                return event.start_mark.line + 1, event.start_mark.column + 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None


def load_document(path: Path, shown: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and parse one record file; on any problem return no document and say why."""
    shown = shown or str(path)
    raw, problems = read_record_bytes(path, shown)
    if raw is None:
        return None, problems
    return parse_document(raw, shown)


def parse_document(raw: bytes, shown: str) -> tuple[Document | None, list[Problem]]:
    """Parse a record file's bytes; on any problem return no document and say why."""
    text, problems = _decode(raw, shown)
    if text is None:
        return None, problems
    try:
        # Only flow brackets ([ {) can nest deep within the size limit; few records have many.
        deep = _too_deep(text) if text.count("[") + text.count("{") > 4 * MAX_DEPTH else None
        if deep is not None:
            return None, [
                _problem(shown, *deep, f"nested more than {MAX_DEPTH} levels deep; records are not that deep")
            ]
        root = yaml.compose(text, Loader=_RecordLoader)
    except yaml.YAMLError as exc:
        return None, [_yaml_error_problem(shown, text, exc)]
    except RecursionError:
        return None, [_problem(shown, 1, 1, "nested too deeply to read")]
    return _document(shown, text, root)


def _document(shown: str, text: str, root: yaml.Node | None) -> tuple[Document | None, list[Problem]]:
    if root is None:
        return None, [_problem(shown, 1, 1, "file holds no data, only comments")]
    if not isinstance(root, yaml.MappingNode):
        return None, [
            _problem(shown, *_mark(root), "a record must be a mapping of fields (key: value), not a list or text")
        ]
    anchor = _first_anchor(text) if "&" in text else None
    if anchor is not None:
        return None, [_problem(shown, *anchor, "YAML anchors (&name) are not allowed in records; write values out")]
    try:
        data = _Builder().build(root)
    except _Rejected as exc:
        return None, [_problem(shown, *exc.position, exc.message)]
    return Document(shown, text, data, root), []
