"""The last steps over a whole site, every language's part in place: the search index and the sitemap.

`esl-toolbox build` runs them after MkDocs; `esl-toolbox finish` runs them on a site put together
from parts built on several machines (the Pages workflow builds each language in its own job).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from ..languages import languages
from ..progress import NO_PROGRESS, Steps
from ..settings import Settings
from ..writing import write_atomic

SEARCH_DIR = "pagefind"  # Pagefind's bundle, at the site's root: one index per language inside
SEARCH_PAGES = "{practices/*/index.html,*/practices/*/index.html}"
SITEMAP = "sitemap.xml"
_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_XHTML_NS = "http://www.w3.org/1999/xhtml"


class FinishFailed(Exception):
    """The search index or the sitemap could not be made; the message says why."""


def finish_site(
    site: Path, settings: Settings, with_search: bool = True, steps: Steps = NO_PROGRESS, lastmod: str | None = None
) -> None:
    """Index the site for search (unless told not to) and write one sitemap of every language."""
    if with_search:
        with steps.step("search index", 1, "indexes") as advance:
            index_search(site)
            advance(1)
    write_sitemap(site, settings, lastmod)


def index_search(site: Path) -> None:
    """Pagefind's index of the pages that ask for it (data-pagefind-body), one per <html lang>."""
    command = [
        *(sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", SEARCH_DIR, "--quiet"),
        # The practices' pages in every language, their article only: what the toolbox's words search.
        *("--glob", SEARCH_PAGES, "--root-selector", "article.md-content__inner"),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise FinishFailed(f"the search index could not be made:\n{(result.stderr or result.stdout).strip()}")


_NOT_PAGES = {"404.html"}
_NOT_PAGE_FOLDERS = {SEARCH_DIR, "assets", "data", "pdf", "schema", "search"}


def language_parts(site: Path) -> dict[str, str]:
    """The languages whose part the site holds, each with its folder ('' for English)."""
    return {lang.code: lang.prefix for lang in languages() if (site / lang.prefix / "index.html").is_file()}


def pages_of(site: Path, prefix: str, other_prefixes: set[str]) -> list[str]:
    """The pages of one language's part, as paths below its root: '', 'toolbox/', 'practices/x/'."""
    root = site / prefix
    found = []
    for html in sorted(root.rglob("*.html")):
        relative = html.relative_to(root)
        first = relative.parts[0] + "/" if len(relative.parts) > 1 else ""
        if relative.as_posix() in _NOT_PAGES or relative.parts[0] in _NOT_PAGE_FOLDERS or first in other_prefixes:
            continue
        path = relative.as_posix()
        found.append(path.removesuffix("index.html") if html.name == "index.html" else path)
    return found


def write_sitemap(site: Path, settings: Settings, lastmod: str | None = None) -> None:
    """One sitemap at the root listing every page of every language with its translations (hreflang
    alternates), in place of the sitemap MkDocs writes into each language's folder. Made from the
    pages themselves, so running it again on a finished site gives the same file."""
    parts = language_parts(site)
    prefixes = {prefix for prefix in parts.values() if prefix}
    pages = {lang: set(pages_of(site, prefix, prefixes if not prefix else set())) for lang, prefix in parts.items()}
    ET.register_namespace("", _SITEMAP_NS)
    ET.register_namespace("xhtml", _XHTML_NS)
    urlset = ET.Element(f"{{{_SITEMAP_NS}}}urlset")
    for lang, prefix in parts.items():
        for path in sorted(pages[lang]):
            url = ET.SubElement(urlset, f"{{{_SITEMAP_NS}}}url")
            ET.SubElement(url, f"{{{_SITEMAP_NS}}}loc").text = settings.page_url(prefix + path)
            if lastmod:
                ET.SubElement(url, f"{{{_SITEMAP_NS}}}lastmod").text = lastmod
            translated = [other for other in parts if path in pages[other]]
            for other in translated if len(translated) > 1 else []:
                link = ET.SubElement(url, f"{{{_XHTML_NS}}}link")
                link.set("rel", "alternate")
                link.set("hreflang", other)
                link.set("href", settings.page_url(parts[other] + path))
    for prefix in parts.values():
        (site / prefix / f"{SITEMAP}.gz").unlink(missing_ok=True)  # MkDocs' copies of its own sitemaps
        if prefix:
            (site / prefix / SITEMAP).unlink(missing_ok=True)
    text = ET.tostring(urlset, encoding="unicode")
    write_atomic(site / SITEMAP, '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n")
