"""A problem found in a record: where it is, how bad it is, and what is wrong, in plain words."""

from __future__ import annotations

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
