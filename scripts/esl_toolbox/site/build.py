"""`esl-toolbox build`: validate, generate each language's tree, run MkDocs on the languages in
parallel, put them together (English at the root, every other language in its folder), add the
PDFs, the search index and the sitemap, then swap the new site in.

Every step writes into a temporary folder; only the last one replaces the site folder, so a
failed build leaves the previous site as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..catalogue import Catalogue, load_catalogue
from ..languages import SOURCE_LANGUAGE, language, language_codes
from ..progress import NO_PROGRESS, Steps
from ..project import BUILD_DIR, CONFIG_FILE
from ..settings import Settings, load_settings
from .finish import finish_site
from .generate import config_path, generate, language_folder


class BuildFailed(Exception):
    """A step of the build failed; the message says which and why."""


@dataclass(frozen=True)
class BuildResult:
    site_dir: Path
    pages: int
    with_pdf: bool


def mkdocs_command(root: Path, *args: str, config: str | None = None) -> list[str]:
    """MkDocs as a subprocess on a config file (mkdocs.yml unless named): our code never reaches into its internals."""
    return [sys.executable, "-m", "mkdocs", *args, "-f", str(root / (config or CONFIG_FILE))]


def mkdocs_config(lang: str) -> str | None:
    """The config MkDocs builds a language from: mkdocs.yml for English, the generated one for the others."""
    return None if lang == SOURCE_LANGUAGE else f"{BUILD_DIR}/{config_path(lang)}"


def mkdocs_environment(source_date: int | None = None) -> dict[str, str]:
    # Material prints a banner about its successor on every run; the README covers Zensical.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if source_date is not None:
        env["SOURCE_DATE_EPOCH"] = str(source_date)
    return env


def data_date(catalogue: Catalogue) -> int:
    """The newest date in the records, as a Unix time: the site's only timestamp (sitemap), so that
    building the same records twice gives the same bytes."""
    return int(dt.datetime.combine(catalogue.newest_date(), dt.time(), dt.UTC).timestamp())


def run_mkdocs(
    root: Path, site_dir: Path, source_date: int, pages: int = 0, steps: Steps = NO_PROGRESS, lang: str = SOURCE_LANGUAGE
) -> None:
    """Build one language's generated tree with MkDocs in strict mode, so any broken link or warning fails."""
    run_mkdocs_languages(root, {lang: site_dir}, source_date, pages, steps)


def run_mkdocs_languages(
    root: Path, site_dirs: dict[str, Path], source_date: int, pages: int = 0, steps: Steps = NO_PROGRESS
) -> None:
    """Build each language's tree into its folder, as many at once as there are cores."""
    # Not --quiet: MkDocs then stops counting warnings, and --strict lets them through. Verbose
    # only for a live progress bar: its log names each page as it is built.
    verbose = ["--verbose"] if steps.live else []
    commands = {
        lang: mkdocs_command(root, "build", "--strict", "-d", str(site_dir), *verbose, config=mkdocs_config(lang))
        for lang, site_dir in site_dirs.items()
    }
    env = mkdocs_environment(source_date)
    with steps.step("MkDocs", pages, "pages") as advance:
        lock = threading.Lock()

        def build(lang: str) -> str | None:
            process = subprocess.Popen(
                commands[lang], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env
            )
            log = []
            for line in process.stderr:  # type: ignore[union-attr]
                log.append(line)
                if steps.live and line.startswith("DEBUG") and "Building page" in line:
                    with lock:
                        advance(1)
            if process.wait() != 0:
                return f"mkdocs build failed ({language(lang).english_name}):\n" + _problems_only("".join(log))
            return None

        with ThreadPoolExecutor(worker_count(len(commands))) as pool:
            failures = [failure for failure in pool.map(build, commands) if failure]
        if failures:
            raise BuildFailed("\n".join(failures))
        if not steps.live:
            advance(pages)


def worker_count(jobs: int) -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(jobs, cores))


def _problems_only(log: str) -> str:
    """MkDocs' log without its INFO and DEBUG entries (each entry may go on over indented lines)."""
    kept, keep = [], True
    for line in log.splitlines():
        if line and not line[0].isspace():
            keep = not line.startswith(("INFO", "DEBUG"))
        if keep:
            kept.append(line)
    return "\n".join(kept).strip()


def add_pdfs(
    catalogue: Catalogue, site_dir: Path, settings: Settings, steps: Steps = NO_PROGRESS, langs: tuple[str, ...] = ("en",)
) -> None:
    """Write each language's factsheets and packs into <language folder>/pdf, where its pages link to them."""
    # Imported here: the PDF tooling is heavy and a --no-pdf build must not need it. A missing
    # library (WeasyPrint, Pango) shows as ImportError or OSError: say so instead of a traceback.
    try:
        from ..pdf.build import build_language_pdfs

        build_language_pdfs(catalogue, {lang: site_dir / language(lang).prefix / "pdf" for lang in langs}, settings, steps)
    except (ImportError, OSError) as exc:
        raise BuildFailed(f"cannot make the PDFs: {exc}; build with --no-pdf to leave them out") from exc


def _staging_parent(root: Path, site_dir: Path) -> Path:
    """Where to build: build/ if it shares a file system with the site folder (renames are atomic), else beside it."""
    build_dir = root / BUILD_DIR
    build_dir.mkdir(exist_ok=True)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    return build_dir if build_dir.stat().st_dev == site_dir.parent.stat().st_dev else site_dir.parent


def swap_in(new_site: Path, site_dir: Path) -> None:
    """Replace site_dir by new_site with two renames, then delete the old site."""
    old = new_site.with_name(new_site.name + ".old")
    if site_dir.exists():
        site_dir.rename(old)
    new_site.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def build_site(
    root: Path,
    site_dir: Path,
    with_pdf: bool,
    steps: Steps = NO_PROGRESS,
    langs: tuple[str, ...] | None = None,
    with_search: bool = True,
    finish: bool = True,
) -> BuildResult:
    """Build the languages' site into site_dir; raise InvalidRecords or BuildFailed and leave site_dir as it was."""
    langs = langs or language_codes()
    catalogue = load_catalogue(root, steps=steps)
    settings = load_settings(root)
    # A part's languages join the others' in the finished site; a whole build has only its own.
    generate(root, catalogue, settings, with_pdf, steps, langs, published=() if not finish else langs)
    pages = sum(1 for lang in langs for _ in (root / BUILD_DIR / language_folder(lang) / "docs").rglob("*.md"))

    def complete(site: Path) -> None:
        if with_pdf:
            add_pdfs(catalogue, site, settings, steps, langs)
        if finish:
            finish_site(site, settings, with_search, steps, catalogue.newest_date().isoformat())

    build_languages(root, site_dir, langs, data_date(catalogue), pages, steps, complete)
    pages = sum(1 for _ in site_dir.rglob("index.html"))
    return BuildResult(site_dir, pages, with_pdf)


def build_languages(
    root: Path,
    site_dir: Path,
    langs: tuple[str, ...],
    source_date: int,
    pages: int,
    steps: Steps = NO_PROGRESS,
    complete: Callable[[Path], None] = lambda site: None,
) -> None:
    """MkDocs on each language's generated tree, the parts put together, `complete` run on the whole,
    then swapped in for site_dir; if any step fails, site_dir stays as it was."""
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=_staging_parent(root, site_dir)))
    try:
        new_site = staging / "site"
        parts = {lang: staging / f"part-{lang}" for lang in langs}
        run_mkdocs_languages(root, parts, source_date, pages, steps)
        assemble(parts, new_site)
        complete(new_site)
        os.chmod(new_site, 0o755)  # mkdtemp makes it private; a published site is readable
        swap_in(new_site, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def assemble(parts: dict[str, Path], site: Path) -> None:
    """One site from the languages' builds: English at the root, every other language in its folder."""
    site.mkdir(parents=True, exist_ok=True)
    for lang, part in parts.items():
        target = site / language(lang).prefix if not language(lang).is_source else site
        if target == site:
            for entry in part.iterdir():
                entry.rename(site / entry.name)
        else:
            part.rename(target)
