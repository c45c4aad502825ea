"""`make bench`: how fast the toolbox is at 100, 1,000 and 10,000 practices, against its targets.

For each size a synthetic corpus (benchmarks/corpus.py, fixed seed) is written into a temporary
folder and every step runs there as a user runs it: `esl-toolbox validate`, `esl-toolbox build
--no-pdf --lang en` (the English site, comparable with earlier runs), a plain `mkdocs build` of the
same generated pages, the built site in headless Chromium (facet clicks, the finder, a first
search with Pagefind), the PDFs, and `esl-toolbox serve` while a record changes. At 1,000
practices the site is also built in all its languages: wall and CPU time, the pull-request check,
a first search in each language, and Lighthouse on seven kinds of page. Each figure is the median
of several runs; the one-minute load average is kept beside it, since other work slows every figure.

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
import statistics
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
import lighthouse  # noqa: E402
import measure  # noqa: E402
import refusals  # noqa: E402
from corpus import REPO, SEED, make_corpus  # noqa: E402
from esl_toolbox.languages import SOURCE_LANGUAGE, language_codes  # noqa: E402
from esl_toolbox.settings import load_settings  # noqa: E402
from measure import Run, Series, checked, run_command  # noqa: E402

# The command as a user runs it: the venv's `esl-toolbox` script, or the module when there is none.
_SCRIPT = Path(sys.executable).parent / "esl-toolbox"
ESL_TOOLBOX = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "esl_toolbox"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
DOCS_PAGE = REPO / "docs" / "performance.md"
SITE_DIR = "bench-site"
LARGE = 10_000  # from this size the slow steps run `--large-runs` times
PDF_SIZE, SERVE_SIZE, LANGUAGES_SIZE = 100, 1000, 1000
SERVE_LANGUAGE = "pt"  # `serve --lang` is timed in this language too
FACTSHEETS = 20
QUERY = "mentoring"  # a word of the records' English text, which every language's pages show in this corpus
PR_CHECK_SECONDS = 30
PREVIEWED = 3  # the practices a pull request changes, as the benchmark's pull-request check previews them

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
# As `build --no-pdf --lang en` calls it: the English tree, of a site published in English only.
generate(root, catalogue, settings, with_pdf=False, langs=("en",), published=("en",))
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
chosen = catalogue.practices[: int(sys.argv[1])]
ids = {p.id for p in chosen}  # a practice's related practices outside the chosen ones are left out
chosen = tuple(p.model_copy(update={"related": [i for i in p.related if i in ids]}) for p in chosen)
some = Catalogue(chosen, catalogue.projects)
with tempfile.TemporaryDirectory() as out:
    start = time.perf_counter()
    written = build_pdfs(some, Path(out), settings)
    figures = {"seconds": time.perf_counter() - start, "files": len(written), "factsheets": len(chosen)}
    print(json.dumps(figures))
"""


# --- the figures of one size ---------------------------------------------------------------------


@dataclass
class SizeResult:
    """Every figure measured on one corpus."""

    n: int
    validate: Series | None = None
    generate: Series | None = None
    build: Series | None = None  # `build --no-pdf --lang en`, cold
    build_validate: Series | None = None  # `validate --no-cache` just before each build: the pull-request check
    mkdocs: Series | None = None
    sizes: dict[str, object] = field(default_factory=dict)
    clicks: browser.ClickTimes | None = None
    finder: browser.AnswerTimes | None = None
    search: browser.SearchDownload | None = None  # Pagefind, English
    notes: list[str] = field(default_factory=list)

    @property
    def overhead(self) -> float | None:
        """How much our steps add to a plain mkdocs build of the same pages, as a fraction."""
        if not (self.build and self.mkdocs):
            return None
        return self.build.median() / self.mkdocs.median() - 1


@dataclass
class LanguagesResult:
    """The site in every language at one size: builds, the pull-request check, search, the index."""

    n: int
    languages: tuple[str, ...] = ()
    build: Series | None = None  # `build --no-pdf`, every language, cold
    validate: Series | None = None  # `validate --no-cache` just before each build
    preview: Series | None = None  # `preview` of PREVIEWED practices in every language, cold: the pull-request check
    preview_validate: Series | None = None  # `validate --no-cache` just before each preview
    previewed: tuple[str, ...] = ()
    finish: Run | None = None  # `esl-toolbox finish` on the built site: Pagefind's index and the sitemap
    index_bytes: int = 0
    indexed: list[str] = field(default_factory=list)  # the languages in pagefind-entry.json
    site_bytes: int = 0
    html_pages: int = 0
    searches: list[browser.SearchDownload] = field(default_factory=list)

    def pr_check(self) -> float | None:
        """The pull-request check: the median over the runs of validate + preview, each pair one after the other."""
        if not (self.preview and self.preview_validate):
            return None
        return _pair_median(self.preview_validate, self.preview)

    def whole_site_check(self) -> float | None:
        """The median over the runs of validate + the build of the whole site in every language."""
        if not (self.build and self.validate):
            return None
        return _pair_median(self.validate, self.build)


@dataclass
class Results:
    sizes: dict[int, SizeResult] = field(default_factory=dict)
    languages: LanguagesResult | None = None
    lighthouse: dict[str, object] = field(default_factory=dict)
    pdf: dict[str, float] = field(default_factory=dict)
    factsheet_pages: dict[str, dict] = field(default_factory=dict)
    serve: dict[str, float | None] = field(default_factory=dict)
    serve_translated: dict[str, float | None] = field(default_factory=dict)  # `serve --lang SERVE_LANGUAGE`
    refusals: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    started: str = ""
    loads: list[float] = field(default_factory=list)

    def language_cost(self) -> tuple[float, float] | None:
        """What each language past English adds, as a ratio of the English build of the same size:
        (wall(all) - wall(en)) / (languages - 1) / wall(en), and the same of the CPU time."""
        langs, english = self.languages, self.sizes.get(self.languages.n) if self.languages else None
        if not (langs and langs.build and english and english.build) or len(langs.languages) < 2:
            return None
        added = len(langs.languages) - 1
        wall_en, cpu_en = english.build.median(), english.build.median("cpu_seconds")
        wall = (langs.build.median() - wall_en) / added / wall_en
        cpu = (langs.build.median("cpu_seconds") - cpu_en) / added / cpu_en
        return wall, cpu


def _pair_median(first: Series, second: Series) -> float:
    """The median of the sums of two series' runs taken in pairs (run i of one, then run i of the other)."""
    return statistics.median(a.seconds + b.seconds for a, b in zip(first.runs, second.runs, strict=True))


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


def build_runs(root: Path, runs: int, langs: str | None = SOURCE_LANGUAGE) -> tuple[Series, Series]:
    """Cold builds (`build --no-pdf`, of `langs` or of every language), each right after a cold
    `validate`: what the pull-request check runs. `validate --no-cache` writes no build/cache/, so
    the build after it starts as cold as on a fresh clone. Returns the builds and the validations."""
    validate = [*ESL_TOOLBOX, "validate", "--no-cache"]
    build = [*ESL_TOOLBOX, "build", "--no-pdf", "--quiet", "--site-dir", SITE_DIR]
    if langs:
        build += ["--lang", langs]
    builds, validations = Series(), Series()
    for _ in range(runs):
        _clean_build(root)
        validations.runs.append(checked(validate, run_command(validate, root, ENV)))
        builds.runs.append(checked(build, run_command(build, root, ENV)))
    return builds, validations


def preview_runs(root: Path, runs: int, practices: tuple[str, ...]) -> tuple[Series, Series]:
    """The pull-request check as the workflow runs it: a cold `validate`, then `preview` of the changed
    practices (named here: the workflow finds them with --base) in every language, from a clean build/."""
    validate = [*ESL_TOOLBOX, "validate", "--no-cache"]
    preview = [*ESL_TOOLBOX, "preview", *practices, "--quiet", "--site-dir", "bench-preview"]
    previews, validations = Series(), Series()
    for _ in range(runs):
        # Cold as on a fresh clone: no generated tree, no earlier preview (the built site stays for what follows).
        shutil.rmtree(root / "build", ignore_errors=True)
        shutil.rmtree(root / "bench-preview", ignore_errors=True)
        validations.runs.append(checked(validate, run_command(validate, root, ENV)))
        previews.runs.append(checked(preview, run_command(preview, root, ENV)))
    return previews, validations


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
    (with its first cards), data/toolbox.json and the site's script (assets/site.js, the toolbox's
    script with the others); Material's own CSS and scripts are not counted. The summary chunks
    (data/toolbox/) are fetched later: a chunk for cards shown beyond the page's own, all of them
    once a visitor types words; they are counted apart."""
    pages = measure.html_pages(site)
    largest_bytes, largest = pages[0]
    toolbox = [site / "toolbox" / "index.html", site / "data" / "toolbox.json", site / "assets" / "site.js"]
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
    log(f"{n}: esl-toolbox validate --no-cache + build --no-pdf --lang en x{slow_runs}")
    result.build, result.build_validate = build_runs(root, slow_runs)
    log(f"{n}: plain mkdocs build x{slow_runs}")
    result.mkdocs = mkdocs_runs(root, slow_runs)
    site = root / SITE_DIR
    result.sizes = site_sizes(site)
    if with_browser:
        log(f"{n}: facet clicks in Chromium")
        result.clicks = browser.time_facet_clicks(site)
        log(f"{n}: finder answers in Chromium")
        try:
            result.finder = browser.time_finder_answers(site)
        except Exception as exc:  # a finder that never gets ready is a finding, not a crash
            result.notes.append(f"the finder was not timed: {str(exc).splitlines()[0]}")
        log(f"{n}: first search with Pagefind in Chromium")
        try:
            result.search = browser.pagefind_first_search(site, QUERY)[0]
        except Exception as exc:  # a search that never answers is a finding, not a crash
            result.notes.append(f"the first search showed no result: {str(exc).splitlines()[0]}")
    return result


# --- every language ------------------------------------------------------------------------------


def bench_languages(root: Path, n: int, runs: int, with_browser: bool) -> LanguagesResult:
    """The site in all its languages: cold builds (each after a cold validate: the pull-request
    check), the site's size, Pagefind's first search in each language, and `esl-toolbox finish`."""
    result = LanguagesResult(n, languages=language_codes())
    log(f"{n}: esl-toolbox validate --no-cache + build --no-pdf, {len(result.languages)} languages x{runs}")
    result.build, result.validate = build_runs(root, runs, langs=None)
    site = root / SITE_DIR
    result.site_bytes = measure.folder_size(site)
    result.html_pages = len(measure.html_pages(site))
    result.indexed = browser.pagefind_languages(site)
    result.index_bytes = measure.folder_size(site / "pagefind")
    if with_browser:
        log(f"{n}: a first search with Pagefind in each of {len(result.languages)} languages")
        result.searches = browser.pagefind_first_search(site, QUERY, result.languages)
    result.previewed = tuple(sorted(p.stem for p in (root / "practices").glob("*.yml"))[:PREVIEWED])
    log(f"{n}: esl-toolbox validate --no-cache + preview of {PREVIEWED} practices, every language x{runs}")
    result.preview, result.preview_validate = preview_runs(root, runs, result.previewed)
    log(f"{n}: esl-toolbox finish (Pagefind's index of every language and the sitemap)")
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    command = [*ESL_TOOLBOX, "finish", "--quiet", "--site-dir", SITE_DIR]
    result.finish = checked(command, run_command(command, root, ENV))
    return result


def lighthouse_pages(site: Path) -> list[str]:
    """Seven kinds of page: home, toolbox, a practice, a listing, the finder, compare with two
    practices, about."""
    practices = sorted(p.parent.name for p in (site / "practices").glob("*/index.html"))
    listings = sorted(p.parent.relative_to(site).as_posix() for p in (site / "isced").glob("*/index.html"))
    listing = "isced/1" if "isced/1" in listings else (listings[0] if listings else "isced")
    return [
        "",
        "toolbox/",
        f"practices/{practices[0]}/",
        f"{listing}/",
        "finder/",
        f"compare/?ids={','.join(practices[:2])}",
        "about/",
    ]


def bench_lighthouse(site: Path, n: int, runs: int, languages: int) -> dict[str, object]:
    missing = lighthouse.lighthouse_missing()
    if missing:
        return {"missing": missing}
    pages = lighthouse_pages(site)
    log(f"{n}: Lighthouse on {len(pages)} pages x{runs}")
    loads = [measure.load_average()]
    found = lighthouse.run_pages(site, pages, runs)
    loads.append(measure.load_average())
    return {"n": n, "languages": languages, "runs": runs, "pages": found, "loads": loads}


# --- PDFs and serve ------------------------------------------------------------------------------


def bench_pdfs(root: Path, runs: int) -> dict[str, float]:
    """Factsheets per second (build_pdfs on 20 practices), and `esl-toolbox pdf` for a pack of all 100."""
    snippet = [sys.executable, "-c", PDF_SNIPPET, str(FACTSHEETS)]

    files, factsheets = [], []

    def sheets() -> Run:
        run = checked(snippet, run_command(snippet, root, ENV))
        figures = json.loads(run.output.strip().splitlines()[-1])
        run.seconds = figures["seconds"]
        files.append(figures["files"])
        factsheets.append(figures["factsheets"])
        return run

    sheet_runs = measure.repeat(runs, sheets)
    pack = root / "bench-pack.pdf"
    command = [*ESL_TOOLBOX, "pdf", "-o", str(pack)]
    pack_runs = measure.repeat(runs, lambda: checked(command, run_command(command, root, ENV)))
    pack.unlink(missing_ok=True)
    return {
        "sheets_seconds": sheet_runs.median(),
        "factsheets": factsheets[0],
        "packs": files[0] - factsheets[0],
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


def bench_serve(root: Path, runs: int, lang: str = SOURCE_LANGUAGE) -> dict[str, float | None]:
    """Start `esl-toolbox serve --lang LANG`, change one record's title, and time until its page in
    that language shows the new title (a record's title shows in English where it has no translation)."""
    port = measure.free_port()
    # mkdocs serve puts the site at the path of site_url, as it will be published.
    mount = urllib.parse.urlsplit(load_settings(root).site_url).path or "/"
    base = f"http://127.0.0.1:{port}{mount.rstrip('/')}/"
    record = sorted((root / "practices").glob("*.yml"))[len(list((root / "practices").glob("*.yml"))) // 2]
    prefix = "" if lang == SOURCE_LANGUAGE else f"{lang}/"
    page = f"{base}{prefix}practices/{record.stem}/"
    log_file = root / "serve.log"
    load = measure.load_average()
    start = time.perf_counter()
    with log_file.open("w") as output:
        process = subprocess.Popen(
            [*ESL_TOOLBOX, "serve", "--dev-addr", f"127.0.0.1:{port}", "--lang", lang],
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


def _cpu(series: Series | None) -> str:
    return f"{series.median('cpu_seconds'):.2f}" if series else "–"


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
    ("CPU time of that build, user + system, all its processes (s)", lambda r: _cpu(r.build)),
    (
        "`validate` + `build --no-pdf --lang en`, the pull-request workflow's whole-site step (s)",
        lambda r: f"{_pair_median(r.build_validate, r.build):.2f}" if r.build and r.build_validate else "–",
    ),
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
    (
        f"first search for “{QUERY}” with Pagefind, gzip (KB); results",
        lambda r: f"{_kb(r.search.total)}; {r.search.results:,}" if r.search else "–",
    ),
    (
        "facet click → list updated and painted, page settled (ms)",
        lambda r: f"{r.clicks.median_painted:.0f}" if r.clicks else "–",
    ),
    (
        "first 3 clicks, as soon as the filters are ready, painted (ms)",
        lambda r: ", ".join(f"{c['painted']:.0f}" for c in r.clicks.while_loading) if r.clicks else "–",
    ),
    ("facet click → list updated and laid out (ms)", lambda r: f"{r.clicks.median_laid_out:.0f}" if r.clicks else "–"),
    ("toolbox page load until filters ready (s)", lambda r: f"{r.clicks.ready_seconds:.1f}" if r.clicks else "–"),
    (
        "finder: an answer → practices ranked and painted (ms)",
        lambda r: f"{r.finder.median_painted:.0f} (slowest {max(r.finder.painted):.0f})" if r.finder else "–",
    ),
    ("finder: an answer → ranked and laid out (ms)", lambda r: f"{r.finder.median_laid_out:.0f}" if r.finder else "–"),
    ("finder page load until ready (s)", lambda r: f"{r.finder.ready_seconds:.1f}" if r.finder else "–"),
    ("runs (slow steps)", lambda r: f"{len(r.validate.runs)} ({len(r.build.runs)})" if r.validate and r.build else "–"),
    ("load average during the runs", lambda r: _load_range(_size_loads(r))),
]


def _size_loads(result: SizeResult) -> list[float]:
    series = [result.validate, result.generate, result.build_validate, result.build, result.mkdocs]
    return [load for s in series if s for load in s.loads]


def _load_range(loads: list[float]) -> str:
    if not loads:
        return "–"
    return f"{loads[0]:.2f}" if min(loads) == max(loads) else f"{min(loads):.2f}–{max(loads):.2f}"


def figures_table(results: Results) -> str:
    sizes = sorted(results.sizes)
    lines = [
        "| English site (`--lang en`) | " + " | ".join(f"{n:,} practices" for n in sizes) + " |",
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
            f"| PDFs per second (`build_pdfs` on {pdf['factsheets']} practices: the factsheets and "
            f"{pdf['packs']} packs, of all and of each intervention type and age group) "
            f"| {pdf['pdfs_per_second']:.1f} ({pdf['sheets_seconds']:.1f} s) | {_load_range(pdf['loads'])} |"
        )
        lines.append(
            f"| pack of {pdf['pack_practices']} practices, `esl-toolbox pdf -o pack.pdf` (s) "
            f"| {pdf['pack_seconds']:.1f} | |"
        )
    for serve in (results.serve, results.serve_translated):
        if not serve.get("n"):
            continue
        command = f"esl-toolbox serve --lang {serve['lang']}" if serve.get("lang") else "esl-toolbox serve"
        rebuild = serve["rebuild_seconds"]
        lines.append(
            f"| `{command}` at {serve['n']:,} practices: start until the first page answers (s) "
            f"| {serve['startup_seconds']:.1f} | {_load_range(serve['loads'])} |"
        )
        runs = ", ".join("timeout" if t is None else f"{t:.1f}" for t in serve["rebuild_runs"])
        lines.append(
            f"| `{command}` at {serve['n']:,}: one record changed until its page shows it (s) "
            f"| {'> 300' if rebuild is None else f'{rebuild:.1f}'} (runs: {runs}) | |"
        )
    broken, big = results.refusals.get("broken"), results.refusals.get("big")
    if broken and big:
        lines.append(
            f"| broken corpus: slowest of {broken['records']} records refused (s); peak memory (MB) "
            f"| {broken['slowest_seconds']:.2f} (`{broken['slowest']}`); {broken['peak_mb']:.0f} | |"
        )
        lines.append(f"| a 50 MB file refused (s); peak memory (MB) | {big['seconds']:.2f}; {big['peak_mb']:.0f} | |")
    return "\n".join(lines)


def languages_table(results: Results) -> str:
    """The site in every language: builds, CPU, the cost of a language, the pull-request check, the index."""
    langs = results.languages
    if not (langs and langs.build):
        return ""
    n, count = langs.n, len(langs.languages)
    english = results.sizes.get(n)
    lines = [
        f"| {n:,} practices, {count} languages, {measure.cores()} cores | figure | load average |",
        "| --- | ---: | --- |",
        f"| `build --no-pdf`, all {count} languages: wall time (s) | {langs.build.median():.1f} "
        f"| {_load_range(langs.build.loads)} |",
        f"| the same build: CPU time, user + system of every process (s) | {langs.build.median('cpu_seconds'):.1f} | |",
    ]
    if english and english.build:
        lines.append(
            f"| `build --no-pdf --lang en`: wall time (s); CPU time (s) "
            f"| {english.build.median():.1f}; {english.build.median('cpu_seconds'):.1f} | |"
        )
    cost = results.language_cost()
    if cost:
        lines.append(
            f"| each language added to English, as a share of the English build: wall; CPU "
            f"| {cost[0]:.3f} ×; {cost[1]:.3f} × | |"
        )
    if langs.preview and langs.preview_validate:
        lines.append(
            f"| pull-request check: `validate` + `preview` of {len(langs.previewed)} practices in all {count} "
            f"languages (s) | {langs.pr_check():.1f} (validate {langs.preview_validate.median():.1f}) "
            f"| {_load_range(langs.preview.loads)} |"
        )
    lines.append(
        f"| the whole site checked: `validate` + `build --no-pdf`, all {count} languages (s) "
        f"| {langs.whole_site_check():.1f} (validate {langs.validate.median():.1f}) | |"
    )
    if english and english.build and english.build_validate:
        lines.append(
            f"| `validate` + `build --no-pdf --lang en`, the pull-request workflow's whole-site step (s) "
            f"| {_pair_median(english.build_validate, english.build):.1f} | |"
        )
    lines.append(
        f"| built site, all languages (MB); HTML pages | {langs.site_bytes / 1e6:,.1f}; {langs.html_pages:,} | |"
    )
    if langs.finish:
        lines.append(
            f"| `esl-toolbox finish`: Pagefind's index of {len(langs.indexed)} languages and the sitemap (s); "
            f"index (MB) | {langs.finish.seconds:.1f}; {langs.index_bytes / 1e6:.1f} "
            f"| {_load_range(Series([langs.finish]).loads)} |"
        )
    if langs.searches:
        lines += [
            "",
            f"| first search for “{QUERY}”, {n:,} practices | gzip (KB) | files | results |",
            "| --- | ---: | ---: | ---: |",
        ]
        lines += [f"| {s.language} | {s.total / 1000:,.0f} | {len(s.files)} | {s.results:,} |" for s in langs.searches]
    return "\n".join(lines)


LIGHTHOUSE_NAMES = {
    "": "home",
    "toolbox/": "toolbox",
    "finder/": "finder",
    "about/": "about",
}


def _page_kind(path: str) -> str:
    if path in LIGHTHOUSE_NAMES:
        return LIGHTHOUSE_NAMES[path]
    first = path.split("/")[0]
    if first == "practices":
        return "a practice"
    if first.startswith("compare"):
        return f"compare, {len(path.split('ids=', 1)[-1].split(','))} practices"
    return f"listing `/{path}`"


def _spread(page: lighthouse.PageScores) -> str:
    """The performance scores of every run, when there were several."""
    scores = sorted(s["performance"] for s in page.runs if s.get("performance") is not None)
    return f" ({scores[0]:.0f}–{scores[-1]:.0f})" if len(scores) > 1 else ""


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def lighthouse_table(results: Results) -> str:
    found = results.lighthouse
    if not found:
        return ""
    if found.get("missing"):
        return f"Lighthouse was not measured: {found['missing']}."
    pages: list[lighthouse.PageScores] = found["pages"]  # type: ignore[assignment]
    first = next((p for p in pages if not p.error), None)
    lines = [
        f"| Lighthouse {first.version if first else ''}, mobile, {found['n']:,} practices "
        f"({found['languages']} languages), gzip | performance | accessibility | best practices | SEO | CLS "
        "| LCP (s) | audits below full marks |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for page in pages:
        if page.error:
            lines.append(f"| {_page_kind(page.path)} | failed: {page.error} | | | | | | |")
            continue
        # Performance's audits below full marks are its metrics: only the slow ones are named.
        slow = page.slow_metrics()
        failing = [f"slow: {', '.join(slow)}"] if slow else []
        failing += [
            f"{key}: {', '.join(f'`{a}`' for a in ids)}"
            for key, ids in page.failing.items()
            if ids and key != "performance"
        ]
        lines.append(
            f"| {_page_kind(page.path)} | {_score(page.scores.get('performance'))}{_spread(page)} "
            f"| {_score(page.scores.get('accessibility'))} | {_score(page.scores.get('best-practices'))} "
            f"| {_score(page.scores.get('seo'))} | {page.cls:.3f} | {(page.lcp_ms or 0) / 1000:.1f} "
            f"| {'; '.join(failing) or 'none'} |"
        )
    warnings = sorted({" ".join(w.split(". ")[0].split()) for p in pages for w in p.warnings})
    if first:
        runs = found["runs"]
        lines += [
            "",
            f"Lighthouse: {runs} run{'s' if runs != 1 else ''} a page (the median run by performance shown, "
            "the range of the runs' performance in brackets); "
            f"its benchmark index of this machine {first.benchmark_index:.0f}; "
            f"load average {_load_range(found.get('loads', []))} (at the start and the end)"
            + (f"; it warned: {'; '.join(warnings)}." if warnings else "."),
        ]
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
        "full build of 1,000 < 10 s (English only)",
        k and k.build and f"{k.build.median():.1f} s",
        k and k.build and k.build.median() < 10,
    )
    langs = results.languages if results.languages and results.languages.n == 1_000 else None
    add(
        f"full build of 1,000 < 10 s (all {len(langs.languages) if langs else 10} languages, {measure.cores()} cores)",
        langs and langs.build and f"{langs.build.median():.1f} s (CPU time {langs.build.median('cpu_seconds'):.1f} s)",
        langs and langs.build and langs.build.median() < 10,
    )
    cost = results.language_cost() if langs else None
    add(
        "each added language costs ≤ 1.0 × the English build (1,000)",
        cost and f"{cost[0]:.3f} × wall time ({cost[1]:.3f} × CPU time)",
        cost and cost[0] <= 1.0,
    )
    add(
        "full build of 10,000 < 100 s (English only)",
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
        "finder answer ≤ 100 ms at 10,000",
        big and big.finder and f"{big.finder.median_painted:.0f} ms (slowest {max(big.finder.painted):.0f} ms)",
        big and big.finder and big.finder.median_painted <= 100,
    )
    add(
        "first search at 1,000 < 1 MB gzip",
        k and k.search and f"{k.search.total / 1000:,.0f} KB (Pagefind, English)",
        k and k.search and k.search.total < 1_000_000,
    )
    searches = langs.searches if langs else []
    if searches:
        largest = max(searches, key=lambda s: s.total)
        over = [s.language for s in searches if s.total > 200_000]
        add(
            f"first search ≤ 200 KB gzip in each language (1,000, {len(searches)} languages)",
            f"largest {largest.total / 1000:,.0f} KB ({largest.language}), smallest "
            f"{min(s.total for s in searches) / 1000:,.0f} KB; {len(over)} over"
            + (f" ({', '.join(over)})" if over else ""),
            not over and len(searches) == len(langs.languages),
        )
    else:
        add("first search ≤ 200 KB gzip in each language (1,000)", None, None)
    pr_check = langs.pr_check() if langs else None
    add(
        f"pull-request check < {PR_CHECK_SECONDS} s at 1,000: `validate` + the changed practices' pages "
        f"({PREVIEWED}) in every language (`preview`)",
        pr_check is not None and f"{pr_check:.1f} s",
        pr_check is not None and pr_check < PR_CHECK_SECONDS,
    )
    rows += lighthouse_targets(results)
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
    translated = results.serve_translated
    rebuild, serve_n = translated.get("rebuild_seconds"), translated.get("n")
    add(
        f"changed record shows in `esl-toolbox serve --lang {SERVE_LANGUAGE}` < 2 s at 1,000",
        serve_n == SERVE_SIZE and (f"{rebuild:.1f} s" if rebuild is not None else "> 300 s"),
        serve_n == SERVE_SIZE and rebuild is not None and rebuild < 2,
    )
    return rows


LIGHTHOUSE_TARGETS = [
    ("performance", "performance ≥ 98", 98),
    ("accessibility", "accessibility 100", 100),
    ("best-practices", "best practices 100", 100),
    ("seo", "SEO 100", 100),
]


def lighthouse_targets(results: Results) -> list[tuple[str, str, str]]:
    found = results.lighthouse
    pages = [p for p in found.get("pages", []) if not p.error]  # type: ignore[union-attr]
    failed = [p for p in found.get("pages", []) if p.error]  # type: ignore[union-attr]
    rows = []
    for key, target, least in LIGHTHOUSE_TARGETS:
        label = f"Lighthouse {target} on each of 7 page types"
        if not pages:
            rows.append((label, "not measured", "–"))
            continue
        scores = [(p.scores.get(key), _page_kind(p.path)) for p in pages]
        below = [f"{kind} {_score(score)}" for score, kind in scores if score is None or score < least]
        lowest = min((s for s, _ in scores if s is not None), default=None)
        at = f"≥ {least}" if least < 100 else f"at {least}"
        figure = f"lowest {_score(lowest)}; " + (f"below: {', '.join(below)}" if below else f"all {len(pages)} {at}")
        if failed:
            figure += f"; {len(failed)} not measured"
        rows.append((label, figure, _check(not below and not failed and len(pages) == 7)))
    toolbox = next((p for p in pages if p.path == "toolbox/"), None)
    rows.append(
        (
            "Lighthouse CLS < 0.05 on the toolbox",
            f"{toolbox.cls:.3f}" if toolbox and toolbox.cls is not None else "not measured",
            _check(toolbox.cls < 0.05 if toolbox and toolbox.cls is not None else None),
        )
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
    for table in (languages_table(results), lighthouse_table(results)):
        if table:
            parts += ["", table]
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
        "--languages-size",
        type=int,
        default=LANGUAGES_SIZE,
        metavar="N",
        help=f"the size, among --sizes, built in every language and given to Lighthouse (default {LANGUAGES_SIZE:,})",
    )
    parser.add_argument(
        "--languages-runs",
        type=int,
        help="runs of the every-language build and its pull-request check (default: --large-runs)",
    )
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (median reported)")
    parser.add_argument("--no-lighthouse", action="store_true", help="leave out Lighthouse")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.runs, args.large_runs, args.languages_size, args.lighthouse_runs = "100", 1, 1, 100, 1
    args.size_list = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    if args.languages_runs is None:
        args.languages_runs = args.large_runs
    return args


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
        if n == args.languages_size:
            # After the English figures: the every-language site replaces the English one in SITE_DIR.
            results.languages = bench_languages(root, n, args.languages_runs, with_browser)
            if not args.no_lighthouse:
                results.lighthouse = bench_lighthouse(
                    root / SITE_DIR, n, args.lighthouse_runs, len(results.languages.languages)
                )
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
        log(f"esl-toolbox serve --lang {SERVE_LANGUAGE} on the {serve_n} corpus")
        results.serve_translated = {
            "n": serve_n,
            "lang": SERVE_LANGUAGE,
            **bench_serve(root, args.runs, SERVE_LANGUAGE),
        }
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
