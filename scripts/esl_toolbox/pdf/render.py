"""Print HTML from our Jinja2 templates, and PDF bytes from that HTML through WeasyPrint.

The templates' base URL is this package's folder, so `fonts/...` in the stylesheet resolves to
the fonts shipped here and the output never depends on the machine's fonts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..markup import markdown_to_html, text_to_html
from ..model import Practice, field_meta
from ..presentation.formatting import full_date
from ..presentation.i18n import SOURCE_LANGUAGE, gettext_for, install
from ..project import pack_file
from ..translations import text_lang
from ..vocabularies import term_in, vocabulary
from .edition import w3c_datetime
from .facts import Sheet
from .pack import Pack

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
PUBLISHER = "ESL Good Practice Toolbox"

# Tagged PDF with the PDF/UA-1 identification (WeasyPrint sets pdf_tags and PDF 1.7 for it).
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


@dataclass(frozen=True)
class DocumentInfo:
    """The PDF's metadata and its permanent identifier."""

    key: str
    title: str
    subject: str
    keywords: tuple[str, ...]
    edition: dt.datetime

    @property
    def created(self) -> str:
        return w3c_datetime(self.edition)

    @property
    def identifier(self) -> bytes:
        # The first half of the PDF /ID names the document across editions; pydyf adds the content hash.
        return hashlib.md5(f"esl-toolbox/{self.key}".encode()).hexdigest().encode()


def css_counters(message: str) -> str:
    """'Page %(page)s of %(pages)s' as CSS generated content: "Page " counter(page) " of " counter(pages)."""
    parts = re.split(r"%\((page|pages)\)s", str(message))
    content = [css_string(text) if i % 2 == 0 else f"counter({text})" for i, text in enumerate(parts) if text]
    return Markup(" ".join(content))


def css_string(text: str) -> str:
    """Text as a quoted CSS string, for generated content such as running headers."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return Markup(f'"{escaped}"')


@cache
def environment(lang: str = SOURCE_LANGUAGE) -> Environment:
    """The print templates' environment in one language."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # The project's markup policy decides how record text becomes HTML, for the site and the PDFs alike.
    env.filters["text"] = lambda value: Markup(text_to_html(str(value)))
    env.filters["markdown"] = lambda value: Markup(markdown_to_html(value))
    env.filters["long_date"] = lambda moment: full_date(moment, lang)
    env.filters["css_string"] = css_string
    env.filters["css_counters"] = css_counters
    env.globals["publisher"] = PUBLISHER
    env.globals["language"] = lang
    env.globals["pack_url"] = pack_file()
    env.globals["label"] = lambda path: gettext_for(lang)(field_meta(Practice, path).label)
    # ` lang="en"` on a record's text shown in English for want of a translation (the PDF's tags carry it).
    env.filters["langattr"] = lambda value: Markup(f' lang="{o}"') if (o := text_lang(value, lang)) else Markup("")
    return install(env, lang)


FIT_LEVELS = (0, 1, 2, 3, 4)  # how far a factsheet is shortened to fit FACTSHEET_PAGES (see _practice.html.j2)
FACTSHEET_PAGES = 2


def factsheet_html(sheet: Sheet, info: DocumentInfo, fit: int = 0) -> str:
    template = environment(sheet.view.lang).get_template("factsheet.html.j2")
    return template.render(sheet=sheet, info=info, fit=fit)


def pack_html(pack: Pack, info: DocumentInfo) -> str:
    evidence_levels = [term_in("evidence_levels", t, pack.lang) for t in vocabulary("evidence_levels").ids()]
    template = environment(pack.lang).get_template("pack.html.j2")
    return template.render(
        pack=pack,
        info=info,
        types=[term_in("intervention_types", t, pack.lang) for t in vocabulary("intervention_types").ids()],
        type_counts=pack.type_counts(),
        evidence_levels=evidence_levels,
        evidence_top=max(t.rank or 0 for t in evidence_levels),
    )


def fitted(variants: tuple[str, ...], max_pages: int | None = None) -> tuple[Any, int]:
    """The rendered document of the first print HTML variant that fits in max_pages (the last one if
    none does), and how far it was shortened: 0 for the first variant."""
    from weasyprint import HTML  # heavy: imported only when a PDF is made

    for fit, html in enumerate(variants):
        document = HTML(string=html, base_url=PACKAGE_DIR.as_uri() + "/").render()
        if max_pages is None or len(document.pages) <= max_pages or fit == len(variants) - 1:
            return document, fit
    raise ValueError("no variant to render")


def pdf_bytes(variants: tuple[str, ...], identifier: bytes, max_pages: int | None = None) -> bytes:
    """The PDF of the first print HTML variant that fits in max_pages."""
    document, _ = fitted(variants, max_pages)
    return document.write_pdf(pdf_identifier=identifier, **PDF_OPTIONS)
