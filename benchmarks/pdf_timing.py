"""How long the PDFs take: the factsheets (in parallel), the pack, and both together as `make pdf` runs them.

    .venv/bin/python scripts/pdf_timing.py                  # the current records
    .venv/bin/python scripts/pdf_timing.py --practices 100  # 100 synthetic practices made from them

Synthetic practices are copies of the current records, cycled, each with its own id and title, written
to a temporary project: the repository is never touched. The numbers go in the README's "PDFs" section.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import yaml
from esl_toolbox.catalogue import load_catalogue
from esl_toolbox.model import Practice
from esl_toolbox.pdf.build import PACK_NAME, build_pdfs, factsheet_job, pack_job, run_job, run_jobs, worker_count
from esl_toolbox.pdf.select import Selection
from esl_toolbox.settings import load_settings


def synthetic_practices(practices: tuple[Practice, ...], count: int) -> list[dict]:
    """`count` valid records cycled from the real ones, each with a new id and title."""
    records = []
    for number, practice in zip(range(1, count + 1), itertools.cycle(practices), strict=False):
        record = practice.model_dump(mode="json", exclude_none=True)
        record["id"] = f"synthetic-{number:03d}-{practice.id}"[:80].rstrip("-")
        record["title"] = f"{practice.title} (copy {number})"
        record["related"] = []
        records.append(record)
    return records


def make_project(source: Path, target: Path, count: int | None) -> Path:
    shutil.copytree(source / "practices", target / "practices")
    shutil.copy(source / "mkdocs.yml", target / "mkdocs.yml")
    if count is not None:
        practices = load_catalogue(target).practices
        for path in (target / "practices").glob("*.yml"):
            path.unlink()
        for record in synthetic_practices(practices, count):
            text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)  # quotes NO, as YAML 1.2 needs
            (target / "practices" / f"{record['id']}.yml").write_text(text, encoding="utf-8")
    return target


def cpu_seconds() -> float:
    """CPU time of this process and of its finished workers: what the work costs whatever else runs."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def timed(action) -> tuple[float, float, object]:
    """Wall-clock seconds, CPU seconds and the result of action()."""
    start, start_cpu = time.perf_counter(), cpu_seconds()
    result = action()
    return time.perf_counter() - start, cpu_seconds() - start_cpu, result


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def measure(root: Path, out: Path) -> list[tuple[str, float, float]]:
    catalogue = load_catalogue(root)
    settings = load_settings(root)
    factsheets = [factsheet_job(catalogue, p, settings, out / "sheets" / f"{p.id}.pdf") for p in catalogue.practices]
    sheets = timed(lambda: run_jobs(factsheets))
    pack_target = out / "pack" / PACK_NAME
    pack = timed(lambda: run_job(pack_job(catalogue, Selection(), settings, pack_target)))
    everything = timed(lambda: build_pdfs(catalogue, out / "all", settings))
    pages = page_count(pack_target)
    return [
        (f"{len(catalogue.practices)} factsheets, {worker_count(len(factsheets))} worker processes", *sheets[:2]),
        (f"the pack alone ({pages} pages), one process", *pack[:2]),
        (f"`make pdf`: all {len(everything[2])} files, pack and factsheets together", *everything[:2]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--practices", type=int, help="time this many synthetic practices instead of the records")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        root = make_project(args.root, Path(temp) / "project", args.practices)
        rows = measure(root, Path(temp) / "out")
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at the end")
    print("| what | wall clock | CPU |\n| --- | --- | --- |")
    for label, wall, cpu in rows:
        print(f"| {label} | {wall:.1f} s | {cpu:.1f} s |")


if __name__ == "__main__":
    main()
