"""`esl-toolbox check-site-links`: every relative link of the built site leads to a file."""

import subprocess
import sys
from pathlib import Path

from esl_toolbox.commands import main
from esl_toolbox.contributing.site_links import check_site_links, is_internal


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def small_site(root: Path) -> Path:
    site = root / "site"
    write(
        site / "index.html",
        "<!doctype html>\n<html><head><link rel=stylesheet href=assets/site.css>"
        '<link rel="preconnect" href="https://fonts.example">\n</head><body>\n'
        '<a href="practices/">practices</a> <a href="practices/jet-cd/#evidence">JET CD</a>\n'
        '<a href="missing/">gone</a>\n'
        '<a href="#top">top</a> <a href="mailto:someone@example.org">mail</a> <a href="https://example.org/">out</a>\n'
        '<img src="data:image/png;base64,AAAA" srcset="img/a.png 1x, img/b.png 2x" alt="">\n'
        '<a href="/esl-toolbox/practices/">from the root</a> <a href="../../etc/passwd">outside</a>\n'
        '<a href="caf%C3%A9/">accents</a>\n'
        "</body></html>\n",
    )
    write(site / "assets" / "site.css", "body {}\n")
    write(site / "practices" / "index.html", '<a href="../">home</a> <a href="jet-cd/">JET CD</a>\n')
    write(site / "practices" / "jet-cd" / "index.html", '<a href="../../index.html">home</a>\n')
    write(site / "img" / "a.png", "")
    write(site / "café" / "index.html", "<p>accents</p>\n")
    return site


def test_internal_links_are_those_without_scheme_host_or_only_a_fragment():
    assert is_internal("practices/") and is_internal("../a.css") and is_internal("/esl-toolbox/x/")
    assert not is_internal("https://example.org/") and not is_internal("//cdn.example/x.js")
    assert not is_internal("#top") and not is_internal("mailto:a@b.c") and not is_internal("data:image/png;base64,A")


def test_broken_links_are_reported_with_page_line_and_column(tmp_path, monkeypatch):
    site = small_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    checked, problems = check_site_links(site, "/esl-toolbox/")
    messages = [str(p) for p in problems]
    assert messages == [
        "site/index.html:5:1: error: href='missing/' leads to no file (looked for site/missing/index.html)",
        "site/index.html:7:1: error: srcset='img/b.png' leads to no file (looked for site/img/b.png)",
        "site/index.html:8:53: error: href='../../etc/passwd' points outside the site",
    ]
    assert checked == 12


def test_check_site_links_command_exits_1_on_broken_links_and_0_when_clean(tmp_path, monkeypatch, capsys):
    site = small_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["check-site-links", "site", "--base-path", "/esl-toolbox/"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "12 internal links checked: 3 broken"
    index = site / "index.html"
    text = index.read_text().replace('<a href="missing/">gone</a>', "").replace("img/b.png 2x", "img/a.png 2x")
    index.write_text(text.replace('<a href="../../etc/passwd">outside</a>', ""))
    assert main(["check-site-links", "site", "--base-path", "/esl-toolbox/"]) == 0


def test_check_site_links_asks_for_a_build_when_there_is_no_site(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["check-site-links", "site"]) == 2
    assert "build the site first" in capsys.readouterr().err


def test_a_material_for_mkdocs_site_has_no_false_alarms_and_raw_html_links_are_checked(tmp_path, monkeypatch):
    """Material's own pages (search, 404, assets, sitemap) pass; a broken link in raw HTML is found."""
    write(
        tmp_path / "mkdocs.yml",
        "site_name: Demo\nsite_url: https://example.github.io/demo/\ntheme:\n  name: material\n  font: false\n"
        "nav:\n  - index.md\n  - Practices: practices/index.md\n",
    )
    write(tmp_path / "docs" / "index.md", "# Home\n\nSee [the practices](practices/index.md).\n")
    write(
        tmp_path / "docs" / "practices" / "index.md",
        '# Practices\n\n[Home](../index.md)\n\n<a href="../nowhere/">raw link</a>\n',
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=120,
    )
    monkeypatch.chdir(tmp_path)
    checked, problems = check_site_links(tmp_path / "site", "/demo/")
    assert checked > 20
    assert [p.message for p in problems] == ["href='../nowhere/' leads to no file (looked for site/nowhere/index.html)"]


def test_a_partial_site_checks_only_the_pages_named_against_the_whole_sites_files(tmp_path, monkeypatch):
    site = small_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    # As a preview: index.html is the page to check; 'missing/' is a page of the whole site, not of this part.
    checked, problems = check_site_links(site, "/esl-toolbox/", {"missing/index.html"}, ["index.html"])
    assert [p.message for p in problems] == [
        "srcset='img/b.png' leads to no file (looked for site/img/b.png)",
        "href='../../etc/passwd' points outside the site",
    ]
    assert checked == 9  # the 3 links of practices/index.html and jet-cd's page were not read
