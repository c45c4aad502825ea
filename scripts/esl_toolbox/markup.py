"""Text from records made safe for HTML: Markdown rendered and sanitised, plain text escaped.

Policy: records may use Markdown, not HTML. Raw HTML in a record is escaped, so it shows as
text; the HTML that Markdown produces passes an allowlist (nh3, the Rust `ammonia` sanitiser)
that keeps only plain formatting and http(s)/mailto links. Site and PDFs both use this module.
"""

from __future__ import annotations

import html
import re

import markdown
import nh3

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "em", "strong", "a", "code", "blockquote", "h3", "h4", "h5", "h6"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}

# One parser, reset between records: setting one up is a quarter of the cost of a conversion.
_MARKDOWN = markdown.Markdown(extensions=["sane_lists"], output_format="html")

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&~])")


_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")


def _escape_raw_html(text: str) -> str:
    # Python-Markdown passes raw HTML through; escaping < and & first turns it into visible text.
    # Autolinks (<https://...>) are kept by writing them as ordinary Markdown links first.
    text = _AUTOLINK.sub(r"[\1](\1)", text)
    return text.replace("&", "&amp;").replace("<", "&lt;")


def markdown_to_html(text: str) -> str:
    """A record's Markdown as sanitised HTML (raw HTML escaped, only safe tags and links)."""
    rendered = _MARKDOWN.reset().convert(_escape_raw_html(text))
    # Headings inside a record sit below the page's own h1/h2.
    rendered = re.sub(r"<(/?)h[12]>", r"<\1h3>", rendered)
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def text_to_html(text: str) -> str:
    """Plain text escaped for HTML content or attributes."""
    return html.escape(text, quote=True)


def escape_markdown(text: str) -> str:
    """Plain text made inert inside Markdown: every Markdown and HTML special character escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
