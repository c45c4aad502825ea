"""Write the PDFs: the factsheets and the briefing pack, rendered in parallel, each file written atomically.

The HTML is made in this process (quick); WeasyPrint turns it into PDF in worker processes (slow).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from ..catalogue import Catalogue
from ..model import Practice, facet_fields
from ..presentation.views import Views
from ..progress import NO_PROGRESS, Advance, Steps
from ..project import PACK_FACETS, PACK_FILE, pack_file
from ..settings import Settings
from ..vocabularies import vocabulary
from .edition import edition_date
from .facts import practice_sheet
from .pack import briefing_pack
from .render import FACTSHEET_PAGES, FIT_LEVELS, DocumentInfo, factsheet_html, pack_html, pdf_bytes
from .select import Selection, parse_selection, select_practices

PACK_NAME = PACK_FILE
PACK_TITLE = "Practices against early school leaving in Europe: briefing pack"


class NoMatchingPractice(LookupError):
    """A filtered pack would be empty."""

    def __init__(self, selection: Selection):
        super().__init__(f"no practice matches {selection}; no PDF was written")
        self.selection = selection


@dataclass(frozen=True)
class Job:
    """One PDF to make: its print HTML (shorter variants after the first, if it must fit a page count),
    its permanent identifier and where it goes."""

    variants: tuple[str, ...]
    identifier: bytes
    target: Path
    max_pages: int | None = None


def factsheet_job(catalogue: Catalogue, practice: Practice, settings: Settings, target: Path) -> Job:
    sheet = practice_sheet(Views(catalogue).of(practice), settings)
    keywords = [t.label for path in ("intervention_types", "countries") for t in sheet.view.terms(path)]
    info = DocumentInfo(
        key=f"practice/{practice.id}",
        title=practice.title,
        subject=practice.summary,
        keywords=("early school leaving", *keywords),
        edition=edition_date(catalogue.practices),
    )
    # Rendered only as far as needed: most factsheets fit at once, a few need a shorter variant.
    variants = tuple(factsheet_html(sheet, info, fit) for fit in FIT_LEVELS)
    return Job(variants, info.identifier, target, FACTSHEET_PAGES)


def pack_job(catalogue: Catalogue, selection: Selection, settings: Settings, target: Path) -> Job:
    """The job for the pack of the practices the selection matches; NoMatchingPractice if there are none."""
    practices = select_practices(catalogue.practices, selection)
    if not practices:
        raise NoMatchingPractice(selection)
    edition = edition_date(catalogue.practices)
    pack = briefing_pack(Views(catalogue), practices, settings, selection, edition)
    chosen = "" if selection.is_everything() else f", selected by {selection}"
    info = DocumentInfo(
        key="pack" if selection.is_everything() else f"pack/{selection}",
        title=PACK_TITLE if selection.is_everything() else f"{PACK_TITLE} ({selection})",
        subject=f"{len(practices)} practices against early school leaving from the {settings.site_name}{chosen}.",
        keywords=("early school leaving", "prevention", "intervention", "compensation"),
        edition=edition,
    )
    return Job((pack_html(pack, info),), info.identifier, target)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file renamed into place, so no reader sees half a PDF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)  # mkstemp makes it private; a published file is world-readable
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def run_job(job: Job) -> Path:
    write_bytes_atomic(job.target, pdf_bytes(job.variants, job.identifier, job.max_pages))
    return job.target


def worker_count(jobs: int) -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(jobs, cores))


def run_jobs(jobs: Sequence[Job], advance: Advance = NO_PROGRESS.advance) -> list[Path]:
    """Run the jobs, in parallel when there are several cores and several jobs; return the paths in order."""
    workers = worker_count(len(jobs))
    if workers == 1:
        return [_counted(run_job(job), advance) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(run_job, job) for job in jobs]
        for _ in as_completed(futures):  # told as each one ends, whatever the order
            advance(1)
        return [future.result() for future in futures]


def _counted(path: Path, advance: Advance) -> Path:
    advance(1)
    return path


def build_pdfs(
    catalogue: Catalogue, out_dir: Path, settings: Settings, steps: Steps = NO_PROGRESS, lang: str | None = None
) -> list[Path]:
    """Write <id>.pdf for every practice, toolbox.pdf (all practices) and the pack of each intervention
    type and age group into out_dir, in the catalogue's language (or `lang`); return the paths."""
    return build_language_pdfs(catalogue, {lang or catalogue.lang: Path(out_dir)}, settings, steps)


def build_language_pdfs(
    catalogue: Catalogue, out_dirs: dict[str, Path], settings: Settings, steps: Steps = NO_PROGRESS
) -> list[Path]:
    """The PDFs of several languages (each into its folder) in one pool, so that every core stays busy."""
    packs: list[Job] = []
    sheets: list[Job] = []
    for lang, out_dir in out_dirs.items():
        translated = catalogue.in_language(lang)
        packs.append(pack_job(translated, Selection(), settings, out_dir / PACK_NAME))
        packs += [
            pack_job(translated, parse_selection({key: [str(v)]}), settings, out_dir / Path(pack_file(key, v)).name)
            for key, v in facet_packs(translated)
        ]
        sheets += [factsheet_job(translated, p, settings, out_dir / f"{p.id}.pdf") for p in translated.practices]
    # The packs are the longest jobs: started first, they render while the workers share out the factsheets.
    with steps.step("PDFs", len(packs) + len(sheets), "PDFs") as advance:
        written = run_jobs(packs + sheets, advance)
    return written[len(packs) :] + written[: len(packs)]


def facet_packs(catalogue: Catalogue) -> list[tuple[str, object]]:
    """(facet key, term id) of every pre-built pack of one facet value, in vocabulary order."""
    found = []
    for f in facet_fields(Practice):
        if f.facet.key in PACK_FACETS:  # type: ignore[union-attr]
            present = {v for p in catalogue.practices for v in f.values_of(p)}
            found += [(f.facet.key, term) for term in vocabulary(f.vocabulary).ids() if term in present]  # type: ignore[union-attr]
    return found


class UnknownPractice(LookupError):
    """No practice has the id asked for."""


def write_factsheet(catalogue: Catalogue, practice_id: str, settings: Settings, target: Path) -> Path:
    """Write one practice's factsheet; UnknownPractice if there is no such practice."""
    practice = next((p for p in catalogue.practices if p.id == practice_id), None)
    if practice is None:
        raise UnknownPractice(practice_id)
    return run_job(factsheet_job(catalogue, practice, settings, target))


def write_pack(catalogue: Catalogue, selection: Selection, settings: Settings, target: Path) -> Path:
    """Write the pack of the practices the selection matches; NoMatchingPractice, and no file, if none does."""
    return run_job(pack_job(catalogue, selection, settings, target))
