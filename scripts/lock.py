"""`make lock`: pin every package the toolbox and its tests need, with hashes, in requirements.lock.

pip-compile resolves pyproject.toml's ranges (runtime and the `test` extra) to exact versions and
records the sha256 of every file PyPI holds for them, so `make install` installs the same bytes on
every machine. The lock's first line is a digest of the dependency declarations it was made from:
tests/test_lock.py fails when pyproject.toml's dependencies change and the lock is not remade.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
DIGEST_PREFIX = "# dependencies-sha256: "


def dependency_digest(pyproject_text: str) -> str:
    """A digest of what the lock is made from: Python version, dependencies and the test extra."""
    project = tomllib.loads(pyproject_text)["project"]
    declared = {
        "requires-python": project.get("requires-python", ""),
        "dependencies": sorted(project.get("dependencies", [])),
        "test": sorted(project.get("optional-dependencies", {}).get("test", [])),
    }
    return hashlib.sha256(json.dumps(declared, sort_keys=True).encode()).hexdigest()


def lock() -> int:
    command = [
        sys.executable, "-m", "piptools", "compile", "--quiet", "--generate-hashes", "--allow-unsafe",
        "--extra", "test", "--strip-extras", "--no-emit-index-url", "--no-emit-find-links",
        "--output-file", str(LOCK), str(ROOT / "pyproject.toml"),
    ]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, env={**os.environ, "CUSTOM_COMPILE_COMMAND": "make lock"})
    if done.returncode != 0:
        return done.returncode
    digest = dependency_digest((ROOT / "pyproject.toml").read_text("utf-8"))
    body = [line for line in LOCK.read_text("utf-8").splitlines(keepends=True) if not line.startswith(DIGEST_PREFIX)]
    LOCK.write_text(DIGEST_PREFIX + digest + "\n" + "".join(body), "utf-8")
    print(f"wrote {LOCK.name}")
    return 0


if __name__ == "__main__":
    sys.exit(lock())
