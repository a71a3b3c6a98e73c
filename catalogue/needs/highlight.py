"""Mark the words of a need that carried its matches, safely escaped for HTML."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from matching import Match, need_spans


def matched_keys(matches: Iterable[Match]) -> set[str]:
    """The analysed terms (stems, concepts) that carried any of the matches."""
    return {key for match in matches for term in match.matched_terms for key in term.keys}


def highlight_need(text: str, language: str, matches: Iterable[Match]) -> Markup:
    """Return ``text`` as HTML with each word that carried one of ``matches`` in <mark>.

    The words are found by the matching library's own analysis (``matching.need_spans``): the
    same tokens, stems and concept phrases that produced the matched terms, not a look-alike.
    """
    pieces: list[str] = []
    position = 0
    for start, end in need_spans(text, language, matched_keys(matches)):
        pieces.append(str(escape(text[position:start])))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    pieces.append(str(escape(text[position:])))
    return Markup("".join(pieces))
