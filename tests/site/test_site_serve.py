"""`esl-toolbox serve` between a saved record and MkDocs: file events, the changed page first,
writes in one burst of whole files, and the last good pages kept when a record breaks."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from esl_toolbox.site.generate import write_files, write_tree
from esl_toolbox.site.serve import DevServer, Preview, SourceWatcher, mkdocs_serve_command
from site_support import a_record

EVENT_WAIT_SECONDS = 10  # file events come in milliseconds; this only bounds a failing test


def _page(project: Path, record: Path) -> Path:
    return project / "build" / "docs" / "practices" / f"{record.stem}.md"


def _retitle(record: Path, title: str) -> None:
    record.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", record.read_text("utf-8")), "utf-8")


@pytest.fixture
def preview(project: Path) -> Preview:
    """The project's tree written as `serve` writes it at start."""
    started = Preview(project)
    started.start()
    return started


def test_a_changed_record_is_regenerated_and_its_page_is_written_first(project: Path, preview: Preview, capsys):
    record = a_record(project)
    _retitle(record, "Edited while serving")

    assert preview.update({record}) is True

    assert "Edited while serving" in _page(project, record).read_text("utf-8")
    err = capsys.readouterr().err
    assert err.index(f"wrote docs/practices/{record.stem}.md") < err.index("regenerated")


def test_the_pages_that_list_a_changed_record_follow_its_own_page(project: Path, preview: Preview):
    record = a_record(project)
    _retitle(record, "Edited while serving")

    preview.update({record})

    assert "Edited while serving" in (project / "build" / "docs" / "toolbox" / "index.md").read_text("utf-8")
    assert preview.tree == {path: (project / "build" / path).read_bytes() for path in preview.tree}


def test_an_invalid_record_keeps_the_last_pages_until_it_is_fixed(project: Path, preview: Preview, capsys):
    record = a_record(project)
    good_record, good_page = record.read_text("utf-8"), _page(project, record).read_bytes()
    record.write_text(f"id: {record.stem}\ntitle: [broken\n", "utf-8")

    assert preview.update({record}) is False
    assert _page(project, record).read_bytes() == good_page
    assert re.search(rf"practices/{record.name}:\d+:\d+: error: YAML syntax", capsys.readouterr().err)

    record.write_text(good_record, "utf-8")
    _retitle(record, "Fixed while serving")
    assert preview.update({record}) is True
    assert "Fixed while serving" in _page(project, record).read_text("utf-8")


def test_newer_changes_take_over_from_an_update_before_it_writes_the_rest(project: Path, preview: Preview):
    record = a_record(project)
    listing = project / "build" / "docs" / "toolbox" / "index.md"
    before = listing.read_bytes()
    _retitle(record, "Saved twice")

    assert preview.update({record}, superseded=lambda: True) is True

    assert "Saved twice" in _page(project, record).read_text("utf-8")
    assert listing.read_bytes() == before
    preview.update({record})
    assert "Saved twice" in listing.read_text("utf-8")


def test_write_files_replaces_whole_files_and_leaves_no_temporary_ones(tmp_path: Path):
    write_files({"docs/a.md": b"old"}, tmp_path)
    with (tmp_path / "docs" / "a.md").open("rb") as reader_of_the_old_file:
        write_files({"docs/a.md": b"new", "docs/x/b.md": b"b"}, tmp_path)

        assert reader_of_the_old_file.read() == b"old"  # renamed over, not rewritten in place
    assert (tmp_path / "docs" / "a.md").read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["a.md", "b.md"]


def test_write_tree_compares_with_the_tree_it_wrote_last_instead_of_reading_files(tmp_path: Path):
    first = {"docs/a.md": b"a", "docs/b.md": b"b"}
    write_tree(first, tmp_path)

    changed = write_tree({"docs/a.md": b"a", "docs/b.md": b"B", "docs/c.md": b"c"}, tmp_path, previous=first)

    assert changed == ["docs/b.md", "docs/c.md"]
    assert (tmp_path / "docs" / "b.md").read_bytes() == b"B"


def test_the_watcher_reports_a_saved_record_and_not_reads_or_editor_scratch_files(project: Path):
    record = a_record(project)
    watcher = SourceWatcher(project.resolve())
    stop = threading.Event()
    timer = threading.Timer(EVENT_WAIT_SECONDS, stop.set)
    timer.start()
    try:
        record.read_bytes()
        (project / "practices" / f".{record.name}.swp").write_text("scratch", "utf-8")
        _retitle(record, "Saved")

        assert watcher.next_changes(stop) == {record.resolve()}
    finally:
        timer.cancel()
        watcher.stop()


def test_the_watcher_sees_a_watched_folder_made_after_it_started(project: Path):
    (project / "schema").rename(project / "schema-away")
    watcher = SourceWatcher(project.resolve())
    stop = threading.Event()
    timer = threading.Timer(EVENT_WAIT_SECONDS, stop.set)
    timer.start()
    try:
        (project / "schema").mkdir()
        assert project.resolve() / "schema" in watcher.next_changes(stop)
        (project / "schema" / "new.json").write_text("{}", "utf-8")
        assert watcher.next_changes(stop) == {project.resolve() / "schema" / "new.json"}
    finally:
        timer.cancel()
        watcher.stop()


class _FakeMkDocs(BaseHTTPRequestHandler):
    """Answers like `mkdocs serve`: live-reload asks get the version shown, page requests wait for a build."""

    version = 7
    building_done = threading.Event()

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if not self.path.startswith("/livereload/"):
            self.building_done.wait(EVENT_WAIT_SECONDS)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(str(self.version).encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fake_mkdocs() -> Iterator[DevServer]:
    _FakeMkDocs.building_done = threading.Event()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeMkDocs)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield DevServer(f"127.0.0.1:{server.server_port}", "/site/")
    finally:
        _FakeMkDocs.building_done.set()
        server.shutdown()
        server.server_close()


def test_the_dev_server_version_comes_from_its_live_reload_address(fake_mkdocs: DevServer):
    assert fake_mkdocs.version() == 7


def test_the_changed_page_waits_while_mkdocs_is_building(project: Path, fake_mkdocs: DevServer):
    preview = Preview(project, fake_mkdocs)
    preview.start()
    record = a_record(project)
    _retitle(record, "Written after the build")
    update = threading.Thread(target=preview.update, args=({record},))
    update.start()
    try:
        time.sleep(1)
        assert "Written after the build" not in _page(project, record).read_text("utf-8")
    finally:
        _FakeMkDocs.building_done.set()
        update.join(EVENT_WAIT_SECONDS)
    assert "Written after the build" in _page(project, record).read_text("utf-8")


def test_no_answering_dev_server_means_no_wait(project: Path, capsys):
    preview = Preview(project, DevServer("127.0.0.1:9"))  # the discard port: nothing answers
    preview.start()
    record = a_record(project)
    _retitle(record, "Edited without a server")

    assert preview.update({record}) is True
    assert "Edited without a server" in (project / "build" / "docs" / "toolbox" / "index.md").read_text("utf-8")


def test_mkdocs_serve_polls_only_the_generated_overrides_not_materials_templates(project: Path):
    command = mkdocs_serve_command(project, "127.0.0.1:8000")

    assert "--watch-theme" not in command
    assert command[command.index("--watch") + 1] == str(project / "build" / "overrides")
    assert "--dirty" in command
