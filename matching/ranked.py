"""A ranking before its explanations: ids and scores first, the evidence only for what is shown.

``MatchIndex.rank`` scores every organisation; an answer then filters, groups by country and
cuts the pool of 50 or 200 to the ten a city sees. Explaining an organisation (its services,
the terms of each field, the summary) costs far more than scoring it, so only the organisations
kept are explained (``Ranking.explain``), and the result is the very ``Match`` that explaining
the whole pool and keeping the same ones gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from matching.explain import ExplainContext, build_match
from matching.records import Match


@dataclass(frozen=True)
class Ranked:
    """One ranked organisation, not yet explained; ``score`` is the one its ``Match`` has."""

    id: str
    score: float
    rank: int


# What answers filter and group: explained matches, or ranked items not explained yet.
Result = TypeVar("Result", Match, Ranked)


@dataclass(frozen=True)
class _Scored:
    org: int
    score: float
    share: float | None


class Ranking:
    """The organisations one query ranked, best first, explained on demand.

    Iterating yields ``Ranked`` items; ``explain`` turns any of them (also renumbered with
    ``dataclasses.replace``) into the ``Match`` that ``MatchIndex.query`` would return.
    """

    def __init__(
        self,
        context: ExplainContext,
        unit_scores: np.ndarray,
        best: Iterable[int],
        scores: np.ndarray,
        shares: np.ndarray | None,
    ) -> None:
        self._context = context
        self._unit_scores = unit_scores
        records = context.index.records_
        self._scored: dict[str, _Scored] = {}
        self.ranked: list[Ranked] = []
        for rank, org in enumerate(best, start=1):
            score = float(scores[org])
            share = None if shares is None else float(shares[org])
            record_id = records[int(org)].id
            self._scored[record_id] = _Scored(int(org), score, share)
            self.ranked.append(Ranked(record_id, _shown_score(score), rank))

    def __iter__(self) -> Iterator[Ranked]:
        return iter(self.ranked)

    def __len__(self) -> int:
        return len(self.ranked)

    def explain(self, items: Iterable[Ranked]) -> list[Match]:
        """The explained ``Match`` of each item, in order, with the item's rank."""
        matches = []
        for item in items:
            scored = self._scored[item.id]
            matches.append(
                build_match(
                    self._context,
                    scored.org,
                    scored.score,
                    item.rank,
                    self._unit_scores,
                    scored.share,
                )  # fmt: skip
            )
        return matches

    def explain_all(self) -> list[Match]:
        """Every ranked organisation, explained, best first."""
        return self.explain(self.ranked)


def _shown_score(score: float) -> float:
    """The score as ``build_match`` puts it in a ``Match``: in [0, 1], six decimals."""
    return round(min(max(score, 0.0), 1.0), 6)
