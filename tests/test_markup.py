"""Record text on pages: Markdown rendered, raw HTML shown as text, only safe links kept."""

from esl_toolbox.markup import escape_markdown, markdown_to_html, text_to_html


def test_markdown_is_rendered_to_plain_formatting():
    html = markdown_to_html("A **bold** step.\n\n- one\n- two")
    assert "<strong>bold</strong>" in html and "<li>one</li>" in html


def test_raw_html_in_a_record_is_shown_as_text_not_run():
    html = markdown_to_html('Hi <script>alert(1)</script><img src=x onerror="alert(2)">')
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_only_http_https_and_mailto_links_survive():
    html = markdown_to_html("[a](javascript:alert(1)) [b](data:text/html,x) [c](https://eu.europa.eu) <https://x.eu>")
    assert "javascript:" not in html and "data:" not in html
    assert 'href="https://eu.europa.eu"' in html and 'href="https://x.eu"' in html


def test_headings_in_records_sit_below_the_page_headings():
    assert markdown_to_html("# Big") == "<h3>Big</h3>"


def test_plain_text_is_escaped_for_html_and_markdown():
    assert text_to_html('"<b>"') == "&quot;&lt;b&gt;&quot;"
    assert escape_markdown("*a* [b](c) <i>") == r"\*a\* \[b\]\(c\) \<i\>"
