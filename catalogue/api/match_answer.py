"""The optional keys of a match response (match API 1.1): referral, parts, bundle and advice."""

from __future__ import annotations

from typing import Any

from catalogue.contracts import match
from catalogue.services.hub_matching import MatchOutcome


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
