"""A synthetic toolbox page with thousands of practices, to time the filtering at scale.

The page follows the toolbox markup contract but holds no cards, so the script also has to make
every card it shows from the data.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from jinja2 import Template

ASSETS = Path(__file__).resolve().parents[2] / "scripts" / "esl_toolbox" / "site" / "assets"

FACET_VALUES = {
    "type": ["prevention", "intervention", "compensation"],
    "isced": [str(level) for level in range(9)],
    "group": [f"group-{n}" for n in range(14)],
    "country": [f"C{chr(65 + n // 26)}{chr(65 + n % 26)}" for n in range(32)],
    "level": [f"level-{n}" for n in range(9)],
    "evidence": ["not-evaluated", "rationale", "emergent", "promising", "strong"],
}
WORDS = ["mentoring", "tutoring", "family", "school", "community", "regional", "homework", "reading", "network"]

PAGE = Template(
    """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Toolbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="../assets/toolbox.css"></head>
<body><main class="md-typeset"><h1>Toolbox</h1>
<div id="toolbox" class="toolbox" data-src="../data/toolbox.json">
<form id="toolbox-filters" class="toolbox-filters" role="search" aria-label="Filter practices">
<label for="toolbox-q">Words</label> <input type="search" id="toolbox-q" name="q">
<label><input type="checkbox" name="reviewed" value="1"> Reviewed only</label>
{% for key, values in facets.items() %}<fieldset class="facet" data-facet="{{ key }}"><legend>{{ key }}</legend>
{% for value in values %}<label><input type="checkbox" name="{{ key }}" value="{{ value }}"> {{ value }}
<span class="facet-count" data-facet="{{ key }}" data-value="{{ value }}"></span></label>
{% endfor %}</fieldset>
{% endfor %}</form>
<div class="toolbox-results"><p id="toolbox-status" role="status" aria-live="polite"></p>
<ul id="toolbox-results" class="practice-cards"></ul></div>
</div></main>
<script src="../assets/toolbox.js"></script></body></html>
"""
)


def synthetic_practices(count: int, seed: int = 1) -> list[dict]:
    """`count` practices with random facet values, the same for the same seed."""
    rng = random.Random(seed)
    practices = []
    for i in range(count):
        picks = {key: sorted(rng.sample(values, rng.randint(1, 2))) for key, values in FACET_VALUES.items()}
        picks["evidence"] = picks["evidence"][:1]
        words = " ".join(rng.sample(WORDS, 3))
        practices.append(
            {
                "id": f"practice-{i}",
                "title": f"Practice {i}",
                "summary": f"A synthetic practice about {words}.",
                "url": f"practices/practice-{i}/",
                **picks,
                "reviewed": rng.random() < 0.3,
                "text": f"practice {i} {words}",
            }
        )
    return practices


def write_synthetic_site(root: Path, count: int) -> list[dict]:
    """Write toolbox/index.html, data/toolbox.json and the assets under root; return the practices."""
    practices = synthetic_practices(count)
    facets = [
        {"key": key, "label": key, "values": [{"id": v, "label": v} for v in values]}
        for key, values in FACET_VALUES.items()
    ]
    (root / "toolbox").mkdir(parents=True, exist_ok=True)
    (root / "data").mkdir(exist_ok=True)
    (root / "toolbox" / "index.html").write_text(PAGE.render(facets=FACET_VALUES), "utf-8")
    (root / "data" / "toolbox.json").write_text(json.dumps({"facets": facets, "practices": practices}), "utf-8")
    shutil.copytree(ASSETS, root / "assets", dirs_exist_ok=True)
    return practices
