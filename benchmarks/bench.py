"""`make bench`: how fast the toolbox is at 100, 1,000 and 10,000 practices, against its targets.

For each size a synthetic corpus (benchmarks/corpus.py, fixed seed) is written into a temporary
folder and every step runs there as a user runs it: `esl-toolbox validate`, `esl-toolbox build
--no-pdf`, a plain `mkdocs build` of the same generated pages, the built site in headless
Chromium, the PDFs, and `esl-toolbox serve` while a record changes. Each figure is the median of
several runs; the one-minute load average is kept beside it, since other work slows every figure.

    python benchmarks/bench.py                         # 100, 1,000 and 10,000 practices, 3 runs
    python benchmarks/bench.py --sizes 1000 --runs 5
    python benchmarks/bench.py --quick                 # 100 practices, 1 run: a smoke test
    python benchmarks/bench.py --write-docs            # also write docs/performance.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import browser  # noqa: E402
import measure  # noqa: E402
import refusals  # noqa: E402
from corpus import REPO, SEED, make_corpus  # noqa: E402
from esl_toolbox.settings import load_settings  # noqa: E402
from measure import Run, Series, checked, run_command  # noqa: E402

# The command as a user runs it: the venv's `esl-toolbox` script, or the module when there is none.
_SCRIPT = Path(sys.executable).parent / "esl-toolbox"
ESL_TOOLBOX = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "esl_toolbox"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
DOCS_PAGE = REPO / "docs" / "performance.md"
SITE_DIR = "bench-site"
LARGE = 10_000  # from this size the slow steps run `--large-runs` times
PDF_SIZE, SERVE_SIZE, SEARCH_SIZE = 100, 1000, 1000
FACTSHEETS = 20

# Timing the generation alone: the records are loaded first, outside the clock.
GENERATE_SNIPPET = """
import json, shutil, sys, time
from pathlib import Path
from esl_toolbox.catalogue import load_catalogue
from esl_toolbox.settings import load_settings
from esl_toolbox.site.generate import generate
root = Path.cwd()
shutil.rmtree(root / "build", ignore_errors=True)
catalogue, settings = load_catalogue(root), load_settings(root)
start = time.perf_counter()
generate(root, catalogue, settings, with_pdf=False)
print(json.dumps({"seconds": time.perf_counter() - start}))
"""

PDF_SNIPPET = """
import json, sys, tempfile, time
from pathlib import Path
from esl_toolbox.catalogue import Catalogue, load_catalogue
from esl_toolbox.settings import load_settings
from esl_toolbox.pdf import build_pdfs
root = Path.cwd()
catalogue, settings = load_catalogue(root), load_settings(root)
some = Catalogue(catalogue.practices[: int(sys.argv[1])], catalogue.projects)
with tempfile.TemporaryDirectory() as out:
    start = time.perf_counter()
    written = build_pdfs(some, Path(out), settings)
    print(json.dumps({"seconds": time.perf_counter() - start, "files": len(written)}))
"""


# --- the figures of one size ---------------------------------------------------------------------


@dataclass
class SizeResult:
    """Every figure measured on one corpus."""

    n: int
    validate: Series | None = None
    generate: Series | None = None
    build: Series | None = None
    mkdocs: Series | None = None
    sizes: dict[str, object] = field(default_factory=dict)
    clicks: browser.ClickTimes | None = None
    search: browser.SearchDownload | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def overhead(self) -> float | None:
        """How much our steps add to a plain mkdocs build of the same pages, as a fraction."""
        if not (self.build and self.mkdocs):
            return None
        return self.build.median() / self.mkdocs.median() - 1


@dataclass
class Results:
    sizes: dict[int, SizeResult] = field(default_factory=dict)
    pdf: dict[str, float] = field(default_factory=dict)
    factsheet_pages: dict[str, dict] = field(default_factory=dict)
    serve: dict[str, float | None] = field(default_factory=dict)
    pagefind: dict[str, object] = field(default_factory=dict)
    refusals: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    started: str = ""
    loads: list[float] = field(default_factory=list)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')} load {measure.load_average():.2f}] {message}", file=sys.stderr)


def validate_runs(root: Path, runs: int) -> Series:
    """Cold runs (`--no-cache`: every file parsed), then warm runs (unchanged files taken from
    build/cache/, filled by one run first); the warm series is kept on the cold one as `.warm`."""
    cold, warm = [*ESL_TOOLBOX, "validate", "--no-cache"], [*ESL_TOOLBOX, "validate"]
    series = measure.repeat(runs, lambda: checked(cold, run_command(cold, root, ENV)))
    shutil.rmtree(root / "build" / "cache", ignore_errors=True)
    checked(warm, run_command(warm, root, ENV))
    series.warm = measure.repeat(runs, lambda: checked(warm, run_command(warm, root, ENV)))
    return series


def generate_runs(root: Path, runs: int) -> Series:
    command = [sys.executable, "-c", GENERATE_SNIPPET]

    def once() -> Run:
        run = checked(command, run_command(command, root, ENV))
        run.seconds = json.loads(run.output.strip().splitlines()[-1])["seconds"]
        return run

    return measure.repeat(runs, once)


def _clean_build(root: Path) -> None:
    """Start cold, as CI and a fresh clone do: no generated tree, no site."""
    shutil.rmtree(root / "build", ignore_errors=True)
    shutil.rmtree(root / SITE_DIR, ignore_errors=True)


def build_runs(root: Path, runs: int) -> Series:
    command = [*ESL_TOOLBOX, "build", "--no-pdf", "--site-dir", SITE_DIR]
    return measure.repeat(runs, lambda: checked(command, run_command(command, root, ENV)), lambda: _clean_build(root))


def mkdocs_runs(root: Path, runs: int) -> Series:
    """A plain `mkdocs build` of the tree `esl-toolbox build` generated, with the options it uses."""
    site = root / "plain-site"
    command = [
        *[sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        *["-f", str(root / "mkdocs.yml"), "-d", str(site)],
    ]
    series = measure.repeat(
        runs, lambda: checked(command, run_command(command, root, ENV)), lambda: shutil.rmtree(site, True)
    )
    shutil.rmtree(site, ignore_errors=True)
    return series


def site_sizes(site: Path) -> dict[str, object]:
    """Sizes of the built site. The toolbox figures count what its page loads up front: the page
    (with its first cards), data/toolbox.json and toolbox.js; Material's own CSS and scripts are
    not counted. The summary chunks (data/toolbox/) are fetched later: a chunk for cards shown
    beyond the page's own, all of them once a visitor types words; they are counted apart."""
    pages = measure.html_pages(site)
    largest_bytes, largest = pages[0]
    toolbox = [site / "toolbox" / "index.html", site / "data" / "toolbox.json", site / "assets" / "toolbox.js"]
    chunks = sorted((site / "data" / "toolbox").glob("summaries-*.json"))
    return {
        "site_bytes": measure.folder_size(site),
        "html_pages": len(pages),
        "largest_html_bytes": largest_bytes,
        "largest_html": largest.relative_to(site).as_posix(),
        "pages_over_100kb": sum(1 for size, _ in pages if size > 100_000),
        "toolbox_gzip": sum(measure.gzip_size(p) for p in toolbox if p.exists()),
        "toolbox_raw": sum(p.stat().st_size for p in toolbox if p.exists()),
        "toolbox_parts_gzip": {p.relative_to(site).as_posix(): measure.gzip_size(p) for p in toolbox if p.exists()},
        "toolbox_summary_chunks": len(chunks),
        "toolbox_summaries_gzip": sum(measure.gzip_size(p) for p in chunks),
        "toolbox_largest_chunk_gzip": max((measure.gzip_size(p) for p in chunks), default=0),
    }


def bench_size(n: int, root: Path, runs: int, large_runs: int, with_browser: bool) -> SizeResult:
    result = SizeResult(n)
    log(f"{n} practices: writing the corpus into {root}")
    make_corpus(root, n, SEED)
    slow_runs = large_runs if n >= LARGE else runs
    log(f"{n}: esl-toolbox validate x{runs}")
    result.validate = validate_runs(root, runs)
    log(f"{n}: page and data generation x{slow_runs}")
    result.generate = generate_runs(root, slow_runs)
    log(f"{n}: esl-toolbox build --no-pdf x{slow_runs}")
    result.build = build_runs(root, slow_runs)
    log(f"{n}: plain mkdocs build x{slow_runs}")
    result.mkdocs = mkdocs_runs(root, slow_runs)
    site = root / SITE_DIR
    result.sizes = site_sizes(site)
    if with_browser:
        log(f"{n}: facet clicks in Chromium")
        result.clicks = browser.time_facet_clicks(site)
        log(f"{n}: first search in Chromium")
        try:
            result.search = browser.first_search_download(site, "mentoring")
        except Exception as exc:  # a search that never answers is a finding, not a crash
            result.notes.append(f"the first search showed no result: {str(exc).splitlines()[0]}")
    return result


# --- PDFs and serve ------------------------------------------------------------------------------


def bench_pdfs(root: Path, runs: int) -> dict[str, float]:
    """Factsheets per second (build_pdfs on 20 practices), and `esl-toolbox pdf` for a pack of all 100."""
    snippet = [sys.executable, "-c", PDF_SNIPPET, str(FACTSHEETS)]

    files = []

    def sheets() -> Run:
        run = checked(snippet, run_command(snippet, root, ENV))
        figures = json.loads(run.output.strip().splitlines()[-1])
        run.seconds = figures["seconds"]
        files.append(figures["files"])
        return run

    sheet_runs = measure.repeat(runs, sheets)
    pack = root / "bench-pack.pdf"
    command = [*ESL_TOOLBOX, "pdf", "-o", str(pack)]
    pack_runs = measure.repeat(runs, lambda: checked(command, run_command(command, root, ENV)))
    pack.unlink(missing_ok=True)
    return {
        "sheets_seconds": sheet_runs.median(),
        "factsheets": files[0] - 1,
        "pdfs_per_second": files[0] / sheet_runs.median(),
        "pack_seconds": pack_runs.median(),
        "pack_practices": len(list((root / "practices").glob("*.yml"))),
        "loads": sheet_runs.loads + pack_runs.loads,
    }


def factsheet_pages(root: Path) -> dict:
    """Pages of every factsheet of a project, and how many were shortened (benchmarks/factsheet_pages.py)."""
    command = [sys.executable, str(Path(__file__).with_name("factsheet_pages.py")), str(root)]
    return json.loads(checked(command, run_command(command, root, ENV)).output.strip().splitlines()[-1])


def _pages_figure(counts: dict) -> str:
    pages = ", ".join(f"{n} on {p} page{'s' if p != '1' else ''}" for p, n in counts["pages"].items())
    steps = ", ".join(f"{n} at step {level}" for level, n in counts["shortened_by_level"].items())
    shortened = f"{counts['shortened']} shortened ({steps})" if counts["shortened"] else "none shortened"
    return f"{counts['factsheets']}: {pages}; {shortened}"


def pdf_available() -> bool:
    try:
        import weasyprint  # noqa: F401
        from esl_toolbox.pdf import build_pdfs  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def _edit_title(path: Path, title: str) -> None:
    """Give a record a new title, touching nothing else."""
    lines = path.read_text("utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    end = index + 1
    while end < len(lines) and lines[end].startswith("  "):  # a title folded over several lines
        end += 1
    lines[index:end] = [f"title: {json.dumps(title, ensure_ascii=False)}"]
    path.write_text("\n".join(lines), "utf-8")


def bench_serve(root: Path, runs: int) -> dict[str, float | None]:
    """Start `esl-toolbox serve`, change one record's title, and time until its page shows the new title."""
    port = measure.free_port()
    # mkdocs serve puts the site at the path of site_url, as it will be published.
    mount = urllib.parse.urlsplit(load_settings(root).site_url).path or "/"
    base = f"http://127.0.0.1:{port}{mount.rstrip('/')}/"
    record = sorted((root / "practices").glob("*.yml"))[len(list((root / "practices").glob("*.yml"))) // 2]
    page = f"{base}practices/{record.stem}/"
    log_file = root / "serve.log"
    load = measure.load_average()
    start = time.perf_counter()
    with log_file.open("w") as output:
        process = subprocess.Popen(
            [*ESL_TOOLBOX, "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            env=ENV,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so that mkdocs stops with it
        )
    try:
        ready = measure.wait_for(lambda: measure.fetch(page)[0] == 200, timeout=1800, interval=0.25)
        if ready is None:
            raise RuntimeError(f"esl-toolbox serve did not answer; see {log_file}")
        startup = time.perf_counter() - start
        time.sleep(2)  # let MkDocs' watcher take its first look at build/
        timings, loads = [], [load]
        for attempt in range(runs):
            title = f"Benchmark edit {attempt + 1} of {record.stem}"
            loads.append(measure.load_average())
            _edit_title(record, title)
            seconds = measure.wait_for(lambda title=title: title in measure.fetch(page)[1], timeout=300)
            timings.append(seconds)
            _wait_until_serve_is_idle(log_file, attempt + 1, page)
    finally:
        measure.stop_process_group(process)
    shown = [t for t in timings if t is not None]
    return {
        "startup_seconds": startup,
        "rebuild_seconds": sorted(shown)[len(shown) // 2] if len(shown) == len(timings) else None,
        "rebuild_runs": timings,
        "first_page_written_runs": _first_page_seconds(log_file),
        "loads": loads,
    }


def _wait_until_serve_is_idle(log_file: Path, edits: int, page: str) -> None:
    """Wait until serve has written the rest of the tree for every edit so far and MkDocs has built it,
    so that each run times one change alone."""
    measure.wait_for(lambda: log_file.read_text("utf-8").count(" regenerated ") >= edits, timeout=300)
    time.sleep(1)  # MkDocs notices the files within half a second; a page request then waits for its build
    measure.fetch(page, timeout=300)


def _first_page_seconds(log_file: Path) -> list[float]:
    """Seconds from serve noticing the changed record to writing its page, by its own log lines."""
    pattern = r"esl-toolbox serve: wrote docs/practices/\S+ in ([0-9.]+) s"
    return [float(seconds) for seconds in re.findall(pattern, log_file.read_text("utf-8"))]


# --- the table -----------------------------------------------------------------------------------


def _seconds(series: Series | None) -> str:
    return f"{series.median():.2f}" if series else "–"


def _kb(value: object) -> str:
    return f"{value / 1000:,.0f}" if isinstance(value, int | float) else "–"


def _mb(value: object) -> str:
    return f"{value / 1e6:,.1f}" if isinstance(value, int | float) else "–"


ROWS: list[tuple[str, Callable[[SizeResult], str]]] = [
    ("validation (s)", lambda r: _seconds(r.validate)),
    (
        "validation peak memory, all processes (MB)",
        lambda r: f"{r.validate.median('peak_tree_mb'):.0f}" if r.validate else "–",
    ),
    ("validation, warm: unchanged files from build/cache/ (s)", lambda r: _seconds(getattr(r.validate, "warm", None))),
    (
        "validation peak memory, warm (MB)",
        lambda r: f"{r.validate.warm.median('peak_tree_mb'):.0f}" if hasattr(r.validate, "warm") else "–",
    ),
    ("page and data generation (s)", lambda r: _seconds(r.generate)),
    ("full site build, `build --no-pdf` (s)", lambda r: _seconds(r.build)),
    ("plain `mkdocs build` of the same pages (s)", lambda r: _seconds(r.mkdocs)),
    ("our steps over plain mkdocs", lambda r: f"{r.overhead:+.0%}" if r.overhead is not None else "–"),
    ("built site (MB)", lambda r: _mb(r.sizes.get("site_bytes"))),
    ("HTML pages", lambda r: f"{r.sizes.get('html_pages', '–'):,}"),
    (
        "largest HTML page (KB)",
        lambda r: f"{_kb(r.sizes.get('largest_html_bytes'))} `{r.sizes.get('largest_html', '')}`",
    ),
    ("HTML pages over 100 KB", lambda r: f"{r.sizes.get('pages_over_100kb', '–'):,}"),
    ("toolbox page + data + script, gzip (KB)", lambda r: _kb(r.sizes.get("toolbox_gzip"))),
    ("first search download, gzip (KB)", lambda r: _kb(r.search.total) if r.search else "–"),
    (
        "facet click → list updated and painted, page settled (ms)",
        lambda r: f"{r.clicks.median_painted:.0f}" if r.clicks else "–",
    ),
    (
        "first 3 clicks while Material's search still indexes, painted (ms)",
        lambda r: ", ".join(f"{c['painted']:.0f}" for c in r.clicks.while_loading) if r.clicks else "–",
    ),
    ("facet click → list updated and laid out (ms)", lambda r: f"{r.clicks.median_laid_out:.0f}" if r.clicks else "–"),
    ("toolbox page load until filters ready (s)", lambda r: f"{r.clicks.ready_seconds:.1f}" if r.clicks else "–"),
    ("runs (slow steps)", lambda r: f"{len(r.validate.runs)} ({len(r.build.runs)})" if r.validate and r.build else "–"),
    ("load average during the runs", lambda r: _load_range(_size_loads(r))),
]


def _size_loads(result: SizeResult) -> list[float]:
    series = [result.validate, result.generate, result.build, result.mkdocs]
    return [load for s in series if s for load in s.loads]


def _load_range(loads: list[float]) -> str:
    return f"{min(loads):.2f}–{max(loads):.2f}" if loads else "–"


def figures_table(results: Results) -> str:
    sizes = sorted(results.sizes)
    lines = [
        "| | " + " | ".join(f"{n:,} practices" for n in sizes) + " |",
        "| --- |" + " ---: |" * len(sizes),
    ]
    for label, cell in ROWS:
        lines.append(f"| {label} | " + " | ".join(cell(results.sizes[n]) for n in sizes) + " |")
    return "\n".join(lines)


def other_table(results: Results) -> str:
    lines = ["| | figure | load average |", "| --- | ---: | --- |"]
    pdf = results.pdf
    if pdf.get("unavailable"):
        lines.append(f"| PDFs | not available: {pdf['unavailable']} | |")
    elif pdf:
        lines.append(
            f"| PDFs per second (`build_pdfs` on {pdf['factsheets']} practices: the factsheets and their pack) "
            f"| {pdf['pdfs_per_second']:.1f} ({pdf['sheets_seconds']:.1f} s) | {_load_range(pdf['loads'])} |"
        )
        lines.append(
            f"| pack of {pdf['pack_practices']} practices, `esl-toolbox pdf -o pack.pdf` (s) "
            f"| {pdf['pack_seconds']:.1f} | |"
        )
    serve = results.serve
    if serve.get("n"):
        rebuild = serve["rebuild_seconds"]
        lines.append(
            f"| `esl-toolbox serve` at {serve['n']:,} practices: start until the first page answers (s) "
            f"| {serve['startup_seconds']:.1f} | {_load_range(serve['loads'])} |"
        )
        runs = ", ".join("timeout" if t is None else f"{t:.1f}" for t in serve["rebuild_runs"])
        lines.append(
            f"| `esl-toolbox serve` at {serve['n']:,}: one record changed until its page shows it (s) "
            f"| {'> 300' if rebuild is None else f'{rebuild:.1f}'} (runs: {runs}) | |"
        )
    broken, big = results.refusals.get("broken"), results.refusals.get("big")
    if broken and big:
        lines.append(
            f"| broken corpus: slowest of {broken['records']} records refused (s); peak memory (MB) "
            f"| {broken['slowest_seconds']:.2f} (`{broken['slowest']}`); {broken['peak_mb']:.0f} | |"
        )
        lines.append(f"| a 50 MB file refused (s); peak memory (MB) | {big['seconds']:.2f}; {big['peak_mb']:.0f} | |")
    pagefind = results.pagefind
    if pagefind.get("total"):
        lines.append(
            f"| Pagefind at {pagefind['n']:,} practices: first search download, gzip (KB) "
            f"| {pagefind['total'] / 1000:,.0f} | |"
        )
        lines.append(
            f"| Pagefind at {pagefind['n']:,}: index time (s), index size (MB) "
            f"| {pagefind['index_seconds']:.1f}, {pagefind['index_bytes'] / 1e6:.1f} | |"
        )
    return "\n".join(lines)


# --- targets -------------------------------------------------------------------------------------


def _check(holds: bool | None) -> str:
    return "–" if holds is None else ("✔" if holds else "✘")


def targets(results: Results) -> list[tuple[str, str, str]]:
    """Each target of the issue, what was measured, and whether it holds."""
    s = results.sizes
    big, k = s.get(10_000), s.get(1_000)
    rows = []

    def add(target: str, figure: str | None, holds: bool | None) -> None:
        rows.append((target, figure or "not measured", _check(holds if figure else None)))

    if big and big.validate:
        add("validation of 10,000 records < 3 s", f"{big.validate.median():.2f} s", big.validate.median() < 3)
        peak = big.validate.median("peak_tree_mb")
        add("validation memory < 500 MB", f"{peak:.0f} MB", peak < 500)
    else:
        add("validation of 10,000 records < 3 s", None, None)
    add(
        "full build of 1,000 < 10 s",
        k and k.build and f"{k.build.median():.1f} s",
        k and k.build and k.build.median() < 10,
    )
    add(
        "full build of 10,000 < 100 s",
        big and big.build and f"{big.build.median():.1f} s",
        big and big.build and big.build.median() < 100,
    )
    if big and k and big.build and k.build:
        ratio = big.build.median() / k.build.median()
        add("10,000 takes at most 12 × 1,000", f"{ratio:.1f} ×", ratio <= 12)
    for result in (k, big):
        if result and result.overhead is not None:
            add(
                f"our steps add ≤ 15% to plain mkdocs ({result.n:,})",
                f"{result.overhead:+.0%}",
                result.overhead <= 0.15,
            )
    if big and big.sizes:
        largest = big.sizes["largest_html_bytes"]
        add(
            "no HTML page over 100 KB at 10,000",
            f"largest {largest / 1000:,.0f} KB (`{big.sizes['largest_html']}`); "
            f"{big.sizes['pages_over_100kb']} over 100 KB",
            largest <= 100_000,
        )
        add(
            "toolbox page and its data < 1 MB gzip at 10,000",
            f"{big.sizes['toolbox_gzip'] / 1000:,.0f} KB",
            big.sizes["toolbox_gzip"] < 1_000_000,
        )
    else:
        add("no HTML page over 100 KB at 10,000", None, None)
    add(
        "facet click < 50 ms at 10,000",
        big and big.clicks and f"{big.clicks.median_painted:.0f} ms",
        big and big.clicks and big.clicks.median_painted < 50,
    )
    add(
        "first search at 1,000 < 1 MB gzip",
        k and k.search and f"{k.search.total / 1000:,.0f} KB (Material search)",
        k and k.search and k.search.total < 1_000_000,
    )
    broken, big = results.refusals.get("broken"), results.refusals.get("big")
    add(
        "every broken record refused within 1 s and 200 MB",
        broken and f"slowest {broken['slowest_seconds']:.2f} s, {broken['peak_mb']:.0f} MB",
        broken and broken["all_refused"] and broken["slowest_seconds"] < 1 and broken["peak_mb"] < 200,
    )
    add(
        "a 50 MB file refused within 2 s and 200 MB",
        big and f"{big['seconds']:.2f} s, {big['peak_mb']:.0f} MB",
        big and big["refused"] and big["seconds"] < 2 and big["peak_mb"] < 200,
    )
    for name, counts in results.factsheet_pages.items():
        add(
            f"every factsheet on at most two A4 pages ({name})",
            _pages_figure(counts),
            counts["longest"] <= 2,
        )
    if not results.factsheet_pages:
        add("every factsheet on at most two A4 pages", None, None)
    rebuild = results.serve.get("rebuild_seconds")
    serve_n = results.serve.get("n")
    add(
        "changed record shows in `make serve` < 2 s at 1,000",
        serve_n == SERVE_SIZE and (f"{rebuild:.1f} s" if rebuild is not None else "> 300 s"),
        serve_n == SERVE_SIZE and rebuild is not None and rebuild < 2,
    )
    return rows


def targets_table(results: Results) -> str:
    lines = ["| target | measured | |", "| --- | --- | :---: |"]
    lines += [f"| {t} | {figure} | {ok} |" for t, figure, ok in targets(results)]
    return "\n".join(lines)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    memory = next(
        (
            int(line.split()[1]) // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    return f"{os.cpu_count()} cores ({cpu}), {memory / 1024:.0f} GB memory, Python {platform.python_version()}"


def report(results: Results, command: str) -> str:
    parts = [
        f"Measured {results.started} with `{command}` on {machine()}.",
        f"Load average at the start: {results.loads[0]:.2f}; at the end: {results.loads[-1]:.2f}.",
        "",
        targets_table(results),
        "",
        figures_table(results),
        "",
        other_table(results),
    ]
    notes = results.notes + [f"{n:,}: {note}" for n, r in sorted(results.sizes.items()) for note in r.notes]
    if notes:
        parts += ["", *[f"- {note}" for note in notes]]
    return "\n".join(parts) + "\n"


# --- the docs page -------------------------------------------------------------------------------

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def write_docs(text: str, page: Path = DOCS_PAGE) -> None:
    """Put the figures between the page's markers, keeping the hand-written text around them."""
    block = f"{BEGIN}\n{text}{END}"
    if page.exists() and BEGIN in (current := page.read_text("utf-8")) and END in current:
        head, rest = current.split(BEGIN, 1)
        page.write_text(head + block + rest.split(END, 1)[1], "utf-8")
    else:
        page.write_text(f"# Performance\n\n{block}\n", "utf-8")


def save_json(results: Results, path: Path) -> None:
    def plain(value: object) -> object:
        if isinstance(value, Series):
            return [run.__dict__ | {"output": ""} for run in value.runs]
        if hasattr(value, "__dict__"):
            return {k: plain(v) for k, v in value.__dict__.items()}
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value

    path.write_text(json.dumps(plain(results), indent=1, default=str), "utf-8")


# --- the command ---------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement (median reported)")
    parser.add_argument(
        "--large-runs", type=int, default=1, help=f"runs of generation and builds from {LARGE:,} practices (default 1)"
    )
    parser.add_argument("--quick", action="store_true", help="100 practices, 1 run: a smoke test")
    parser.add_argument(
        "--write-docs",
        nargs="?",
        const=DOCS_PAGE,
        type=Path,
        metavar="PAGE",
        help=f"write the figures into the performance page (default {DOCS_PAGE.relative_to(REPO)})",
    )
    parser.add_argument("--no-browser", action="store_true", help="leave out the Chromium measurements")
    parser.add_argument("--no-serve", action="store_true", help="leave out `esl-toolbox serve`")
    parser.add_argument("--no-pdf", action="store_true", help="leave out the PDFs")
    parser.add_argument("--workdir", type=Path, help="keep the corpora and sites here instead of a temporary folder")
    parser.add_argument("--json", type=Path, help="also write every run as JSON to this file")
    parser.add_argument(
        "--pagefind", metavar="PYTHON", help="a Python with the pagefind package: measure Pagefind's first search too"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.runs, args.large_runs = "100", 1, 1
    args.size_list = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    return args


def bench_pagefind(python: str, site: Path, n: int) -> dict[str, object]:
    """Index a built site with Pagefind (from another Python) and measure its first search."""
    start = time.perf_counter()
    command = [python, "-m", "pagefind", "--site", str(site)]
    checked(command, run_command(command, site.parent, ENV))
    index_seconds = time.perf_counter() - start
    download = browser.pagefind_first_search(site, "mentoring")
    index_bytes = measure.folder_size(site / "pagefind")
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    return {
        "n": n,
        "total": download.total,
        "files": download.files,
        "results": download.results,
        "index_seconds": index_seconds,
        "index_bytes": index_bytes,
    }


def run(args: argparse.Namespace, workdir: Path) -> Results:
    results = Results(started=dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"))
    results.loads.append(measure.load_average())
    log("broken records and a 50 MB file")
    results.refusals = {"broken": refusals.broken_records(), "big": refusals.big_file()}
    with_browser = not args.no_browser and browser.playwright_available()
    if not args.no_browser and not with_browser:
        results.notes.append("Chromium or Playwright is missing: the browser figures were not measured.")
    for n in args.size_list:
        root = workdir / f"corpus-{n}"
        results.sizes[n] = bench_size(n, root, args.runs, args.large_runs, with_browser)
        if args.pagefind and n == SEARCH_SIZE:
            log(f"{n}: Pagefind")
            results.pagefind = bench_pagefind(args.pagefind, root / SITE_DIR, n)
        if n >= LARGE and not args.workdir:
            shutil.rmtree(root, ignore_errors=True)  # a 10,000 corpus and its sites take gigabytes
    if not args.no_pdf:
        if pdf_available():
            pdf_n = PDF_SIZE if PDF_SIZE in args.size_list else min(args.size_list)
            log(f"PDFs on the {pdf_n} corpus")
            results.pdf = bench_pdfs(workdir / f"corpus-{pdf_n}", args.runs)
            log(f"factsheet pages: the project's records and the {pdf_n} corpus")
            results.factsheet_pages = {
                "records": factsheet_pages(REPO),
                f"{pdf_n} corpus": factsheet_pages(workdir / f"corpus-{pdf_n}"),
            }
        else:
            results.pdf = {"unavailable": "the PDF module or WeasyPrint (with Pango) cannot be imported"}
    if not args.no_serve:
        serve_n = max((n for n in args.size_list if n <= SERVE_SIZE), default=min(args.size_list))
        root = workdir / f"corpus-{serve_n}"
        if not root.exists():
            make_corpus(root, serve_n, SEED)
        log(f"esl-toolbox serve on the {serve_n} corpus")
        results.serve = {"n": serve_n, **bench_serve(root, args.runs)}
    results.loads.append(measure.load_average())
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command = "python benchmarks/bench.py " + " ".join(argv if argv is not None else sys.argv[1:])
    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
        results = run(args, args.workdir.resolve())
    else:
        with tempfile.TemporaryDirectory(prefix="esl-bench-") as tmp:
            results = run(args, Path(tmp))
    text = report(results, command.strip())
    print(text)
    if args.json:
        save_json(results, args.json)
    if args.write_docs:
        write_docs(text, args.write_docs)
        log(f"wrote {args.write_docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
