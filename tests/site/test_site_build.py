"""`esl-toolbox build`: what it refuses, what it leaves alone, and what the built site never does."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from esl_toolbox.catalogue import Catalogue
from esl_toolbox.settings import load_settings
from esl_toolbox.vocabularies import vocabulary
from site_html import read_page
from fixture_project import FIXTURE_PROJECT
from site_support import REPO, a_record, copy_project, run_toolbox

# Hosts whose scripts, fonts or beacons a careless theme setting would pull in.
TRACKING_AND_CDN = re.compile(
    r"fonts\.googleapis|fonts\.gstatic|googletagmanager|google-analytics|api\.github\.com|cdn\.jsdelivr|unpkg\.com|cdnjs"
)
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def fake_site(root: Path) -> dict[str, str]:
    """A previous site/ with content no build makes, to see that a failed build keeps it."""
    (root / "site" / "practices").mkdir(parents=True)
    (root / "site" / "index.html").write_text("<p>the previous site</p>\n")
    (root / "site" / "practices" / "old.html").write_text("<p>an old page</p>\n")
    return tree_digest(root / "site")


def staging_leftovers(root: Path) -> list[str]:
    build = root / "build"
    return sorted(p.name for p in build.iterdir() if p.name.startswith(".site")) if build.exists() else []


def test_an_invalid_record_stops_the_build_with_the_validators_line_and_keeps_the_site(project: Path):
    before = fake_site(project)
    record = a_record(project)
    record.write_text(re.sub(r"(?m)^  level: .*$", "  level: excellent", record.read_text("utf-8")), "utf-8")

    result = run_toolbox(project, "build", "--no-pdf")

    assert result.returncode == 1
    line = rf"practices/{record.stem}\.yml:\d+:\d+: error: .*'excellent' is not an allowed evidence level"
    assert re.search(line, result.stderr)
    assert tree_digest(project / "site") == before
    # Nothing generated; at most the validation cache (build/cache/, results keyed by file content).
    assert not (project / "build").exists() or [p.name for p in (project / "build").iterdir()] == ["cache"]


def test_a_failing_mkdocs_step_keeps_the_previous_site_and_leaves_no_half_built_one(project: Path):
    before = fake_site(project)
    (project / "docs" / "broken.md").write_text("# Broken\n\nSee [a page that is not there](missing.md).\n")

    result = run_toolbox(project, "build", "--no-pdf")

    assert result.returncode == 1
    assert "mkdocs build failed" in result.stderr and "missing.md" in result.stderr
    assert tree_digest(project / "site") == before
    assert staging_leftovers(project) == []


def test_a_hand_written_page_may_not_take_the_place_of_a_generated_one(project: Path):
    (project / "docs" / "toolbox").mkdir(parents=True)
    (project / "docs" / "toolbox" / "index.md").write_text("# Mine\n")

    result = run_toolbox(project, "build", "--no-pdf")

    assert result.returncode == 1
    assert "docs/ has pages the build generates" in result.stderr and "toolbox/index.md" in result.stderr


def test_a_build_writes_only_into_build_and_site(built: Path):
    assert sorted(p.name for p in built.iterdir()) == sorted(
        ["build", "site", "practices", "docs", "schema", "mkdocs.yml"]
    )
    assert tree_digest(built / "practices") == tree_digest(FIXTURE_PROJECT / "practices")
    for name in ("docs", "schema"):
        assert tree_digest(built / name) == tree_digest(REPO / name), name
    assert (built / "mkdocs.yml").read_bytes() == (REPO / "mkdocs.yml").read_bytes()
    assert staging_leftovers(built) == []


def test_git_ignores_what_a_build_writes():
    ignored = (REPO / ".gitignore").read_text("utf-8").split()
    assert "/build/" in ignored and "/site/" in ignored


def test_the_same_records_build_the_same_bytes_pdfs_included(built: Path, tmp_path: Path):
    # Another process with another hash seed: nothing may depend on the order of a set or a dict.
    again = copy_project(tmp_path / "again")
    assert run_toolbox(again, "build", PYTHONHASHSEED="12345").returncode == 0
    assert tree_digest(again / "site") == tree_digest(built / "site")


def test_the_built_site_requests_nothing_from_another_host(site: Path, built: Path):
    own = urlsplit(load_settings(built).site_url).netloc
    for path in sorted(site.rglob("*.html")):
        for address in read_page(path).resources():
            host = urlsplit(address).netloc
            assert host in ("", own), f"{path.relative_to(site)} loads {address}"
    for path in sorted(site.rglob("*.css")):
        for address in CSS_URL.findall(path.read_text("utf-8")):
            assert address.startswith(("data:", "#")) or not urlsplit(address).netloc, f"{path.name} loads {address}"
    # Material's bundle names unpkg.com and api.github.com, used only for a repo_url, mermaid
    # diagrams or browsers without ResizeObserver (before 2020); the pages use none of them.
    for path in sorted(site.rglob("*.html")):
        html = path.read_text("utf-8")
        assert not TRACKING_AND_CDN.search(html), path.relative_to(site)
        assert 'data-md-component="source"' not in html and 'class="mermaid"' not in html, path.relative_to(site)
    for path in sorted((site / "assets").glob("*.js")):
        assert not TRACKING_AND_CDN.search(path.read_text("utf-8")), path.relative_to(site)


def test_tags_are_restricted_to_the_themes_vocabulary(built: Path, site: Path):
    config = yaml.safe_load((built / "build" / "mkdocs.generated.yml").read_text("utf-8"))
    allowed = config["plugins"]["tags"]["tags_allowed"]
    assert allowed == [t.label for t in vocabulary("themes").terms.values()]
    assert "INHERIT: build/mkdocs.generated.yml" in (built / "mkdocs.yml").read_text("utf-8")


def test_tags_link_to_their_themes_paged_listing_not_to_a_tags_index(site: Path):
    # Material's tags index lists every practice under every theme on one page (6.6 MB at
    # 10,000 practices); each theme's own listing is paged like the other facets.
    assert not (site / "tags").exists() and not (site / "tags.json").exists()
    themes = vocabulary("themes").terms
    linked = 0
    for page in sorted((site / "practices").glob("*/index.html")):
        chips = re.findall(r'<a href="([^"]+)" class="md-tag">([^<]+)</a>', page.read_text("utf-8"))
        for href, label in chips:
            term = next(t for t in themes.values() if t.label == label)
            assert href == f"../../themes/{term.id}/", page
            assert (site / "themes" / str(term.id) / "index.html").is_file()
            linked += 1
    assert linked > 0


def test_search_indexes_each_practice_without_boilerplate_or_links_to_other_practices(site: Path, catalogue: Catalogue):
    docs = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    texts = {doc["location"]: doc["text"] for doc in docs}
    for practice in catalogue.practices:
        top = texts[f"practices/{practice.id}/"]
        assert practice.summary.split()[0] in top and f"practices/{practice.id}/#description" in texts
        assert f"practices/{practice.id}/#related-practices" not in texts
    practice_pages = " ".join(text for loc, text in texts.items() if loc.startswith("practices/"))
    for boilerplate in ("Edit this practice", "please cite the sources above", "have not yet checked it"):
        assert boilerplate not in practice_pages
    assert not any(loc.split("/")[0] in ("isced", "themes", "countries", "toolbox") for loc in texts)


def test_record_text_cannot_inject_markup_into_any_page(project: Path):
    record = a_record(project)
    text = record.read_text("utf-8")
    text = re.sub(r"(?m)^title: .*$", "title: '</title><script>alert(1)</script> A & B'", text)
    text = text.replace("summary: >-\n", 'summary: >-\n  <img src=x onerror=alert(2)> "quoted"\n', 1)
    record.write_text(text, "utf-8")

    assert run_toolbox(project, "build", "--no-pdf").returncode == 0

    for path in (project / "site").rglob("*.html"):
        html = path.read_text("utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html, path
    page = read_page(project / "site" / "practices" / record.stem / "index.html")
    assert "</title><script>alert(1)</script> A & B" in page.text
