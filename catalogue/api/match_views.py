"""POST /api/v1/match: a need in, ranked and explained organisations out (docs/match-api.md)."""

from __future__ import annotations

from typing import Any

from flask import abort, request

from catalogue.api.blueprint import bp
from catalogue.api.match_answer import match_response
from catalogue.api.serializers import as_json
from catalogue.extensions import db, match_index_holder
from catalogue.services import hub_matching


def _read_json_body() -> Any:
    """Return the parsed JSON body, or fail with 415/400 naming what is wrong with it.

    The request class turns unreadable JSON (malformed, empty, nested too deeply) into a 400.
    """
    if not request.is_json:
        abort(415, "Send the request body as JSON with 'Content-Type: application/json'.")
    return request.get_json()


@bp.post("/match")
def match_need():
    """Rank the published organisations and services for a need written in plain words."""
    need = hub_matching.validate_match_request(_read_json_body())
    outcome = hub_matching.find_matches(db.session, match_index_holder(), need, with_services=False)
    return as_json(match_response(need, outcome))
