"""POST /api/v1/match: a need in, ranked and explained organisations out (docs/match-api.md)."""

from __future__ import annotations

from typing import Any

from flask import abort, request

from catalogue.api.blueprint import bp
from catalogue.api.match_answer import answer_keys
from catalogue.api.serializers import page_url
from catalogue.extensions import db, match_index_holder
from catalogue.models import Organisation
from catalogue.services import matching
from matching import Match


def _read_json_body() -> Any:
    """Return the parsed JSON body, or fail with 415/400 naming what is wrong with it.

    The request class turns unreadable JSON (malformed, empty, nested too deeply) into a 400.
    """
    if not request.is_json:
        abort(415, "Send the request body as JSON with 'Content-Type: application/json'.")
    return request.get_json()


def serialize_match(match: Match, organisation: Organisation) -> dict[str, Any]:
    """One result of the match API: the organisation, the services and the explanation."""
    return {
        "rank": match.rank,
        "score": round(match.score, 4),
        "organisation": {
            "ref": organisation.ref,
            "name": organisation.name,
            "kind": organisation.kind,
            "country": organisation.country,
            "url": page_url("organisation", organisation.slug),
        },
        "services": [
            {"ref": s.id, "title": s.title, "family": s.family, "score": round(s.score, 4)}
            for s in match.services
        ],
        "explanation": {
            "summary": match.summary,
            "matched_terms": [
                {"term": t.term, "field": t.field, "weight": round(t.weight, 4)}
                for t in match.matched_terms
            ],
            "families": list(match.families),
            "location": match.location,
        }
        | ({} if match.semantic is None else {"semantic": round(match.semantic, 4)}),
    }


@bp.post("/match")
def match_need():
    """Rank the published organisations and services for a need written in plain words."""
    need = matching.validate_match_request(_read_json_body())
    outcome = matching.find_matches(db.session, match_index_holder(), need)
    return {
        "query": {"text": need.text, "language": outcome.language, "country": need.country},
        "results": [serialize_match(m, outcome.organisations[m.id]) for m in outcome.matches],
    } | answer_keys(outcome)
