"""`esl-toolbox serve`: `mkdocs serve` on the generated tree, regenerated whenever a source changes.

MkDocs watches build/ and reloads the browser; this module watches what build/ is made from
(records, hand-written pages, the package's templates and assets) and regenerates it. If a
record becomes invalid, the validator's lines are printed and the last good pages stay up.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from pathlib import Path

from ..catalogue import InvalidRecords, load_catalogue
from ..report import write_text
from ..settings import CONFIG_FILE, load_settings
from ..validate import PRACTICES_DIR
from .build import mkdocs_command, mkdocs_environment
from .generate import HAND_WRITTEN_DIR, SCHEMA_DIR, generate

POLL_SECONDS = 0.5
PACKAGE_DIR = Path(__file__).resolve().parent
WATCHED_PACKAGE_FOLDERS = ("templates", "assets", "overrides")

Snapshot = dict[Path, tuple[int, int]]


def watched_folders(root: Path) -> list[Path]:
    project = [root / PRACTICES_DIR, root / HAND_WRITTEN_DIR, root / SCHEMA_DIR]
    return project + [PACKAGE_DIR / name for name in WATCHED_PACKAGE_FOLDERS]


def snapshot(folders: list[Path], files: list[Path]) -> Snapshot:
    """Modification time and size of every file below the folders, and of the single files."""
    found = [p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()]
    found += [f for f in files if f.is_file()]
    return {p: (p.stat().st_mtime_ns, p.stat().st_size) for p in found}


def regenerate(root: Path) -> bool:
    """Generate the site's source tree (without PDFs); on invalid records print why and keep the last one."""
    try:
        changed = generate(root, load_catalogue(root), load_settings(root), with_pdf=False)
    except InvalidRecords as exc:
        write_text(exc.report, sys.stderr)
        print("esl-toolbox serve: still showing the last valid pages", file=sys.stderr)
        return False
    except Exception as exc:  # a template error while editing must not stop the preview
        print(f"esl-toolbox serve: could not generate the pages: {exc!r}", file=sys.stderr)
        return False
    if changed:
        print(f"esl-toolbox serve: regenerated {len(changed)} file(s)", file=sys.stderr)
    return True


def watch(root: Path, stop: threading.Event) -> None:
    """Regenerate whenever a watched file is added, changed or removed, until `stop` is set."""
    folders, files = watched_folders(root), [root / CONFIG_FILE]
    last = snapshot(folders, files)
    while not stop.wait(POLL_SECONDS):
        current = snapshot(folders, files)
        if current != last:
            last = current
            regenerate(root)


def serve(root: Path, dev_addr: str) -> int:
    """Generate the tree, then run `mkdocs serve` on it while watching the sources; raise InvalidRecords at start."""
    generate(root, load_catalogue(root), load_settings(root), with_pdf=False)
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(root, stop), daemon=True)
    watcher.start()
    # --dirty rebuilds only the pages whose files changed; the generator rewrites only those, so
    # one edited record costs a few pages, not the whole site (the navigation never lists practices).
    command = mkdocs_command(root, "serve", "--dev-addr", dev_addr, "--watch-theme", "--dirty")
    process = subprocess.Popen(command, cwd=root, env=mkdocs_environment())
    stopped = threading.Event()

    def stop_server(*_: object) -> None:
        stopped.set()
        process.terminate()

    # Stopped by Ctrl-C or a signal, stop MkDocs too: an orphaned server would keep the port.
    signal.signal(signal.SIGTERM, stop_server)
    try:
        code = process.wait()
    except KeyboardInterrupt:
        stop_server()
        process.wait()
    finally:
        stop.set()
        watcher.join()
    return 0 if stopped.is_set() else code
