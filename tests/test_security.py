"""Hostile records: no script, handler or dangerous link reaches the built site.

Two sites are built from the same 45 records: one whose text fields carry known XSS payloads
(tests/fixtures/xss/payloads.txt) and a benign twin with plain words in their place. Every page
of the hostile site must hold exactly the scripts, event handlers and active elements of its
benign twin, and no attribute may carry a payload into a dangerous place.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).parent.parent
PAYLOADS = (Path(__file__).parent / "fixtures" / "xss" / "payloads.txt").read_text("utf-8").splitlines()
ACTIVE_ELEMENTS = {"script", "iframe", "object", "embed", "base", "form", "svg", "math", "style", "meta", "link", "img"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcset", "background"}
SAFE_SCHEME = re.compile(r"^(https?:|mailto:|#|\.{0,2}/|[a-z0-9_\-./?=&%]*$)", re.IGNORECASE)


def practice(index: int, text: str) -> dict:
    return {
        "schema_version": 2,
        "id": f"hostile-{index:02d}",
        "title": f"Practice {index:02d} {text}",
        "original_title": f"Original {text}",
        "original_language": "pt",
        "acronym": f"Acronym {text}",
        "summary": f"Summary {text}",
        "description": f"Intro {text}\n\nMore: {text}\n",
        "intervention_types": ["prevention"],
        "isced_levels": [1],
        "target_groups": ["roma"],
        "countries": ["PT"],
        "themes": ["mentoring"],
        "organisations": [{"name": f"Organisation {text}", "role": "partner"}],
        "funding": [{"funder": f"Funder {text}", "programme": f"Programme {text}", "note": f"Note {text}"}],
        "scale": [{"year": 2024, "count": 10, "unit": "learners", "note": f"Scale {text}"}],
        "cost": {"band": "low", "note": f"Cost {text}"},
        "implementation": {
            "getting_started": [f"Step {text}"],
            "staffing": f"Staffing {text}",
            "duration": f"Duration {text}",
            "requirements": [f"Need {text}"],
            "contact": {"name": f"Contact {text}", "url": "https://www.example.eu/c"},
        },
        "phases": [{"name": f"Phase {text}", "summary": f"Phase summary {text}"}],
        "legal_basis": [{"title": f"Law {text}"}],
        "activities": [f"Activity {text}"],
        "outcomes": [f"Outcome {text}"],
        "evidence": {"level": "rationale", "basis": f"Basis {text}"},
        "evaluations": [
            {
                "design": "qualitative",
                "direction": "mixed",
                "evaluator": f"Evaluator {text}",
                "summary": f"Evaluation {text}",
                "rating": {"by": f"Rater {text}", "rating": f"Rating {text}"},
                "source": 1,
            }
        ],
        "transfer_conditions": [f"Condition {text}"],
        "resources": [{"title": f"Resource {text}", "url": "https://www.example.eu/r", "type": "guide"}],
        "sources": [
            {
                "title": f"Source {text}",
                "url": "https://www.example.eu/s",
                "publisher": f"Publisher {text}",
                "authors": [f"Author {text}"],
            }
        ],
        "created": "2026-11-23",
    }


def build_site(root: Path, texts: list[str]) -> Path:
    root.mkdir()
    for name in ("docs", "schema"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "practices").mkdir()
    for index, text in enumerate(texts):
        record = yaml.safe_dump(practice(index, text), allow_unicode=True, sort_keys=False, width=1000)
        (root / "practices" / f"hostile-{index:02d}.yml").write_text(record, "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "esl_toolbox", "build", "--no-pdf"], cwd=root, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


class PageScan(HTMLParser):
    """What in a page can run code or send the reader elsewhere."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: Counter = Counter()
        self.handlers: Counter = Counter()
        self.script_sources: list[str] = []
        self.inline_scripts: list[tuple[str, str]] = []
        self.urls: list[tuple[str, str, str]] = []
        self._script_type: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ACTIVE_ELEMENTS:
            self.elements[tag] += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers[(tag, name, value)] += 1
            if name in URL_ATTRIBUTES and value is not None:
                self.urls.append((tag, name, value))
        if tag == "script":
            src = dict(attrs).get("src")
            if src:
                self.script_sources.append(src)
            else:
                self._script_type = dict(attrs).get("type") or "text/javascript"

    def handle_data(self, data: str) -> None:
        if self._script_type is not None:
            self.inline_scripts.append((self._script_type, data))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script_type = None


def scan(page: Path) -> PageScan:
    scanner = PageScan()
    scanner.feed(page.read_text("utf-8"))
    return scanner


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("xss")
    hostile = build_site(base / "hostile", PAYLOADS)
    benign = build_site(base / "benign", [f"plain words {i}" for i in range(len(PAYLOADS))])
    return hostile, benign


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_payload_corpus_holds_at_least_30_known_attacks():
    assert len(PAYLOADS) >= 30 and len(set(PAYLOADS)) == len(PAYLOADS)


def test_hostile_records_build_the_same_pages(sites):
    hostile, benign = sites
    assert [p.relative_to(hostile) for p in pages(hostile)] == [p.relative_to(benign) for p in pages(benign)]
    assert len(pages(hostile)) > len(PAYLOADS)


def test_no_page_gains_a_script_handler_or_active_element(sites):
    hostile, benign = sites
    for page in pages(hostile):
        bad, good = scan(page), scan(benign / page.relative_to(hostile))
        where = page.relative_to(hostile)
        assert bad.elements == good.elements, where
        assert bad.handlers == good.handlers, where
        assert bad.script_sources == good.script_sources, where
        assert len(bad.inline_scripts) == len(good.inline_scripts), where


def test_inline_scripts_hold_no_record_text_except_as_json_data(sites):
    hostile, _ = sites
    for page in pages(hostile):
        for script_type, text in scan(page).inline_scripts:
            if "xss" in text:
                assert script_type == "application/json", page
                json.loads(text)


def test_no_link_or_source_carries_a_dangerous_scheme(sites):
    hostile, _ = sites
    for page in pages(hostile):
        for tag, name, value in scan(page).urls:
            cleaned = re.sub(r"[\x00-\x20]", "", value)
            assert not re.match(r"(javascript|vbscript|data):", cleaned, re.IGNORECASE), (page, tag, name, value)


def test_payload_text_is_shown_as_text_on_its_practice_page(sites):
    hostile, _ = sites
    page = (hostile / "practices" / "hostile-00" / "index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(&#x27;xss01&#x27;)&lt;/script&gt;" in page or "&lt;script&gt;alert('xss01')" in page


@pytest.mark.parametrize("index", [0, 4, 11, 13])
def test_factsheets_show_payloads_as_text_and_carry_no_script_or_dangerous_link(sites, tmp_path, index):
    from pypdf import PdfReader

    project = sites[0].parent
    out = tmp_path / "factsheet.pdf"
    command = [sys.executable, "-m", "esl_toolbox", "pdf", "--practice", f"hostile-{index:02d}", "-o", str(out)]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^JavaScript:\s+no$", info, re.MULTILINE)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert f"xss{index + 1:02d}" in text  # the payload is there, as words on the page
    for page in PdfReader(out).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            assert action.get("/S") != "/JavaScript"
            assert not str(action.get("/URI", "")).lower().startswith(("javascript:", "data:", "vbscript:"))
