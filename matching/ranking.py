"""Vectorised score aggregation, preference weights and deterministic top-k selection."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from matching.geography import NEIGHBOURS
from matching.similarity import spans


def aggregate(unit_scores: np.ndarray, unit_org: np.ndarray, n_orgs: int) -> np.ndarray:
    """Score each organisation by its best evidence: the best of its own and its services' units.

    ``unit_org`` names each unit's organisation; every organisation has a unit (its own).
    Listing services earns nothing by itself: a second matching text adds no bonus, so an
    organisation that describes its work in its profile ranks with one that splits the same
    text into service entries. (``np.maximum.at`` takes half the time of ``reduceat`` over
    many short runs of units.)
    """
    best = np.full(n_orgs, -np.inf, dtype=unit_scores.dtype)
    np.maximum.at(best, unit_org, unit_scores)
    return best


def aggregate_among(unit_scores: np.ndarray, org_start: np.ndarray, orgs: np.ndarray) -> np.ndarray:
    """``aggregate`` for the organisations ``orgs`` only, 0 for the others.

    The same scores as ``aggregate`` when only the units of ``orgs`` score above 0 (as in
    ``similar()``, which scores its candidates' units alone), without reading every unit.
    """
    orgs = np.asarray(orgs, dtype=np.int64)
    scores = np.zeros(len(org_start), dtype=unit_scores.dtype)
    if orgs.size == 0:
        return scores
    stops = np.append(org_start, len(unit_scores))[orgs + 1]
    starts = org_start[orgs]
    lengths = stops - starts
    best = np.maximum.reduceat(unit_scores[spans(starts, stops)], np.cumsum(lengths) - lengths)
    scores[orgs] = best
    return scores


def family_weights(
    unit_family: np.ndarray,
    unit_org: np.ndarray,
    org_family_mask: np.ndarray,
    preferred: np.ndarray,
    boost: float,
) -> np.ndarray:
    """Weight each unit by whether it serves a preferred family (1) or not (1 / (1 + boost)).

    A service counts by its own family; an organisation's own profile counts by the families it
    offers or its description reveals. ``preferred`` is a boolean mask over the families.
    """
    org_ok = (org_family_mask & preferred).any(axis=1)
    unit_ok = np.where(unit_family >= 0, preferred[np.maximum(unit_family, 0)], org_ok[unit_org])
    return np.where(unit_ok, 1.0, 1.0 / (1.0 + boost)).astype(np.float32)


def kind_weights(intermediary: np.ndarray, factor: float) -> np.ndarray:
    """Weight organisations: 1 for providers, ``factor`` for networks and initiatives.

    A network or initiative points cities to providers rather than delivering services itself,
    so for a need asking for delivery it ranks below a provider with the same evidence.
    ``intermediary`` is a boolean mask over the organisations.
    """
    return np.where(intermediary, factor, 1.0).astype(np.float32)


def country_weights(
    country_codes: np.ndarray,
    countries: Sequence[str],
    city_country: str,
    same_boost: float,
    neighbour_boost: float,
) -> np.ndarray:
    """Weight organisations: 1 in the city's country, a little less next door, less elsewhere.

    Organisation ``i`` is in ``countries[country_codes[i]]``; EU-wide organisations (country
    "") count as neighbours of every city. The weight is worked out once per country.
    """
    near = NEIGHBOURS.get(city_country, ())
    elsewhere = 1.0 / (1.0 + same_boost)
    table = np.asarray(
        [
            1.0 if country == city_country
            else (1.0 + neighbour_boost) * elsewhere if country in near or not country
            else elsewhere
            for country in countries
        ],
        dtype=np.float32,
    )  # fmt: skip
    return table[country_codes]


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` best positive scores, best first, ties broken by lower index.

    Indices follow the records' id order, so ties are broken by id.
    """
    positive = np.flatnonzero(scores > 0)
    if positive.size > k:
        part = np.argpartition(-scores[positive], k - 1)[:k]
        threshold = scores[positive[part]].min()
        positive = positive[scores[positive] >= threshold]
    order = np.lexsort((positive, -scores[positive]))
    return positive[order][:k]
