"""The OpenAPI paths of the token-authenticated writes (their schemas: ``openapi_schemas``)."""

from __future__ import annotations

from typing import Any

JSON = "application/json"
WRITE_ERRORS = {
    "400": "The body is not valid; `fields` names each problem.",
    "401": "No API token, or a wrong or revoked one (`WWW-Authenticate: Bearer`).",
    "403": "The token's account does not manage this organisation.",
    "404": "No organisation or service with this ref.",
    "409": "The record changed since the `version` sent: fetch it and send the change again.",
}
GENERIC_ERRORS = ("405", "406", "413", "429")
SECURITY = [{"apiToken": []}]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _write(operation_id: str, summary: str, body: str | None, ok: str, status: str = "200"):
    responses: dict[str, Any] = {
        status: {
            "description": "What became of the write.",
            "content": {JSON: {"schema": _ref(ok)}},
        }
    }
    if status == "201":
        location = {"required": True, "schema": {"type": "string", "format": "uri-reference"}}
        responses[status]["headers"] = {"Location": location}
    for code, description in WRITE_ERRORS.items():
        responses[code] = {"description": description, "content": {JSON: {"schema": _ref("Error")}}}
    responses |= {code: {"$ref": f"#/components/responses/{code}"} for code in GENERIC_ERRORS}
    operation: dict[str, Any] = {
        "operationId": operation_id,
        "summary": summary,
        "tags": ["publishing"],
        "security": SECURITY,
        "responses": responses,
    }
    if body:
        operation["requestBody"] = {"required": True, "content": {JSON: {"schema": _ref(body)}}}
    return operation


def _ref_parameter() -> list[dict[str, str]]:
    return [{"$ref": "#/components/parameters/ref"}]


def paths() -> dict[str, dict[str, Any]]:
    """The write operations, by path and method."""
    me = _write("showMe", "The token's account and the organisations it manages", None, "Me")
    me["responses"] = {k: v for k, v in me["responses"].items() if k not in ("400", "403", "409")}
    profile = _write(
        "updateProfile", "Change an organisation's profile", "ProfileWrite", "WriteOutcome"
    )
    create = _write(
        "createService", "Add a service to an organisation", "ServiceCreate", "WriteOutcome", "201"
    )
    del create["responses"]["409"]
    service = _write("updateService", "Change a service", "ServiceWrite", "WriteOutcome")
    for operation in (profile, create, service):
        operation["parameters"] = _ref_parameter()
    return {
        "/me": {"get": me},
        "/organisations/{ref}": {"patch": profile},
        "/organisations/{ref}/services": {"post": create},
        "/services/{ref}": {"patch": service},
    }


def merged(read_paths: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The read paths with the write operations added to their path items."""
    result = {path: dict(item) for path, item in read_paths.items()}
    for path, item in paths().items():
        result.setdefault(path, {}).update(item)
    return result


SECURITY_SCHEMES = {
    "apiToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "A token made on the account page (/account/tokens); shown once.",
    }
}
