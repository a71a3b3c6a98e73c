"""OpenAPI path and schemas of POST /match, following the match API contract (docs/match-api.md)."""

from __future__ import annotations

from typing import Any

from catalogue import vocabularies
from catalogue.api.openapi_schemas import (
    FAMILY,
    NULLABLE_TEXT,
    REF,
    TEXT,
    URI,
    obj,
    ref,
    ref_links,
)
from catalogue.services.matching import MAX_LIMIT, MAX_NEED_LENGTH

MATCH_ERRORS = ("400", "405", "406", "413", "415", "429")
SCORE = {"type": "number", "minimum": 0, "maximum": 1}


def _filters_schema(country_codes: list[str]) -> dict[str, Any]:
    kinds = {"type": "string", "enum": list(vocabularies.ORGANISATION_KINDS)}
    country = {"type": "string", "enum": country_codes}
    filters = obj(
        {
            "families": {"type": ["array", "null"], "items": FAMILY},
            "countries": {"type": ["array", "null"], "items": country},
            "kinds": {"type": ["array", "null"], "items": kinds},
        },
        optional=("families", "countries", "kinds"),
    )
    return filters | {
        "type": ["object", "null"],
        "description": "Hard filters: only organisations satisfying all given ones are returned.",
    }


def _answer_schemas() -> dict[str, Any]:
    """The optional keys of a match response added in version 1.1."""
    refs = {"type": "array", "items": REF}
    referral = obj({"country": TEXT, "message": TEXT, "local_results": {"type": "integer"}})
    part = obj({"text": TEXT, "family": FAMILY, "organisations": refs})
    return {
        "referral": referral | {"description": "What the asking city's country changed."},
        "parts": {"type": "array", "items": part},
        "bundle": obj({"organisations": refs, "summary": TEXT}),
        "advice": TEXT | {"description": "Present when the need is too vague to rank on."},
    }


def _request_schema() -> dict[str, Any]:
    country_codes = vocabularies.country_codes()
    request = obj(
        {
            "text": {
                "type": "string",
                "minLength": 1,
                "maxLength": MAX_NEED_LENGTH,
                "pattern": r"\S",
                "description": "The need in the city's own words, any EU language.",
            },
            "country": {
                "type": ["string", "null"],
                "enum": [*country_codes, None],
                "description": "ISO 3166-1 alpha-2 code of the asking city; nearby hubs first.",
            },
            "families": {
                "type": ["array", "null"],
                "items": FAMILY,
                "description": "Service families wanted: a preference, not a filter.",
            },
            "language": {
                "type": ["string", "null"],
                "enum": [*vocabularies.language_codes(), None],
                "description": "ISO 639-1 code of the text; detected when absent.",
            },
            "limit": {"type": ["integer", "null"], "minimum": 1, "maximum": MAX_LIMIT},
            "filters": _filters_schema(country_codes),
        },
        optional=("country", "families", "language", "limit", "filters"),
    )
    return request | {"example": {"text": "Test an AI traffic tool before we buy it"}}


def _result_schema() -> dict[str, Any]:
    organisation = obj(
        {
            "ref": REF,
            "name": TEXT,
            "kind": {"type": "string", "enum": list(vocabularies.ORGANISATION_KINDS)},
            "country": NULLABLE_TEXT,
            "url": URI,
        }
    )
    service = obj({"ref": REF, "title": TEXT, "family": FAMILY, "score": SCORE})
    term = obj({"term": TEXT, "field": TEXT, "weight": {"type": "number", "minimum": 0}})
    explanation = obj(
        {
            "summary": TEXT,
            "matched_terms": {"type": "array", "items": term},
            "families": {"type": "array", "items": FAMILY},
            "location": TEXT,
            "semantic": SCORE | {"description": "Share of the score from similarity of meaning."},
        },
        optional=("semantic",),
    )
    return obj(
        {
            "rank": {"type": "integer", "minimum": 1},
            "score": SCORE,
            "organisation": organisation,
            "services": {"type": "array", "items": service},
            "explanation": explanation,
        }
    )


def schemas() -> dict[str, Any]:
    """The component schemas of the match endpoint."""
    query = obj({"text": TEXT, "language": TEXT, "country": NULLABLE_TEXT})
    answer = _answer_schemas()
    response = obj(
        {"query": query, "results": {"type": "array", "items": ref("MatchResult")}} | answer,
        optional=tuple(answer),
    )
    return {"MatchRequest": _request_schema(), "MatchResult": _result_schema(), "Matches": response}


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
