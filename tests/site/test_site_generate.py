"""The generated source tree and `esl-toolbox serve`, which regenerates it as sources change."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from esl_toolbox.catalogue import load_catalogue
from esl_toolbox.settings import load_settings
from esl_toolbox.site.generate import generate, source_tree, write_tree
from esl_toolbox.site.pages import root_of
from esl_toolbox.site.serve import regenerate
from site_support import a_record


def test_generating_twice_gives_the_same_bytes(project: Path):
    catalogue, settings = load_catalogue(project), load_settings(project)
    first = source_tree(project, catalogue, settings, with_pdf=False)
    assert first == source_tree(project, catalogue, settings, with_pdf=False)
    assert source_tree(project, catalogue, settings, False, lang="pt") == source_tree(
        project, catalogue, settings, False, lang="pt"
    )


def test_write_tree_writes_only_what_changed_and_removes_what_is_gone(tmp_path: Path):
    assert write_tree({"docs/a.md": b"a", "docs/x/b.md": b"b"}, tmp_path) == ["docs/a.md", "docs/x/b.md"]
    untouched = (tmp_path / "docs" / "a.md").stat().st_mtime_ns

    changed = write_tree({"docs/a.md": b"a", "docs/c.md": b"c"}, tmp_path)

    assert changed == ["docs/c.md", "docs/x/b.md"]
    assert (tmp_path / "docs" / "a.md").stat().st_mtime_ns == untouched
    assert not (tmp_path / "docs" / "x").exists()


def test_pdf_links_appear_only_when_the_build_makes_pdfs(project: Path):
    catalogue, settings = load_catalogue(project), load_settings(project)
    practice = catalogue.practices[0]
    with_pdf = source_tree(project, catalogue, settings, with_pdf=True)
    without = source_tree(project, catalogue, settings, with_pdf=False)
    page = f"docs/practices/{practice.id}.md"
    assert f'href="../../pdf/{practice.id}.pdf"' in with_pdf[page].decode()
    assert b".pdf" not in without[page]
    assert b'href="pdf/toolbox.pdf"' in with_pdf["docs/index.md"]


def test_links_between_generated_pages_are_relative_to_each_page():
    assert root_of("index.md") == ""
    assert root_of("toolbox/index.md") == "../"
    assert root_of("practices/jet-cd.md") == "../../"
    assert root_of("isced/1.md") == "../../"


def test_regenerating_with_an_invalid_record_keeps_the_last_good_pages(project: Path, capsys):
    generate(project, load_catalogue(project), load_settings(project), with_pdf=False)
    record = a_record(project)
    page = project / "build" / "docs" / "practices" / f"{record.stem}.md"
    good = page.read_bytes()
    record.write_text(f"id: {record.stem}\ntitle: [broken\n", "utf-8")

    assert regenerate(project) is False

    assert page.read_bytes() == good
    assert re.search(rf"practices/{record.name}:\d+:\d+: error: YAML syntax", capsys.readouterr().err)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def _wait_for(url: str, text: str, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in _fetch(url, timeout):
            return True
        time.sleep(0.3)
    return False


def test_serve_shows_an_edited_record_without_a_restart(project: Path):
    port = _free_port()
    command = [sys.executable, "-m", "esl_toolbox", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        path = load_settings(project).site_url.split("/", 3)[3]  # MkDocs serves under the site's path
        record = a_record(project)
        url = f"http://127.0.0.1:{port}/{path}practices/{record.stem}/"
        assert "Edited while serving" not in _fetch(url)
        record.write_text(re.sub(r"(?m)^title: .*$", "title: Edited while serving", record.read_text("utf-8")))
        assert _wait_for(url, "Edited while serving")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_previews_one_language_and_shows_an_edited_translation(project: Path):
    port = _free_port()
    command = [sys.executable, "-m", "esl_toolbox", "serve", "--lang", "pt", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        path = load_settings(project).site_url.split("/", 3)[3]
        translation = sorted((project / "practices" / "translations" / "pt").glob("*.yml"))[0]
        url = f"http://127.0.0.1:{port}/{path}pt/practices/{translation.stem}/"
        assert _wait_for(url, '<html lang="pt"', timeout=120)  # the first build of the tree
        assert "Editado durante a pré-visualização" not in _fetch(url)
        text = translation.read_text("utf-8")
        edited = re.sub(r"(?m)^(title:\n(?:  #.*\n)*  text: \|-\n    ).*$", r"\g<1>Editado durante a pré-visualização", text)
        assert edited != text, "the fixture's translation has a block title to edit"
        translation.write_text(edited, "utf-8")
        assert _wait_for(url, "Editado durante a pré-visualização")
    finally:
        server.terminate()
        server.wait(timeout=30)
