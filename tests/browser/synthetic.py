"""A synthetic toolbox page with thousands of practices, to time the filtering at scale.

The page follows the toolbox markup contract but holds no cards, so the script also has to make
every card it shows from the data. The data files have the shape `toolbox_files` in
esl_toolbox.site.data gives them: the up-front toolbox.json and the summaries in chunks.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from esl_toolbox.project import PRACTICE_PAGE as PRACTICE_URL
from esl_toolbox.site.data import SUMMARY_CHUNK, SUMMARY_FILE
from esl_toolbox.site.script_text import SCRIPT_BUNDLE, script_bundle
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
# Filler for summaries as long as real ones (about 300 characters); no word of WORDS is in it.
FILLER = "a programme with partners that supports pupils and teachers over several years through activities"

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
<div class="toolbox-bar"><button type="button" class="toolbox-toggle" aria-expanded="false">Filters</button></div>
{% for key, values in facets.items() %}<fieldset class="facet" data-facet="{{ key }}"><legend>{{ key }}</legend>
{% for value in values %}<label><input type="checkbox" name="{{ key }}" value="{{ value }}"> {{ value }}
<span class="facet-count" data-facet="{{ key }}" data-value="{{ value }}"></span></label>
{% endfor %}</fieldset>
{% endfor %}<button type="button" class="toolbox-done">Show the practices</button></form>
<div class="toolbox-results"><p id="toolbox-status" role="status" aria-live="polite"></p>
<select id="toolbox-sort" name="sort"><option value="title">Title</option><option value="newest">Newest</option>
<option value="evidence">Evidence</option></select>
<div id="toolbox-chips" class="toolbox-chips" hidden></div><div id="toolbox-empty" class="toolbox-empty" hidden></div>
<ul id="toolbox-results" class="practice-cards"></ul></div>
</div></main>
<script src="../assets/site.js"></script></body></html>
"""
)


def synthetic_practices(count: int, seed: int = 1) -> list[dict]:
    """`count` practices with random facet values, the same for the same seed. Titles hold no word
    of WORDS; only summaries do, so a word filter has to search the summaries to find them."""
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
                "summary": f"A synthetic practice about {words}: {FILLER}, {FILLER}, {FILLER}.",
                "glance": f"Evidence: {picks['evidence'][0]}" + (" · Low cost" if i % 3 == 0 else ""),
                **picks,
                "reviewed": rng.random() < 0.3,
                "added": rng.randint(0, 9000),
            }
        )
    return practices


def glances(practices: list[dict]) -> dict[str, list]:
    """Each card's evidence-and-cost line as positions in the list of distinct lines, as the site writes it."""
    distinct = list(dict.fromkeys(p["glance"] for p in practices))
    return {"texts": distinct, "of": [distinct.index(p["glance"]) for p in practices]}


def toolbox_documents(practices: list[dict]) -> dict[str, object]:
    """The toolbox's data files for these practices, by file name below data/."""
    data = {
        "facets": [
            {
                "key": key,
                "label": key,
                "values": [{"id": v, "label": v, "short": v, "plain": v, "count": 1} for v in values],
            }
            for key, values in FACET_VALUES.items()
        ],
        "lang": "en",
        "outside_isced": [],
        "outside_isced_label": "Outside the ISCED levels",
        "url": PRACTICE_URL,
        "statuses": ["submitted", "reviewed"],
        "summaries": {"file": SUMMARY_FILE, "chunk": SUMMARY_CHUNK},
        "practices": {
            "id": [p["id"] for p in practices],
            "title": [p["title"] for p in practices],
            "english_titles": [],
            "status": [int(p["reviewed"]) for p in practices],
            "added": [p["added"] for p in practices],
            "facets": {
                key: [[values.index(v) for v in p[key]] for p in practices] for key, values in FACET_VALUES.items()
            },
            "glance": glances(practices),
        },
    }
    summaries = [p["summary"] for p in practices]
    chunks = {
        SUMMARY_FILE.format(chunk=n): summaries[start : start + SUMMARY_CHUNK]
        for n, start in enumerate(range(0, len(summaries), SUMMARY_CHUNK))
    }
    return {"toolbox.json": data, **chunks}


def write_synthetic_site(root: Path, count: int) -> list[dict]:
    """Write toolbox/index.html, the toolbox's data files and the assets under root; return the practices."""
    practices = synthetic_practices(count)
    (root / "toolbox").mkdir(parents=True, exist_ok=True)
    (root / "toolbox" / "index.html").write_text(PAGE.render(facets=FACET_VALUES), "utf-8")
    for name, document in toolbox_documents(practices).items():
        target = root / "data" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(document), "utf-8")
    shutil.copytree(ASSETS, root / "assets", dirs_exist_ok=True)
    (root / "assets" / SCRIPT_BUNDLE).write_bytes(script_bundle())
    return practices
