"""OpenAPI component schemas of /api/v1, generated from the typed contracts (contracts/)."""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

from catalogue.contracts import api, interchange, match, ngsi_ld, writes
from catalogue.contracts.base import WithoutNullDefaults

COMPONENT = "#/components/schemas/{model}"
# What the API answers with (the NGSI-LD download's entities too), and what it reads (the match
# request and the token writes).
RESPONSE_MODELS = (*api.RESPONSES, match.Matches, *writes.RESPONSES, *ngsi_ld.ENTITIES)
REQUEST_MODELS = (match.MatchRequest, *writes.REQUESTS)


def ref(name: str) -> dict[str, str]:
    """A ``$ref`` to a component schema."""
    return {"$ref": COMPONENT.format(model=name)}


def ref_links(targets: dict[str, str]) -> dict[str, Any]:
    """OpenAPI links of a response: each operation id to the JSON pointer of the ``ref`` its
    ``ref`` parameter takes (clients and stateful tests follow them from lists to records)."""
    return {
        operation_id[0].upper() + operation_id[1:]: {
            "operationId": operation_id,
            "parameters": {"ref": f"$response.body#{pointer}"},
        }
        for operation_id, pointer in targets.items()
    }


def schemas() -> dict[str, Any]:
    """Every component schema: responses, request bodies and the interchange document."""
    models = [(model, "serialization") for model in RESPONSE_MODELS]
    models += [(model, "validation") for model in REQUEST_MODELS]
    _, generated = models_json_schema(
        models, ref_template=COMPONENT, schema_generator=WithoutNullDefaults
    )
    document = interchange.json_schema(ref_template=COMPONENT)
    records = document.pop("$defs")
    document["description"] += (
        " The download carries published records only, and `extra` holds only the public "
        "attribution keys `licence` and `attribution`."
    )
    return generated["$defs"] | records | {"InterchangeDocument": document}
