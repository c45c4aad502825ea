"""Long commands say how far they are: a bar per step on a terminal, a line per step in logs,
nothing with --quiet."""

from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fixture_project import copy_fixture_project, run_toolbox

GLYPH_RECORD = "reading-circles-across-europe"
STEP_LINE = r"^esl-toolbox {command}: {step}: (\d+) {unit} in \d+\.\d s$"


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """The fixture project with one practice (which names no other record): quick to build."""
    root = copy_fixture_project(tmp_path / "project")
    for record in (root / "practices").glob("*.yml"):
        if record.stem != GLYPH_RECORD:
            record.unlink()
    shutil.rmtree(root / "practices" / "projects")
    shutil.rmtree(root / "practices" / "translations")
    return root


def test_a_build_in_a_log_says_each_step_on_one_line_with_its_count(built_project: Path):
    log = (built_project / "build" / "build.log").read_text("utf-8")
    practices = len(list((built_project / "practices").glob("*.yml")))
    for step, unit, least in [("validate", "records", practices), ("generate", "pages", practices),
                              ("MkDocs", "pages", practices), ("PDFs", "PDFs", practices + 1)]:  # fmt: skip
        found = re.search(STEP_LINE.format(command="build", step=step, unit=unit), log, re.MULTILINE)
        assert found and int(found.group(1)) >= least, (step, log)


def test_quiet_prints_no_progress(small_project: Path):
    result = run_toolbox(small_project, "pdf", "--all", "--out-dir", "out", "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("wrote 1 factsheet and ")


def run_on_a_terminal(root: Path, *args: str) -> str:
    """What a terminal shows while `esl-toolbox ARGS` runs in it."""
    controller, terminal = pty.openpty()
    command = [sys.executable, "-m", "esl_toolbox", *args]
    process = subprocess.Popen(command, cwd=root, stdin=terminal, stdout=terminal, stderr=terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the command ended and closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    assert process.wait(timeout=600) == 0, shown.decode("utf-8", "replace")
    os.close(controller)
    return shown.decode("utf-8", "replace")


def test_on_a_terminal_each_step_draws_a_bar_to_the_end(small_project: Path):
    shown = run_on_a_terminal(small_project, "pdf", "--all", "--out-dir", "out")
    bars = re.split(r"[\r\n]+", shown)
    assert any(re.match(r"validate: 100%\|.*\| 1/1 ", bar) for bar in bars), bars
    written = len(list((small_project / "out").glob("*.pdf")))  # its factsheet, the pack and the packs by type and age
    assert any(re.match(rf"PDFs: 100%\|.*\| {written}/{written} ", bar) for bar in bars), bars
    assert "wrote 1 factsheet and" in shown
