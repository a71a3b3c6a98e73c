"""Country that visibly matters: nearby hubs that fit come first, and a referral when none does."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from matching.filters import record_of
from matching.ranked import Result
from matching.vocabulary import NEIGHBOURS, country_name

if TYPE_CHECKING:
    from matching.index import MatchIndex

# A hub "fits well" when its score reaches this share of the best score of the need...
FIT_SHARE = 0.5
# ...and this floor: below it no hub fits well, wherever it is (the need is too vague, or worded
# unlike every profile; matching.advice says so).
FIT_FLOOR = 0.04


@dataclass(frozen=True)
class Referral:
    """What the asking city's country changed, in plain words.

    ``local_results`` counts the results in the city's country that fit well; ``nearby`` how
    many results (of the country and its neighbours) come first; ``case`` which of the
    messages applies: ``none`` (no result at all), ``elsewhere`` (none fits nearby),
    ``neighbours`` (fitting neighbours first) or ``local`` (fitting local hubs first).
    """

    country: str
    local_results: int
    nearby: int
    message: str
    case: str = "local"


def fits_well(score: float, best: float) -> bool:
    """Tell whether a score is close enough to the need's best score to call the hub fitting."""
    return score >= FIT_FLOOR and score >= FIT_SHARE * best


def _place(index: MatchIndex, match: Result, country: str) -> str:
    """Where a result is for the city: "local", "neighbour" or "elsewhere" (EU-wide included)."""
    hub_country = record_of(index, match.id).country
    if hub_country == country:
        return "local"
    return "neighbour" if hub_country in NEIGHBOURS.get(country, ()) else "elsewhere"


def group_by_country(
    index: MatchIndex, matches: list[Result], country: str, limit: int
) -> tuple[list[Result], Referral]:
    """Put the fitting hubs of ``country`` first, then its neighbours', then the best elsewhere.

    ``matches`` are best first; the result keeps at most ``limit`` of them, ranked from 1 again.
    """
    best = matches[0].score if matches else 0.0
    places = [_place(index, match, country) for match in matches]
    fitting = [fits_well(match.score, best) for match in matches]
    local_first = sorted(
        (p != "local", position)
        for position, (p, f) in enumerate(zip(places, fitting, strict=True))
        if f and p != "elsewhere"
    )
    nearby = [matches[position] for _, position in local_first]
    chosen = {match.id for match in nearby[:limit]}
    rest = [match for match in matches if match.id not in chosen]
    ordered = [*nearby[:limit], *rest][:limit]
    local = sum(1 for p, f in zip(places, fitting, strict=True) if f and p == "local")
    case = _case(local, len(nearby) - local, bool(matches))
    message = _message(case, country, local)
    ranked = [replace(match, rank=rank) for rank, match in enumerate(ordered, start=1)]
    return ranked, Referral(country, local, min(len(nearby), limit), message, case)


def _case(local: int, neighbours: int, any_result: bool) -> str:
    """Which message the city's country calls for (see ``Referral.case``)."""
    if not any_result:
        return "none"
    if local == 0:
        return "neighbours" if neighbours else "elsewhere"
    return "local"


def _message(case: str, country: str, local: int) -> str:
    """Say in plain words what the city sees because of its country (the app's pages say it in
    the reader's language: catalogue/explanations.py)."""
    name = country_name(country)
    if case == "none":
        return f"No hub in {name} or elsewhere in Europe fits this need yet."
    if case == "elsewhere":
        return f"No hub in {name} fits this need well; these hubs elsewhere in Europe do."
    if case == "neighbours":
        return (
            f"No hub in {name} fits this need well; the fitting hubs of neighbouring countries "
            "come first, then the best elsewhere in Europe."
        )
    hubs = "hub" if local == 1 else "hubs"
    verb = "fits" if local == 1 else "fit"
    return (
        f"{local} {hubs} in {name} {verb} this need well; they come first, with fitting hubs of "
        "neighbouring countries, then the best elsewhere in Europe."
    )
