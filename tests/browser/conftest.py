"""Browser fixtures: the site built once, served on 127.0.0.1, and a headless Chromium to drive it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from esl_toolbox.catalogue import Catalogue, load_catalogue
from playwright.sync_api import Browser, Page, sync_playwright

from .browsing import CHROMIUM_ARGS, DESKTOP, chromium_executable, serve

REPO = Path(__file__).resolve().parents[2]
REVIEWED = "review:\n  status: reviewed\n  date: 2024-05-01\n  reviewer: Test reviewers\n"


@pytest.fixture(scope="session")
def site_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project's records and pages, with the first two practices marked reviewed so
    that "reviewed only" has something to find."""
    root = tmp_path_factory.mktemp("project")
    for name in ("practices", "docs", "schema"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for record in sorted((root / "practices").glob("*.yml"))[:2]:
        text = record.read_text("utf-8")
        record.write_text(re.sub(r"^review:\n  status: submitted\n", REVIEWED, text, flags=re.M), "utf-8")
    return root


@pytest.fixture(scope="session")
def built_site(site_project: Path) -> Path:
    """The site built once from the copy, without PDFs."""
    site = site_project / "site"
    command = [sys.executable, "-m", "esl_toolbox", "build", "--no-pdf", "--site-dir", str(site)]
    done = subprocess.run(command, cwd=site_project, capture_output=True, text=True)
    assert done.returncode == 0, f"esl-toolbox build failed:\n{done.stdout}\n{done.stderr}"
    return site


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    yield from serve(built_site)


@pytest.fixture(scope="session")
def catalogue(site_project: Path) -> Catalogue:
    """The records the site was built from, to check what the pages show."""
    return load_catalogue(site_project)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_executable()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh desktop-sized page; each test gets its own cookies, storage and history."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
