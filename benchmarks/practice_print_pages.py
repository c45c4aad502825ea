"""How many A4 pages each practice page takes when a visitor prints it from the browser.

    .venv/bin/python benchmarks/practice_print_pages.py                 # the project's records, in English
    .venv/bin/python benchmarks/practice_print_pages.py --lang pt       # their Portuguese pages
    .venv/bin/python benchmarks/practice_print_pages.py --site SITE     # a site built already

Builds the site without PDFs into a temporary folder (unless --site is given), then prints every
practice page to A4 in headless Chromium, as the browser's "Print" or "Save as PDF" does (print
media, backgrounds on). Prints one line of JSON: the page counts, and the practices over two pages.
The target (issue "A site teachers trust"): at most two A4 pages for every practice.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from headless import CHROMIUM_ARGS, DESKTOP, chromium_path, served

REPO = Path(__file__).resolve().parents[1]
TARGET_PAGES = 2


def build_site(project: Path, lang: str, out: Path) -> Path:
    command = [sys.executable, "-m", "esl_toolbox", "build", "--no-pdf", "--no-search", "--quiet"]
    command += ["--lang", lang, "--site-dir", str(out)]
    subprocess.run(command, cwd=project, check=True)
    return out


def page_counts(site: Path, lang: str) -> dict[str, int]:
    """Pages of the printed practice page, by practice id."""
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader

    prefix = "" if lang == "en" else f"{lang}/"
    ids = sorted(p.parent.name for p in (site / prefix / "practices").glob("*/index.html"))
    counts = {}
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=DESKTOP)
        for practice in ids:
            page.goto(f"{base}{prefix}practices/{practice}/", wait_until="load")
            pdf = page.pdf(format="A4", print_background=True)
            counts[practice] = len(PdfReader(io.BytesIO(pdf)).pages)
        browser.close()
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=REPO, help="the project whose records to print")
    parser.add_argument("--lang", default="en", help="the language of the pages (default en)")
    parser.add_argument("--site", type=Path, help="a site built already, instead of building one")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="esl-print-") as tmp:
        site = args.site or build_site(args.project.resolve(), args.lang, Path(tmp) / "site")
        counts = page_counts(site, args.lang)
    over = {practice: n for practice, n in counts.items() if n > TARGET_PAGES}
    histogram = dict(sorted(Counter(counts.values()).items()))
    print(json.dumps({"lang": args.lang, "practices": len(counts), "pages": histogram, "over_two": over}))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
