"""Pages of a large toolbox are rendered on every core, with the same result as in one process."""

from __future__ import annotations

import threading

from esl_toolbox.settings import load_settings
from esl_toolbox.site import pages
from esl_toolbox.site.pages import PARALLEL_FROM, SiteContext, render_pages, render_workers
from test_site_paging import REPO, big_catalogue


def test_a_large_toolbox_renders_the_same_pages_in_several_processes_as_in_one(monkeypatch):
    catalogue, settings = big_catalogue(120), load_settings(REPO)
    monkeypatch.setattr(pages, "PARALLEL_FROM", 10**9)
    alone = render_pages(SiteContext(catalogue, settings, with_pdf=False))
    monkeypatch.setattr(pages, "PARALLEL_FROM", 100)
    monkeypatch.setattr(pages, "render_workers", lambda n: 3)  # more workers than cores, as a stress
    shared = render_pages(SiteContext(catalogue, settings, with_pdf=False))
    assert shared == alone
    assert sum(path.startswith("practices/") for path in shared) == 120


def test_pages_are_rendered_in_one_process_for_a_small_toolbox_or_beside_other_threads():
    assert render_workers(PARALLEL_FROM - 1) == 1
    stop = threading.Event()
    watcher = threading.Thread(target=stop.wait)
    watcher.start()
    try:
        assert render_workers(PARALLEL_FROM * 10) == 1
    finally:
        stop.set()
        watcher.join()

