"""Timing the built site in headless Chromium: the toolbox's facet clicks, the finder's answers and
what a first search with Pagefind fetches in each language."""

from __future__ import annotations

import gzip
import json
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from headless import CHROMIUM_ARGS, DESKTOP, chromium_path, served

SETTLE_MS = 1000  # after the network is idle, before the timed clicks

# One click, timed in the page. The toolbox filters in its change handler and renders in a promise
# callback it queues there (the words of a search may have to be fetched first; for a facet they
# are at hand), so the list is updated once the microtasks queued by the click have run: the timing
# waits for them (a callback queued after the click's runs after it), forces layout, and the time
# to the next rendered frame (requestAnimationFrame, then a task after it) covers what the visitor sees.
TIME_CLICK = """selector => new Promise(resolve => {
  const box = document.querySelector(selector);
  const status = document.getElementById("toolbox-status");
  const before = status ? status.textContent : "";
  const start = performance.now();
  box.click();
  Promise.resolve().then(() => {
    document.body.getBoundingClientRect();
    const laidOut = performance.now() - start;
    requestAnimationFrame(() => setTimeout(() => resolve({
      laidOut: laidOut,
      painted: performance.now() - start,
      changed: status ? status.textContent !== before : false,
    }), 0));
  });
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


def _open_until_ready(page: object, url: str, ready: str) -> float:
    """Seconds from asking for the page until its script marks it ready (the `ready` selector matches)."""
    start = time.perf_counter()
    page.goto(url, wait_until="load", timeout=300_000)
    page.wait_for_selector(ready, state="attached", timeout=300_000)
    return time.perf_counter() - start


def _box(facet: str, position: int) -> str:
    return f"#toolbox-filters fieldset[data-facet='{facet}'] label:nth-of-type({position + 1}) input[type=checkbox]"


def time_facet_clicks(site: Path, clicks: int = 10) -> ClickTimes:
    """Open the toolbox page of a built site and time `clicks` facet clicks (after one to warm up)."""
    with served(site) as base, chromium() as browser:
        page = browser.new_page(viewport=DESKTOP)
        times = ClickTimes(ready_seconds=_open_until_ready(page, base + "toolbox/", "#toolbox.toolbox-ready"))
        # The first clicks, made as soon as the filters are ready while the page may still fetch its
        # summaries, are timed apart (`while_loading`): a visitor may well click that early. The
        # timed clicks come once the network is idle and the page has settled.
        times.while_loading = _time_clicks(page, clicks=3)
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
    language: str = ""

    @property
    def total(self) -> int:
        return sum(self.files.values())


def _compressed(body: bytes, url: str) -> int:
    # Pagefind's index files are gzip-compressed already; a server sends them as they are.
    if body[:2] == b"\x1f\x8b" or url.endswith((".pf_index", ".pf_fragment", ".pf_meta", ".pf_filter")):
        return len(body)
    return len(gzip.compress(body, compresslevel=6))


# Pagefind chooses the index of the page's <html lang>: the probe page carries the language measured.
PAGEFIND_PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>search</title></head>
<body><script type="module">
window.searchNow = async (query) => {{
  const pagefind = await import("./pagefind/pagefind.js");
  const search = await pagefind.search(query);
  const shown = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
  return {{ results: search.results.length, shown: shown.length }};
}};
</script></body></html>
"""


def pagefind_languages(site: Path) -> list[str]:
    """The languages of the site's Pagefind index (site/pagefind/pagefind-entry.json)."""
    entry = site / "pagefind" / "pagefind-entry.json"
    return sorted(json.loads(entry.read_text("utf-8"))["languages"]) if entry.exists() else []


def pagefind_first_search(site: Path, query: str, languages: tuple[str, ...] = ("en",)) -> list[SearchDownload]:
    """With a Pagefind index in site/pagefind: for each language, the bytes of a first search showing
    ten results, in a fresh browser context (nothing cached) on a page of that language."""
    downloads = []
    with served(site) as base, chromium() as browser:
        for lang in languages:
            probe = site / f"pagefind-bench-{lang}.html"
            probe.write_text(PAGEFIND_PAGE.format(lang=lang), "utf-8")
            try:
                context = browser.new_context(viewport=DESKTOP)  # type: ignore[attr-defined]
                page = context.new_page()
                page.goto(base + probe.name, wait_until="load")
                responses: list = []
                page.on("response", lambda response, responses=responses: responses.append(response))
                found = page.evaluate("query => window.searchNow(query)", query)
                page.wait_for_load_state("networkidle")
                download = SearchDownload(results=found["results"], language=lang)
                for response in responses:
                    if "/pagefind/" in response.url:
                        download.files[response.url.removeprefix(base)] = _compressed(response.body(), response.url)
                downloads.append(download)
                context.close()
            finally:
                probe.unlink(missing_ok=True)
    return downloads


# --- the finder ----------------------------------------------------------------------------------

# One answer, timed like a facet click: the finder ranks and renders in the form's change handler,
# so when click() returns the list is rebuilt; then the microtasks, layout and the next rendered frame.
TIME_ANSWER = """selector => new Promise(resolve => {
  const input = document.querySelector(selector);
  const status = document.getElementById("finder-status");
  const list = document.getElementById("finder-list");
  const before = status.textContent + "|" + list.textContent;
  const start = performance.now();
  input.click();
  Promise.resolve().then(() => {
    document.body.getBoundingClientRect();
    const laidOut = performance.now() - start;
    requestAnimationFrame(() => setTimeout(() => {
      const painted = performance.now() - start;
      resolve({
        laidOut: laidOut,
        painted: painted,
        changed: status.textContent + "|" + list.textContent !== before,
        shown: list.children.length,
      });
    }, 0));
  });
})"""

# The finder's questions in the order a visitor answers them; `pick` is the position of the choice
# among the question's inputs. Checkboxes are ticked, and later unticked, so every answer changes
# the answers in the address; radios (cost, role) move to another choice.
FINDER_PLAN = [
    ("age", 1),
    ("group", 1),
    ("problem", 0),
    ("effort", 2),
    ("role", 1),
    ("age", 2),
    ("problem", 2),
    ("age", 1),
    ("group", 1),
    ("effort", 4),
    ("role", 2),
    ("problem", 0),
]


@dataclass
class AnswerTimes:
    """Answers given in the finder, in milliseconds, and how long the page took to be ready."""

    ready_seconds: float
    laid_out: list[float] = field(default_factory=list)
    painted: list[float] = field(default_factory=list)
    unchanged: int = 0  # answers after which neither the status nor the list changed
    shown: list[int] = field(default_factory=list)  # practices listed after each answer

    @property
    def median_painted(self) -> float:
        return statistics.median(self.painted)

    @property
    def median_laid_out(self) -> float:
        return statistics.median(self.laid_out)


def _finder_inputs(page: object) -> dict[str, list[str]]:
    """The values of each question's inputs, in the page's order."""
    return page.evaluate(  # type: ignore[attr-defined]
        """() => {
      const found = {};
      document.querySelectorAll("#finder-form input").forEach(input => {
        (found[input.name] = found[input.name] || []).push(input.value);
      });
      return found;
    }"""
    )


def time_finder_answers(site: Path, answers: int = 10) -> AnswerTimes:
    """Open the finder page of a built site and time `answers` answers (after one to warm up)."""
    with served(site) as base, chromium() as browser:
        page = browser.new_page(viewport=DESKTOP)
        times = AnswerTimes(ready_seconds=_open_until_ready(page, base + "finder/", "#finder.finder-ready"))
        page.wait_for_load_state("networkidle", timeout=300_000)
        page.wait_for_timeout(SETTLE_MS)
        inputs = _finder_inputs(page)
        plan = [(name, pick) for name, pick in FINDER_PLAN if name in inputs]
        results = []
        for i in range(answers + 1):
            name, pick = plan[i % len(plan)]
            values = inputs[name]
            value = values[min(pick, len(values) - 1)].replace("\\", "\\\\").replace('"', '\\"')
            results.append(page.evaluate(TIME_ANSWER, f'#finder-form input[name="{name}"][value="{value}"]'))
        settled = results[1:]  # the first answer warms up the JIT and the caches
        times.laid_out = [r["laidOut"] for r in settled]
        times.painted = [r["painted"] for r in settled]
        times.unchanged = sum(not r["changed"] for r in settled)
        times.shown = [r["shown"] for r in settled]
        page.close()
    return times
