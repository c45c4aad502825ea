"""Fixtures for the contributor tools: a local web server, a guard against real network use,
and small record files."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
LOCALHOST = "127.0.0.1"


@pytest.fixture
def only_localhost(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse every connection except to 127.0.0.1, so a test can never reach the internet."""
    real_getaddrinfo = socket.getaddrinfo

    def guarded(host, *args, **kwargs):
        if host not in (LOCALHOST, b"127.0.0.1"):
            raise OSError(f"tests may only connect to {LOCALHOST}, not {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)


@dataclass
class LocalServer:
    base: str
    requests: list[tuple[str, str, str]] = field(default_factory=list)  # method, path, user agent
    slow_answered: threading.Event = field(default_factory=threading.Event)  # /slow has sent its answer

    def url(self, path: str) -> str:
        return self.base + path


class _Handler(BaseHTTPRequestHandler):
    """Answers each path the way a real web site might."""

    server_version = "TestServer/1.0"
    slow_seconds = 3.0

    def log_message(self, format, *args):
        pass

    def _answer(self, status: int, location: str | None = None, body: bytes = b"ok") -> None:
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _route(self) -> None:
        self.server.record.requests.append((self.command, self.path, self.headers.get("User-Agent", "")))
        path = self.path
        if path == "/ok" or path.startswith("/ok?"):
            self._answer(200)
        elif path == "/missing":
            self._answer(404)
        elif path == "/broken":
            self._answer(500)
        elif path == "/moved":
            self._answer(301, location="/ok")
        elif path == "/loop":
            self._answer(302, location="/loop")
        elif path == "/slow":
            time.sleep(self.slow_seconds)
            self._answer(200)
            self.server.record.slow_answered.set()
        elif path == "/no-head":
            self._answer(405 if self.command == "HEAD" else 200)
        elif path == "/rate-limited":
            self._answer(429)
        elif path.startswith("/caf%C3%A9"):
            self._answer(200)
        else:
            self._answer(404)

    do_GET = _route  # noqa: N815 - http.server's naming
    do_HEAD = _route  # noqa: N815


@pytest.fixture
def local_server(only_localhost: None) -> Iterator[LocalServer]:
    """An HTTP server on 127.0.0.1 with /ok, /missing, /broken, /moved, /loop, /slow, /no-head."""
    server = ThreadingHTTPServer((LOCALHOST, 0), _Handler)
    server.daemon_threads = True
    server.record = LocalServer(f"http://{LOCALHOST}:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield server.record
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind((LOCALHOST, 0))
        return sock.getsockname()[1]
