"""Throw-away projects for the PDF tests, and the `esl-toolbox pdf` command run in them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GLYPH_RECORD = "reading-circles-across-europe"


def make_project(root: Path, *, current_records: bool = True) -> Path:
    """A project folder: the repository's records (if asked), the fixture records and a fixed mkdocs.yml."""
    (root / "practices").mkdir(parents=True)
    if current_records:
        shutil.copytree(REPO / "practices", root / "practices", dirs_exist_ok=True)
    else:
        shutil.copytree(REPO / "practices" / "projects", root / "practices" / "projects")
    for record in (FIXTURES / "practices").glob("*.yml"):
        shutil.copy(record, root / "practices" / record.name)
    shutil.copy(FIXTURES / "mkdocs.yml", root / "mkdocs.yml")
    return root


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
