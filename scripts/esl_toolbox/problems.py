"""A problem found in a record: where it is, how bad it is, and what is wrong, in plain words."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    severity: str
    field: str
    message: str

    def __post_init__(self) -> None:
        # One problem, one line: control characters from a record's keys or values are shown escaped.
        object.__setattr__(self, "field", _one_line(self.field))
        object.__setattr__(self, "message", _one_line(self.message))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}: {self.severity}: "
        return where + (f"{self.field}: {self.message}" if self.field else self.message)

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def format_path(loc: tuple) -> str:
    """('isced_levels', 1, 'x') -> 'isced_levels[1].x'"""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def _one_line(text: str) -> str:
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)
