"""`esl-toolbox migrate`: version-1 records become valid version-2 records in their own words,
a dry run first, nothing lost, nothing written twice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from esl_toolbox.commands import main
from esl_toolbox.migrate import MigrationProblem, migrate_text
from esl_toolbox.validation import validate_paths

V1 = Path(__file__).parent / "fixtures" / "v1"


@pytest.fixture
def v1_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    shutil.copytree(V1 / "practices", root / "practices")
    (root / "mkdocs.yml").write_text("site_name: test\n", "utf-8")
    monkeypatch.chdir(root)
    return root


def texts(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text("utf-8") for p in sorted(root.rglob("*.yml"))}


def test_a_dry_run_shows_the_change_and_writes_nothing(v1_project: Path, capsys):
    before = texts(v1_project)
    assert main(["migrate"]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith(
        "9 records to migrate to version 2; nothing was written (dry run). Add --write to apply."
    )
    assert "+schema_version: 2" in out and "-  programme: Riga City Council education grant" in out
    assert texts(v1_project) == before


def test_every_version_1_record_migrates_and_validates(v1_project: Path, capsys):
    assert validate_paths([v1_project / "practices"], v1_project).errors  # version 1 is refused, with one line each
    assert main(["migrate", "--write"]) == 0
    assert "9 records migrated to version 2" in capsys.readouterr().out
    report = validate_paths([v1_project / "practices"], v1_project)
    assert [str(p) for p in report.errors] == []
    assert len(report.files) == 10


def test_migrating_twice_changes_nothing_the_second_time(v1_project: Path, capsys):
    main(["migrate", "--write"])
    after = texts(v1_project)
    capsys.readouterr()
    assert main(["migrate", "--write"]) == 0
    assert "0 records migrated" in capsys.readouterr().out
    assert texts(v1_project) == after


def test_a_record_keeps_its_comments_order_and_wording(v1_project: Path):
    main(["migrate", "--write"])
    text = (v1_project / "practices" / "reading-mentors-riga.yml").read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/v2/practice.schema.json\nschema_version: 2\nid:")
    assert "  # The municipality's grant for the school year; the amount is in euros.\n" in text
    assert "  - programme: Riga City Council education grant\n    amount: 8500\n" in text
    assert "    currency: EUR  # version 1's default currency" in text
    data = yaml.safe_load(text)
    assert data["funding"] == [
        {
            "programme": "Riga City Council education grant",
            "amount": 8500,
            "note": "Covers books and the mentors' training.",
            "currency": "EUR",
        }
    ]


def test_flow_style_funding_becomes_a_list_of_one(v1_project: Path):
    main(["migrate", "--write"])
    data = yaml.safe_load((v1_project / "practices" / "homework-club-sagene.yml").read_text("utf-8"))
    assert data["funding"] == [{"programme": "Municipal grant", "amount": 12000, "currency": "EUR"}]


def test_a_project_points_at_the_version_2_project_schema(v1_project: Path):
    main(["migrate", "--write"])
    text = (v1_project / "practices" / "projects" / "pact.yml").read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/v2/project.schema.json\nschema_version: 2\n")


def test_a_record_already_in_version_2_is_left_alone(v1_project: Path):
    path = v1_project / "practices" / "already-version-2.yml"
    before = path.read_text("utf-8")
    main(["migrate", "--write"])
    assert path.read_text("utf-8") == before


def test_an_unknown_version_or_broken_yaml_is_reported_and_the_others_still_migrate(v1_project: Path, capsys):
    (v1_project / "practices" / "from-the-future.yml").write_text("schema_version: 7\nid: from-the-future\n", "utf-8")
    (v1_project / "practices" / "broken.yml").write_text("id: broken\ntitle: [unclosed\n", "utf-8")
    assert main(["migrate", "--write"]) == 1
    captured = capsys.readouterr()
    assert (
        "from-the-future.yml:1:17: error: schema_version: schema_version 7 is not one this toolbox knows"
        in captured.err
    )
    assert "broken.yml:3:1: error: YAML syntax" in captured.err
    assert "9 records migrated" in captured.out
    assert "Traceback" not in captured.err


def test_migrate_text_needs_no_file():
    text = "id: x\nfunding:\n  programme: P\n"
    assert migrate_text(text, Path("practices/x.yml"), "x.yml") == (
        "schema_version: 2\nid: x\nfunding:\n  - programme: P\n"
    )
    with pytest.raises(MigrationProblem):
        migrate_text("- a list\n", Path("practices/x.yml"), "x.yml")
