"""The answer to a need: ranked hubs, grouped by the city's country, filtered, advised, bundled.

It asks the engine (``MatchIndex.query``) for a pool of ranked organisations and shapes what the
city sees from it; the ranking itself stays the engine's.

Examples
--------
>>> from matching import MatchIndex, OrganisationRecord
>>> lab = OrganisationRecord("a", "Air lab", country="DE", description="air sensors")
>>> index = MatchIndex().fit([lab])
>>> answer_need(index, "air quality sensors", country="MT").referral.local_results
0
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from matching.advice import Advice, advise, filters_left_none
from matching.bundles import PART_LIMIT, Bundle, MatchedPart, propose_bundle, split_need
from matching.filters import FILTER_POOL, Filters, keep_satisfying, record_of
from matching.ranked import Ranked, Ranking
from matching.records import Match
from matching.referral import FIT_FLOOR, Referral, group_by_country

if TYPE_CHECKING:
    from matching.index import MatchIndex

NEARBY_POOL = 50  # ranked organisations among which a country's fitting hubs are looked for


@dataclass(frozen=True)
class Answer:
    """Everything the city sees for a need (match API 1.1)."""

    language: str
    matches: list[Match]
    referral: Referral | None = None
    advice: Advice | None = None
    parts: list[MatchedPart] = field(default_factory=list)
    bundle: Bundle | None = None


@dataclass(frozen=True)
class _Ask:
    """The options every query of one answer shares."""

    country: str | None
    preferred: list[str] | None
    language: str
    filters: Filters


def answer_need(
    index: MatchIndex,
    text: str,
    country: str | None = None,
    families: Iterable[str] | None = None,
    language: str | None = None,
    limit: int = 10,
    filters: Filters | None = None,
    query_vector: np.ndarray | None = None,
) -> Answer:
    """Rank, group, filter, advise and bundle the organisations for a need.

    ``families`` are a preference (as in ``MatchIndex.query``); ``filters`` are hard: no
    organisation failing them is returned. With ``country``, the fitting hubs of that country
    and its neighbours come first and the referral says what the city sees.
    """
    filters = filters or Filters()
    language = language or index.detect_language(text)
    preferred = list(dict.fromkeys([*(families or ()), *filters.families])) or None
    ask = _Ask(country, preferred, language, filters)
    pool = max(limit, FILTER_POOL if filters else NEARBY_POOL if country else limit)
    if query_vector is None:  # encoded once for every ranking of this answer
        query_vector = index.need_vector(text)
    ranking, ranked = _ranked(index, text, ask, pool, query_vector)
    best = ranked[0].score if ranked else 0.0
    advice = advise(text, language, best)
    if filters and advice is not None and _fits_unfiltered(index, text, ask, query_vector):
        advice = filters_left_none()
    referral = None
    if country is not None:
        ranked, referral = group_by_country(index, ranked, country, limit)
    else:
        ranked = _renumbered(ranked[:limit])
    parts = _matched_parts(index, text, ask, query_vector)
    names = {m.id: record_of(index, m.id).name for part in parts for m in part.pool}
    return Answer(
        language=language,
        matches=ranking.explain(ranked),
        referral=referral,
        advice=advice,
        parts=parts,
        bundle=propose_bundle(parts, names) if parts else None,
    )


def _ranked(
    index: MatchIndex, text: str, ask: _Ask, pool: int, query_vector: np.ndarray | None
) -> tuple[Ranking, list[Ranked]]:
    """The engine's ranking of ``pool`` organisations, and its items the filters keep."""
    ranking = index.rank(
        text, country=ask.country, families=ask.preferred, language=ask.language,
        limit=pool, query_vector=query_vector,
    )  # fmt: skip
    return ranking, keep_satisfying(index, ranking, ask.filters)


def _fits_unfiltered(
    index: MatchIndex, text: str, ask: _Ask, query_vector: np.ndarray | None
) -> bool:
    """Whether some organisation would fit the need well without the hard filters."""
    unfiltered = replace(ask, filters=Filters())
    _, best = _ranked(index, text, unfiltered, 1, query_vector)
    return bool(best) and best[0].score >= FIT_FLOOR


def _matched_parts(
    index: MatchIndex, text: str, ask: _Ask, query_vector: np.ndarray | None
) -> list[MatchedPart]:
    """Match each part of a need asking several kinds of help to hubs offering that kind.

    A part is ranked on its own words followed by the whole need, so the topic the need names
    once (air quality, incoming mail) still counts for every part; its meaning is the whole
    need's (``query_vector``): the part's family is a filter already, and encoding each part
    again would cost a whole encoding per part.
    """
    parts = split_need(text, ask.language)
    if len(parts) < 2:
        return []
    matched = []
    for part in parts:
        filters = replace(ask.filters, families=(part.family,))
        part_ask = replace(ask, preferred=[part.family], filters=filters)
        ranking, found = _ranked(index, f"{part.text}. {text}", part_ask, NEARBY_POOL, query_vector)
        pool = _renumbered(found)
        shown = ranking.explain(pool[:PART_LIMIT])
        matched.append(MatchedPart(part.text, part.family, shown, pool))
    return matched


def _renumbered(ranked: list[Ranked]) -> list[Ranked]:
    """The items ranked from 1 in their order."""
    return [replace(item, rank=rank) for rank, item in enumerate(ranked, start=1)]
