"""The fixture project: a copy of tests/fixtures/project beside the repository's mkdocs.yml, docs/
and schema/, and `esl-toolbox` run in it as a contributor would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE_PROJECT = Path(__file__).resolve().parent / "fixtures" / "project"
# The languages the shared build makes (conftest.built_project): English, one with a Latin script and many
# translations, and one in Cyrillic; tests/site/test_site_languages.py builds all ten once, without PDFs.
BUILT_LANGUAGES = "en,pt,bg"
# What a build reads besides the records: the repository's own configuration and hand-written pages.
PROJECT_PARTS = ("docs", "schema", "mkdocs.yml")


def copy_fixture_project(target: Path) -> Path:
    """The fixture project's records with the repository's mkdocs.yml, docs/ and schema/, in target."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(FIXTURE_PROJECT / "practices", target / "practices")
    for name in PROJECT_PARTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy(source, target / name)
    return target


def run_toolbox(root: Path, *args: str, timeout: float = 600, **env: str) -> subprocess.CompletedProcess:
    """`esl-toolbox ARGS` in root, in its own process, as a contributor would run it; `env` adds variables."""
    command = [sys.executable, "-m", "esl_toolbox", *args]
    environment = {**os.environ, **env}
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=timeout, env=environment)
