"""`esl-toolbox check-links`: find the web addresses in the records that no longer answer.

Every `url` field of every record (sources, resources, organisations, projects) is collected with
its file, line and column, each distinct address is asked once (HEAD, then GET for servers that
refuse HEAD), a few at a time, and the dead ones are reported on the lines that name them.
Dead means: an HTTP status of 400 or more (429, "too many requests", only means "ask later"),
no answer within the timeout, a redirect loop, or no connection at all.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..loader import load_document
from ..problems import WARNING, Problem, format_path
from ..validation import record_files, shown_path

USER_AGENT = "esl-toolbox-link-check/1.0 (link check of the ESL Good Practice Toolbox, an open inventory)"
DEFAULT_TIMEOUT = 20.0
WORKERS = 8
TOO_MANY_REQUESTS = 429


@dataclass(frozen=True)
class Link:
    """A web address and where a record names it."""

    path: str
    line: int
    column: int
    field: str
    url: str


@dataclass(frozen=True)
class Answer:
    """What a web address gave: an HTTP status, or why there was none."""

    url: str
    status: int | None = None
    error: str | None = None

    @property
    def dead(self) -> bool:
        return self.error is not None or (
            self.status is not None and self.status >= 400 and self.status != TOO_MANY_REQUESTS
        )

    def describe(self) -> str:
        return self.error if self.error else f"answered {self.status}"


# --- collecting --------------------------------------------------------------------------------------


def _urls_in(data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "url" and isinstance(value, str) and value.startswith(("http://", "https://")):
                yield loc + (key,), value
            else:
                yield from _urls_in(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _urls_in(value, loc + (index,))


def collect_links(paths: Iterable[Path]) -> list[Link]:
    """Every web address in the record files under `paths`, with file, line and column."""
    links = []
    for path in record_files(paths):
        doc, _problems = load_document(path, shown_path(path))
        if doc is None:
            continue  # unreadable records are the validator's business
        for loc, url in _urls_in(doc.data):
            line, column = doc.values.get(loc, (1, 1))
            links.append(Link(doc.path, line, column, format_path(loc), url.strip()))
    return links


# --- asking ------------------------------------------------------------------------------------------


class _KeepMethodRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects with the same method: urllib would turn a HEAD into a GET."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and req.get_method() == "HEAD":
            new.method = "HEAD"
        return new


_OPENER = urllib.request.build_opener(_KeepMethodRedirects())


def ascii_url(url: str) -> str:
    """The address with a punycode host and percent-encoded path, as HTTP needs it."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname.encode("idna").decode("ascii") if parts.hostname else ""
    host = f"[{host}]" if ":" in host else host  # IPv6
    netloc = host + (f":{parts.port}" if parts.port else "")
    if parts.username:
        netloc = parts.username + "@" + netloc
    safe = "/%:@!$&'()*+,;=~-._"
    return urllib.parse.urlunsplit(
        (
            parts.scheme,
            netloc,
            urllib.parse.quote(parts.path, safe=safe),
            urllib.parse.quote(parts.query, safe=safe + "?"),
            "",
        )
    )


def _request(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    with _OPENER.open(request, timeout=timeout) as response:
        return response.status


def _is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, TimeoutError | socket.timeout) or isinstance(getattr(exc, "reason", None), TimeoutError)


def _answer_for(url: str, exc: BaseException, timeout: float) -> tuple[Answer, bool]:
    """What an exception from urllib means, and whether a GET is worth trying after a HEAD."""
    if isinstance(exc, urllib.error.HTTPError):
        if 300 <= exc.code < 400:
            return Answer(url, error="redirects in a loop or too many times"), False
        return Answer(url, status=exc.code), True
    if _is_timeout(exc):
        return Answer(url, error=f"did not answer within {timeout:g} s"), False
    if isinstance(exc, http.client.HTTPException | ConnectionResetError):
        return Answer(url, error="closed the connection without answering"), True  # some servers drop HEAD
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, ssl.SSLError):
        return Answer(url, error=f"has a TLS (https) problem: {getattr(reason, 'reason', None) or reason}"), False
    return Answer(url, error=f"could not be reached: {getattr(reason, 'strerror', None) or reason}"), False


def check_url(url: str, timeout: float = DEFAULT_TIMEOUT) -> Answer:
    """Ask one address: HEAD first, then GET if HEAD gave an error status or was dropped."""
    try:
        target = ascii_url(url)
    except (ValueError, UnicodeError) as exc:
        return Answer(url, error=f"is not a valid web address: {exc}")
    answer = Answer(url)
    for method in ("HEAD", "GET"):
        try:
            return Answer(url, status=_request(target, method, timeout))
        except (OSError, http.client.HTTPException, ValueError) as exc:
            answer, worth_retrying = _answer_for(url, exc, timeout)
            if not worth_retrying:
                return answer
    return answer


def check_links(links: list[Link], timeout: float = DEFAULT_TIMEOUT, workers: int = WORKERS) -> dict[str, Answer]:
    """The answer of every distinct address, asked a few at a time."""
    urls = sorted({link.url for link in links})
    if not urls:
        return {}
    with ThreadPoolExecutor(max_workers=min(workers, len(urls))) as pool:
        return dict(zip(urls, pool.map(lambda url: check_url(url, timeout), urls), strict=True))


def dead_link_problems(links: list[Link], answers: dict[str, Answer]) -> list[Problem]:
    """A warning on every line that names a dead address."""
    return sorted(
        Problem(link.path, link.line, link.column, WARNING, link.field, f"{link.url} {answers[link.url].describe()}")
        for link in links
        if answers[link.url].dead
    )
