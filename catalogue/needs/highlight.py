"""Mark the words of a text that carried a match, safely escaped for HTML."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from markupsafe import Markup, escape

_WORD = re.compile(r"\w+", re.UNICODE)
MIN_PREFIX = 4


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _matches(word: str, terms: list[str]) -> bool:
    folded = _fold(word)
    for term in terms:
        if folded == term:
            return True
        stem = term[: max(MIN_PREFIX, len(term) - 2)]
        if len(term) >= MIN_PREFIX and folded.startswith(stem):
            return True
    return False


def highlight_terms(text: str, terms: Iterable[str]) -> Markup:
    """Return ``text`` as HTML with each word that matches one of ``terms`` wrapped in <mark>.

    A word matches a term when they are equal, or when the word starts with the term less its
    last two letters (so "sensors" is marked for the term "sensor", "Verkehrs" for "verkehr").
    Terms of several words mark each of their words.
    """
    folded_terms = sorted({_fold(part) for term in terms for part in _WORD.findall(term)})
    pieces: list[str] = []
    position = 0
    for found in _WORD.finditer(text):
        pieces.append(str(escape(text[position : found.start()])))
        word = str(escape(found.group()))
        pieces.append(f"<mark>{word}</mark>" if _matches(found.group(), folded_terms) else word)
        position = found.end()
    pieces.append(str(escape(text[position:])))
    return Markup("".join(pieces))
