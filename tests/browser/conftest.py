"""Browser fixtures: the site built once, served on 127.0.0.1, and a headless Chromium to drive it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from esl_toolbox.catalogue import Catalogue, load_catalogue
from playwright.sync_api import Browser, Page, sync_playwright

from .browsing import CHROMIUM_ARGS, DESKTOP, chromium_executable, serve


@pytest.fixture(scope="session")
def built_site(built_project: Path) -> Path:
    """The fixture project's site, built once for the whole run (two of its practices are reviewed)."""
    return built_project / "site"


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    yield from serve(built_site)


@pytest.fixture(scope="session")
def catalogue(built_project: Path) -> Catalogue:
    """The records the site was built from, to check what the pages show."""
    return load_catalogue(built_project, use_cache=False)


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
