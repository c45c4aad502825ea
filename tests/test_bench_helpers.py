"""The benchmark's helpers: the compressing server Lighthouse is given, the reading of Lighthouse's
report, and the cost of a language as the performance page states it."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from gzip_server import served_gzip
from lighthouse import read_report
from measure import Run, Series


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "toolbox").mkdir()
    (tmp_path / "toolbox" / "index.html").write_text("<!doctype html><title>t</title>" + "x" * 5000, "utf-8")
    (tmp_path / "404.html").write_text("<!doctype html><title>not found</title>", "utf-8")
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "en.pf_meta").write_bytes(gzip.compress(b"index"))
    return tmp_path


def _get(url: str, gzip_ok: bool = True) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_text_is_sent_compressed_when_asked_and_plain_otherwise(site: Path) -> None:
    with served_gzip(site) as base:
        status, headers, body = _get(base + "toolbox/")
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body).endswith(b"x" * 5000) and len(body) < 500
        status, headers, body = _get(base + "toolbox/", gzip_ok=False)
        assert "Content-Encoding" not in headers and len(body) > 5000


def test_pagefind_files_go_as_they_are_folders_redirect_and_unknown_paths_get_the_404_page(site: Path) -> None:
    with served_gzip(site) as base:
        status, headers, body = _get(base + "pagefind/en.pf_meta")
        assert status == 200 and "Content-Encoding" not in headers and gzip.decompress(body) == b"index"
        status, headers, body = _get(base + "nowhere/")
        assert status == 404 and b"not found" in gzip.decompress(body)
        status, _, body = _get(base + "toolbox")  # urllib follows the redirect to toolbox/
        assert status == 200 and gzip.decompress(body).startswith(b"<!doctype html>")
        status, _, _ = _get(base + "../../etc/passwd")
        assert status == 404


def test_a_lighthouse_report_gives_scores_cls_and_the_audits_below_full_marks() -> None:
    report = {
        "lighthouseVersion": "12.8.2",
        "categories": {
            "performance": {"score": 0.87, "auditRefs": [{"id": "largest-contentful-paint", "weight": 25}]},
            "seo": {"score": 0.91, "auditRefs": [{"id": "crawlable-anchors", "weight": 1}, {"id": "x", "weight": 0}]},
        },
        "audits": {
            "largest-contentful-paint": {"score": 0.73, "numericValue": 3200.0},
            "cumulative-layout-shift": {"score": 1, "numericValue": 0.01},
            "crawlable-anchors": {"score": 0},
            "x": {"score": 0},
        },
        "environment": {"benchmarkIndex": 600},
    }
    page = read_report(report, "toolbox/")
    assert page.scores == {"performance": 87, "seo": 91}
    assert page.cls == 0.01 and page.lcp_ms == 3200.0
    assert page.failing == {"performance": ["largest-contentful-paint"], "seo": ["crawlable-anchors"]}


def test_the_cost_of_a_language_is_its_share_of_the_english_build() -> None:
    from bench import LanguagesResult, Results, SizeResult

    def series(seconds: float, cpu: float) -> Series:
        return Series([Run(seconds=seconds, load=0.0, cpu_seconds=cpu)])

    results = Results()
    results.sizes[1000] = SizeResult(1000, build=series(10, 12))
    results.languages = LanguagesResult(1000, languages=tuple("abcdefghij"), build=series(100, 120))
    wall, cpu = results.language_cost()
    assert wall == pytest.approx(1.0) and cpu == pytest.approx(1.0)
