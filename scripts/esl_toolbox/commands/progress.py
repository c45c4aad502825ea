"""Progress of long commands as a person or a log wants it: on a terminal a bar per step (tqdm);
in CI logs and pipes one plain line per step with its count and time; with --quiet nothing."""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from ..progress import NO_PROGRESS, Advance, Steps


class BarSteps:
    """A tqdm bar per step, on a terminal."""

    live = True

    def __init__(self, out: TextIO):
        self.out = out

    @contextmanager
    def step(self, name: str, total: int | None = None, unit: str = "") -> Iterator[Advance]:
        from tqdm import tqdm  # imported only when a bar is drawn

        # A terminal that reports no size (0 x 0, as some CI runners' and `script`'s do) would hide
        # tqdm's bar, which only draws on the rows a terminal has.
        size = shutil.get_terminal_size()
        width, height = size.columns or 80, size.lines or 24
        unit_name = f" {unit}" if unit else "it"
        with tqdm(total=total, desc=name, unit=unit_name, file=self.out, ncols=width, nrows=height) as bar:
            yield bar.update


class LineSteps:
    """One line per finished step: 'esl-toolbox build: generate: 75 pages in 1.2 s'."""

    live = False

    def __init__(self, out: TextIO, command: str):
        self.out, self.command = out, command

    @contextmanager
    def step(self, name: str, total: int | None = None, unit: str = "") -> Iterator[Advance]:
        done = 0

        def advance(count: int = 1) -> None:
            nonlocal done
            done += count

        start = time.perf_counter()
        yield advance
        count = f"{done or total or 0:,} {unit} " if unit else ""
        print(f"esl-toolbox {self.command}: {name}: {count}in {time.perf_counter() - start:.1f} s", file=self.out)


def steps_for(command: str, quiet: bool, out: TextIO = sys.stderr) -> Steps:
    """Bars on a terminal, lines in a log or a pipe, nothing when quiet."""
    if quiet:
        return NO_PROGRESS
    return BarSteps(out) if out.isatty() else LineSteps(out, command)
