"""The language a record's own text is written in, so a page can say so (``lang="xx"``).

Records carry no language of their text (``languages`` lists the ones an organisation works
in), so it is read from the text by the matching library's detector, as the index does.
"""

from __future__ import annotations

import functools

from markupsafe import Markup

from catalogue.i18n import current_language
from matching.language import SAMPLE_LENGTH, detect_language

# Shorter texts (a title, a few words) say too little to tell their language reliably.
MIN_SAMPLE = 40


@functools.lru_cache(maxsize=4096)
def _detected(sample: str) -> str:
    return detect_language(sample)


def text_language(text: str | None) -> str | None:
    """The ISO 639-1 language of a text, or ``None`` when it is too short to tell."""
    sample = " ".join((text or "").split())[:SAMPLE_LENGTH]
    return _detected(sample) if len(sample) >= MIN_SAMPLE else None


def lang_attribute(text: str | None) -> Markup:
    """`` lang="xx"`` for an element holding ``text`` when its language is not the page's."""
    language = text_language(text)
    if language is None or language == current_language():
        return Markup("")
    return Markup(' lang="{}"').format(language)
