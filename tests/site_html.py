"""Read built pages with the standard library's HTML parser: cards, links, resources and text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

# Elements whose src/href the browser fetches by itself (as opposed to links a visitor follows).
RESOURCE_ATTRIBUTES = {
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("input", "src"),
}


class Page(HTMLParser):
    """What a test needs from one HTML page: its elements with their attributes, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text_parts: list[str] = []
        self._hidden = 0  # inside <script> or <style>: code, not text a reader sees

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "style") and self._hidden > 0

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def with_class(self, tag: str, css_class: str) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == tag and css_class in a.get("class", "").split()]

    def card_ids(self) -> list[str]:
        """The practice each card links to, in order (static cards carry no data attributes)."""
        ids, in_card = [], False
        for tag, attrs in self.elements:
            if tag == "li":
                in_card = "practice-card" in attrs.get("class", "").split()
            elif tag == "a" and in_card:
                ids.append(attrs["href"].rstrip("/").rsplit("/", 1)[-1])
                in_card = False
        return ids

    def links(self) -> list[str]:
        return [a["href"] for t, a in self.elements if t == "a" and "href" in a]

    def resources(self) -> list[str]:
        """Addresses the browser loads without a click: scripts, images, style sheets, icons."""
        found = [a[attr] for t, a in self.elements for (tag, attr) in RESOURCE_ATTRIBUTES if t == tag and attr in a]
        found += [a["href"] for t, a in self.elements if t == "link" and "href" in a and _fetched_link(a)]
        return found


def _fetched_link(attrs: dict[str, str]) -> bool:
    # <link rel="canonical"> or "alternate" only names an address; stylesheets, icons and preloads fetch it.
    rels = set(attrs.get("rel", "").lower().split())
    return bool(
        rels & {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload", "manifest"}
    )


def read_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text("utf-8"))
    page.close()
    return page
