"""How fast and in how little memory broken input is refused: every record of the broken corpus,
and a 50 MB file. The tests assert that each is refused and how; the times and memory are here."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BROKEN = REPO / "tests" / "fixtures" / "broken"
BIG_FILE_MB = 50

# The child's own peak: ru_maxrss would start from the size of the process that started it.
_PEAK_MB = """
def peak_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
"""

_EACH = (
    _PEAK_MB
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


def _run(script: str, argument: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-c", script, str(argument)], capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return done.stdout.split("\n")


def broken_records() -> dict[str, object]:
    """The slowest refusal of a broken record (seconds, which one) and the peak memory of refusing them all."""
    *rows, peak, _ = _run(_EACH, BROKEN)
    timed = [(float(seconds), name, int(errors)) for name, errors, seconds in (row.split() for row in rows)]
    slowest = max(timed)
    return {
        "records": len(timed),
        "all_refused": all(errors >= 1 for _, _, errors in timed),
        "slowest_seconds": slowest[0],
        "slowest": slowest[1],
        "peak_mb": float(peak.split()[1]),
    }


def big_file() -> dict[str, object]:
    """Seconds and peak memory to refuse a 50 MB record file."""
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.yml"
        with big.open("wb") as handle:
            handle.write(b"id: big\ndescription: |\n")
            line = b"  " + b"x" * 98 + b"\n"
            handle.write(line * (BIG_FILE_MB * 1024 * 1024 // len(line)))
        script = _EACH.replace('sorted(Path(sys.argv[1]).glob("*.yml"))', "[Path(sys.argv[1])]")
        row, peak, _ = _run(script, big)
    _, errors, seconds = row.split()
    return {"refused": int(errors) == 1, "seconds": float(seconds), "peak_mb": float(peak.split()[1])}
