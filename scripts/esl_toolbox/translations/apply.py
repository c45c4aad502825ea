"""A record as a reader of one language sees it: its translated text in place of the English.

Every translatable string of the result is a LocalText, which knows its language, whether its
translation is out of date and whether a native speaker checked it. The pages, PDFs and data read
the record as they always do; a template that shows a text asks it for its `lang` to mark English
shown in place of a missing translation (`lang="en"` and a note), never mixing languages silently.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..languages import SOURCE_LANGUAGE
from ..model import Practice, Project
from ..model.translation import Translation
from .units import Loc, Unit, units_of


class LocalText(str):
    """A record's text in one language: the translation, or the English when there is none."""

    lang: str
    stale: bool  # translated from an English text that has changed since
    reviewed: bool  # checked by a native speaker

    def __new__(cls, text: str, lang: str, stale: bool = False, reviewed: bool = False) -> LocalText:
        value = super().__new__(cls, text)
        value.lang, value.stale, value.reviewed = lang, stale, reviewed
        return value

    def __reduce__(self) -> tuple:
        return LocalText, (str(self), self.lang, self.stale, self.reviewed)


def translate(record: Practice | Project, lang: str, translation: Translation | None) -> Practice | Project:
    """The record with every unit in `lang` where translated, and marked English where not."""
    if lang == SOURCE_LANGUAGE:
        return record
    translated = translation.units if translation else {}
    result: BaseModel = record
    for key, unit in units_of(record).items():
        result = _replaced(result, unit.loc, _local(unit, translated.get(key), lang))
    return result  # type: ignore[return-value]


def _local(unit: Unit, translated: Any, lang: str) -> LocalText | list[LocalText]:
    text = translated.text if translated is not None else None
    if not text:
        english = unit.english
        return [LocalText(t, SOURCE_LANGUAGE) for t in english] if unit.is_list else LocalText(english, SOURCE_LANGUAGE)
    stale = translated.source != unit.fingerprint
    reviewed = translated.status == "reviewed"
    if isinstance(text, list):
        return [LocalText(t, lang, stale, reviewed) for t in text]
    return LocalText(text, lang, stale, reviewed)


def _replaced(value: Any, loc: Loc, new: Any) -> Any:
    """A copy of `value` with the part at `loc` replaced, sharing every other part (no validation)."""
    if not loc:
        return new
    head, rest = loc[0], loc[1:]
    if isinstance(head, int):
        items = list(value)
        items[head] = _replaced(items[head], rest, new)
        return items
    return value.model_copy(update={head: _replaced(getattr(value, head), rest, new)})


def text_lang(value: object, page_lang: str) -> str:
    """The language of a text when it is not the page's ('' otherwise): for its `lang` attribute."""
    lang = getattr(value, "lang", None)
    if isinstance(value, list) and value:
        lang = getattr(value[0], "lang", None)
    return lang if lang and lang != page_lang else ""


def is_stale(value: object) -> bool:
    if isinstance(value, list) and value:
        value = value[0]
    return bool(getattr(value, "stale", False))
