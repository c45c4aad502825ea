"""A Frictionless data package (https://specs.frictionlessdata.io/data-package/) describing the open
data: the CSV with a column schema read from the model, the JSON with its JSON Schema, the sources
as CSL-JSON. Tools such as `frictionless validate` check the files against it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from ..model import Practice
from ..schema import CURRENT_PRACTICE_SCHEMA
from ..settings import Settings
from .records import LICENCE, LICENCE_URL, columns

PRACTICES_CSV = "practices.csv"
PRACTICES_JSON = "practices.json"
SOURCES_JSON = "sources.json"


def datapackage(settings: Settings, edition: dt.date, model: type[BaseModel] = Practice) -> dict[str, Any]:
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
            {
                "name": "practices-csv",
                "path": PRACTICES_CSV,
                "profile": "tabular-data-resource",
                "title": "Every practice, one row each",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
                "schema": {"fields": fields, "primaryKey": ["id"]},
            },
            {
                "name": "practices-json",
                "path": PRACTICES_JSON,
                "profile": "data-resource",
                "title": "Every practice and project as validated, with the labels of its terms",
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
