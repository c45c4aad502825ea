"""The ways in of the home page and the finder: the problems a school faces and the roles of the
people who come, each a set of facet values (ways_in.yml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

ROLE_FACET = "role"


@dataclass(frozen=True)
class WayIn:
    """A problem or a role: the practices with any of `values` of the facet `facet`."""

    id: str
    label: str  # English; the catalogue translates it
    hint: str
    facet: str
    values: tuple[str, ...]

    def query(self) -> str:
        """Its selection in the toolbox's address: 'theme=early-warning,case-management'."""
        return f"{self.facet}={','.join(self.values)}"


@cache
def _data() -> dict:
    return yaml.safe_load(resources.files(__package__).joinpath("ways_in.yml").read_text("utf-8"))


def _way(entry: dict, facet: str | None = None) -> WayIn:
    return WayIn(entry["id"], entry["label"], entry.get("hint", ""), facet or entry["facet"], tuple(entry["values"]))


@cache
def problems() -> tuple[WayIn, ...]:
    return tuple(_way(entry) for entry in _data()["problems"])


@cache
def roles() -> tuple[WayIn, ...]:
    return tuple(_way(entry, ROLE_FACET) for entry in _data()["roles"])
