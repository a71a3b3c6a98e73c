"""Fusing each unit's lexical score with its similarity of meaning, weighted per language group."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from matching.concepts import vocabulary_languages

# Needs in a language of data/concepts.txt reach English hubs through concepts as well as words,
# so they may want a different share of meaning than English or languages without terms there.
LANGUAGE_GROUPS = ("en", "concepts", "other")
# Below this spread between the catalogue's median and its best cosine nothing stands out from
# the crowd: e5 cosines sit in a narrow band (about 0.7-0.9), so the spread is a few hundredths.
MIN_SPREAD = 0.05


@dataclass(frozen=True)
class Fusion:
    """How much of a unit's score comes from meaning, and how sharply the best units stand out.

    ``weight`` 0 is the lexical engine alone, 1 the embedding alone; ``sharpness`` raises the
    normalised similarity to a power, so that only the closest units get much of it.
    """

    weight: float
    sharpness: float = 1.0

    def __post_init__(self) -> None:
        if not 0.0 <= self.weight <= 1.0:
            raise ValueError(f"fusion weight must be in [0, 1], got {self.weight!r}")
        if not self.sharpness > 0:
            raise ValueError(f"fusion sharpness must be > 0, got {self.sharpness!r}")


# Learned with `flask devset tune` on the development set (docs/matching.md): the
# weights are small because raw lexical cosines of good matches are 0.2-0.5 while the
# normalised similarity of the closest unit is 1.
DEFAULT_FUSION: dict[str, Fusion] = {
    "en": Fusion(0.1, 2.0),
    "concepts": Fusion(0.075, 1.0),
    "other": Fusion(0.15, 1.0),
}


def language_group(language: str) -> str:
    """Return the group whose fusion weights apply to a need in ``language``."""
    if language == "en":
        return "en"
    return "concepts" if language in vocabulary_languages() else "other"


def check_fusion(fusion: dict[str, Fusion] | None) -> dict[str, Fusion]:
    """Complete per-group fusion settings with the defaults, refusing unknown groups."""
    settings = dict(DEFAULT_FUSION)
    for group, value in (fusion or {}).items():
        if group not in LANGUAGE_GROUPS:
            raise ValueError(f"unknown language group {group!r}, expected one of {LANGUAGE_GROUPS}")
        if not isinstance(value, Fusion):
            raise ValueError(f"fusion of {group!r} must be a matching.fusion.Fusion")
        settings[group] = value
    return settings


def similarity(cosines: np.ndarray, has_vector: np.ndarray, sharpness: float) -> np.ndarray:
    """Turn raw cosines into [0, 1]: the catalogue's median unit gives 0, the best one 1.

    The baseline is taken per need, because the cosines of e5 drift with a need's length and
    language; units without a vector get 0.
    """
    scores = np.zeros(len(cosines), dtype=np.float32)
    if not has_vector.any():
        return scores
    known = cosines[has_vector]
    baseline = float(np.median(known))
    spread = max(float(known.max()) - baseline, MIN_SPREAD)
    normalised = np.clip((known - baseline) / spread, 0.0, 1.0) ** sharpness
    scores[has_vector] = normalised
    return scores


def fuse(
    lexical: np.ndarray, semantic: np.ndarray, has_vector: np.ndarray, fusion: Fusion
) -> tuple[np.ndarray, np.ndarray]:
    """Return each unit's fused score and the part of it that came from shared words.

    ``fused = (1 - weight) x lexical + weight x semantic`` where the unit has a vector; a unit
    without one keeps its lexical score whole. Both inputs are in [0, 1], so is the result.
    """
    words = np.where(has_vector, (1.0 - fusion.weight) * lexical, lexical).astype(np.float32)
    meaning = np.where(has_vector, fusion.weight * semantic, 0.0).astype(np.float32)
    return np.clip(words + meaning, 0.0, 1.0), words
