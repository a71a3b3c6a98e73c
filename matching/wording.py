"""Plain-words helpers for the sentences the answer to a need shows."""

from __future__ import annotations

from collections.abc import Sequence


def N_(text: str) -> str:
    """Mark an English text that the app's pages show translated (``make translations``
    extracts it); the library itself, and the JSON API, keep the English."""
    return text


def join_phrases(items: Sequence[str]) -> str:
    """Join phrases as a sentence does: "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
