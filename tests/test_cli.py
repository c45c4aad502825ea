"""The esl-toolbox command: exit codes, output formats, and no traceback for bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from esl_toolbox.commands import main

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
    assert lines[0].endswith("isced-out-of-range.yml:12:19: error: isced_levels[1]: 9 is not an ISCED 2011 level (0-8)")
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
    assert ",line=11,col=22,title=intervention_types[0]::" in first
    assert "did you mean 'prevention'?" in first


def test_validate_json_format_is_machine_readable(monkeypatch, capsys):
    monkeypatch.chdir(VALID)
    main(["validate", "--format", "json", str(BROKEN / "duplicate-keys.yml"), "practices"])
    result = json.loads(capsys.readouterr().out)
    assert result["errors"] == 1 and len(result["files"]) == 4
    assert result["problems"][0]["line"] == 4 and result["problems"][0]["severity"] == "error"


def test_whole_broken_corpus_in_one_run_reports_every_file_without_traceback():
    result = run_cli("validate", str(BROKEN), cwd=VALID)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    files_with_errors = {line.split(":")[0] for line in result.stdout.splitlines() if ": error: " in line}
    assert len(files_with_errors) == len(list(BROKEN.glob("*.yml")))


# The child's own peak: ru_maxrss would start from the size of the pytest process that forked it.
PEAK_MB = """
def peak_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
"""

MEASURE = (
    PEAK_MB
    + """
import sys, time
from pathlib import Path
from esl_toolbox.validation import validate_paths
start = time.perf_counter()
report = validate_paths([Path(sys.argv[1])])
elapsed = time.perf_counter() - start
print(len(report.errors), elapsed, peak_mb())
"""
)


def measure(path: Path) -> tuple[int, float, float]:
    result = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    errors, seconds, peak_mb = result.stdout.split()
    return int(errors), float(seconds), float(peak_mb)


MEASURE_EACH = (
    PEAK_MB
    + """
import sys, time
from pathlib import Path
from esl_toolbox.validation import validate_paths
for path in sorted(Path(sys.argv[1]).glob("*.yml")):
    start = time.perf_counter()
    errors = len(validate_paths([path]).errors)
    print(path.stem, errors, time.perf_counter() - start)
print("peak", peak_mb())
"""
)


def test_every_broken_record_is_refused_within_a_second_and_200_mb():
    result = subprocess.run(
        [sys.executable, "-c", MEASURE_EACH, str(BROKEN)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    *rows, peak = result.stdout.splitlines()
    assert len(rows) == len(list(BROKEN.glob("*.yml")))
    for name, errors, seconds in (row.split() for row in rows):
        assert int(errors) >= 1, name
        assert float(seconds) < 1.0, name
    assert float(peak.split()[1]) < 200


def test_a_50_mb_file_is_refused_within_two_seconds_and_200_mb(tmp_path):
    big = tmp_path / "big.yml"
    with big.open("wb") as handle:
        handle.write(b"id: big\ndescription: |\n")
        line = b"  " + b"x" * 98 + b"\n"
        handle.write(line * (50 * 1024 * 1024 // len(line)))
    errors, seconds, peak_mb = measure(big)
    assert errors == 1
    assert seconds < 2.0
    assert peak_mb < 200


def test_output_cut_short_by_a_closed_pipe_gives_no_traceback():
    command = f"{sys.executable} -m esl_toolbox validate {BROKEN} | head -n 1"
    result = subprocess.run(command, shell=True, cwd=VALID, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in result.stderr
