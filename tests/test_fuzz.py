"""Fuzzing the loader and validator: whatever the bytes, a list of problems, never an exception.

The budget is fixed (examples per property, derandomised) so the suite takes the same time and
finds the same cases on every run; raise FUZZ_EXAMPLES locally for a longer search.
"""

import os
from pathlib import Path

import yaml
from esl_toolbox.validation import check_file
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

VALID_RECORD = (Path(__file__).parent / "fixtures" / "valid" / "practices" / "homework-club.yml").read_bytes()
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def check_bytes(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "homework-club.yml"
    path.write_bytes(raw)
    checked = check_file(path)
    for problem in checked.problems:
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message and "\n" not in problem.message
    assert checked.record is not None or any(p.is_error for p in checked.problems)


@FUZZ
@given(raw=st.binary(max_size=2000))
def test_random_bytes_never_crash_the_validator(tmp_path, raw):
    check_bytes(tmp_path, raw)


@FUZZ
@given(
    cuts=st.lists(st.tuples(st.integers(0, len(VALID_RECORD)), st.binary(max_size=8)), min_size=1, max_size=6),
)
def test_mutated_valid_records_never_crash_the_validator(tmp_path, cuts):
    raw = bytearray(VALID_RECORD)
    for position, insert in cuts:
        raw[position : position + len(insert) % 3] = insert
    check_bytes(tmp_path, bytes(raw))


yaml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.floats(allow_nan=True), st.text(max_size=30)
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=25,
)
record_keys = st.sampled_from(
    ["id", "title", "summary", "description", "isced_levels", "countries", "sources", "evidence", "review", "period"]
)


@FUZZ
@given(data=st.dictionaries(st.one_of(record_keys, st.text(max_size=10)), yaml_values, max_size=10))
def test_well_formed_yaml_of_any_shape_never_crashes_the_validator(tmp_path, data):
    check_bytes(tmp_path, yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))
