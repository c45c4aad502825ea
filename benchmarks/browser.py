"""Timing the built site in headless Chromium: the toolbox's facet clicks and what a first search fetches."""

from __future__ import annotations

import gzip
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from headless import CHROMIUM_ARGS, DESKTOP, chromium_path, served

SETTLE_MS = 1000  # after the network is idle, before the timed clicks

# One click, timed in the page. The toolbox filters in its change handler, so when click()
# returns the list is updated; layout is then forced, and the time to the next rendered frame
# (requestAnimationFrame, then a task after it) covers what the visitor sees.
TIME_CLICK = """selector => new Promise(resolve => {
  const box = document.querySelector(selector);
  const status = document.getElementById("toolbox-status");
  const before = status ? status.textContent : "";
  const start = performance.now();
  box.click();
  document.body.getBoundingClientRect();
  const laidOut = performance.now() - start;
  requestAnimationFrame(() => setTimeout(() => resolve({
    laidOut: laidOut,
    painted: performance.now() - start,
    changed: status ? status.textContent !== before : false,
  }), 0));
})"""

# A walk through the facets: each box is switched on, then off again, so every click changes the list.
CLICK_PLAN = [
    ("type", 0),
    ("isced", 1),
    ("country", 0),
    ("group", 0),
    ("theme", 0),
    ("evidence", 0),
    ("level", 1),
]


def playwright_available() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return chromium_path() is not None


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class ClickTimes:
    """Facet clicks on the toolbox page, in milliseconds, and how long the page took to be ready."""

    ready_seconds: float
    laid_out: list[float] = field(default_factory=list)
    painted: list[float] = field(default_factory=list)
    unchanged: int = 0  # clicks that left the status line as it was
    while_loading: list[dict] = field(default_factory=list)  # the first clicks, before the page settled

    @property
    def median_painted(self) -> float:
        return statistics.median(self.painted)

    @property
    def median_laid_out(self) -> float:
        return statistics.median(self.laid_out)


def _box(facet: str, position: int) -> str:
    return f"#toolbox-filters fieldset[data-facet='{facet}'] label:nth-of-type({position + 1}) input[type=checkbox]"


def time_facet_clicks(site: Path, clicks: int = 10) -> ClickTimes:
    """Open the toolbox page of a built site and time `clicks` facet clicks (after one to warm up)."""
    with served(site) as base, chromium() as browser:
        page = browser.new_page(viewport=DESKTOP)
        start = time.perf_counter()
        page.goto(base + "toolbox/", wait_until="load", timeout=300_000)
        page.wait_for_selector("#toolbox.toolbox-ready", state="attached", timeout=300_000)
        times = ClickTimes(ready_seconds=time.perf_counter() - start)
        # Clicks are timed once the page has settled: Material's search worker fetches and indexes
        # the whole search index at every page load (42 MB at 10,000 practices), which competes
        # with the page for the machine's cores for some seconds. The first clicks, in that time,
        # are timed apart (`while_loading`): a visitor may well click that early.
        times.while_loading = _time_clicks(page, clicks=3)
        search_in_material(page, "school")  # answers once the worker has indexed everything
        page.fill("input.md-search__input", "")
        page.keyboard.press("Escape")
        page.wait_for_load_state("networkidle", timeout=300_000)
        page.wait_for_timeout(SETTLE_MS)
        settled = _time_clicks(page, clicks + 1)[1:]  # the first click warms up the JIT and the caches
        times.laid_out = [r["laidOut"] for r in settled]
        times.painted = [r["painted"] for r in settled]
        times.unchanged = sum(not r["changed"] for r in settled)
        page.close()
    return times


def _time_clicks(page: object, clicks: int) -> list[dict]:
    """Click through the plan's boxes (each on, later off again), timing each click in the page."""
    plan = [(facet, position) for _ in (True, False) for facet, position in CLICK_PLAN]
    return [page.evaluate(TIME_CLICK, _box(*plan[i % len(plan)])) for i in range(clicks)]  # type: ignore[attr-defined]


@dataclass
class SearchDownload:
    """What the first search fetches, by file, with the bytes a compressing server would send."""

    files: dict[str, int] = field(default_factory=dict)
    results: int = 0

    @property
    def total(self) -> int:
        return sum(self.files.values())


def _compressed(body: bytes, url: str) -> int:
    # Pagefind's index files are gzip-compressed already; a server sends them as they are.
    if body[:2] == b"\x1f\x8b" or url.endswith((".pf_index", ".pf_fragment", ".pf_meta", ".pf_filter")):
        return len(body)
    return len(gzip.compress(body, compresslevel=6))


def search_in_material(page: object, query: str) -> None:
    """Type a query into Material's search box and wait for its first results."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(3):  # a query typed before the search worker is ready may be lost: type it again
        page.fill("input.md-search__input", "")  # type: ignore[attr-defined]
        page.fill("input.md-search__input", query)  # type: ignore[attr-defined]
        try:
            page.wait_for_selector(".md-search-result__item", state="attached", timeout=120_000)  # type: ignore[attr-defined]
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise


def first_search_download(site: Path, query: str, page_path: str = "") -> SearchDownload:
    """Open a page, search in Material's search box and add up the bytes of every search file fetched."""
    download = SearchDownload()
    with served(site) as base, chromium() as browser:
        page = browser.new_page(viewport=DESKTOP)
        responses: list = []
        page.on("response", lambda response: responses.append(response))
        page.goto(base + page_path, wait_until="load")
        search_in_material(page, query)
        page.wait_for_load_state("networkidle")
        download.results = page.locator(".md-search-result__item").count()
        for response in responses:
            if "search" in response.url:
                download.files[response.url.removeprefix(base)] = _compressed(response.body(), response.url)
        page.close()
    return download


PAGEFIND_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>search</title></head>
<body><script type="module">
window.searchNow = async (query) => {
  const pagefind = await import("./pagefind/pagefind.js");
  const search = await pagefind.search(query);
  const shown = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
  return { results: search.results.length, shown: shown.length };
};
</script></body></html>
"""


def pagefind_first_search(site: Path, query: str) -> SearchDownload:
    """With a Pagefind index in site/pagefind: the bytes of a first search showing ten results."""
    probe = site / "pagefind-bench.html"
    probe.write_text(PAGEFIND_PAGE, "utf-8")
    download = SearchDownload()
    try:
        with served(site) as base, chromium() as browser:
            page = browser.new_page(viewport=DESKTOP)
            page.goto(base + probe.name, wait_until="load")
            responses: list = []
            page.on("response", lambda response: responses.append(response))
            found = page.evaluate("query => window.searchNow(query)", query)
            page.wait_for_load_state("networkidle")
            download.results = found["results"]
            for response in responses:
                if "/pagefind/" in response.url:
                    download.files[response.url.removeprefix(base)] = _compressed(response.body(), response.url)
            page.close()
    finally:
        probe.unlink(missing_ok=True)
    return download
