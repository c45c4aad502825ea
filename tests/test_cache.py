"""The validation cache: unchanged files are not parsed again, and the answers never change because of it."""

import shutil
from pathlib import Path

import pytest
from esl_toolbox.catalogue import load_catalogue
from esl_toolbox.commands import main
from esl_toolbox.validation import cache as validation_cache
from esl_toolbox.validation import load, validate_paths
from esl_toolbox.validation.cache import CACHE_FILE, forget_open_caches, open_cache

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"
BROKEN = FIXTURES / "broken"
# Broken records whose problems come from every stage: reading, YAML, the model and the lints.
SOME_BROKEN = ("crlf-line-ends", "duplicate-keys", "syntax-error", "isced-out-of-range", "unknown-field", "python-tag")


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A project folder (it has mkdocs.yml) with valid, broken and warned-about records."""
    root = tmp_path / "project"
    shutil.copytree(VALID / "practices", root / "practices")
    (root / "mkdocs.yml").write_text("site_name: test\n")
    for name in SOME_BROKEN:
        shutil.copy(BROKEN / f"{name}.yml", root / "practices" / f"{name}.yml")
    record = (VALID / "practices" / "mentoring-scheme.yml").read_text()
    warned = record.replace("id: mentoring-scheme", "id: warned").replace("Student mentoring", "Warned mentoring")
    (root / "practices" / "warned.yml").write_text(warned.replace("Students meet", "Write to info@school.example.eu."))
    monkeypatch.chdir(root)
    forget_open_caches()
    yield root
    forget_open_caches()


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The files parsed from YAML (not taken from the cache) during the test."""
    seen: list[str] = []
    real = load.parse_document

    def counting(raw: bytes, shown: str):
        seen.append(Path(shown).name)
        return real(raw, shown)

    monkeypatch.setattr(load, "parse_document", counting)
    return seen


def run(root: Path, use_cache: bool = True, keep_records: bool = False) -> list[str]:
    """Validate the project as `esl-toolbox validate` does, as a fresh process would (cache read from disk)."""
    forget_open_caches()
    cache = open_cache(root) if use_cache else None
    report = validate_paths([root / "practices"], root, cache=cache, keep_records=keep_records)
    if cache is not None:
        cache.save()
    return [str(p) for p in report.problems]


def test_a_cached_run_reports_exactly_what_a_cold_run_reports(project, parsed):
    cold = run(project, use_cache=False)
    assert any(":5:1: error: duplicate key 'title'" in p for p in cold)
    assert any("warning" in p and "e-mail address" in p for p in cold)
    assert run(project) == cold  # filling the cache
    parsed.clear()
    assert run(project) == cold
    assert parsed == []  # every file came from the cache, problems and lines included


def test_an_edited_file_is_checked_again(project, parsed):
    run(project)
    record = project / "practices" / "mentoring-scheme.yml"
    record.write_text(record.read_text().replace("isced_levels: [2, 3]", "isced_levels: [2, 9]"))
    parsed.clear()
    problems = run(project)
    assert parsed == ["mentoring-scheme.yml"]
    assert any("mentoring-scheme.yml:" in p and "9 is not an ISCED 2011 level" in p for p in problems)
    assert problems == run(project, use_cache=False)


def test_a_changed_validator_or_vocabulary_forgets_every_result(project, parsed, monkeypatch):
    run(project)
    monkeypatch.setattr(validation_cache, "FINGERPRINT", "0" * 64)
    parsed.clear()
    run(project)
    assert len(parsed) == len(list((project / "practices").rglob("*.yml")))


def test_the_fingerprint_covers_the_package_code_and_vocabularies(tmp_path, monkeypatch):
    package = tmp_path / "esl_toolbox"
    source = Path(validation_cache.__file__).parent.parent
    shutil.copytree(source, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(validation_cache, "_PACKAGE", package)
    before = validation_cache._validator_fingerprint()
    themes = package / "vocabularies" / "themes.yml"
    themes.write_text(themes.read_text() + "\n# a new comment\n")
    after_vocabulary = validation_cache._validator_fingerprint()
    (package / "messages.py").write_text((package / "messages.py").read_text() + "\n# changed\n")
    assert len({before, after_vocabulary, validation_cache._validator_fingerprint()}) == 3


@pytest.mark.parametrize(
    "damage",
    [
        b"\x00\xff not a cache at all",
        b"",
        "header only",
        "truncated",
        "wrong types",
    ],
)
def test_a_damaged_cache_file_is_ignored_and_rebuilt(project, capsys, damage):
    cold = run(project, use_cache=False)
    run(project)
    cache_file = project / CACHE_FILE
    lines = cache_file.read_text().split("\n")
    if damage == "header only":
        cache_file.write_text(lines[0] + "\n")
    elif damage == "truncated":
        cache_file.write_text("\n".join(lines)[: len("\n".join(lines)) // 2])
    elif damage == "wrong types":
        broken = [line.replace('"problems":[', '"problems":[[null,"x",3,4,5],') for line in lines[1:]]
        cache_file.write_text("\n".join([lines[0], *broken]))
    else:
        cache_file.write_bytes(damage)
    assert run(project) == cold
    assert run(project, keep_records=True) == cold
    forget_open_caches()
    assert main(["validate"]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert cache_file.read_text().startswith(validation_cache.FORMAT)


def test_a_duplicate_id_between_a_cached_file_and_a_new_one_is_caught(project, parsed):
    run(project)
    (project / "practices" / "copy").mkdir()
    shutil.copy(VALID / "practices" / "mentoring-scheme.yml", project / "practices" / "copy" / "mentoring-scheme.yml")
    parsed.clear()
    problems = run(project)
    assert parsed == ["mentoring-scheme.yml"]  # only the new file
    assert any("id: 'mentoring-scheme' is already used by practices/copy/mentoring-scheme.yml" in p for p in problems)
    assert problems == run(project, use_cache=False)
    shutil.rmtree(project / "practices" / "copy")
    assert not any("already used" in p for p in run(project))


def test_references_are_resolved_against_the_current_files(project):
    run(project)
    (project / "practices" / "projects" / "example-project.yml").unlink()
    assert any("no project has the id 'example-project'" in p for p in run(project))


def test_the_catalogue_from_the_cache_holds_the_same_records(project, tmp_path):
    for name in SOME_BROKEN + ("warned",):
        (project / "practices" / f"{name}.yml").unlink()
    cold = load_catalogue(project, use_cache=False)
    forget_open_caches()
    first = load_catalogue(project)  # fills the cache
    forget_open_caches()
    from_disk = load_catalogue(project)
    from_memory = load_catalogue(project)
    assert cold.practices == first.practices == from_disk.practices == from_memory.practices
    assert cold.projects == from_disk.projects == from_memory.projects
    assert from_memory.practices[0] is from_disk.practices[0]  # `serve` reuses the built records


def test_validate_no_cache_neither_reads_nor_writes_the_cache(project, parsed, capsys):
    assert main(["validate", "--no-cache"]) == 1
    assert not (project / CACHE_FILE).exists()
    cold_output = capsys.readouterr().out
    assert main(["validate"]) == 1
    assert capsys.readouterr().out == cold_output
    parsed.clear()
    assert main(["validate", "--no-cache"]) == 1
    assert len(parsed) == len(list((project / "practices").rglob("*.yml")))
    assert capsys.readouterr().out == cold_output


def test_only_a_project_folder_gets_a_cache(tmp_path):
    (tmp_path / "practices").mkdir()
    assert open_cache(tmp_path) is None
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    assert open_cache(tmp_path) is not None


def test_records_are_built_when_validate_filled_the_cache_or_their_data_is_damaged(project, parsed):
    for name in SOME_BROKEN + ("warned",):
        (project / "practices" / f"{name}.yml").unlink()
    cold = load_catalogue(project, use_cache=False)
    run(project)  # `validate` keeps no record data
    parsed.clear()
    forget_open_caches()
    assert load_catalogue(project).practices == cold.practices
    assert len(parsed) == 3  # parsed again for their data
    records_file = project / validation_cache.RECORDS_FILE
    records_file.write_text(records_file.read_text().replace('{"', '{"unknown_field":1,"', 1))
    forget_open_caches()
    assert load_catalogue(project).practices == cold.practices
