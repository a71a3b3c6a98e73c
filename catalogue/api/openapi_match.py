"""OpenAPI path of POST /match; its schemas come from catalogue/contracts/match.py."""

from __future__ import annotations

from typing import Any

from catalogue.api.openapi_schemas import ref, ref_links

MATCH_ERRORS = ("400", "405", "406", "413", "415", "429")


PATHS: dict[str, dict[str, Any]] = {
    "/match": {
        "post": {
            "operationId": "matchNeed",
            "summary": "Rank published hubs and services against a need in plain words",
            "description": "Results are ordered best first, one per organisation, each with "
            "the services that carried the match and an explanation (docs/match-api.md).",
            "tags": ["matching"],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": ref("MatchRequest")}},
            },
            "responses": {
                "200": {
                    "description": "The ranked, explained matches.",
                    "content": {"application/json": {"schema": ref("Matches")}},
                    "links": ref_links({"getOrganisation": "/results/0/organisation/ref"}),
                },
            }
            | {code: {"$ref": f"#/components/responses/{code}"} for code in MATCH_ERRORS},
        }
    }
}
