"""A Frictionless data package (https://specs.frictionlessdata.io/data-package/) describing the open
data: the CSV with a column schema read from the model, the JSON with its JSON Schema, the sources
as CSL-JSON. Tools such as `frictionless validate` check the files against it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from ..languages import SOURCE_LANGUAGE, language, language_codes
from ..model import Practice
from ..schema import CURRENT_PRACTICE_SCHEMA
from ..settings import Settings
from .records import LICENCE, LICENCE_URL, columns, practices_csv_name

PRACTICES_JSON = "practices.json"
SOURCES_JSON = "sources.json"


def _csv_resource(lang: str, fields: list[dict[str, str]]) -> dict[str, Any]:
    in_english = lang == SOURCE_LANGUAGE
    title = "Every practice, one row each" + ("" if in_english else f", text in {language(lang).english_name}")
    return {
        "name": "practices-csv" if in_english else f"practices-csv-{lang}",
        "path": practices_csv_name(lang),
        "profile": "tabular-data-resource",
        "title": title,
        "description": ""
        if in_english
        else "The same columns as practices.csv; where a text has no translation it is in English.",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
        "schema": {"fields": fields, "primaryKey": ["id"]},
    }


def datapackage(
    settings: Settings, edition: dt.date, model: type[BaseModel] = Practice, langs: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The package's description; `langs`: the languages whose CSV the site has, () for all."""
    fields = [{"name": c.name, "title": c.title, "description": c.description, "type": c.type} for c in columns(model)]
    return {
        "profile": "data-package",
        "name": "esl-good-practice-toolbox",
        "title": settings.site_name,
        "description": "Practices against early school leaving, each from its cited sources: what is done, for "
        "whom, what it costs, how big it is and what evaluations found.",
        "homepage": settings.site_url,
        "version": edition.isoformat(),
        "created": f"{edition.isoformat()}T00:00:00Z",
        "licenses": [{"name": "CC-BY-4.0", "path": LICENCE_URL, "title": LICENCE}],
        "resources": [
            *(_csv_resource(lang, fields) for lang in language_codes() if not langs or lang in langs),
            {
                "name": "practices-json",
                "path": PRACTICES_JSON,
                "profile": "data-resource",
                "title": "Every practice and project as validated, with the labels of its terms and its translations",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "schema": settings.page_url(CURRENT_PRACTICE_SCHEMA),
            },
            {
                "name": "sources",
                "path": SOURCES_JSON,
                "profile": "data-resource",
                "title": "Every source the practices cite, as CSL-JSON for reference managers",
                "format": "json",
                "mediatype": "application/vnd.citationstyles.csl+json",
                "encoding": "utf-8",
            },
        ],
    }
