"""OpenAPI paths and schemas of the downloads, the OpenAPI document itself and the docs page."""

from __future__ import annotations

from typing import Any

from catalogue import vocabularies
from catalogue.api.openapi_schemas import REF_PATTERN, TEXT, TEXTS, ref

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
        {"type": "array", "items": ref("NgsiLdEntity")},
    ),
}


def _record(required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "required": required, "properties": properties}


def schemas() -> dict[str, Any]:
    """Schemas of the interchange document and of NGSI-LD entities (the essentials)."""
    reference = {"type": "string", "pattern": REF_PATTERN}
    family = {"type": "string", "enum": list(vocabularies.SERVICE_FAMILIES)}
    kind = {"type": "string", "enum": list(vocabularies.ORGANISATION_KINDS)}
    service = _record(
        ["ref", "title", "family"], {"ref": reference, "title": TEXT, "family": family}
    )
    organisation = _record(
        ["ref", "name", "kind"],
        {
            "ref": reference,
            "name": TEXT,
            "kind": kind,
            "technologies": TEXTS,
            "sectors": TEXTS,
            "services": {"type": "array", "items": service},
            "extra": {
                "type": "object",
                "description": "Only the public attribution keys `licence` and `attribution`.",
                "propertyNames": {"enum": ["licence", "attribution"]},
            },
        },
    )
    return {
        "InterchangeDocument": {
            "type": "object",
            "description": "Catalogue interchange format, version 1 (see docs/interchange.md).",
            "required": ["format", "version"],
            "properties": {
                "format": {"const": "dih-catalogue"},
                "version": {"const": 1},
                "organisations": {"type": "array", "items": organisation},
                "practices": {"type": "array", "items": _record(["ref", "title"], {})},
                "events": {"type": "array", "items": _record(["ref", "title", "date"], {})},
            },
        },
        "NgsiLdEntity": _record(
            ["id", "type", "@context"],
            {
                "id": {"type": "string", "pattern": "^urn:ngsi-ld:DigitalInnovationHub(Service)?:"},
                "type": {"enum": ["DigitalInnovationHub", "DigitalInnovationHubService"]},
                "@context": {"type": "string", "format": "uri"},
            },
        ),
    }
