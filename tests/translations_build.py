"""Compile the translation catalogues a test run reads, when a .po is newer than its .mo.

`make` does this before every run; a direct `pytest` after editing a .po would otherwise test
the previous translations.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parent.parent / "catalogue" / "translations"


def compile_stale_catalogues() -> None:
    """Write each stale ``messages.mo`` beside its ``.po`` (atomically: workers may race)."""
    for po_path in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po:
            catalogue = read_po(po)
        handle, temporary = tempfile.mkstemp(dir=po_path.parent, suffix=".mo.tmp")
        with os.fdopen(handle, "wb") as mo:
            write_mo(mo, catalogue)
        os.chmod(temporary, 0o644)
        os.replace(temporary, mo_path)
