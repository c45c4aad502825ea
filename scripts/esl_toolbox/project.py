"""The layout of a toolbox project: its folders, record ids, where each record lives and the
address of every page and PDF made from one. Every other module imports these names instead of
spelling a folder, a pattern or an address again."""

from __future__ import annotations

import os
import re
from pathlib import Path

# --- folders and files of a project ---------------------------------------------------------------
CONFIG_FILE = "mkdocs.yml"
PRACTICES_DIR = "practices"
PROJECTS_DIR = "projects"  # below PRACTICES_DIR
TRANSLATIONS_DIR = "translations"  # below PRACTICES_DIR: translations/<lang>/<id>.yml, .../<lang>/projects/<id>.yml
SCHEMA_DIR = "schema"
HAND_WRITTEN_DIR = "docs"
BUILD_DIR = "build"  # generated, ignored by git
CACHE_DIR = "build/cache"
SITE_DIR = "site"
RECORD_SUFFIXES = (".yml", ".yaml")

# --- record ids -----------------------------------------------------------------------------------
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)


def is_slug(text: str) -> bool:
    """Whether text is a valid record id: lower-case letters and digits in words joined by single hyphens."""
    return bool(_SLUG.match(text))


def is_project_file(path: Path | str) -> bool:
    """Whether a record file holds a project (it sits in practices/projects/) rather than a practice."""
    folder = os.path.dirname(path)
    return (
        os.path.basename(folder) == PROJECTS_DIR
        and os.path.basename(os.path.dirname(os.path.dirname(folder))) != TRANSLATIONS_DIR
    )


def translation_file(lang: str, record_id: str, is_project: bool = False) -> str:
    """A record's translation into a language, relative to the project root."""
    folder = f"{PRACTICES_DIR}/{TRANSLATIONS_DIR}/{lang}"
    return f"{folder}/{PROJECTS_DIR}/{record_id}.yml" if is_project else f"{folder}/{record_id}.yml"


def translation_target(path: Path | str) -> tuple[str, bool, str] | None:
    """(language, is a project, record id) of a translation file's path; None for any other file."""
    # By string operations: validation asks this of every one of ten thousand file names.
    parts = os.path.normpath(path).split(os.sep)[-4:]
    stem = os.path.splitext(parts[-1])[0]
    if len(parts) == 4 and parts[0] == TRANSLATIONS_DIR and parts[2] == PROJECTS_DIR:
        return parts[1], True, stem
    if len(parts) >= 3 and parts[-3] == TRANSLATIONS_DIR:
        return parts[-2], False, stem
    return None


def practice_file(practice_id: str) -> str:
    """A practice's record file, relative to the project root: 'practices/<id>.yml'."""
    return f"{PRACTICES_DIR}/{practice_id}.yml"


def project_file(project_id: str) -> str:
    return f"{PRACTICES_DIR}/{PROJECTS_DIR}/{project_id}.yml"


# --- addresses on the site, relative to its root --------------------------------------------------
PACK_FILE = "toolbox.pdf"
PACK_FACETS = ("type", "isced")  # a briefing pack is pre-built for each value of these facets that practices have
PRACTICE_PAGE = "practices/{id}/"  # also handed to the toolbox page's script, which makes its links from it


def practice_page(practice_id: str) -> str:
    """Address of a practice's page: 'practices/<id>/'."""
    return PRACTICE_PAGE.format(id=practice_id)


def listing_page(facet_path: str, term_id: object) -> str:
    """Address of the listing of one facet value: 'isced/1/', 'themes/mentoring/'."""
    return f"{facet_path}/{term_id}/"


def practice_page_source(practice_id: str) -> str:
    """The Markdown file MkDocs makes a practice's page from, in the generated docs tree."""
    return f"practices/{practice_id}.md"


def factsheet_file(practice_id: str) -> str:
    """Address of a practice's PDF factsheet: 'pdf/<id>.pdf'."""
    return f"pdf/{practice_id}.pdf"


def pack_file(facet_key: str | None = None, term_id: object = None) -> str:
    """Address of the briefing pack of every practice, or of one facet value's: 'pdf/pack-type-prevention.pdf'."""
    return f"pdf/{PACK_FILE}" if facet_key is None else f"pdf/pack-{facet_key}-{term_id}.pdf"
