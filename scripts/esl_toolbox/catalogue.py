"""The validated records as one catalogue: every practice by id, and the projects they come from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .languages import SOURCE_LANGUAGE
from .model import Practice, Project
from .model.translation import Translation
from .progress import NO_PROGRESS, Steps
from .project import PRACTICES_DIR
from .translations import translate
from .validation import Report, open_cache, validate_paths
from .validation.results import InvalidRecords

# Translations by language, then by (is a project, record id).
Translations = Mapping[str, Mapping[tuple[bool, str], Translation]]


@dataclass(frozen=True)
class Catalogue:
    """Every practice (sorted by id), the projects they come from, and their translations."""

    practices: tuple[Practice, ...]
    projects: dict[str, Project]
    translations: Translations = field(default_factory=dict)
    lang: str = SOURCE_LANGUAGE  # the language its records' text is in

    def in_language(self, lang: str) -> Catalogue:
        """The same records with their text in `lang` where translated (English, marked, where not)."""
        if lang == self.lang:
            return self
        if self.lang != SOURCE_LANGUAGE:
            raise ValueError("translate from the English catalogue, not from a translated one")
        # Kept for the last language asked: every page of a language's build asks for the same one.
        if lang not in self._in_languages:
            self._in_languages.clear()
            self._in_languages[lang] = _in_language(self, lang)
        return self._in_languages[lang]

    @cached_property
    def _in_languages(self) -> dict[str, Catalogue]:
        return {}

    def translation(self, lang: str, is_project: bool, record_id: str) -> Translation | None:
        return self.translations.get(lang, {}).get((is_project, record_id))

    @cached_property
    def _by_id(self) -> dict[str, Practice]:
        return {p.id: p for p in self.practices}

    def practice(self, practice_id: str) -> Practice:
        return self._by_id[practice_id]

    def project_of(self, practice: Practice) -> Project | None:
        return self.projects.get(practice.project) if practice.project else None

    def newest_date(self) -> dt.date:
        """The newest date in the records (added, changed, reviewed): the edition of everything made from them."""
        dates = [d for p in self.practices for d in (p.created, p.updated, p.review.date) if d]
        return max(dates, default=dt.date(1970, 1, 1))


def _in_language(catalogue: Catalogue, lang: str) -> Catalogue:
    practices = tuple(translate(p, lang, catalogue.translation(lang, False, p.id)) for p in catalogue.practices)
    projects = {k: translate(p, lang, catalogue.translation(lang, True, k)) for k, p in catalogue.projects.items()}
    return Catalogue(practices, projects, catalogue.translations, lang)  # type: ignore[arg-type]


def catalogue_from_report(report: Report) -> Catalogue:
    if report.errors:
        raise InvalidRecords(report)
    practices = tuple(sorted(report.records(Practice), key=lambda p: p.id))
    projects = {p.id: p for p in report.records(Project)}
    return Catalogue(practices, projects, report.translations())


def load_catalogue(root: Path, *, use_cache: bool = True, steps: Steps = NO_PROGRESS) -> Catalogue:
    """Validate every record under root/practices and return them; raise InvalidRecords on any error.

    Files unchanged since an earlier check are taken from the project's validation cache.
    """
    cache = open_cache(root) if use_cache else None
    report = validate_paths([root / PRACTICES_DIR], root, cache=cache, steps=steps)
    if cache is not None:
        cache.save()
    return catalogue_from_report(report)
