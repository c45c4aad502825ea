"""Fonts: only the shipped open-licence fonts, all embedded, every glyph of our partners' names rendered."""

from __future__ import annotations

import re
from pathlib import Path

from esl_toolbox.catalogue import Catalogue
from pdf_checks import Pdf
from pdf_project import GLYPH_RECORD, run_pdf_command

FONTS_DIR = Path(__file__).resolve().parents[2] / "scripts" / "esl_toolbox" / "pdf" / "fonts"
SHIPPED_FONT = re.compile(r"^[A-Z]{6}\+Toolbox-(Serif|Sans)(-Bold|-Italic)?$")  # subset tag + our @font-face family

EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def test_every_font_is_embedded_and_one_of_ours(pack: Pdf, factsheet, catalogue: Catalogue):
    for pdf in [pack] + [factsheet(p.id) for p in catalogue.practices]:
        assert pdf.fonts, pdf.path
        for font in pdf.fonts:
            assert font["emb"] == "yes", (pdf.path.name, font)
            assert SHIPPED_FONT.match(font["name"]), (pdf.path.name, font)


def test_names_in_portuguese_norwegian_latvian_bulgarian_and_macedonian_come_out_as_written(
    factsheet, pack: Pdf, catalogue: Catalogue
):
    practice = catalogue.practice(GLYPH_RECORD)
    names = [practice.title] + [o.name for o in practice.organisations]
    letters = "çãõæøåāēīūķļņšžѓќѕџљњ"
    for pdf in (factsheet(GLYPH_RECORD), pack):
        text = pdf.text()
        for name in names:
            assert name in text, (pdf.path.name, name)
        assert [letter for letter in letters if letter not in text] == []


def test_output_does_not_depend_on_the_machines_fonts(pdf_project: Path, built: Path, tmp_path: Path):
    # With Fontconfig shown no system fonts at all, the factsheet comes out byte for byte the same.
    config = tmp_path / "fonts.conf"
    config.write_text(EMPTY_FONTCONFIG.format(cache=tmp_path / "cache"), encoding="utf-8")
    target = tmp_path / "no-system-fonts.pdf"
    result = run_pdf_command(pdf_project, "--practice", GLYPH_RECORD, "-o", str(target), FONTCONFIG_FILE=str(config))
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == (built / f"{GLYPH_RECORD}.pdf").read_bytes()


def test_fonts_ship_with_their_licence_and_stay_small():
    fonts = sorted(FONTS_DIR.glob("*.ttf"))
    assert {f.stem for f in fonts} == {
        "NotoSerif-Regular",
        "NotoSerif-Bold",
        "NotoSerif-Italic",
        "NotoSans-Regular",
        "NotoSans-Bold",
    }
    assert "SIL OPEN FONT LICENSE Version 1.1" in (FONTS_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert sum(f.stat().st_size for f in fonts) < 4_000_000
