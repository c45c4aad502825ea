"""How long commands say how far they are: the steps a build or a run of PDFs goes through.

Core code reports progress through a `Steps` object it is given and knows nothing of how it is
shown; `commands/progress.py` shows it (a bar on a terminal, a line per step in logs). Without
one, nothing is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol

Advance = Callable[[int], None]  # how many more items of the current step are done


class Steps(Protocol):
    live: bool  # whether each item's progress is shown as it happens (worth counting items one by one)

    def step(self, name: str, total: int | None = None, unit: str = "") -> Iterator[Advance]:
        """A context manager for one step; the function it gives is called as items are done."""
        ...


class NoProgress:
    """Steps that show nothing."""

    live = False

    @contextmanager
    def step(self, name: str, total: int | None = None, unit: str = "") -> Iterator[Advance]:
        yield self.advance

    @staticmethod
    def advance(done: int = 1) -> None:
        return None


NO_PROGRESS = NoProgress()
