"""`esl-toolbox build`: what it refuses, what it leaves alone, and what the built site never does."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from esl_toolbox.catalogue import Catalogue
from esl_toolbox.settings import load_settings
from esl_toolbox.vocabularies import vocabulary
from site_html import read_page
from fixture_project import BUILT_LANGUAGES
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
    assert run_toolbox(again, "build", "--lang", BUILT_LANGUAGES, PYTHONHASHSEED="12345").returncode == 0
    first, second = tree_digest(again / "site"), tree_digest(built / "site")
    # Pagefind writes its filter and meta indexes in an order that changes from run to run (its
    # maintainer says so in Pagefind issue 638); its fragments, one per page, are stable.
    unstable = re.compile(r"^pagefind/(filter/|pagefind-entry\.json|pagefind\.[a-z]+_[0-9a-f]+\.pf_meta)")
    assert {k: v for k, v in first.items() if not unstable.match(k)} == {
        k: v for k, v in second.items() if not unstable.match(k)
    }
    assert any(k.startswith("pagefind/fragment/") for k in first)


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


def test_topics_link_to_their_paged_listing_and_material_makes_no_tags_index(built: Path, site: Path):
    # Material's tags index lists every practice under every theme on one page (6.6 MB at
    # 10,000 practices); each theme's own listing is paged like the other facets.
    assert yaml.safe_load((built / "mkdocs.yml").read_text("utf-8"))["plugins"] == []
    assert not (site / "tags").exists() and not (site / "tags.json").exists()
    linked = 0
    for page in sorted((site / "practices").glob("*/index.html")):
        for link in read_page(page).links():
            if link.startswith("../../themes/"):
                assert (page.parent / link / "index.html").resolve().is_file(), (page, link)
                linked += 1
    assert linked > 0


def search_fragments(site: Path) -> dict[str, dict]:
    """Pagefind's record of each page it indexed, by address: its text, meta data and filters."""
    found = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[fragment["url"]] = fragment
    return found


def test_search_indexes_each_practice_without_boilerplate_or_links_to_other_practices(site: Path, catalogue: Catalogue):
    fragments = search_fragments(site)
    base = "/"  # Pagefind names pages from the site's root
    for lang in ("", "pt/", "bg/"):
        for practice in catalogue.practices:
            fragment = fragments[f"{base}{lang}practices/{practice.id}/"]
            # The id the toolbox reads the matches by, as a filter and as meta data.
            assert fragment["filters"]["id"] == [practice.id] and fragment["meta"]["id"] == practice.id
    english = " ".join(fragments[f"{base}practices/{p.id}/"]["content"] for p in catalogue.practices)
    for practice in catalogue.practices:
        assert practice.summary.split()[0] in fragments[f"{base}practices/{practice.id}/"]["content"]
    for boilerplate in ("Suggest a correction", "please cite the sources above", "have not yet checked it"):
        assert boilerplate not in english
    related = [p for p in catalogue.practices if p.related]
    assert related, "the fixture has practices that name related ones"
    for practice in related:
        content = fragments[f"{base}practices/{practice.id}/"]["content"]
        assert "Related practices" not in content, practice.id
    assert all("/practices/" in url for url in fragments), "only practice pages are indexed"


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


def test_languages_built_apart_on_fresh_checkouts_make_one_site_once_finished(project: Path, tmp_path: Path):
    """What the publishing workflow does: each language's part on its own machine, then `finish`."""
    site = tmp_path / "site"
    for lang in ("pt", "en"):  # Portuguese first, on a checkout where nothing was built before
        checkout = copy_project(tmp_path / f"checkout-{lang}")
        result = run_toolbox(checkout, "build", "--part", "--lang", lang, "--no-pdf", "--quiet")
        assert result.returncode == 0, result.stdout + result.stderr
        part = checkout / "site"
        assert not (part / "pagefind").exists(), "the search index is left to finish"
        shutil.copytree(part, site, dirs_exist_ok=True)
    assert '<html lang="pt"' in (site / "pt" / "index.html").read_text("utf-8")
    result = run_toolbox(project, "finish", "--site-dir", str(site), "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert {"en", "pt"} <= set(entry["languages"])
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert 'hreflang="pt"' in sitemap and "/pt/practices/" in sitemap
