"""`esl-toolbox build`: validate, generate, run MkDocs, add PDFs, then swap the new site in.

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
from dataclasses import dataclass
from pathlib import Path

from ..catalogue import Catalogue, load_catalogue
from ..progress import NO_PROGRESS, Steps
from ..project import BUILD_DIR, CONFIG_FILE
from ..settings import Settings, load_settings
from .generate import generate


class BuildFailed(Exception):
    """A step of the build failed; the message says which and why."""


@dataclass(frozen=True)
class BuildResult:
    site_dir: Path
    pages: int
    with_pdf: bool


def mkdocs_command(root: Path, *args: str) -> list[str]:
    """MkDocs as a subprocess on the project's mkdocs.yml: our code never reaches into its internals."""
    return [sys.executable, "-m", "mkdocs", *args, "-f", str(root / CONFIG_FILE)]


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


def run_mkdocs(root: Path, site_dir: Path, source_date: int, pages: int = 0, steps: Steps = NO_PROGRESS) -> None:
    """Build the generated tree with MkDocs in strict mode, so any broken link or warning fails."""
    # Not --quiet: MkDocs then stops counting warnings, and --strict lets them through. Verbose
    # only for a live progress bar: its log names each page as it is built.
    command = mkdocs_command(root, "build", "--strict", "-d", str(site_dir), *(["--verbose"] if steps.live else []))
    env = mkdocs_environment(source_date)
    with steps.step("MkDocs", pages, "pages") as advance:
        process = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        log = []
        for line in process.stderr:  # type: ignore[union-attr]
            log.append(line)
            if steps.live and line.startswith("DEBUG") and "Building page" in line:
                advance(1)
        if process.wait() != 0:
            raise BuildFailed("mkdocs build failed:\n" + _problems_only("".join(log)))
        if not steps.live:
            advance(pages)


def _problems_only(log: str) -> str:
    """MkDocs' log without its INFO and DEBUG entries (each entry may go on over indented lines)."""
    kept, keep = [], True
    for line in log.splitlines():
        if line and not line[0].isspace():
            keep = not line.startswith(("INFO", "DEBUG"))
        if keep:
            kept.append(line)
    return "\n".join(kept).strip()


def add_pdfs(catalogue: Catalogue, site_dir: Path, settings: Settings, steps: Steps = NO_PROGRESS) -> None:
    """Write the factsheets and packs into site_dir/pdf, where the pages link to them."""
    # Imported here: the PDF tooling is heavy and a --no-pdf build must not need it. A missing
    # library (WeasyPrint, Pango) shows as ImportError or OSError: say so instead of a traceback.
    try:
        from ..pdf import build_pdfs

        build_pdfs(catalogue, site_dir / "pdf", settings, steps)
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


def build_site(root: Path, site_dir: Path, with_pdf: bool, steps: Steps = NO_PROGRESS) -> BuildResult:
    """Build the site into site_dir; raise InvalidRecords or BuildFailed and leave site_dir as it was."""
    catalogue = load_catalogue(root, steps=steps)
    settings = load_settings(root)
    changed = generate(root, catalogue, settings, with_pdf, steps)
    pages = sum(1 for path in (root / BUILD_DIR / "docs").rglob("*.md")) if changed is not None else 0
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=_staging_parent(root, site_dir)))
    try:
        run_mkdocs(root, staging, data_date(catalogue), pages, steps)
        if with_pdf:
            add_pdfs(catalogue, staging, settings, steps)
        pages = sum(1 for _ in staging.rglob("index.html"))
        os.chmod(staging, 0o755)  # mkdtemp makes it private; a published site is readable
        swap_in(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildResult(site_dir, pages, with_pdf)
