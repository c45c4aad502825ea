"""The esl-toolbox command: exit codes, output formats, and no traceback for bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from esl_toolbox.commands import main
from esl_toolbox.validation import load, validate_paths

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"
BROKEN = FIXTURES / "broken"


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "esl_toolbox", *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )


def test_validate_exits_0_on_clean_records(monkeypatch, capsys):
    monkeypatch.chdir(VALID)
    assert main(["validate"]) == 0
    assert "3 files checked: 0 errors, 0 warnings" in capsys.readouterr().out


def test_validate_exits_1_and_prints_one_line_per_problem(monkeypatch, capsys):
    monkeypatch.chdir(VALID)
    assert main(["validate", str(BROKEN / "isced-out-of-range.yml")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("isced-out-of-range.yml:13:19: error: isced_levels[1]: 9 is not an ISCED 2011 level (0-8)")
    assert lines[-1] == "1 file checked: 1 error, 0 warnings"


def test_validate_exits_2_on_wrong_usage(monkeypatch, capsys):
    monkeypatch.chdir(VALID)
    assert main(["validate", "no-such-file.yml"]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", "--format", "xml"])
    assert exit_info.value.code == 2


def test_validate_github_format_prints_annotations(monkeypatch, capsys):
    monkeypatch.chdir(VALID)
    main(["validate", "--format", "github", str(BROKEN / "intervention-type-typo.yml")])
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("::error file=")
    assert ",line=12,col=22,title=intervention_types[0]::" in first
    assert "did you mean 'prevention'?" in first


def test_validate_json_format_is_machine_readable(monkeypatch, capsys):
    monkeypatch.chdir(VALID)
    main(["validate", "--format", "json", str(BROKEN / "duplicate-keys.yml"), "practices"])
    result = json.loads(capsys.readouterr().out)
    assert result["errors"] == 1 and len(result["files"]) == 4
    assert result["problems"][0]["line"] == 5 and result["problems"][0]["severity"] == "error"


def test_whole_broken_corpus_in_one_run_reports_every_file_without_traceback():
    result = run_cli("validate", str(BROKEN), cwd=VALID)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    files_with_errors = {line.split(":")[0] for line in result.stdout.splitlines() if ": error: " in line}
    assert len(files_with_errors) == len(list(BROKEN.glob("*.yml")))


def test_a_50_mb_file_is_refused_by_its_size_without_being_parsed(tmp_path, monkeypatch):
    # How fast and in how little memory: `make bench` (benchmarks/refusals.py) measures it.
    big = tmp_path / "big.yml"
    with big.open("wb") as handle:
        handle.write(b"id: big\ndescription: |\n")
        line = b"  " + b"x" * 98 + b"\n"
        handle.write(line * (50 * 1024 * 1024 // len(line)))
    parsed = []
    monkeypatch.setattr(load, "parse_document", lambda *args: parsed.append(args))
    report = validate_paths([big])
    size = big.stat().st_size
    assert [p.message for p in report.errors] == [f"file is {size:,} bytes; a record must be under 262,144"]
    assert parsed == []


def test_output_cut_short_by_a_closed_pipe_gives_no_traceback():
    command = f"{sys.executable} -m esl_toolbox validate {BROKEN} | head -n 1"
    result = subprocess.run(command, shell=True, cwd=VALID, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in result.stderr
