"""`esl-toolbox preview`: some practices' pages in every language, built as the site builds them.

A pull request's check: the records are validated, then only the pages of the practices it adds or
changes (its records, their translations, their project) are generated and built by MkDocs in
strict mode, with the whole site's settings, templates and assets, in every language. Their links
are checked against the pages the whole site has. A reviewer opens the result to see the pages as
visitors will; building the whole site in ten languages would take minutes at a thousand practices.

Like `build`, the preview generates into build/ and swaps its folder in only when all went well.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..catalogue import Catalogue, load_catalogue
from ..languages import language, language_codes
from ..problems import Problem
from ..progress import NO_PROGRESS, Steps
from ..project import BUILD_DIR, is_project_file, translation_target
from ..settings import load_settings
from ..site.build import build_languages, data_date
from ..site.generate import english_pages, preview_tree, shared_tree, write_tree
from ..site.pages import SiteContext, page_paths, practice_page_path
from .changed import Change
from .site_links import check_site_links, site_base_path


class UnknownPractice(Exception):
    """A practice named for the preview is not in the records; the message says which and suggests one."""


@dataclass(frozen=True)
class PreviewResult:
    site_dir: Path
    practices: tuple[str, ...]
    langs: tuple[str, ...]
    links: int
    problems: list[Problem]


def practices_of_changes(catalogue: Catalogue, changes: Iterable[Change]) -> list[str]:
    """The practices whose pages the changes alter: their records, their translations, their project."""
    ids: set[str] = set()
    for change in changes:
        if change.status == "removed":
            continue
        target = translation_target(change.path)
        is_project, record_id = (
            (target[1], target[2]) if target else (is_project_file(change.path), Path(change.path).stem)
        )
        if is_project:
            ids |= {p.id for p in catalogue.practices if p.project == record_id}
        else:
            ids.add(record_id)
    known = {p.id for p in catalogue.practices}
    return sorted(ids & known)


def check_ids(catalogue: Catalogue, ids: Iterable[str]) -> list[str]:
    """The ids, each a practice of the catalogue; UnknownPractice for the first that is not."""
    known = sorted(p.id for p in catalogue.practices)
    for practice_id in ids:
        if practice_id not in known:
            match = difflib.get_close_matches(practice_id, known, n=1, cutoff=0.6)
            hint = f"; did you mean {match[0]}?" if match else ""
            raise UnknownPractice(f"no practice has the id '{practice_id}'{hint}")
    return sorted(set(ids))


def site_pages(root: Path, contexts: Iterable[SiteContext]) -> set[str]:
    """Every page file of the whole site in the contexts' languages, by its path in the built site."""
    files = {_built(page) for page in english_pages(root)}
    for ctx in contexts:
        files |= {language(ctx.lang).prefix + _built(path) for path in page_paths(ctx)}
    return files


def _built(page: str) -> str:
    """Where MkDocs writes a Markdown page (directory URLs): 'a/index.md' and 'a.md' -> 'a/index.html'."""
    page = page.removeprefix("docs/").removesuffix(".md")
    if page == "index" or page.endswith("/index"):
        return page + ".html"
    return page + "/index.html"


def build_preview(
    root: Path,
    site_dir: Path,
    ids: Iterable[str] = (),
    changes: Iterable[Change] = (),
    langs: tuple[str, ...] | None = None,
    steps: Steps = NO_PROGRESS,
) -> PreviewResult:
    """Validate the records, then build the pages of the practices named or changed, in every language.

    Raises InvalidRecords, UnknownPractice or BuildFailed; site_dir is replaced only by a built preview."""
    langs = langs or language_codes()
    catalogue = load_catalogue(root, steps=steps)
    practices = tuple(sorted(set(check_ids(catalogue, ids)) | set(practices_of_changes(catalogue, changes))))
    if not practices:
        return PreviewResult(site_dir, practices, langs, 0, [])
    settings = load_settings(root)
    write_tree(shared_tree(), root / BUILD_DIR)
    contexts, pages = [], 0
    for lang in langs:
        ctx = SiteContext(catalogue.in_language(lang), settings, False, lang, source=catalogue, published=langs)
        tree = preview_tree(root, ctx, practices)
        write_tree(tree, root / BUILD_DIR)
        contexts.append(ctx)
        pages += sum(1 for path in tree if path.endswith(".md"))
    build_languages(root, site_dir, langs, data_date(catalogue), pages, steps)
    # Checked where it now stands, so that each problem names the page a reviewer opens.
    with steps.step("links", len(practices) * len(langs), "pages") as advance:
        # The practices' pages only: the fixed pages link to data files a preview does not make.
        checked = [
            language(c.lang).prefix + _built(practice_page_path(c.catalogue.practice(i)))
            for c in contexts
            for i in practices
        ]
        links, problems = check_site_links(site_dir, site_base_path(root), site_pages(root, contexts), checked)
        advance(len(practices) * len(langs))
    return PreviewResult(site_dir, practices, langs, links, problems)
