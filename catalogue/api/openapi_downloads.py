"""OpenAPI paths of the downloads, the OpenAPI document itself and the docs page (their schemas
are generated from the contracts, in openapi_schemas)."""

from __future__ import annotations

from typing import Any

from catalogue.api.openapi_schemas import ref
from catalogue.contracts import ngsi_ld

TEXT = {"type": "string"}

DOWNLOAD_ERRORS = ("405", "406", "413", "429")
VALIDATORS = {
    "ETag": {"required": True, "description": "Changes with the catalogue.", "schema": TEXT},
    "Last-Modified": {
        "required": True,
        "description": "When the newest record changed (HTTP date).",
        "schema": TEXT,
    },
}
CONDITIONAL_PARAMETERS = [
    {
        "name": "If-None-Match",
        "in": "header",
        "description": "The ETag of the copy you have: 304 when it is still current.",
        "schema": TEXT,
    },
    {
        "name": "If-Modified-Since",
        "in": "header",
        "description": "The Last-Modified of the copy you have (ignored with If-None-Match).",
        "schema": TEXT,
    },
]


def download(operation_id: str, summary: str, media_type: str, schema: dict) -> dict[str, Any]:
    """A GET of a whole-catalogue file with caching validators and a 304 answer."""
    ok_headers = VALIDATORS | {
        "Content-Disposition": {
            "required": True,
            "description": "`attachment` with the file name.",
            "schema": TEXT,
        }
    }
    errors = {code: {"$ref": f"#/components/responses/{code}"} for code in DOWNLOAD_ERRORS}
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "tags": ["downloads"],
            "parameters": CONDITIONAL_PARAMETERS,
            "responses": {
                "200": {
                    "description": "The file.",
                    "headers": ok_headers,
                    "content": {media_type: {"schema": schema}},
                },
                "304": {
                    "description": "Your copy is current (If-None-Match or If-Modified-Since).",
                    "headers": {"ETag": VALIDATORS["ETag"]},
                },
                **errors,
            },
        }
    }


def _page(operation_id: str, summary: str, media_type: str, schema: dict) -> dict[str, Any]:
    errors = {code: {"$ref": f"#/components/responses/{code}"} for code in DOWNLOAD_ERRORS}
    ok = {"description": summary, "content": {media_type: {"schema": schema}}}
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "tags": ["documentation"],
            "responses": {"200": ok, **errors},
        }
    }


CSV_SCHEMA = {
    "type": "string",
    "description": "CSV in UTF-8 with a byte-order mark (so spreadsheets read accents right), "
    "with a header row.",
}
PATHS: dict[str, dict[str, Any]] = {
    "/": _page("showApiDocs", "This document as a readable page", "text/html", TEXT),
    "/openapi.json": _page(
        "getOpenApi", "This OpenAPI document", "application/json", {"type": "object"}
    ),
    "/schemas/interchange.json": _page(
        "getInterchangeSchema",
        "The JSON Schema (2020-12) of the interchange format, version 1",
        "application/schema+json",
        {"type": "object"},
    ),
    "/downloads/catalogue.json": download(
        "downloadCatalogue",
        "The published catalogue in the interchange format",
        "application/json",
        ref("InterchangeDocument"),
    ),
    "/downloads/organisations.csv": download(
        "downloadOrganisationsCsv", "Published organisations as CSV", "text/csv", CSV_SCHEMA
    ),
    "/downloads/services.csv": download(
        "downloadServicesCsv", "Published services as CSV", "text/csv", CSV_SCHEMA
    ),
    "/downloads/ngsi-ld.jsonld": download(
        "downloadNgsiLd",
        "Published hubs and services as NGSI-LD entities (FIWARE Smart Data Models)",
        "application/ld+json",
        {"type": "array", "items": {"oneOf": [ref(m.__name__) for m in ngsi_ld.ENTITIES]}},
    ),
}
