"""PDF factsheets and briefing packs, made with WeasyPrint from our own print templates.

Importing this package is cheap; WeasyPrint is imported only when a PDF is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..progress import Steps
    from ..settings import Settings

__all__ = ["build_pdfs"]


def build_pdfs(
    catalogue: Catalogue, out_dir: Path, settings: Settings, steps: Steps | None = None, lang: str | None = None
) -> list[Path]:
    """Write <id>.pdf for every practice, toolbox.pdf and the packs of each intervention type and age group
    into out_dir, in the catalogue's language (or `lang`), factsheets in parallel; return the paths."""
    from ..progress import NO_PROGRESS
    from .build import build_pdfs as build

    return build(catalogue, out_dir, settings, steps or NO_PROGRESS, lang)
