"""The OpenAPI document and the readable API page rendered from it."""

from __future__ import annotations

from typing import Any

from flask import current_app, render_template

from catalogue.api.blueprint import API_PREFIX, bp, produces
from catalogue.api.openapi import build_document
from catalogue.contracts import interchange

SCHEMA_JSON = "application/schema+json"


def current_document() -> dict[str, Any]:
    """The OpenAPI document with this app's settings."""
    return build_document(API_PREFIX, current_app.config["MAX_SEARCH_LENGTH"])


def _resolve(document: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref`` (``#/components/...``) once."""
    pointer = item.get("$ref")
    if not pointer:
        return item
    found: Any = document
    for part in pointer.removeprefix("#/").split("/"):
        found = found[part]
    return found


def _schema_summary(schema: dict[str, Any]) -> str:
    """A short human description of a schema: its type, values or the component it names."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"list of {_schema_summary(schema.get('items', {}))}"
    if "enum" in schema:
        values = [str(value) for value in schema["enum"]]
        shown = ", ".join(values[:8]) + (f" … ({len(values)} values)" if len(values) > 8 else "")
        return f"one of: {shown}"
    if "anyOf" in schema:
        return " or ".join(_schema_summary(option) for option in schema["anyOf"])
    kind = schema.get("type", "object")
    kind = " or ".join(kind) if isinstance(kind, list) else kind
    return f"{kind} ({schema['format']})" if "format" in schema else kind


def operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation of the document, with parameters and responses resolved for reading."""
    found = []
    for path, methods in document["paths"].items():
        for method, spec in methods.items():
            parameters = [_resolve(document, p) for p in spec.get("parameters", [])]
            responses = {
                code: _resolve(document, response) for code, response in spec["responses"].items()
            }
            found.append(
                {
                    "method": method.upper(),
                    "path": document["servers"][0]["url"] + path,
                    "id": spec["operationId"],
                    "summary": spec["summary"],
                    "tag": spec.get("tags", ["other"])[0],
                    "parameters": [(p, _schema_summary(p.get("schema", {}))) for p in parameters],
                    "responses": [(code, r, _response_schema(r)) for code, r in responses.items()],
                }
            )
    return found


def _response_schema(response: dict[str, Any]) -> str:
    content = response.get("content", {})
    return "; ".join(f"{media}: {_schema_summary(c['schema'])}" for media, c in content.items())


def schema_rows(document: dict[str, Any]) -> list[tuple[str, list[tuple[str, str, bool]]]]:
    """Each component schema with its properties: name, summary, required."""
    rows = []
    for name, schema in document["components"]["schemas"].items():
        required = set(schema.get("required", []))
        properties = schema.get("properties", {})
        fields = [
            (key, _schema_summary(value), key in required) for key, value in properties.items()
        ]
        rows.append((name, fields))
    return rows


@bp.get("/openapi.json")
def show_openapi():
    """The OpenAPI 3.1 document describing every endpoint of /api/v1."""
    return current_document()


@bp.get("/schemas/interchange.json")
@produces(SCHEMA_JSON, "application/json")
def show_interchange_schema():
    """The JSON Schema of the interchange format, generated from its typed models."""
    return current_app.response_class(interchange.published_schema_text(), mimetype=SCHEMA_JSON)


@bp.get("/")
@produces("text/html")
def show_api_docs():
    """The API documentation as a page, rendered from the OpenAPI document."""
    document = current_document()
    return render_template(
        "api/show_api_docs.html",
        document=document,
        operations=operations(document),
        schemas=schema_rows(document),
    )
