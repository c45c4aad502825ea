"""`esl-toolbox serve`: `mkdocs serve` on the generated tree, regenerated whenever a source changes.

MkDocs watches build/ and reloads the browser; this module watches what build/ is made from
(records, hand-written pages, the package's templates and assets) and regenerates it. A changed
record's own page is written first, since that is the page its author is looking at; the rest of
the tree follows in one burst once MkDocs has shown that page (a file changed while MkDocs builds
can fail the build). If a record becomes invalid, the validator's lines are printed and the last
good pages stay up.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from ..catalogue import InvalidRecords, load_catalogue
from ..languages import SOURCE_LANGUAGE, language
from ..project import BUILD_DIR, CONFIG_FILE, HAND_WRITTEN_DIR, PRACTICES_DIR, RECORD_SUFFIXES, SCHEMA_DIR
from ..settings import load_settings
from ..validation import Report
from .build import mkdocs_command, mkdocs_config, mkdocs_environment
from .generate import language_folder, shared_tree, site_tree, source_tree, write_files, write_tree
from .pages import SiteContext, practice_page_path, render_practice_page

# An editor's save is several events (a temporary file, a rename): regenerate once they stop.
SETTLE_SECONDS = 0.05
POLL_SECONDS = 0.5  # only where the system reports no file events
PACKAGE_DIR = Path(__file__).resolve().parent
WATCHED_PACKAGE_FOLDERS = ("templates", "assets", "overrides")
# Reading is no change, and the loader reads every record on each regeneration.
READ_EVENTS = ("opened", "closed_no_write")
# How long the rest of the tree waits for MkDocs to show the first page; a failed build never does.
FIRST_PAGE_WAIT_SECONDS = 15


def watched_folders(root: Path) -> list[Path]:
    project = [root / PRACTICES_DIR, root / HAND_WRITTEN_DIR, root / SCHEMA_DIR]
    return project + [PACKAGE_DIR / name for name in WATCHED_PACKAGE_FOLDERS]


def is_editor_scratch(path: Path) -> bool:
    """Swap files, lock files and backups editors keep beside the file being edited."""
    return path.name.startswith((".", "#")) or path.name.endswith("~")


class SourceChanges(FileSystemEventHandler):
    """The watched files changed since the last `take`, as the file system reports them."""

    def __init__(self, folders: list[Path], files: list[Path]) -> None:
        super().__init__()
        self.folders, self.files = folders, files
        self._changed: set[Path] = set()
        self._arrived = threading.Condition()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in READ_EVENTS or (event.is_directory and event.event_type == "modified"):
            return
        paths = {Path(os.fsdecode(p)) for p in (event.src_path, event.dest_path) if p}
        self.add({p for p in paths if self.is_watched(p)})

    def add(self, paths: set[Path]) -> None:
        if paths:
            with self._arrived:
                self._changed |= paths
                self._arrived.notify_all()

    def is_watched(self, path: Path) -> bool:
        if path in self.files or path in self.folders:
            return True
        return not is_editor_scratch(path) and any(path.is_relative_to(f) for f in self.folders)

    def pending(self) -> bool:
        """Whether changes came since the last `take`."""
        with self._arrived:
            return bool(self._changed)

    def take(self, stop: threading.Event) -> set[Path]:
        """Wait for a change and then until none came for SETTLE_SECONDS; the paths changed (none once stopped)."""
        with self._arrived:
            while not self._changed and not stop.is_set():
                self._arrived.wait(timeout=0.25)  # wakes to notice `stop`
            while self._arrived.wait(timeout=SETTLE_SECONDS):
                pass
            changed, self._changed = self._changed, set()
        return changed


class SourceWatcher:
    """File events for the watched folders and mkdocs.yml, with polling where the system has none."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.changes = SourceChanges(watched_folders(root), [root / CONFIG_FILE])
        self._scheduled: set[Path] = set()
        try:
            self._observer = self._start(Observer())
        except OSError:  # no inotify watches left, for one
            self._observer = self._start(PollingObserver(timeout=POLL_SECONDS))

    def _start(self, observer: BaseObserver) -> BaseObserver:
        self._scheduled = set()
        try:
            # The project folder itself, not below: mkdocs.yml, and watched folders made later.
            observer.schedule(self.changes, str(self.root), recursive=False)
            self._schedule_new_folders(observer)
            observer.start()
        except OSError:
            observer.stop()
            raise
        return observer

    def _schedule_new_folders(self, observer: BaseObserver) -> None:
        for folder in self.changes.folders:
            if folder not in self._scheduled and folder.is_dir():
                observer.schedule(self.changes, str(folder), recursive=True)
                self._scheduled.add(folder)

    def next_changes(self, stop: threading.Event) -> set[Path]:
        """The paths changed since the last call, once some have; none once `stop` is set."""
        changed = self.changes.take(stop)
        try:
            self._schedule_new_folders(self._observer)
        except OSError as exc:
            _say(f"cannot watch a new folder, restart to see its changes: {exc}")
        return changed

    def stop(self) -> None:
        self._observer.stop()
        self._observer.join()


class DevServer:
    """What `mkdocs serve` tells browsers: the version of the site it shows, and (by holding page
    requests) whether it is building."""

    def __init__(self, dev_addr: str, site_path: str = "/") -> None:
        host, _, port = dev_addr.rpartition(":")
        host = "127.0.0.1" if host in ("", "0.0.0.0") else host
        self.url = f"http://{host}:{port}/livereload/"
        self.home = f"http://{host}:{port}{site_path}"

    def wait_for_build(self, timeout: float) -> None:
        """Return once MkDocs is not building: a page changed during a --dirty build can fail it."""
        self._ask(self.home, timeout)

    def version(self) -> int | None:
        """The version shown now; None if the server does not answer (still starting, or not MkDocs)."""
        return self._ask(f"{self.url}0/0", timeout=1)

    def wait_past(self, version: int, timeout: float) -> None:
        """Return once the server shows a version newer than `version`, or after `timeout`."""
        self._ask(f"{self.url}{version}/0", timeout)

    @staticmethod
    def _ask(url: str, timeout: float) -> int | None:
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                return int(response.read())
        except (OSError, ValueError):
            return None


def print_problems(report: Report) -> None:
    """Each problem of an invalid record on its own line; the command passes its reporter instead."""
    for problem in report.problems:
        print(problem, file=sys.stderr)


class Preview:
    """The generated tree as `serve` last wrote it, regenerated as sources change."""

    def __init__(
        self,
        root: Path,
        server: DevServer | None = None,
        report_invalid: Callable[[Report], None] = print_problems,
        lang: str = SOURCE_LANGUAGE,
    ) -> None:
        self.root, self.server, self.report_invalid, self.lang = root, server, report_invalid, lang
        self.tree: dict[str, bytes] | None = None  # unknown until written: compare with the files

    def start(self) -> None:
        """Write the whole tree; raise InvalidRecords if a record is invalid."""
        catalogue = load_catalogue(self.root)
        tree = source_tree(self.root, catalogue, load_settings(self.root), False, lang=self.lang, published=(self.lang,))
        write_tree(tree, self.root / BUILD_DIR)
        self.tree = tree

    def update(self, changed: Iterable[Path] = (), superseded: Callable[[], bool] = lambda: False) -> bool:
        """Regenerate after the given sources changed; on invalid records print why and keep the last pages.

        Once `superseded()` holds, newer changes are waiting: the rest of the tree is left for them."""
        start = time.perf_counter()
        try:
            source = load_catalogue(self.root)
            catalogue = source.in_language(self.lang)
            ctx = SiteContext(
                catalogue, load_settings(self.root), with_pdf=False, lang=self.lang, source=source, published=(self.lang,)
            )
            shown = self._write_first(ctx, changed, start)
            if shown is not None and self.server is not None:
                # The rest waits for MkDocs to show the page: rendering it beside MkDocs' build would
                # slow that build, and writing it during the build could fail the build.
                self.server.wait_past(shown, FIRST_PAGE_WAIT_SECONDS)
            tree = {**site_tree(self.root, ctx), **shared_tree()}
            if superseded():
                return True
            written = write_tree(tree, self.root / BUILD_DIR, self.tree)
        except InvalidRecords as exc:
            self.report_invalid(exc.report)
            print("esl-toolbox serve: still showing the last valid pages", file=sys.stderr)
            return False
        except Exception as exc:  # a template error while editing must not stop the preview
            print(f"esl-toolbox serve: could not generate the pages: {exc!r}", file=sys.stderr)
            return False
        self.tree = tree
        if written:
            _say(f"regenerated {len(written)} file(s) in {time.perf_counter() - start:.2f} s")
        return True

    def _write_first(self, ctx: SiteContext, changed: Iterable[Path], start: float) -> int | None:
        """Write the pages of the changed records before the rest is rendered; the version the server
        showed before, if it answered and a page was written."""
        if self.tree is None:
            return None
        pages = changed_practice_pages(ctx, changed)
        # Only pages generated before: one that is new could clash with a hand-written page.
        new = {path: data for path, data in pages.items() if path in self.tree and self.tree[path] != data}
        if not new:
            return None
        shown = None
        if self.server is not None:
            self.server.wait_for_build(FIRST_PAGE_WAIT_SECONDS)
            shown = self.server.version()
        write_files(new, self.root / BUILD_DIR)
        self.tree.update(new)
        _say(f"wrote {', '.join(new)} in {time.perf_counter() - start:.2f} s")
        return shown


def changed_practice_pages(ctx: SiteContext, changed: Iterable[Path]) -> dict[str, bytes]:
    """The pages, by path below build/, of the practices whose record files are among `changed`."""
    ids = {path.stem for path in changed if path.suffix in RECORD_SUFFIXES}
    practices = [p for p in ctx.catalogue.practices if p.id in ids]
    base = language_folder(ctx.lang)
    return {f"{base}docs/{practice_page_path(p)}": render_practice_page(ctx, p).encode("utf-8") for p in practices}


def _say(message: str) -> None:
    print(f"esl-toolbox serve: {message}", file=sys.stderr)


def regenerate(root: Path) -> bool:
    """Generate the site's source tree (without PDFs); on invalid records print why and keep the last one."""
    return Preview(root).update()


def watch(preview: Preview, watcher: SourceWatcher, stop: threading.Event) -> None:
    """Regenerate whenever a watched file is added, changed or removed, until `stop` is set."""
    while True:
        changed = watcher.next_changes(stop)
        if stop.is_set():
            return
        preview.update(changed, superseded=watcher.changes.pending)


def serve(
    root: Path, dev_addr: str, report_invalid: Callable[[Report], None] = print_problems, lang: str = SOURCE_LANGUAGE
) -> int:
    """Generate one language's tree, then run `mkdocs serve` on it while watching the sources; raise
    InvalidRecords at start."""
    root = root.resolve()  # file events name absolute paths
    # Where MkDocs serves the site: the path of the language's address.
    site_path = urllib.parse.urlsplit(load_settings(root).page_url(language(lang).prefix)).path or "/"
    preview = Preview(root, DevServer(dev_addr, site_path), report_invalid, lang)
    preview.start()
    source_watcher = SourceWatcher(root)
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(preview, source_watcher, stop), daemon=True)
    watcher.start()
    process = subprocess.Popen(mkdocs_serve_command(root, dev_addr, lang), cwd=root, env=mkdocs_environment())
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
        source_watcher.stop()
    return 0 if stopped.is_set() else code


def mkdocs_serve_command(root: Path, dev_addr: str, lang: str = SOURCE_LANGUAGE) -> list[str]:
    """`mkdocs serve` rebuilding only the pages whose files changed, watching only what we generate."""
    # --dirty: the generator rewrites only the files whose bytes change, so one edited record
    # costs a few pages, not the whole site (the navigation never lists practices).
    # --watch on our overrides instead of --watch-theme: MkDocs polls what it watches every half
    # second, and Material's own templates are 14,000 files that never change while serving.
    overrides = root / BUILD_DIR / "overrides"
    command = ["serve", "--dev-addr", dev_addr, "--dirty", "--watch", str(overrides)]
    return mkdocs_command(root, *command, config=mkdocs_config(lang))
