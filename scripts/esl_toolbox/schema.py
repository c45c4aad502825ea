"""The JSON Schema of a practice record, generated from the pydantic model.

Each version of the record format has its schema at a stable address: version 1's stays at
`schema/practice.schema.json` (as it was published, never regenerated), the current version's is
written to `schema/v2/`. Records name theirs on their first line, for editors.
"""

from __future__ import annotations

import json
from pathlib import Path

from .model import Practice, Project
from .model.translation import Translation
from .project import SCHEMA_DIR
from .translations.units import key_pattern

SCHEMAS = {
    "v2/practice.schema.json": Practice,
    "v2/project.schema.json": Project,
    "v2/translation.schema.json": Translation,
}
CURRENT_PRACTICE_SCHEMA = f"{SCHEMA_DIR}/v2/practice.schema.json"  # its address on the site, too


def json_schema(model: type) -> dict:
    """The model's JSON Schema with its draft declared, as editors expect."""
    schema = model.model_json_schema(mode="validation")
    if model is Translation:
        # The keys name places in a practice or a project record; the checks say which the record has.
        places = [key_pattern(Practice), key_pattern(Project)]
        schema["propertyNames"] = {"anyOf": [{"const": "schema_version"}, *({"pattern": p} for p in places)]}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text(model: type) -> str:
    return json.dumps(json_schema(model), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def stale_schemas(root: Path) -> list[Path]:
    """Schema files under `root` that differ from what the model gives."""
    return [
        root / SCHEMA_DIR / name
        for name, model in SCHEMAS.items()
        if not (root / SCHEMA_DIR / name).is_file()
        or (root / SCHEMA_DIR / name).read_text("utf-8") != schema_text(model)
    ]


def write_schemas(root: Path) -> list[Path]:
    written = []
    for name, model in SCHEMAS.items():
        target = root / SCHEMA_DIR / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(schema_text(model), "utf-8")
        written.append(target)
    return written
