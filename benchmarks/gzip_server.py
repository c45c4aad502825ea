"""A built site on 127.0.0.1 as a compressing web server sends it: text gzip-compressed (level 6,
`Content-Encoding: gzip`) when the browser asks for it, the rest as it is. Lighthouse judges the
transfer sizes it sees, so it must see what a real host such as GitHub Pages sends.

Pagefind's index files are gzip-compressed already and decompressed by Pagefind's own script: they
are sent as they are, without a Content-Encoding, as Pagefind's documentation asks.

    python benchmarks/gzip_server.py SITE [--port 8000]
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import mimetypes
import os
import posixpath
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from headless import running

TEXT_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "application/manifest+json",
    "image/svg+xml",
)
EXTRA_TYPES = {
    ".js": "application/javascript",
    ".mjs": "application/javascript",
    ".webmanifest": "application/manifest+json",
}
CACHE = "public, max-age=600"  # what GitHub Pages sends


def content_type(path: Path) -> str:
    kind = EXTRA_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith(TEXT_TYPES) else kind


@lru_cache(maxsize=4096)
def _compressed(path: str, mtime_ns: int) -> bytes:  # keyed by mtime: a rebuilt file is compressed again
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class GzipHandler(BaseHTTPRequestHandler):
    """GET and HEAD of the files under `root`; folders answer with their index.html."""

    root: Path
    protocol_version = "HTTP/1.1"  # keep-alive, as browsers expect of a real server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def _file(self) -> Path | None:
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        parts = [part for part in posixpath.normpath(path).split("/") if part not in ("", ".", "..")]
        found = self.root.joinpath(*parts)
        if found.is_dir():
            if not path.endswith("/"):
                return None
            found = found / "index.html"
        return found if found.is_file() else None

    def _send(self, with_body: bool) -> None:
        path = urllib.parse.urlsplit(self.path).path
        found = self._file()
        if found is None and (self.root / path.lstrip("/")).is_dir():
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = HTTPStatus.OK
        if found is None:
            status, found = HTTPStatus.NOT_FOUND, self.root / "404.html"
            if not found.is_file():
                self.send_error(HTTPStatus.NOT_FOUND)
                return
        kind = content_type(found)
        stat = found.stat()
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if kind.startswith(TEXT_TYPES) and wants_gzip:
            body = _compressed(str(found), stat.st_mtime_ns)
        else:
            body = found.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.send_header("Cache-Control", CACHE)
        if kind.startswith(TEXT_TYPES):
            self.send_header("Vary", "Accept-Encoding")
            if wants_gzip:
                self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        self._send(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802 - the base class's name
        self._send(with_body=False)


class _Server(ThreadingHTTPServer):
    daemon_threads = True


def make_server(site: Path, port: int = 0) -> ThreadingHTTPServer:
    handler = type("SiteHandler", (GzipHandler,), {"root": Path(site).resolve()})
    return _Server(("127.0.0.1", port), handler)


@contextmanager
def served_gzip(site: Path) -> Iterator[str]:
    """Serve a built site, compressed, on 127.0.0.1 at a free port; yield its address, ending in '/'."""
    with running(make_server(site)) as base:
        yield base


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve a built site with gzip compression.")
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    args = parser.parse_args(argv)
    server = make_server(args.site, args.port)
    print(f"serving {args.site} at http://127.0.0.1:{server.server_port}/ (Ctrl-C to stop)")
    with suppress(KeyboardInterrupt):
        server.serve_forever()
    server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
