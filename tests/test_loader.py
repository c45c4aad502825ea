"""The YAML loader: line numbers for every value, and refusals for what records must not hold."""

from pathlib import Path

import yaml
from esl_toolbox.loader import MAX_FILE_BYTES, _RecordLoader, load_document, parse_document


def write(tmp_path: Path, text: str | bytes, name: str = "rec.yml") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_loader_keeps_line_and_column_of_every_key_and_value(tmp_path):
    doc, problems = load_document(write(tmp_path, "# comment\nid: a\nsources:\n  - title: T\n    year: 2020\n"))
    assert problems == []
    assert doc.position(("id",)) == (2, 5)
    assert doc.position(("sources",), prefer_key=True) == (3, 1)
    assert doc.keys[("sources",)] == (3, 1)
    assert doc.values[("sources", 0, "year")] == (5, 11)
    assert doc.position(("sources", 0, "year", "deeper")) == (5, 11)


def test_loader_reads_country_no_as_norway_not_false(tmp_path):
    doc, _ = load_document(write(tmp_path, "countries: [NO, yes, off]\nflag: true\n"))
    assert doc.data == {"countries": ["NO", "yes", "off"], "flag": True}


def test_loader_keeps_dates_as_text_for_the_model_to_parse(tmp_path):
    doc, _ = load_document(write(tmp_path, "created: 2026-11-20\nyear: 2020\nshare: 1.5\nempty:\n"))
    assert doc.data == {"created": "2026-11-20", "year": 2020, "share": 1.5, "empty": None}


def test_loader_refuses_duplicate_keys_naming_both_lines(tmp_path):
    doc, problems = load_document(write(tmp_path, "id: a\ntitle: one\ntitle: two\n"))
    assert doc is None
    assert (problems[0].line, problems[0].column) == (3, 1)
    assert "duplicate key 'title' (first at line 2)" in problems[0].message


def test_loader_refuses_anchors_and_aliases_without_expanding_them(tmp_path):
    _, problems = load_document(write(tmp_path, "a: &x [1, 2]\nb: *x\n"))
    assert "anchors (&name) are not allowed" in problems[0].message and problems[0].line == 1
    _, problems = load_document(write(tmp_path, "b: *x\n"))
    assert problems[0].line == 1 and "YAML syntax" in problems[0].message


def test_loader_refuses_tags(tmp_path):
    _, problems = load_document(write(tmp_path, "a: !!python/name:os.system\n"))
    assert "!!python/name:os.system" in problems[0].message


def test_loader_refuses_files_over_the_size_limit_before_reading_them(tmp_path):
    path = write(tmp_path, b"a: " + b"x" * MAX_FILE_BYTES)
    _, problems = load_document(path)
    assert "a record must be under" in problems[0].message


def test_loader_reports_unreadable_files(tmp_path):
    _, problems = load_document(tmp_path / "missing.yml")
    assert problems[0].message.startswith("cannot read the file")


def test_loader_names_the_line_of_a_non_utf8_byte(tmp_path):
    _, problems = load_document(write(tmp_path, b"id: a\ntitle: caf\xe9\n"))
    assert (problems[0].line, problems[0].column) == (2, 11)
    assert "not UTF-8" in problems[0].message


def test_loader_refuses_anchors_even_without_aliases(tmp_path):
    doc, problems = load_document(write(tmp_path, "id: a\ntitle: R&D club\nthemes: &t [x]\n"))
    assert doc is None
    assert (problems[0].line, problems[0].column) == (3, 9)
    assert "anchors (&name) are not allowed" in problems[0].message


def test_an_ampersand_in_text_is_not_an_anchor(tmp_path):
    doc, problems = load_document(write(tmp_path, "title: R&D & more\n"))
    assert problems == [] and doc.data == {"title": "R&D & more"}


SCALARS_OF_EVERY_KIND = """\
words: [NO, yes, Off, on, TRUE, false, ~, null, Null, NULL, x, ES, R&D, =, <<, --, ., ..]
numbers: [0, -1, +7, 0x1F, 0o17, 017, 0b101, 1_000, 1:30, 190:20:30.15, 12abc, 2026]
floats: [1.5, -.5, .inf, -.Inf, .nan, 1e3, 6.8523015e+5]
dates: [2026-11-20, 2026-11-20T10:00:00Z]
quoted: ['1', "true", 'NO']
empty:
"""


def _tags(node: yaml.Node) -> list:
    if isinstance(node, yaml.ScalarNode):
        return [(node.tag, node.value)]
    items = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
    return [node.tag] + [tag for item in items for tag in _tags(item)]


def test_loader_resolves_plain_scalars_exactly_as_pyyaml_does():
    ours = yaml.compose(SCALARS_OF_EVERY_KIND, Loader=_RecordLoader)
    assert _tags(ours) == _tags(yaml.compose(SCALARS_OF_EVERY_KIND, Loader=yaml.CSafeLoader))


def test_a_value_seen_before_resolves_the_same_as_the_first_time():
    first = _tags(yaml.compose(SCALARS_OF_EVERY_KIND, Loader=_RecordLoader))
    assert _tags(yaml.compose(SCALARS_OF_EVERY_KIND, Loader=_RecordLoader)) == first


def test_numbers_are_read_as_pyyaml_reads_them(tmp_path):
    text = "a: 2019\nb: 017\nc: 0x1f\nd: 1_000\ne: -3\nf: 0\ng: 1:30\nh: 4.5\n"
    doc = parse_document(text.encode(), "x.yml")[0]
    assert doc.data == yaml.load(text, Loader=yaml.CSafeLoader)
    assert doc.data["b"] == 15 and doc.data["a"] == 2019
