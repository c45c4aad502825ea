"""The generated source tree MkDocs builds from: `build/docs/`, `build/overrides/` and
`build/mkdocs.generated.yml`.

`build/docs/` is the hand-written `docs/` plus the generated pages, the data files, the JSON
Schema and the site's assets; `build/overrides/` is a copy of the package's Material template
overrides; the config file holds the settings that come from the vocabularies. All are made
in memory and then written in one burst, touching only the files whose content changed, so
`mkdocs serve` reloads just what changed and never reads a file half written. Nothing generated
ever lands in `docs/`; `build/` is ignored by git.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ..catalogue import Catalogue
from ..progress import NO_PROGRESS, Advance, Steps
from ..project import BUILD_DIR, HAND_WRITTEN_DIR, SCHEMA_DIR
from ..settings import Settings
from ..writing import write_atomic
from ..open_data import practices_csv, practices_json, to_json
from ..open_data.csl import sources_csl
from ..open_data.datapackage import datapackage
from .data import toolbox_files
from .pages import SiteContext, page_count, render_generated_config, render_pages

GENERATED_CONFIG = "mkdocs.generated.yml"  # mkdocs.yml inherits it
# The folders of build/ this module owns; anything else there (a site being built) is left alone.
MANAGED_DIRS = ("docs", "overrides")
PACKAGE_FOLDERS = {"assets": "docs/assets", "overrides": "overrides"}  # package folder -> place in build/


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
    toolbox = toolbox_files(ctx.catalogue, ctx.index, ctx.views)
    files = {f"docs/data/{name}": to_json(document, compact=True) for name, document in toolbox.items()}
    files["docs/data/practices.json"] = practices_json(ctx.catalogue, ctx.settings)
    files["docs/data/practices.csv"] = practices_csv(ctx.catalogue, ctx.settings)
    files["docs/data/sources.json"] = to_json(sources_csl(ctx.catalogue))
    files["docs/data/datapackage.json"] = to_json(datapackage(ctx.settings, ctx.catalogue.newest_date()))
    encoded = {path: text.encode("utf-8") for path, text in files.items()}
    encoded.update({f"docs/schema/{name}": data for name, data in _files_below(root / SCHEMA_DIR).items()})
    return encoded


def source_tree(
    root: Path, catalogue: Catalogue, settings: Settings, with_pdf: bool, steps: Steps = NO_PROGRESS
) -> dict[str, bytes]:
    """Every file of build/docs and build/overrides, by its path below build/."""
    return site_tree(root, SiteContext(catalogue, settings, with_pdf), steps)


def site_tree(root: Path, ctx: SiteContext, steps: Steps = NO_PROGRESS) -> dict[str, bytes]:
    """The source tree made from a context that `serve` has already rendered some pages with."""
    hand_written = {f"docs/{p}": data for p, data in _files_below(root / HAND_WRITTEN_DIR).items()}
    files = {GENERATED_CONFIG: render_generated_config(ctx).encode("utf-8"), **hand_written}
    with steps.step("generate", page_count(ctx), "pages") as advance:
        files.update(generated_pages(ctx, hand_written, advance))
        files.update(data_files(ctx, root))
    for folder, target in PACKAGE_FOLDERS.items():
        files.update({f"{target}/{p}": data for p, data in _package_files(package_folder(folder)).items()})
    return dict(sorted(files.items()))


def write_tree(files: dict[str, bytes], build_dir: Path, previous: Mapping[str, bytes] | None = None) -> list[str]:
    """Make build/docs and build/overrides hold exactly `files`; return the paths that changed.

    `previous` is the tree the last call wrote, when the caller kept it: comparing with it spares
    reading every file back."""
    if previous is None:
        changed = [path for path, data in files.items() if not _holds(build_dir / path, data)]
    else:
        changed = [path for path, data in files.items() if previous.get(path) != data]
    write_files({path: files[path] for path in changed}, build_dir)
    for folder in MANAGED_DIRS:
        (build_dir / folder).mkdir(parents=True, exist_ok=True)
        changed.extend(_remove_stale(build_dir, folder, files))
    return changed


def write_files(files: dict[str, bytes], build_dir: Path) -> None:
    """Write every file below build_dir, each through a temporary file renamed over the old one."""
    # Everything is rendered before the first write, so the writes come in one burst that MkDocs'
    # watcher sees as one change; the rename means it never reads a page half written.
    # write_atomic's temporary files are dotfiles, which MkDocs skips.
    for path, data in files.items():
        write_atomic(build_dir / path, data)


def _holds(target: Path, data: bytes) -> bool:
    return target.is_file() and target.read_bytes() == data


def _remove_stale(build_dir: Path, folder: str, files: dict[str, bytes]) -> list[str]:
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
    root: Path, catalogue: Catalogue, settings: Settings, with_pdf: bool, steps: Steps = NO_PROGRESS
) -> list[str]:
    """Write the source tree MkDocs builds from into root/build; return the paths that changed."""
    return write_tree(source_tree(root, catalogue, settings, with_pdf, steps), root / BUILD_DIR)
