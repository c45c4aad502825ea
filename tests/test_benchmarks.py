"""The benchmark: its synthetic corpus is valid and realistic, and `bench.py` runs end to end."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from corpus import make_corpus
from esl_toolbox.validation import validate_paths

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    make_corpus(root, 40)
    return root


def test_corpus_records_pass_validation_without_errors_or_warnings(corpus: Path) -> None:
    report = validate_paths([corpus / "practices"], corpus)
    assert report.problems == []
    practices = list((corpus / "practices").glob("*.yml"))
    projects = list((corpus / "practices" / "projects").glob("*.yml"))
    assert len(practices) == 40
    assert len(projects) >= 2


def test_corpus_has_unique_titles_and_ids_equal_to_file_names(corpus: Path) -> None:
    records = [yaml.safe_load(p.read_text("utf-8")) | {"file": p.stem} for p in (corpus / "practices").glob("*.yml")]
    assert all(r["id"] == r["file"] for r in records)
    assert len({" ".join(r["title"].lower().split()) for r in records}) == len(records)


def test_corpus_is_a_project_the_commands_can_run_in(corpus: Path) -> None:
    assert (corpus / "mkdocs.yml").is_file()
    assert (corpus / "docs").is_dir()


def test_the_same_seed_gives_the_same_corpus(tmp_path: Path) -> None:
    first = make_corpus(tmp_path / "a", 15, seed=7)
    second = make_corpus(tmp_path / "b", 15, seed=7)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    other = make_corpus(tmp_path / "c", 15, seed=8)
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]


def test_bench_runs_end_to_end_at_a_tiny_size_and_writes_the_page(tmp_path: Path) -> None:
    page = tmp_path / "performance.md"
    page.write_text("# Performance\n\nHand-written text.\n\n<!-- bench:begin -->\nold\n<!-- bench:end -->\n\nMore.\n")
    command = [
        *[sys.executable, str(REPO / "benchmarks" / "bench.py"), "--sizes", "12", "--runs", "1"],
        *["--no-browser", "--no-serve", "--no-pdf", "--workdir", str(tmp_path / "work"), "--write-docs", str(page)],
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "| validation (s) |" in result.stdout
    assert "| full site build, `build --no-pdf` (s) |" in result.stdout
    text = page.read_text()
    assert text.startswith("# Performance\n\nHand-written text.")
    assert "old" not in text and text.rstrip().endswith("More.")
    assert "| 12 practices |" in text


def test_factsheet_pages_are_counted_as_make_pdf_renders_them(corpus: Path) -> None:
    from factsheet_pages import page_counts

    counts = page_counts(corpus, limit=4)
    assert counts["factsheets"] == 4
    assert sum(counts["pages"].values()) == 4
    assert counts["longest"] == max(int(p) for p in counts["pages"])
    assert counts["shortened"] == sum(counts["shortened_by_level"].values())
    assert counts["over_limit"] == [] and counts["longest"] <= 2
