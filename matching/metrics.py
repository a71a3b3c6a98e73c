"""Ranking metrics for graded relevance: nDCG@k, reciprocal rank and capped recall@k."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence


def ndcg_at_k(ranking: Sequence[str], relevance: Mapping[str, int], k: int = 10) -> float:
    """Normalised discounted cumulative gain with gains ``2**grade - 1``."""
    gains = [2 ** relevance.get(item, 0) - 1 for item in ranking[:k]]
    dcg = sum(gain / math.log2(position + 2) for position, gain in enumerate(gains))
    ideal = sorted((2**grade - 1 for grade in relevance.values()), reverse=True)[:k]
    idcg = sum(gain / math.log2(position + 2) for position, gain in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def reciprocal_rank(ranking: Sequence[str], relevance: Mapping[str, int], k: int = 10) -> float:
    """One over the rank of the first relevant item within the first ``k`` (0 if none)."""
    for position, item in enumerate(ranking[:k], start=1):
        if relevance.get(item, 0) > 0:
            return 1.0 / position
    return 0.0


def recall_at_k(ranking: Sequence[str], relevance: Mapping[str, int], k: int = 10) -> float:
    """Share of relevant items found in the first ``k``, out of at most ``k`` findable ones."""
    relevant = {item for item, grade in relevance.items() if grade > 0}
    if not relevant:
        return 0.0
    found = sum(1 for item in ranking[:k] if item in relevant)
    return found / min(k, len(relevant))
