"""Reading PDFs back the way a reader's tools do: poppler-utils for text, info and fonts, pypdf for structure."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pypdf import PdfReader

LEADER = re.compile(r"(?:\s*\.){2,}")


def normalised(text: str) -> str:
    """Text with dotted leaders removed and every run of white space made one space."""
    return " ".join(LEADER.sub(" ", text).split())


def poppler(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


@dataclass(frozen=True)
class Bookmark:
    title: str
    page: int
    children: tuple[Bookmark, ...]


class Pdf:
    """One PDF file, read lazily."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def text(self, first: int | None = None, last: int | None = None) -> str:
        """The text of the pages first..last (1-based, inclusive), whitespace and leaders normalised."""
        pages = [*(("-f", str(first)) if first else ()), *(("-l", str(last)) if last else ())]
        return normalised(poppler("pdftotext", *pages, str(self.path), "-"))

    def page_text(self, page: int) -> str:
        return self.text(page, page)

    def render_page(self, page: int, prefix: Path, resolution: int = 60) -> Path:
        """The page as a PNG image, as pdftoppm draws it."""
        pages = ["-f", str(page), "-l", str(page)]
        poppler("pdftoppm", "-r", str(resolution), *pages, "-png", "-singlefile", str(self.path), str(prefix))
        return prefix.with_suffix(".png")

    @cached_property
    def info(self) -> dict[str, str]:
        lines = poppler("pdfinfo", str(self.path)).splitlines()
        return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}

    @property
    def pages(self) -> int:
        return int(self.info["Pages"])

    @cached_property
    def fonts(self) -> list[dict[str, str]]:
        """pdffonts' rows as dicts: name, emb (yes/no), ..."""
        lines = poppler("pdffonts", str(self.path)).splitlines()[2:]
        return [{"name": line.split()[0], "emb": line.split()[-5]} for line in lines if line.strip()]

    @cached_property
    def reader(self) -> PdfReader:
        return PdfReader(self.path)

    @cached_property
    def outline(self) -> tuple[Bookmark, ...]:
        return self._bookmarks(self.reader.outline)

    def _bookmarks(self, items: list) -> tuple[Bookmark, ...]:
        marks: list[Bookmark] = []
        for item in items:
            if isinstance(item, list):
                last = marks.pop()
                marks.append(Bookmark(last.title, last.page, self._bookmarks(item)))
            else:
                marks.append(Bookmark(item.title, self.reader.get_destination_page_number(item) + 1, ()))
        return tuple(marks)

    def bookmark(self, title: str) -> Bookmark:
        return next(b for b in self.outline if b.title == title)

    def links(self) -> list[dict]:
        return [
            annot.get_object()
            for page in self.reader.pages
            for annot in page.get("/Annots") or []
            if annot.get_object().get("/Subtype") == "/Link"
        ]

    def named_destinations(self) -> set[str]:
        names = self.reader.trailer["/Root"]["/Names"]["/Dests"]["/Names"]
        return {str(name) for name in names[::2]}
