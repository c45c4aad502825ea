"""The browser tests' view of esl_toolbox.site.headless: Chromium, or a plain failure saying how to get it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from headless import CHROMIUM_ARGS, DESKTOP, PHONE, chromium_path, served

__all__ = ["CHROMIUM_ARGS", "DESKTOP", "PHONE", "chromium_executable", "serve"]


def chromium_executable() -> str:
    """Debian's Chromium (Playwright's own download is not used); fail plainly when it is missing."""
    found = chromium_path()
    if found:
        return found
    pytest.fail(
        "Chromium is missing, so the browser tests cannot run. Install it: on Debian or Ubuntu run "
        "`make system-deps` as root (it installs the packages chromium and chromium-driver); elsewhere "
        "install Chromium so that a `chromium` command is on the PATH.",
        pytrace=False,
    )


def serve(folder: Path) -> Iterator[str]:
    """Serve folder on 127.0.0.1 at a free port, yielding its base address (for fixtures)."""
    with served(folder) as url:
        yield url
