"""Slugs for URLs: lowercase ASCII words joined by hyphens, unique within a table."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

SLUG_LENGTH = 120
# Room for a "-9999" suffix inside the column.
_BASE_LENGTH = SLUG_LENGTH - 10
_NOT_WORD = re.compile(r"[^a-z0-9]+")
# Letters that NFKD does not decompose into an ASCII base letter.
_LETTERS = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "đ": "d",
     "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ı": "i"}
)  # fmt: skip


def slugify(text: str, fallback: str = "item") -> str:
    """Turn ``text`` into a slug: ``"Kraków Tech Hub"`` gives ``"krakow-tech-hub"``.

    Accents are transliterated; text with no ASCII letters or digits gives ``fallback``.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_WORD.sub("-", ascii_text).strip("-")
    slug = slug[:_BASE_LENGTH].rstrip("-")
    return slug or fallback


def pick_unique_slug(text: str, taken: Collection[str], fallback: str = "item") -> str:
    """Return the slug of ``text``, suffixed ``-2``, ``-3``... until it is not in ``taken``."""
    base = slugify(text, fallback)
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def unique_slug(session: Session, model: type, text: str, fallback: str = "item") -> str:
    """Return a slug for ``text`` that no row of ``model`` uses yet (one query)."""
    base = slugify(text, fallback)
    column = model.slug
    taken = set(session.scalars(select(column).where(column.startswith(base, autoescape=True))))
    return pick_unique_slug(text, taken, fallback)


def taken_slugs(session: Session, model: type) -> set[str]:
    """Return every slug ``model``'s table uses: for allocating many slugs without a query each."""
    return set(session.scalars(select(model.slug)))
