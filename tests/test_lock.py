"""The locked toolchain: requirements.lock pins every package of pyproject.toml's ranges, with
hashes, and is remade whenever pyproject.toml's dependencies change."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

from lock import DIGEST_PREFIX, LOCK, dependency_digest  # noqa: E402

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\]+)", re.MULTILINE)


def pins() -> dict[str, str]:
    return {canonicalize_name(name): version for name, version in PIN.findall(LOCK.read_text("utf-8"))}


def declared() -> list[Requirement]:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    return [Requirement(r) for r in [*project["dependencies"], *project["optional-dependencies"]["test"]]]


def test_the_lock_was_made_from_the_current_dependencies():
    first_line = LOCK.read_text("utf-8").splitlines()[0]
    current = dependency_digest((REPO / "pyproject.toml").read_text("utf-8"))
    assert first_line == DIGEST_PREFIX + current, "pyproject.toml's dependencies changed: run `make lock`"


def test_every_declared_dependency_is_pinned_within_its_range():
    locked = pins()
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement.name} is not in requirements.lock: run `make lock`"
        assert requirement.specifier.contains(locked[name], prereleases=True), (requirement, locked[name])


def test_every_pinned_package_has_hashes():
    text = LOCK.read_text("utf-8")
    starts = [m.start() for m in PIN.finditer(text)] + [len(text)]
    blocks = [text[a:b] for a, b in zip(starts, starts[1:], strict=False)]
    assert len(blocks) == len(pins()) >= 60
    assert all("--hash=sha256:" in block for block in blocks)


def test_the_digest_changes_with_a_dependency_but_not_with_the_rest_of_pyproject():
    text = (REPO / "pyproject.toml").read_text("utf-8")
    assert dependency_digest(text.replace('"pytest>=8"', '"pytest>=9"')) != dependency_digest(text)
    assert dependency_digest(text.replace("line-length = 120", "line-length = 100")) == dependency_digest(text)


def test_make_install_installs_exactly_the_lock_with_hashes():
    makefile = (REPO / "Makefile").read_text("utf-8")
    assert "pip install --quiet --require-hashes --no-deps -r $(LOCK)" in makefile
    assert re.search(r"^\$\(STAMP\): \$\(LOCK\) pyproject.toml$", makefile, re.MULTILINE)
