"""`esl-toolbox check-site-links`: every relative link in the built site leads to a file.

Reads each HTML page of the built site, takes every href, src and srcset that points inside the
site (no scheme, no `//host`), and checks that the file it names exists; a folder counts when it
holds index.html. Addresses that start with `/` are read from the site root, after the path of
`site_url` (a GitHub Pages project site lives under /<repository>/). Links into the folder of a
language the build left out (`build --lang en,pt`: the switcher names every language) are not checked.
"""

from __future__ import annotations

import os
import urllib.parse
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..languages import languages
from ..problems import ERROR, Problem
from ..project import CONFIG_FILE

LINK_ATTRIBUTES = {"href", "src", "srcset", "poster", "data"}


@dataclass(frozen=True)
class SiteLink:
    page: Path
    line: int
    column: int
    attribute: str
    value: str


class _LinkParser(HTMLParser):
    def __init__(self, page: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.links: list[SiteLink] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, offset = self.getpos()
        for name, value in attrs:
            if name not in LINK_ATTRIBUTES or not value:
                continue
            values = (
                [part.strip().split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
            )
            self.links.extend(SiteLink(self.page, line, offset + 1, name, v) for v in values)


def links_of_page(page: Path) -> list[SiteLink]:
    parser = _LinkParser(page)
    parser.feed(page.read_text("utf-8", errors="replace"))
    parser.close()
    return parser.links


def is_internal(value: str) -> bool:
    """True for links that stay in the site: no scheme, no host, not only a #fragment."""
    parts = urllib.parse.urlsplit(value.strip())
    return not parts.scheme and not parts.netloc and bool(parts.path)


def target_of(link: SiteLink, site: Path, base_path: str = "/") -> Path:
    """The file in the built site that an internal link names."""
    path = urllib.parse.unquote(urllib.parse.urlsplit(link.value.strip()).path)
    if path.startswith("/"):
        base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
        relative = path[len(base) :] if path.startswith(base) else path.lstrip("/")
        target = site / relative
    else:
        target = link.page.parent / path
    target = Path(os.path.normpath(target))
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def languages_left_out(site: Path) -> list[Path]:
    """The folders of the languages a build did not make (`build --lang en,pt`): links into them are not checked."""
    return [site / lang.prefix for lang in languages() if lang.prefix and not (site / lang.prefix).is_dir()]


def check_site_links(
    site: Path,
    base_path: str = "/",
    elsewhere: set[str] | frozenset[str] = frozenset(),
    pages: list[str] | None = None,
) -> tuple[int, list[Problem]]:
    """How many internal links the built site has, and an error for each that leads nowhere.

    For a partial site (a preview): `pages`, the HTML files to check by their path in the site (all
    if None); `elsewhere`, files of the whole site that it leaves out, by their path in it."""
    site = Path(os.path.normpath(site.resolve()))
    left_out = languages_left_out(site)
    checked = 0
    problems = []
    for page in sorted(site.rglob("*.html")) if pages is None else [site / page for page in pages]:
        for link in links_of_page(page):
            if not is_internal(link.value):
                continue
            target = target_of(link, site, base_path)
            if any(folder in target.parents for folder in left_out):
                continue
            checked += 1
            shown = os.path.relpath(page)
            if site not in target.parents:
                message = f"{link.attribute}={link.value!r} points outside the site"
            elif not target.is_file() and target.relative_to(site).as_posix() not in elsewhere:
                message = f"{link.attribute}={link.value!r} leads to no file (looked for {os.path.relpath(target)})"
            else:
                continue
            problems.append(Problem(shown, link.line, link.column, ERROR, "", message))
    return checked, problems


def site_base_path(root: Path) -> str:
    """The path part of mkdocs.yml's site_url ('/esl-toolbox/'), or '/' without one."""
    if not (root / CONFIG_FILE).is_file():
        return "/"
    from ..settings import load_settings

    return urllib.parse.urlsplit(load_settings(root).site_url).path or "/"
