"""`esl-toolbox preview`: a pull request's practices built in every language, as the site builds them,
their links checked against the whole site's pages; validation first, and nothing half written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixture_project import run_toolbox

from .git_support import git

LANGS = "en,pt,bg"


def practice_pages(preview: Path) -> list[str]:
    return sorted(p.parent.relative_to(preview).as_posix() for p in preview.rglob("practices/*/index.html"))


def test_preview_builds_the_named_practices_pages_in_each_language_with_the_sites_pages_around_them(project: Path):
    result = run_toolbox(project, "preview", "jet-cd", "--lang", LANGS, "--quiet")
    assert result.returncode == 0, result.stderr
    assert "built 3 pages (1 practice in 3 languages) into preview/" in result.stdout
    assert "0 broken" in result.stdout
    preview = project / "preview"
    assert practice_pages(preview) == ["bg/practices/jet-cd", "practices/jet-cd", "pt/practices/jet-cd"]
    page = (preview / "pt" / "practices" / "jet-cd" / "index.html").read_text("utf-8")
    assert '<html lang="pt"' in page and "assets/site.js" in page
    # The navigation leads to real pages of the preview, not to Markdown files.
    assert (preview / "pt" / "toolbox" / "index.html").is_file() and "index.md" not in page


def test_preview_with_a_base_builds_what_the_branch_changed_its_translations_and_projects(project: Path):
    git(project, "init", "--quiet", "--initial-branch=main")
    git(project, "add", ".")
    git(project, "commit", "--quiet", "-m", "base")
    git(project, "switch", "--quiet", "-c", "feature")
    record = project / "practices" / "virtue-education-riga.yml"
    record.write_text(re.sub(r"(?m)^title: .*$", "title: Revised virtue education", record.read_text("utf-8")), "utf-8")
    translation = project / "practices" / "translations" / "pt" / "community-co-op-oslo.yml"
    translation.write_text(translation.read_text("utf-8") + "\n", "utf-8")
    git(project, "commit", "--quiet", "-am", "feature")
    result = run_toolbox(project, "preview", "--base", "main", "--lang", "en,pt", "--quiet")
    assert result.returncode == 0, result.stderr
    assert practice_pages(project / "preview") == [
        "practices/community-co-op-oslo",
        "practices/virtue-education-riga",
        "pt/practices/community-co-op-oslo",
        "pt/practices/virtue-education-riga",
    ]
    page = project / "preview" / "practices" / "virtue-education-riga" / "index.html"
    assert "Revised virtue education" in page.read_text("utf-8")


def test_a_branch_that_changes_no_practice_is_validated_and_previews_nothing(project: Path):
    git(project, "init", "--quiet", "--initial-branch=main")
    git(project, "add", ".")
    git(project, "commit", "--quiet", "-m", "base")
    result = run_toolbox(project, "preview", "--base", "main", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "the records are valid; no practice page changed since main" in result.stdout
    assert not (project / "preview").exists()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        ((), 2, "name the practices to preview by id, or give --base REF"),
        (("jet-c",), 1, "no practice has the id 'jet-c'; did you mean jet-cd?"),
        (("--base", "no-such-branch"), 1, "esl-toolbox preview:"),
    ],
)
def test_a_preview_asked_wrongly_says_why_and_writes_nothing(project: Path, args, code, message):
    result = run_toolbox(project, "preview", *args, "--quiet")
    assert result.returncode == code
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (project / "preview").exists()


def test_invalid_records_are_reported_and_the_last_preview_is_kept(project: Path):
    assert run_toolbox(project, "preview", "jet-cd", "--lang", "en", "--quiet").returncode == 0
    before = (project / "preview" / "practices" / "jet-cd" / "index.html").read_bytes()
    record = project / "practices" / "jet-cd.yml"
    record.write_text(record.read_text("utf-8").replace("\ntitle: ", "\ntitel: ", 1), "utf-8")
    result = run_toolbox(project, "preview", "jet-cd", "--lang", "en", "--quiet")
    assert result.returncode == 1
    assert "jet-cd.yml:" in result.stderr and "the preview was not changed" in result.stderr
    assert (project / "preview" / "practices" / "jet-cd" / "index.html").read_bytes() == before
