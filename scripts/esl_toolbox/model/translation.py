"""A translation of a record: an overlay that holds only translated text, never a fact.

`practices/translations/<lang>/<id>.yml` (a project's in `.../<lang>/projects/<id>.yml`) maps each
translatable unit of the English record (`summary`, `activities`, `evaluations[0].summary`, ...:
see translations/units.py) to its translation, the fingerprint of the English text it translates,
and whether a native speaker has checked it. Which keys a record allows is checked against the
English record, with plain messages; the schema names their form for editors.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .fields import about
from .types import Fingerprint, Term

TRANSLATION_SCHEMA_VERSION = 2  # the version of the record format whose units it translates

Translated = Annotated[str, Field(max_length=20_000)]


class TranslatedText(BaseModel):
    """The translation of one unit of English text."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    text: Translated | list[Translated] | None = Field(
        None,
        description=(
            "The translation: text, or for a list (activities, outcomes, ...) one item per English item, in "
            "the same order. Left empty, the site shows the English."
        ),
        **about("Translation"),
    )
    source: Fingerprint = Field(
        description=(
            "The fingerprint of the English text this translates, which `esl-toolbox translations new` "
            "writes. When the English changes, the translation is shown as out of date until it is updated "
            "and marked checked with `esl-toolbox translations mark-checked`."
        ),
        **about("Fingerprint of the English"),
    )
    status: Term("translation_statuses") = Field(
        "unreviewed",
        description="`unreviewed` until a native speaker has checked it; then `reviewed`.",
        **about("Status"),
    )


class Translation(BaseModel):
    """Every translated unit of one record in one language, by the unit's place in the record."""

    model_config = ConfigDict(extra="allow", frozen=True)
    __pydantic_extra__: dict[str, TranslatedText] = Field(init=False)

    schema_version: Literal[2] = Field(
        description="The version of the record format whose fields it translates: 2.", **about("Format version")
    )

    @property
    def units(self) -> dict[str, TranslatedText]:
        return dict(self.__pydantic_extra__ or {})
