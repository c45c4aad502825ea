"""Translations of the records: overlays of translated text over the English records.

units      the pieces of English text a record holds, and their fingerprints
check      a translation file checked against its English record
apply      a record in a language: translated text in place, English marked where missing
coverage   how much of each language is translated, out of date or missing
scaffold   `translations new` and `mark-checked`: writing translation files
"""

from .apply import LocalText, is_stale, text_lang, translate
from .check import check_translation
from .units import Unit, fingerprint, units_of

__all__ = ["LocalText", "Unit", "check_translation", "fingerprint", "is_stale", "text_lang", "translate", "units_of"]
