"""OpenAPI components of /api/v1: the records' schemas, the error shape and shared responses."""

from __future__ import annotations

from typing import Any

from catalogue import vocabularies

REF_PATTERN = "^[A-Za-z0-9._:-]{1,100}$"


def ref(name: str) -> dict[str, str]:
    """A ``$ref`` to a component schema."""
    return {"$ref": f"#/components/schemas/{name}"}


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


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """Allow ``null`` besides ``schema`` (OpenAPI 3.1 / JSON Schema 2020-12)."""
    return {"anyOf": [schema, {"type": "null"}]}


def obj(properties: dict[str, Any], optional: tuple[str, ...] = ()) -> dict[str, Any]:
    """A closed object whose properties are all required except ``optional``."""
    return {
        "type": "object",
        "properties": properties,
        "required": [key for key in properties if key not in optional],
        "additionalProperties": False,
    }


TEXT = {"type": "string"}
NULLABLE_TEXT = {"type": ["string", "null"]}
URI = {"type": "string", "format": "uri"}
TEXTS = {"type": "array", "items": TEXT}
TIMESTAMP = {"type": ["string", "null"], "format": "date-time"}
REF = {"type": "string", "pattern": REF_PATTERN}
PARTIAL_DATE = {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}
STAMPS = {
    "created_at": TIMESTAMP
    | {"description": "When the record was added to (imported into) this catalogue."},
    "updated_at": TIMESTAMP
    | {
        "description": "When this catalogue last wrote the record (an import or an edit); not "
        "when its source changed it: see `source.updated` and `source.retrieved`."
    },
    "last_verified_at": TIMESTAMP
    | {
        "description": "When its managers or a moderator last verified the record; null until then."
    },
    "stale": {
        "type": "boolean",
        "description": "Not verified for 12 months: by `last_verified_at`, else the source's "
        "own date, else `created_at`.",
    },
}
FAMILY = {"type": "string", "enum": list(vocabularies.SERVICE_FAMILIES)}

SOURCE = nullable(
    obj(
        {
            "name": TEXT,
            "url": TEXT,
            "retrieved": PARTIAL_DATE
            | {"description": "When the record was taken from the source (YYYY-MM or a date)."},
            "updated": PARTIAL_DATE
            | {
                "description": "When the source last changed the record (for a cited document: "
                "its date), as YYYY, YYYY-MM or YYYY-MM-DD; absent when the source gives no date "
                "of its own, as for the JRC snapshot, whose data is as of `retrieved`."
            },
            "licence": TEXT,
            "attribution": TEXT,
        },
        optional=("name", "url", "retrieved", "updated", "licence", "attribution"),
    )
)
ORGANISATION_LINK = obj({"ref": REF, "name": TEXT, "country": NULLABLE_TEXT, "url": URI})
PRACTICE_LINK = obj({"ref": REF, "title": TEXT, "url": URI})

ORGANISATION = {
    "ref": REF,
    "url": URI,
    "name": TEXT,
    "kind": {"type": "string", "enum": list(vocabularies.ORGANISATION_KINDS)},
    "description": TEXT,
    "country": NULLABLE_TEXT,
    "region": NULLABLE_TEXT,
    "city": NULLABLE_TEXT,
    "website": NULLABLE_TEXT,
    "email": NULLABLE_TEXT,
    "languages": TEXTS,
    "technologies": TEXTS,
    "sectors": TEXTS,
    "families": {"type": "array", "items": FAMILY},
    "detected": {
        **obj(
            {
                "technologies": TEXTS,
                "sectors": TEXTS,
                "families": {"type": "array", "items": FAMILY},
            }
        ),
        "description": "Technologies, sectors and service families the platform found in the "
        "organisation's name and description (derived automatically, so it can be wrong; "
        "whether or not the organisation also declares them). `technologies`, `sectors` and "
        "`families` above are what the source declares and the services it offers.",
    },
    "location": nullable(obj({"lat": {"type": "number"}, "lon": {"type": "number"}})),
    "source": SOURCE,
    "other_records": {
        "type": "array",
        "description": "Other sources' records of the same organisation, listed as this one: "
        "their services are among this organisation's, and their own addresses redirect here.",
        "items": obj({"ref": REF, "source": SOURCE}),
    },
    **STAMPS,
}
SERVICE = {
    "ref": REF,
    "url": URI,
    "title": TEXT,
    "family": FAMILY,
    "description": TEXT,
    "technologies": TEXTS,
    "sectors": TEXTS,
    "audiences": TEXTS,
    "languages": TEXTS,
    "website": NULLABLE_TEXT,
    "price": NULLABLE_TEXT,
    "delivery": {"type": ["string", "null"], "enum": [*vocabularies.DELIVERY_MODES, None]},
    "source": SOURCE
    | {"description": "The source of the organisation's record, which the service came in."},
    **STAMPS,
}
PRACTICE = {
    "ref": REF,
    "title": TEXT,
    "url": URI,
    "summary": TEXT,
    "website": NULLABLE_TEXT,
    "country": NULLABLE_TEXT,
    "city": NULLABLE_TEXT,
    "technologies": TEXTS,
    "sectors": TEXTS,
    "organisations": {"type": "array", "items": ref("OrganisationLink")},
    "source": SOURCE,
    **STAMPS,
}
EVENT = {
    "ref": REF,
    "url": URI,
    "title": TEXT,
    "date": {"type": "string", "format": "date"},
    "description": TEXT,
    "website": NULLABLE_TEXT,
    "source": SOURCE,
    **STAMPS,
}
TALK = obj(
    {
        "title": TEXT,
        "speaker": NULLABLE_TEXT,
        "affiliation": NULLABLE_TEXT,
        "organisation": nullable(ref("OrganisationLink")),
        "organisation_verified": {
            "type": ["boolean", "null"],
            "description": "false when the organisation is the editors' identification of the "
            "agenda's wording, which no source confirms; null when the talk links none.",
        },
        "practices": {"type": "array", "items": ref("PracticeLink")},
    }
)
CLOCK = {"type": ["string", "null"], "pattern": "^[0-2][0-9]:[0-5][0-9]$"}
SESSION = obj(
    {"title": TEXT, "start": CLOCK, "end": CLOCK, "talks": {"type": "array", "items": TALK}}
)
LINKS = obj({"self": URI, "first": URI, "last": URI, "prev": nullable(URI), "next": nullable(URI)})
FACET_OPTION = obj(
    {
        "value": TEXT,
        "label": TEXT,
        "count": {"type": "integer", "minimum": 0},
        "detected": {
            "type": "integer",
            "minimum": 0,
            "description": "How many of `count` only have this value detected in their "
            "description: they neither declare it nor (for a family) offer a published service "
            "in it. Always 0 for `kind` and `country`.",
        },
    }
)
FACETS = obj(
    {
        param: {"type": "array", "items": FACET_OPTION}
        for param in ("kind", "country", "family", "technology", "sector")
    }
)
ERROR = obj(
    {
        "error": obj(
            {
                "status": {"type": "integer", "minimum": 400, "maximum": 599},
                "message": TEXT,
                "fields": {
                    "type": "object",
                    "description": "Each offending parameter or field, with its problem.",
                    "additionalProperties": TEXT,
                },
            },
            optional=("fields",),
        )
    }
)


def page_of(item: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """A page of ``item`` records with its total, position and links."""
    integer = {"type": "integer", "minimum": 0}
    properties = {
        "items": {"type": "array", "items": ref(item)},
        "total": integer,
        "page": {"type": "integer", "minimum": 1},
        "per_page": {"type": "integer", "minimum": 1, "maximum": 100},
        "pages": {"type": "integer", "minimum": 1},
        "links": ref("Links"),
    }
    return obj(properties | (extra or {}))


def schemas() -> dict[str, Any]:
    """The component schemas."""
    service_in_organisation = obj(SERVICE)
    return {
        "Error": ERROR,
        "Links": LINKS,
        "Source": SOURCE,
        "OrganisationLink": ORGANISATION_LINK,
        "PracticeLink": PRACTICE_LINK,
        "Organisation": obj(ORGANISATION),
        "OrganisationDetail": obj(
            ORGANISATION | {"services": {"type": "array", "items": service_in_organisation}}
        ),
        "Service": obj(SERVICE | {"organisation": ref("OrganisationLink")}),
        "Practice": obj(PRACTICE),
        "Event": obj(EVENT),
        "EventDetail": obj(EVENT | {"sessions": {"type": "array", "items": SESSION}}),
        "Facets": FACETS,
        "OrganisationPage": page_of("Organisation", {"facets": ref("Facets")}),
        "ServicePage": page_of("Service"),
        "PracticePage": page_of("Practice"),
        "EventPage": page_of("Event"),
    }
