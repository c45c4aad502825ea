"""Write files so that a reader never sees half a file and nothing is overwritten by accident."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class FileExistsProblem(FileExistsError):
    """The target exists and the command never overwrites."""


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write text (as UTF-8) or bytes to `path` through a temporary dotfile renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_new(path: Path, text: str) -> None:
    """Write a new file atomically; refuse if it exists, even if it appears meanwhile."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        try:
            os.link(temp, path)  # fails if `path` exists: no window for an overwrite
        except FileExistsError:
            raise FileExistsProblem(f"{path} already exists; nothing was written") from None
    finally:
        Path(temp).unlink(missing_ok=True)
