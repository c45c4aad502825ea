"""A built site on 127.0.0.1 and Debian's headless Chromium: what the browser tests and the
benchmark look at the site with, kept in one place so that both see it the same way."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Headless in a container, and no request of Chromium's own (updates, sync, safe browsing), so
# that every request seen comes from the page.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def chromium_path() -> str | None:
    """Debian's Chromium (Playwright cannot download its own browsers here), or None."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 at a free port; yield its address, ending in '/'."""
    with running(ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder)))) as base:
        yield base


@contextmanager
def running(server: ThreadingHTTPServer) -> Iterator[str]:
    """Run a server on 127.0.0.1 in a thread; yield its address, ending in '/'; shut it down after."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
