"""How many A4 pages each factsheet takes, and how many had to be shortened to fit in two.

    .venv/bin/python benchmarks/factsheet_pages.py            # the project's own records
    .venv/bin/python benchmarks/factsheet_pages.py PROJECT    # any project, such as a benchmark corpus

Each factsheet is rendered exactly as `make pdf` renders it (the same jobs, the same choice of
the first variant that fits); nothing is written. Prints one line of JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from esl_toolbox.catalogue import load_catalogue
from esl_toolbox.pdf.build import factsheet_job, worker_count
from esl_toolbox.pdf.render import fitted
from esl_toolbox.settings import load_settings

REPO = Path(__file__).resolve().parents[1]


def _pages_and_fit(job) -> tuple[int, int]:
    document, fit = fitted(job.variants, job.max_pages)
    return len(document.pages), fit


def page_counts(root: Path, limit: int | None = None) -> dict:
    """Pages of every factsheet (of the first `limit` practices), and how far each was shortened."""
    catalogue, settings = load_catalogue(root), load_settings(root)
    practices = catalogue.practices[:limit]
    jobs = [factsheet_job(catalogue, practice, settings, Path(f"{practice.id}.pdf")) for practice in practices]
    with ProcessPoolExecutor(worker_count(len(jobs))) as pool:
        results = list(pool.map(_pages_and_fit, jobs, chunksize=4))
    pages = Counter(n for n, _ in results)
    fits = Counter(fit for _, fit in results)
    longest = max(results, default=(0, 0))[0]
    return {
        "factsheets": len(results),
        "pages": {str(n): pages[n] for n in sorted(pages)},
        "shortened": sum(count for fit, count in fits.items() if fit > 0),
        "shortened_by_level": {str(fit): fits[fit] for fit in sorted(fits) if fit > 0},
        "longest": longest,
        "over_limit": [p.id for p, (n, _) in zip(practices, results, strict=True) if n > job_limit(jobs)],
    }


def job_limit(jobs: list) -> int:
    return jobs[0].max_pages if jobs else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", type=Path, default=REPO)
    parser.add_argument("--limit", type=int, help="only the first N practices")
    args = parser.parse_args(argv)
    print(json.dumps(page_counts(args.project.resolve(), args.limit)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
