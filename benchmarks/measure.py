"""Measuring commands as a user runs them: wall time, memory of the whole process tree, sizes."""

from __future__ import annotations

import gzip
import os
import signal
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

SAMPLE_SECONDS = 0.05
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def cores() -> int:
    """The cores this process may run on (a container may have fewer than the machine)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def load_average() -> float:
    """The one-minute load average: other work on the machine slows every figure."""
    return float(Path("/proc/loadavg").read_text().split()[0])


@dataclass
class Run:
    """One run of a command: how long it took and how much memory it held."""

    seconds: float
    load: float  # one-minute load average when the run started
    load_after: float | None = None  # and when it ended
    peak_tree_mb: float = 0.0  # the largest sum of resident memory over the process and its children
    peak_process_mb: float = 0.0  # the largest single process (getrusage ru_maxrss)
    cpu_seconds: float = 0.0  # user + system time of the command and every process it started and waited for
    returncode: int = 0
    output: str = ""


@dataclass
class Series:
    """Several runs of the same measurement."""

    runs: list[Run] = field(default_factory=list)

    def median(self, attribute: str = "seconds") -> float:
        return statistics.median(getattr(run, attribute) for run in self.runs)

    @property
    def loads(self) -> list[float]:
        """The load average at the start and at the end of every run."""
        return [load for run in self.runs for load in (run.load, run.load_after) if load is not None]


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
            found.extend(int(child) for child in text.split())
    except OSError:
        pass
    return found


def _rss_bytes(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss_bytes(pid: int) -> int:
    """Resident memory of a process and all its descendants, now."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        total += _rss_bytes(current)
        pending.extend(_children(current))
    return total


class TreeMemorySampler:
    """Samples the resident memory of a process tree in a thread and keeps the peak."""

    def __init__(self, pid: int, interval: float = SAMPLE_SECONDS):
        self.pid, self.interval = pid, interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss_bytes(self.pid))
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run_command(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 7200) -> Run:
    """Run a command to its end, timing it and sampling the memory of its process tree."""
    with tempfile.TemporaryFile("w+") as output:
        load = load_average()
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT, text=True)
        with TreeMemorySampler(process.pid) as sampler:
            deadline = start + timeout
            while True:
                # wait4 reaps the child and gives its rusage, which on Linux adds the usage of every
                # descendant it waited for (as getrusage(RUSAGE_CHILDREN) does): CPU time of the whole
                # tree, MkDocs' processes and Pagefind included; ru_maxrss is the largest process of the tree.
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() > deadline:
                    process.kill()
                time.sleep(0.01)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        return Run(
            seconds=seconds,
            load=load,
            peak_tree_mb=max(sampler.peak, usage.ru_maxrss * 1024) / 1e6,
            peak_process_mb=usage.ru_maxrss * 1024 / 1e6,
            load_after=load_average(),
            cpu_seconds=usage.ru_utime + usage.ru_stime,
            returncode=process.returncode,
            output=output.read(),
        )


def repeat(runs: int, measure: Callable[[], Run], before: Callable[[], None] | None = None) -> Series:
    """Run a measurement several times, calling `before` first each time (e.g. to start cold)."""
    series = Series()
    for _ in range(runs):
        if before:
            before()
        series.runs.append(measure())
    return series


class CommandFailed(RuntimeError):
    def __init__(self, command: Sequence[str], run: Run):
        tail = "\n".join(run.output.strip().splitlines()[-20:])
        super().__init__(f"{' '.join(map(str, command))} exited with {run.returncode}:\n{tail}")


def checked(command: Sequence[str], run: Run) -> Run:
    if run.returncode != 0:
        raise CommandFailed(command, run)
    return run


# --- sizes ---------------------------------------------------------------------------------------


def gzip_size(path: Path) -> int:
    """Bytes sent for the file by a web server that compresses (gzip, level 6)."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def html_pages(site: Path) -> list[tuple[int, Path]]:
    """Every HTML page of the site with its size, the largest first."""
    return sorted(((p.stat().st_size, p) for p in site.rglob("*.html")), reverse=True)


# --- a served site -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> tuple[int, str]:
    """Status and text of a page; status 0 when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, OSError):
        return 0, ""


def wait_for(check: Callable[[], bool], timeout: float, interval: float = 0.05) -> float | None:
    """Seconds until check() holds, or None after timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check():
            return time.perf_counter() - start
        time.sleep(interval)
    return None


def stop_process_group(process: subprocess.Popen) -> None:
    """Stop a process started with start_new_session=True and every process it started, politely first."""
    for sig, grace in ((signal.SIGINT, 15), (signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(grace)
            return
        except subprocess.TimeoutExpired:
            continue
