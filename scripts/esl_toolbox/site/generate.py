"""The generated source trees MkDocs builds from, one per language, below `build/`.

English: `build/docs/` and `build/mkdocs.generated.yml` (mkdocs.yml inherits it, so a plain
`mkdocs build` still builds the English site). Every other language: `build/lang/<code>/docs/` and
`build/lang/<code>/mkdocs.yml`, which inherits mkdocs.yml and sets the language, its address and
its navigation. `build/overrides/` (the package's Material template overrides) serves them all.
The hand-written `docs/` pages are in English and go into the English tree only.

Everything is made in memory and then written in one burst, touching only the files whose content
changed, so `mkdocs serve` reloads just what changed and never reads a file half written. Nothing
generated ever lands in `docs/`; `build/` is ignored by git.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ..catalogue import Catalogue
from ..languages import SOURCE_LANGUAGE, translated_codes
from ..progress import NO_PROGRESS, Advance, Steps
from ..project import BUILD_DIR, HAND_WRITTEN_DIR, SCHEMA_DIR
from ..settings import Settings
from ..writing import write_atomic
from ..open_data import practices_csv, practices_csv_name, practices_json, to_json
from ..open_data.csl import sources_csl
from ..open_data.datapackage import datapackage
from .data import toolbox_files
from .script_text import SCRIPT_BUNDLE, script_bundle
from .pages import (
    ENGLISH_ONLY_PAGES,
    SiteContext,
    fixed_pages,
    page_count,
    practice_page_path,
    render_generated_config,
    render_pages,
    render_practice_page,
)

GENERATED_CONFIG = "mkdocs.generated.yml"  # mkdocs.yml inherits it
LANGUAGE_TREES = "lang"  # build/lang/<code>/: the tree and config of each language but English
SHARED_DIR = "overrides"
PACKAGE_FOLDERS = {"assets": "docs/assets", "overrides": SHARED_DIR}  # package folder -> place in a tree


def language_folder(lang: str) -> str:
    """Where a language's tree is, below build/: '' for English, 'lang/pt/' for Portuguese."""
    return "" if lang == SOURCE_LANGUAGE else f"{LANGUAGE_TREES}/{lang}/"


def config_path(lang: str) -> str:
    """A language's MkDocs config, below build/."""
    return GENERATED_CONFIG if lang == SOURCE_LANGUAGE else f"{language_folder(lang)}mkdocs.yml"


class PageConflict(Exception):
    """A hand-written page has the path of a generated one."""


def _files_below(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _package_files(folder: Traversable, prefix: str = "") -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    found: dict[str, bytes] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.startswith(".") or entry.name == "__pycache__":
            continue
        if entry.is_dir():
            found.update(_package_files(entry, f"{prefix}{entry.name}/"))
        else:
            found[f"{prefix}{entry.name}"] = entry.read_bytes()
    return found


def package_folder(name: str) -> Traversable:
    return resources.files(__package__).joinpath(name)


def generated_pages(
    ctx: SiteContext, hand_written: dict[str, bytes], advance: Advance = NO_PROGRESS.advance
) -> dict[str, bytes]:
    pages = {f"docs/{path}": text.encode("utf-8") for path, text in render_pages(ctx, advance).items()}
    clashes = sorted(p for p in pages if p in hand_written)
    if clashes:
        names = ", ".join(p.removeprefix("docs/") for p in clashes)
        raise PageConflict(f"docs/ has pages the build generates; rename or remove them: {names}")
    return pages


def data_files(ctx: SiteContext, root: Path) -> dict[str, bytes]:
    """The data files of a language's tree: the toolbox page's; the English tree also holds the open data."""
    toolbox = toolbox_files(ctx.catalogue, ctx.index, ctx.views)
    files = {f"docs/data/{name}": to_json(document, compact=True) for name, document in toolbox.items()}
    encoded = {path: text.encode("utf-8") for path, text in files.items()}
    if ctx.lang == SOURCE_LANGUAGE:
        encoded.update(open_data_files(ctx, root))
    return encoded


def open_data_files(ctx: SiteContext, root: Path) -> dict[str, bytes]:
    # A CSV per language of the finished site: a local build of some languages (a preview, not a
    # part of the published site) skips the others' CSVs, each of which costs as much as the English.
    edition = ctx.catalogue.newest_date()
    files = {
        "docs/data/practices.json": practices_json(ctx.catalogue, ctx.settings),
        "docs/data/practices.csv": practices_csv(ctx.catalogue, ctx.settings),
        "docs/data/sources.json": to_json(sources_csl(ctx.catalogue)),
        "docs/data/datapackage.json": to_json(datapackage(ctx.settings, edition, langs=ctx.published)),
    }
    for lang in translated_codes():
        if not ctx.published or lang in ctx.published:
            files[f"docs/data/{practices_csv_name(lang)}"] = practices_csv(ctx.catalogue, ctx.settings, lang)
    encoded = {path: text.encode("utf-8") for path, text in files.items()}
    encoded.update({f"docs/schema/{name}": data for name, data in _files_below(root / SCHEMA_DIR).items()})
    return encoded


def source_tree(
    root: Path,
    catalogue: Catalogue,
    settings: Settings,
    with_pdf: bool,
    steps: Steps = NO_PROGRESS,
    lang: str = SOURCE_LANGUAGE,
    published: tuple[str, ...] = (),
) -> dict[str, bytes]:
    """Every file of one language's tree and the shared overrides, by path below build/."""
    ctx = SiteContext(catalogue.in_language(lang), settings, with_pdf, lang, source=catalogue, published=published)
    return {**site_tree(root, ctx, steps), **shared_tree(), **inherited_config(ctx, (lang,))}


def site_tree(root: Path, ctx: SiteContext, steps: Steps = NO_PROGRESS) -> dict[str, bytes]:
    """One language's tree, by path below build/ (made from a context `serve` may have used already)."""
    hand_written = {}
    if ctx.lang == SOURCE_LANGUAGE:
        hand_written = {f"docs/{p}": data for p, data in _files_below(root / HAND_WRITTEN_DIR).items()}
    ctx = _with_english_pages(root, ctx)
    files = {"config": render_generated_config(ctx).encode("utf-8"), **hand_written}
    with steps.step("generate", page_count(ctx), "pages") as advance:
        files.update(generated_pages(ctx, hand_written, advance))
        files.update(data_files(ctx, root))
    return _placed(ctx, {**files, **_assets()})


def preview_tree(root: Path, ctx: SiteContext, practice_ids: Iterable[str]) -> dict[str, bytes]:
    """One language's tree for a preview: its settings, the assets, the pages of the practices named
    and the site's fixed pages (home, toolbox, about, ...), which its navigation leads to."""
    ctx = _with_english_pages(root, ctx)
    files = {"config": render_generated_config(ctx, preview=True).encode("utf-8"), **_assets()}
    files.update({f"docs/{path}": render().encode("utf-8") for path, render in fixed_pages(ctx).items()})
    for practice in (ctx.catalogue.practice(practice_id) for practice_id in practice_ids):
        files[f"docs/{practice_page_path(practice)}"] = render_practice_page(ctx, practice).encode("utf-8")
    return _placed(ctx, files)


def _with_english_pages(root: Path, ctx: SiteContext) -> SiteContext:
    pages = [p.removeprefix("docs/") for p in english_pages(root)] + list(ENGLISH_ONLY_PAGES)
    return replace(ctx, english_pages=tuple(sorted(pages)))


def _assets() -> dict[str, bytes]:
    assets = _package_files(package_folder("assets"))
    files = {f"docs/assets/{p}": data for p, data in assets.items() if not p.startswith("scripts/")}
    files[f"docs/assets/{SCRIPT_BUNDLE}"] = script_bundle()
    return files


def _placed(ctx: SiteContext, files: dict[str, bytes]) -> dict[str, bytes]:
    """A language's files by their path below build/: its folder, and its config beside it."""
    base = language_folder(ctx.lang)
    return {(config_path(ctx.lang) if path == "config" else base + path): data for path, data in sorted(files.items())}


def english_pages(root: Path) -> list[str]:
    """The hand-written pages, in English only: other languages link to them."""
    return [f"docs/{p}" for p in _files_below(root / HAND_WRITTEN_DIR) if p.endswith(".md")]


def inherited_config(ctx: SiteContext, langs: tuple[str, ...]) -> dict[str, bytes]:
    """English's generated config when English is not among the languages built: every language's
    config inherits mkdocs.yml, which inherits it, so a fresh checkout building only `pt` needs it."""
    if SOURCE_LANGUAGE in langs:
        return {}
    english = replace(ctx, catalogue=ctx.source_catalogue.in_language(SOURCE_LANGUAGE), lang=SOURCE_LANGUAGE)
    return {GENERATED_CONFIG: render_generated_config(english).encode("utf-8")}


def shared_tree() -> dict[str, bytes]:
    return {f"{SHARED_DIR}/{p}": data for p, data in _package_files(package_folder("overrides")).items()}


def write_tree(
    files: dict[str, bytes],
    build_dir: Path,
    previous: Mapping[str, bytes] | None = None,
    managed: tuple[str, ...] | None = None,
) -> list[str]:
    """Make the managed folders of build_dir hold exactly `files`; return the paths that changed.

    `managed` are the folders the tree owns (every language's and the overrides if not given);
    `previous` is the tree the last call wrote, when the caller kept it: comparing with it spares
    reading every file back."""
    if previous is None:
        changed = [path for path, data in files.items() if not _holds(build_dir / path, data)]
    else:
        changed = [path for path, data in files.items() if previous.get(path) != data]
    write_files({path: files[path] for path in changed}, build_dir)
    for folder in managed if managed is not None else managed_folders(files):
        (build_dir / folder).mkdir(parents=True, exist_ok=True)
        changed.extend(_remove_stale(build_dir, folder, files))
    return changed


def managed_folders(files: Mapping[str, bytes]) -> tuple[str, ...]:
    """The folders a tree owns: the docs folder of each language it holds, and the overrides."""
    folders = {SHARED_DIR} if any(p.startswith(f"{SHARED_DIR}/") for p in files) else set()
    for path in files:
        if path.startswith("docs/"):
            folders.add("docs")
        elif path.startswith(f"{LANGUAGE_TREES}/") and path.split("/")[2:3] == ["docs"]:
            folders.add("/".join(path.split("/")[:3]))  # lang/pt/docs
    return tuple(sorted(folders))


def write_files(files: dict[str, bytes], build_dir: Path) -> None:
    """Write every file below build_dir, each through a temporary file renamed over the old one."""
    # Everything is rendered before the first write, so the writes come in one burst that MkDocs'
    # watcher sees as one change; the rename means it never reads a page half written.
    # write_atomic's temporary files are dotfiles, which MkDocs skips.
    for path, data in files.items():
        write_atomic(build_dir / path, data)


def _holds(target: Path, data: bytes) -> bool:
    return target.is_file() and target.read_bytes() == data


def _remove_stale(build_dir: Path, folder: str, files: Mapping[str, bytes]) -> list[str]:
    removed = []
    for path in sorted((build_dir / folder).rglob("*"), reverse=True):
        relative = path.relative_to(build_dir).as_posix()
        if path.is_file() and relative not in files:
            path.unlink()
            removed.append(relative)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return removed


def generate(
    root: Path,
    catalogue: Catalogue,
    settings: Settings,
    with_pdf: bool,
    steps: Steps = NO_PROGRESS,
    langs: tuple[str, ...] = (SOURCE_LANGUAGE,),
    published: tuple[str, ...] = (),
) -> list[str]:
    """Write the trees of the languages MkDocs builds into root/build; return the paths that changed.
    `published`: the languages the finished site will have (the pages link to no other), () for all."""
    build_dir = root / BUILD_DIR
    changed = write_tree(shared_tree(), build_dir)
    for lang in langs:
        ctx = SiteContext(catalogue.in_language(lang), settings, with_pdf, lang, source=catalogue, published=published)
        changed += write_tree(site_tree(root, ctx, steps), build_dir)
    if langs:
        changed += write_tree(inherited_config(ctx, langs), build_dir)
    return changed
