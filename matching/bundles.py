"""Need bundles: a need asking several kinds of help is split into parts, one hub proposed per part.

A part is a run of the need's clauses that asks for one service family; the family comes from
the words ``matching.tagging`` reads as that family ("test", "train", "funding", in the languages
of the concept vocabulary).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matching.ranked import Ranked
from matching.records import Match
from matching.tagging import detect_labels
from matching.vocabulary import FAMILY_LABELS
from matching.wording import join_phrases

# A clause ends at punctuation; within one, at the language's "and" (English "a" is no break).
_PUNCTUATION = re.compile(r"[.;:!?,\n]+")
CONJUNCTIONS: dict[str, tuple[str, ...]] = {
    "en": ("and", "as well as"), "de": ("und", "sowie"), "fr": ("et",), "es": ("y", "e"),
    "it": ("e", "ed"), "nl": ("en",), "pt": ("e",), "sv": ("och",), "da": ("og",),
    "pl": ("i", "oraz"), "cs": ("a",), "sk": ("a",), "sl": ("in",), "hr": ("i",),
    "ro": ("și", "şi"), "bg": ("и",), "el": ("και",), "hu": ("és",), "fi": ("ja",),
    "et": ("ja",), "lv": ("un",), "lt": ("ir",), "mt": ("u",), "ga": ("agus",),
}  # fmt: skip
PART_LIMIT = 3  # organisations shown for each part
# One hub "covers" a part when it scores at least this share of the part's best hub.
COVER_SHARE = 0.6


@dataclass(frozen=True)
class NeedPart:
    """A part of a need: its words and the service family it asks for."""

    text: str
    family: str


@dataclass(frozen=True)
class MatchedPart:
    """A part of a need with the organisations that fit it, best first.

    ``matches`` are the explained few shown for the part (at most ``PART_LIMIT``); ``pool``
    ranks every organisation found for it (ids and scores), from which the bundle is chosen.
    """

    text: str
    family: str
    matches: list[Match]
    pool: list[Ranked] = field(default_factory=list)

    @property
    def best(self) -> list[Match]:
        """The few organisations shown for the part."""
        return self.matches[:PART_LIMIT]


@dataclass(frozen=True)
class Bundle:
    """Organisations that together cover every part of a need, and why, in one sentence.

    ``covering``: one organisation covers every part (else each part's best is proposed).
    """

    organisations: list[str]
    summary: str
    covering: bool = False


def _clauses(text: str, language: str) -> list[str]:
    """Cut a need into clauses at punctuation and at the language's word for "and"."""
    words = CONJUNCTIONS.get(language, ())
    pattern = r"\s+(?:" + "|".join(map(re.escape, words)) + r")\s+" if words else None
    clauses = []
    for piece in _PUNCTUATION.split(text):
        clauses += re.split(pattern, piece, flags=re.IGNORECASE) if pattern else [piece]
    return [clause.strip() for clause in clauses if clause.strip()]


def _first_family(clause: str, language: str) -> str | None:
    """The family a clause asks for: the one whose words come first in it."""
    folded = clause.casefold()
    found = [
        (min(folded.find(word) for word in label.words), label.label)
        for label in detect_labels(clause, language)
        if label.vocabulary == "family"
    ]
    return min(found)[1] if found else None


def split_need(text: str, language: str) -> list[NeedPart]:
    """Split a need into parts of different families; fewer than two parts means no bundle.

    A clause naming no family belongs to the part before it (the first ones to the part after).
    """
    texts: dict[str, list[str]] = {}
    pending: list[str] = []
    current: str | None = None
    for clause in _clauses(text, language):
        family = _first_family(clause, language)
        if family is None:
            (texts[current] if current else pending).append(clause)
            continue
        current = family
        texts.setdefault(family, []).extend([*pending, clause])
        pending = []
    return [NeedPart(", ".join(clauses), family) for family, clauses in texts.items()]


def propose_bundle(parts: list[MatchedPart], names: dict[str, str]) -> Bundle | None:
    """Propose one organisation covering every part, or else the best one for each part.

    ``names`` maps organisation ids to the names the summary uses.
    """
    if not parts or any(not part.pool for part in parts):
        return None
    shares = [{m.id: m.score / part.pool[0].score for m in part.pool} for part in parts]
    common = set.intersection(*(set(share) for share in shares))
    covering = [
        (min(share[org] for share in shares), org)
        for org in sorted(common)
        if all(share[org] >= COVER_SHARE for share in shares)
    ]
    if covering:
        org = max(covering, key=lambda item: item[0])[1]  # the first best: the lowest id
        labels = join_phrases([FAMILY_LABELS[part.family] for part in parts])
        return Bundle([org], f"{names[org]} covers every part of your need: {labels}.", True)
    chosen = list(dict.fromkeys(part.pool[0].id for part in parts))
    roles = [f"{names[part.pool[0].id]} for {FAMILY_LABELS[part.family]}" for part in parts]
    return Bundle(chosen, join_phrases(roles) + ".")
