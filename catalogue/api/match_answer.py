"""A match response as typed values (match API 1.1): the results and the optional keys
(referral, parts, bundle, advice). The API and ``flask match --json`` answer with it."""

from __future__ import annotations

from typing import Any

from catalogue.api.serializers import serialize_match
from catalogue.contracts import match
from catalogue.services.hub_matching import MatchOutcome


def match_response(need: match.MatchRequest, outcome: MatchOutcome) -> match.Matches:
    """The whole answer to ``need``: the query as understood, the results, the 1.1 keys."""
    return match.Matches(
        query=match.MatchQuery(text=need.text, language=outcome.language, country=need.country),
        results=[serialize_match(m, outcome.organisations[m.id]) for m in outcome.matches],
        **answer_keys(outcome),
    )


def answer_keys(outcome: MatchOutcome) -> dict[str, Any]:
    """The 1.1 keys that apply to this answer, as typed values; a key that does not apply is
    left out (the response model then leaves it out of the JSON)."""
    keys: dict[str, Any] = {}
    if outcome.referral is not None:
        keys["referral"] = match.Referral(
            country=outcome.referral.country,
            message=outcome.referral.message,
            local_results=outcome.referral.local_results,
        )
    if outcome.parts:
        keys["parts"] = [
            match.NeedPart(
                text=part.text,
                family=part.family,
                organisations=[found.id for found in part.matches],
            )
            for part in outcome.parts
        ]
    if outcome.bundle is not None:
        keys["bundle"] = match.Bundle(
            organisations=list(outcome.bundle.organisations), summary=outcome.bundle.summary
        )
    if outcome.advice is not None:
        keys["advice"] = outcome.advice.message
    return keys
