"""The OpenAPI 3.1 document of /api/v1: one operation per entry of ``PATHS``."""

from __future__ import annotations

from functools import cache
from typing import Any

from catalogue import vocabularies
from catalogue.api import openapi_downloads, openapi_match, openapi_schemas, openapi_writes
from catalogue.api.openapi_schemas import ref, ref_links
from catalogue.contracts.values import REF_PATTERN
from catalogue.services import browse
from catalogue.services.list_parameters import MAX_PAGE

JSON = "application/json"
# Every query parameter: request_checks refuses NUL anywhere in the query string.
NO_NUL = "^[^\\u0000]*$"
LIST_ERRORS = ("400", "404", "405", "406", "413", "429")
ITEM_ERRORS = ("404", "405", "406", "413", "429")
ERROR_DESCRIPTIONS = {
    "400": "A parameter is invalid; `fields` names each one and its problem.",
    "404": "No published record with this ref (unpublished records are not found either), "
    "or a page past the last one.",
    "405": "The method is not allowed; the `Allow` header lists those that are.",
    "406": "The `Accept` header excludes every media type this resource is available in.",
    "413": "The request body is larger than the server accepts.",
    "415": "The request body is not sent as `application/json`.",
    "429": "Too many requests; `Retry-After` says how many seconds to wait.",
}


def json_response(
    description: str, schema: dict[str, Any], links: dict[str, str] | None = None
) -> dict[str, Any]:
    """A 200 response with a JSON body; ``links`` maps an operation to the ref that leads there."""
    response: dict[str, Any] = {"description": description, "content": {JSON: {"schema": schema}}}
    if links:
        response["links"] = ref_links(links)
    return response


def operation(
    operation_id: str, summary: str, tag: str, ok: dict[str, Any], *, errors=ITEM_ERRORS, params=()
) -> dict[str, Any]:
    """A GET operation with its parameters, its 200 response and its documented errors."""
    responses = {"200": ok} | {code: {"$ref": f"#/components/responses/{code}"} for code in errors}
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "tags": [tag],
            "parameters": [{"$ref": f"#/components/parameters/{name}"} for name in params],
            "responses": responses,
        }
    }


def _array_parameter(name: str, values: list[str], description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "description": description + " Repeat the parameter to select several values.",
        "style": "form",
        "explode": True,
        "schema": {"type": "array", "items": {"type": "string", "enum": values}},
    }


def parameters(max_search_length: int) -> dict[str, Any]:
    """The shared parameters: paging, the browse page's filters and the ``ref`` of a record."""
    countries = list(browse.facet_labels("country"))
    integer = {"type": "integer", "minimum": 1}
    return {
        "page": {
            "name": "page",
            "in": "query",
            "description": "Page number, from 1.",
            "schema": integer | {"maximum": MAX_PAGE, "default": 1},
        },
        "per_page": {
            "name": "per_page",
            "in": "query",
            "description": "Items per page, 1 to 100.",
            "schema": integer | {"maximum": 100, "default": 20},
        },
        "q": {
            "name": "q",
            "in": "query",
            "description": "Search words: every word must appear (stemmed, ignoring case and "
            "accents) in the name, description, place, country, technologies, sectors or "
            "published services; a phrase in double quotes must appear as written. No query "
            "parameter may contain the NUL character.",
            "schema": {"type": "string", "maxLength": max_search_length, "pattern": NO_NUL},
        },
        "sort": {
            "name": "sort",
            "in": "query",
            "description": "Order: by relevance to q, by name, by country, or most recently "
            "changed in this catalogue first (`updated_at`, not the source's date). Relevance "
            "without q is name order.",
            "schema": {"type": "string", "enum": list(browse.SORTS), "default": "relevance"},
        },
        "kind": _array_parameter("kind", list(vocabularies.ORGANISATION_KINDS), "Kind."),
        "country": _array_parameter("country", countries, "ISO 3166-1 alpha-2 country code."),
        "family": _array_parameter("family", list(vocabularies.SERVICE_FAMILIES), "Family."),
        "technology": _array_parameter(
            "technology", list(vocabularies.TECHNOLOGIES), "Technology label."
        ),
        "sector": _array_parameter("sector", list(vocabularies.SECTORS), "Sector label."),
        "ref": {
            "name": "ref",
            "in": "path",
            "required": True,
            "description": "The record's stable identifier (its interchange `ref`).",
            "schema": {"type": "string", "pattern": REF_PATTERN},
        },
    }


def error_responses() -> dict[str, Any]:
    """The documented error responses, all in the single error shape."""
    responses = {}
    for code, description in ERROR_DESCRIPTIONS.items():
        response = json_response(description, ref("Error"))
        if code in ("405", "429"):
            header = "Allow" if code == "405" else "Retry-After"
            response["headers"] = {header: {"required": True, "schema": {"type": "string"}}}
        responses[code] = response
    return responses


def redirecting(path_item: dict[str, Any], description: str) -> dict[str, Any]:
    """Document that a GET may answer ``301 Moved Permanently`` with the record's address."""
    location = {"required": True, "schema": {"type": "string", "format": "uri-reference"}}
    path_item["get"]["responses"]["301"] = {
        "description": description,
        "headers": {"Location": location},
    }
    return path_item


PAGING = ("page", "per_page")
PATHS: dict[str, dict[str, Any]] = {
    "/organisations": operation(
        "listOrganisations",
        "Published organisations, with the browse page's filters, facets and pages",
        "organisations",
        json_response(
            "A page of organisations.",
            ref("OrganisationPage"),
            {"getOrganisation": "/items/0/ref"},
        ),
        errors=LIST_ERRORS,
        params=("q", "kind", "country", "family", "technology", "sector", "sort", *PAGING),
    ),
    "/organisations/{ref}": redirecting(
        operation(
            "getOrganisation",
            "One published organisation with the published services of all its records",
            "organisations",
            json_response(
                "The organisation.",
                ref("OrganisationDetail"),
                {"getService": "/services/0/ref"},
            ),
            params=("ref",),
        ),
        "The ref names another source's record of an organisation that is listed under a "
        "first record: `Location` is that record's address, which carries both sources.",
    ),
    "/services": operation(
        "listServices",
        "Published services of published organisations",
        "services",
        json_response("A page of services.", ref("ServicePage"), {"getService": "/items/0/ref"}),
        errors=LIST_ERRORS,
        params=("family", "country", "technology", *PAGING),
    ),
    "/services/{ref}": operation(
        "getService",
        "One published service",
        "services",
        json_response("The service.", ref("Service"), {"getOrganisation": "/organisation/ref"}),
        params=("ref",),
    ),
    "/practices": operation(
        "listPractices",
        "Published good practices",
        "practices",
        json_response("A page of practices.", ref("PracticePage"), {"getPractice": "/items/0/ref"}),
        errors=LIST_ERRORS,
        params=PAGING,
    ),
    "/needs": operation(
        "listNeeds",
        "Open public needs of cities",
        "needs",
        json_response("A page of public needs, newest first.", ref("NeedPage")),
        errors=LIST_ERRORS,
        params=PAGING,
    ),
    "/practices/{ref}": operation(
        "getPractice",
        "One published practice",
        "practices",
        json_response(
            "The practice.", ref("Practice"), {"getOrganisation": "/organisations/0/ref"}
        ),
        params=("ref",),
    ),
    "/events": operation(
        "listEvents",
        "Published events, newest first",
        "events",
        json_response("A page of events.", ref("EventPage"), {"getEvent": "/items/0/ref"}),
        errors=LIST_ERRORS,
        params=PAGING,
    ),
    "/events/{ref}": operation(
        "getEvent",
        "One published event with its sessions and talks",
        "events",
        json_response("The event and its agenda.", ref("EventDetail")),
        params=("ref",),
    ),
    **openapi_downloads.PATHS,
    **openapi_match.PATHS,
}


@cache
def build_document(server_url: str, max_search_length: int = 200) -> dict[str, Any]:
    """Return the OpenAPI document, with ``server_url`` as the API's base address.

    Made once per process and settings (generating the schemas from the contracts takes tens
    of milliseconds); every caller shares the one document, so none may change it.
    """
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "DIH catalogue open-data API",
            "version": "1.0.0",
            "description": "JSON API and downloads of the published catalogue of "
            "Digital Innovation Hubs and their services. Only published records appear. Hubs "
            "change their own profile and services with an API token (tag `publishing`), under "
            "the same moderation rules as the forms.",
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        },
        "servers": [{"url": server_url}],
        "paths": openapi_writes.merged(PATHS),
        "components": {
            "schemas": openapi_schemas.schemas(),
            "securitySchemes": openapi_writes.SECURITY_SCHEMES,
            "parameters": parameters(max_search_length),
            "responses": error_responses(),
        },
    }
