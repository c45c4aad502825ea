"""Lighthouse on the built site, served with gzip compression (benchmarks/gzip_server.py).

Lighthouse comes from npm, pinned in benchmarks/package.json and benchmarks/package-lock.json;
`make bench` installs it (`npm ci --prefix benchmarks`) when benchmarks/node_modules is missing.
It runs Debian's Chromium (CHROME_PATH), headless, with its defaults: a mobile phone, simulated
slow 4G and a CPU four times slower than the machine's.

    python benchmarks/lighthouse.py SITE [PAGE ...]    # e.g. SITE toolbox/ about/
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from gzip_server import served_gzip
from headless import chromium_path

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox"
TIMEOUT = 600


def lighthouse_missing() -> str | None:
    """Why Lighthouse cannot run here, or None when it can."""
    if not LIGHTHOUSE.exists():
        return (
            "Lighthouse is not installed (benchmarks/node_modules is missing: "
            "`npm ci --prefix benchmarks --no-audit --no-fund` installs it; `make bench` does, when npm is there)"
        )
    if not chromium_path():
        return "Chromium is missing"
    return None


@dataclass
class PageScores:
    """One page's Lighthouse figures: the median run's, by performance score."""

    path: str
    scores: dict[str, float | None] = field(default_factory=dict)  # 0-100 by category
    cls: float | None = None
    lcp_ms: float | None = None
    tbt_ms: float | None = None
    failing: dict[str, list[str]] = field(default_factory=dict)  # category: ids of its audits below full marks
    metric_scores: dict[str, float] = field(default_factory=dict)  # the performance metrics' scores, 0-1
    runs: list[dict[str, float | None]] = field(default_factory=list)  # every run's scores
    warnings: list[str] = field(default_factory=list)
    benchmark_index: float | None = None  # Lighthouse's measure of the machine's speed
    version: str = ""
    error: str = ""

    def slow_metrics(self) -> list[str]:
        """The performance metrics Lighthouse marks as needing work (score below 0.9), e.g. `LCP 0.73`."""
        short = {
            "first-contentful-paint": "FCP",
            "largest-contentful-paint": "LCP",
            "speed-index": "Speed Index",
            "total-blocking-time": "TBT",
            "cumulative-layout-shift": "CLS",
        }
        return [f"{short.get(k, k)} {v:.2f}" for k, v in self.metric_scores.items() if v < SLOW]


SLOW = 0.9  # below this score Lighthouse shows a metric in orange or red


def read_report(report: dict, path: str) -> PageScores:
    """The figures of one Lighthouse JSON report."""
    page = PageScores(path=path, version=report.get("lighthouseVersion", ""))
    audits = report.get("audits", {})
    for key in CATEGORIES:
        category = report.get("categories", {}).get(key)
        if not category:
            continue
        score = category.get("score")
        page.scores[key] = None if score is None else round(score * 100)
        failing = []
        for ref in category.get("auditRefs", []):
            audit = audits.get(ref["id"], {})
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.append(ref["id"])
        page.failing[key] = failing
        if key == "performance":
            page.metric_scores = {
                ref["id"]: audits[ref["id"]]["score"]
                for ref in category.get("auditRefs", [])
                if ref.get("weight", 0) > 0 and audits.get(ref["id"], {}).get("score") is not None
            }
    numbers = {name: audits.get(name, {}).get("numericValue") for name in audits}
    page.cls = numbers.get("cumulative-layout-shift")
    page.lcp_ms = numbers.get("largest-contentful-paint")
    page.tbt_ms = numbers.get("total-blocking-time")
    page.warnings = list(report.get("runWarnings", []))
    page.benchmark_index = report.get("environment", {}).get("benchmarkIndex")
    return page


def run_once(url: str, path: str) -> PageScores:
    """Lighthouse once on one address, in its own Chromium."""
    env = {**os.environ, "CHROME_PATH": chromium_path() or "chromium"}
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        output = Path(tmp) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={output}",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--quiet",
        ]
        try:
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            return PageScores(path=path, error=f"no report within {TIMEOUT} s")
        if done.returncode != 0 or not output.exists():
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            return PageScores(path=path, error=f"exit {done.returncode}: {' '.join(tail)}")
        report = json.loads(output.read_text("utf-8"))
    page = read_report(report, path)
    if report.get("runtimeError"):
        page.error = report["runtimeError"].get("message", "runtime error")
    return page


def run_pages(site: Path, paths: list[str], runs: int = 1) -> list[PageScores]:
    """Lighthouse `runs` times on each page of a built site; each page's median run by performance."""
    results = []
    with served_gzip(site) as base:
        for path in paths:
            attempts = [run_once(base + path, path) for _ in range(runs)]
            good = [a for a in attempts if not a.error and a.scores.get("performance") is not None]
            if not good:
                results.append(attempts[-1])
                continue
            good.sort(key=lambda a: a.scores["performance"])  # type: ignore[arg-type, return-value]
            chosen = good[(len(good) - 1) // 2]  # the median run (the lower one of an even number)
            chosen.runs = [a.scores for a in attempts]
            results.append(chosen)
    return results


def median_score(pages: list[PageScores], category: str) -> float | None:
    scores = [p.scores[category] for p in pages if p.scores.get(category) is not None]
    return statistics.median(scores) if scores else None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__)
        return 2
    missing = lighthouse_missing()
    if missing:
        print(missing, file=sys.stderr)
        return 1
    for page in run_pages(Path(args[0]), args[1:] or [""]):
        print(json.dumps(page.__dict__, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
