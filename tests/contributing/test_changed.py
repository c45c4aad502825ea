"""`esl-toolbox changed --base REF`: the records a branch touches, as Markdown for the run summary."""

from pathlib import Path

import pytest
from esl_toolbox.commands import main
from esl_toolbox.contributing.changed import Change, changed_records, changes_markdown

from .git_support import git


def write(root: Path, name: str, title: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"id: {path.stem}\ntitle: {title}\n", "utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose branch `feature` adds, changes, removes and renames records."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "--quiet", "--initial-branch=main")
    write(root, "practices/kept.yml", "Kept as it is")
    write(root, "practices/edited.yml", "Edited practice")
    write(root, "practices/dropped.yml", "Dropped practice")
    write(root, "practices/old-name.yml", "Renamed practice")
    write(root, "README.md", "not a record")
    git(root, "add", ".")
    git(root, "commit", "--quiet", "-m", "base")
    git(root, "switch", "--quiet", "-c", "feature")
    write(root, "practices/new-one.yml", "Homework club | with *stars* and <b>tags</b>")
    write(root, "practices/projects/new-project.yml", "A new project")
    write(root, "practices/edited.yml", "Edited practice, now better")
    (root / "practices" / "dropped.yml").unlink()
    git(root, "mv", "practices/old-name.yml", "practices/new-name.yml")
    write(root, "docs/page.md", "not a record either")
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "feature")
    # The base moves on after the branch left it: its changes must not show up.
    git(root, "switch", "--quiet", "main")
    write(root, "practices/on-main-only.yml", "Added on main meanwhile")
    git(root, "add", ".")
    git(root, "commit", "--quiet", "-m", "main moves on")
    git(root, "switch", "--quiet", "feature")
    monkeypatch.chdir(root)
    return root


def test_changed_records_lists_what_the_branch_did_since_it_left_the_base(repo):
    changes = changed_records(repo, "main")
    assert sorted(changes, key=lambda c: c.path) == [
        Change("removed", "practices/dropped.yml"),
        Change("changed", "practices/edited.yml"),
        Change("renamed", "practices/new-name.yml", "practices/old-name.yml"),
        Change("added", "practices/new-one.yml"),
        Change("added", "practices/projects/new-project.yml"),
    ]
    assert Change("added", "practices/projects/new-project.yml").kind == "project"


def test_changed_prints_a_markdown_table_with_titles_escaped(repo, capsys):
    assert main(["changed", "--base", "main"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## Practices in this pull request\n\n")
    assert "\n2 added, 1 changed, 1 renamed, 1 removed.\n" in out
    assert (
        "| added | practice | Homework club \\| with \\*stars\\* and \\<b\\>tags\\</b\\> | `practices/new-one.yml` |"
        in out
    )
    assert "| changed | practice | Edited practice, now better | `practices/edited.yml` |" in out
    assert "| removed | practice | dropped | `practices/dropped.yml` |" in out
    assert "| renamed | practice | Renamed practice | `practices/new-name.yml` (was `practices/old-name.yml`) |" in out
    assert "| added | project | A new project | `practices/projects/new-project.yml` |" in out
    assert "on-main-only" not in out and "README" not in out and "docs/" not in out


def test_a_branch_without_record_changes_says_so(repo, capsys):
    git(repo, "switch", "--quiet", "-c", "docs-only", "main")
    assert changes_markdown(repo, changed_records(repo, "main")).endswith(
        "This pull request adds, changes or removes no practice or project records.\n"
    )


def test_an_unknown_base_is_a_usage_error_with_gits_reason(repo, capsys):
    assert main(["changed", "--base", "origin/no-such-branch"]) == 2
    assert "esl-toolbox changed:" in capsys.readouterr().err
