"""The PDF tests' project (the fixture project) and the `esl-toolbox pdf` command run in it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fixture_project import FIXTURE_PROJECT

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GLYPH_RECORD = "reading-circles-across-europe"  # names and text in every script of the ten languages


def run_pdf_command(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """`esl-toolbox pdf ARGS` in the project folder, in its own process, as a user would run it."""
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | env
    return subprocess.run(
        [sys.executable, "-m", "esl_toolbox", "pdf", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def glyph_record() -> Path:
    return FIXTURE_PROJECT / "practices" / f"{GLYPH_RECORD}.yml"
