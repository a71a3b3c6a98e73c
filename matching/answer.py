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
from matching.bundles import Bundle, MatchedPart, propose_bundle, split_need
from matching.filters import FILTER_POOL, Filters, keep_satisfying, record_of
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
    matches = _ranked(index, text, ask, pool, query_vector)
    best = matches[0].score if matches else 0.0
    advice = advise(text, language, best)
    if filters and advice is not None and _fits_unfiltered(index, text, ask, query_vector):
        advice = filters_left_none()
    referral = None
    if country is not None:
        matches, referral = group_by_country(index, matches, country, limit)
    else:
        matches = _renumbered(matches[:limit])
    parts = _matched_parts(index, text, ask)
    names = {m.id: record_of(index, m.id).name for part in parts for m in part.matches}
    return Answer(
        language=language,
        matches=matches,
        referral=referral,
        advice=advice,
        parts=parts,
        bundle=propose_bundle(parts, names) if parts else None,
    )


def _ranked(
    index: MatchIndex, text: str, ask: _Ask, pool: int, query_vector: np.ndarray | None = None
) -> list[Match]:
    """The engine's ranking of ``pool`` organisations, without those the filters exclude."""
    matches = index.query(
        text, country=ask.country, families=ask.preferred, language=ask.language,
        limit=pool, query_vector=query_vector,
    )  # fmt: skip
    return keep_satisfying(index, matches, ask.filters)


def _fits_unfiltered(
    index: MatchIndex, text: str, ask: _Ask, query_vector: np.ndarray | None
) -> bool:
    """Whether some organisation would fit the need well without the hard filters."""
    unfiltered = replace(ask, filters=Filters())
    best = _ranked(index, text, unfiltered, 1, query_vector)
    return bool(best) and best[0].score >= FIT_FLOOR


def _matched_parts(index: MatchIndex, text: str, ask: _Ask) -> list[MatchedPart]:
    """Match each part of a need asking several kinds of help to hubs offering that kind.

    A part is ranked on its own words followed by the whole need, so the topic the need names
    once (air quality, incoming mail) still counts for every part.
    """
    parts = split_need(text, ask.language)
    if len(parts) < 2:
        return []
    matched = []
    for part in parts:
        filters = replace(ask.filters, families=(part.family,))
        part_ask = replace(ask, preferred=[part.family], filters=filters)
        found = _ranked(index, f"{part.text}. {text}", part_ask, NEARBY_POOL)
        matched.append(MatchedPart(part.text, part.family, _renumbered(found)))
    return matched


def _renumbered(matches: list[Match]) -> list[Match]:
    """The matches ranked from 1 in their order."""
    return [replace(m, rank=rank) for rank, m in enumerate(matches, start=1)]
