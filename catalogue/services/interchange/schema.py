"""The shape of an interchange document, version 1: which keys each record has and their checks."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

from catalogue import vocabularies
from catalogue.services.interchange import validation as v

FORMAT = "dih-catalogue"
VERSION = 1

Fields = dict[str, tuple[bool, v.Check]]
After = Callable[[dict, str, v.Problems], None]


def key_path(path: str, key: str) -> str:
    """Join a JSON path and an object key: ``organisations[0]`` + ``name``."""
    return f"{path}.{key}" if path else key


def _unknown_key(key: str, fields: Fields) -> str:
    guess = difflib.get_close_matches(key, list(fields), n=1)
    return f"unknown key (did you mean {guess[0]!r}?)" if guess else "unknown key"


def record(fields: Fields, after: After | None = None) -> v.Check:
    """An object with exactly these keys; returns the cleaned values of the keys present."""

    def check(value: Any, path: str, problems: v.Problems) -> Any:
        if not isinstance(value, dict):
            return v.wrong_type(value, path, problems, "an object")
        for key in value:
            if key not in fields:
                problems.add(key_path(path, str(key)), _unknown_key(str(key), fields))
        cleaned: dict[str, Any] = {}
        for key, (required, field_check) in fields.items():
            if key in value:
                cleaned[key] = field_check(value[key], key_path(path, key), problems)
            elif required:
                problems.add(key_path(path, key), "missing (required)")
        if after is not None:
            after(cleaned, path, problems)
        return cleaned

    return check


def constant(expected: Any) -> v.Check:
    """Exactly ``expected`` (``True`` does not pass for ``1``)."""

    def check(value: Any, path: str, problems: v.Problems) -> Any:
        if type(value) is type(expected) and value == expected:
            return value
        return problems.add(path, f"expected {expected!r}, got {value!r}")

    return check


def _ends_after_start(session: dict, path: str, problems: v.Problems) -> None:
    start, end = session.get("start"), session.get("end")
    if isinstance(start, str) and isinstance(end, str) and end < start:
        problems.add(key_path(path, "end"), f"ends before it starts ({end} < {start})")


def _not_a_duplicate_of_itself(organisation: dict, path: str, problems: v.Problems) -> None:
    if "ref" in organisation and organisation.get("duplicate_of") == organisation["ref"]:
        problems.add(key_path(path, "duplicate_of"), "a record cannot be a duplicate of itself")


def _verified_needs_organisation(talk: dict, path: str, problems: v.Problems) -> None:
    if "organisation_verified" in talk and "organisation" not in talk:
        problems.add(key_path(path, "organisation_verified"), "only allowed with an organisation")


SOURCE = record(
    {
        "name": (True, v.non_empty(300)),
        "url": (False, v.url),
        "retrieved": (False, v.month_or_date),
        "updated": (False, v.partial_date),
    }
)
LOCATION = record({"lat": (True, v.number_in(-90, 90)), "lon": (True, v.number_in(-180, 180))})
_TAGS: Fields = {
    "technologies": (False, v.labels("technology")),
    "sectors": (False, v.labels("sector")),
}
SERVICE = record(
    {
        "ref": (True, v.ref),
        "title": (True, v.name),
        "family": (True, v.choice(vocabularies.SERVICE_FAMILIES, "family")),
        "description": (False, v.long_text),
        **_TAGS,
        "audiences": (False, v.list_of(v.non_empty(100))),
        "languages": (False, v.list_of(v.language)),
        "url": (False, v.url),
        "price": (False, v.string(300)),
        "delivery": (False, v.choice(vocabularies.DELIVERY_MODES, "delivery")),
        "extra": (False, v.extra),
    }
)
ORGANISATION = record(
    {
        "ref": (True, v.ref),
        "name": (True, v.name),
        "kind": (True, v.choice(vocabularies.ORGANISATION_KINDS, "kind")),
        "description": (False, v.long_text),
        "country": (False, v.country),
        "region": (False, v.string(200)),
        "city": (False, v.string(200)),
        "website": (False, v.url),
        "email": (False, v.email),
        "languages": (False, v.list_of(v.language)),
        **_TAGS,
        "location": (False, LOCATION),
        "source": (False, SOURCE),
        "duplicate_of": (False, v.ref),
        "services": (False, v.list_of(SERVICE)),
        "extra": (False, v.extra),
    },
    after=_not_a_duplicate_of_itself,
)
PRACTICE = record(
    {
        "ref": (True, v.ref),
        "title": (True, v.name),
        "summary": (False, v.long_text),
        "url": (False, v.url),
        "country": (False, v.country),
        "city": (False, v.string(200)),
        "deployment_status": (
            False,
            v.choice(vocabularies.DEPLOYMENT_STATUSES, "deployment_status"),
        ),
        "government_level": (
            False,
            v.choice(vocabularies.GOVERNMENT_LEVELS, "government_level"),
        ),
        "lead_organisation": (False, v.string(300)),
        **_TAGS,
        "organisations": (False, v.list_of(v.ref)),
        "source": (False, SOURCE),
        "extra": (False, v.extra),
    }
)


TALK = record(
    {
        "title": (True, v.name),
        "speaker": (False, v.string(300)),
        "affiliation": (False, v.string(300)),
        "organisation": (False, v.ref),
        "organisation_verified": (False, v.boolean),
        "practices": (False, v.list_of(v.ref)),
    },
    after=_verified_needs_organisation,
)
SESSION = record(
    {
        "title": (True, v.name),
        "start": (False, v.clock_time),
        "end": (False, v.clock_time),
        "talks": (False, v.list_of(TALK)),
    },
    after=_ends_after_start,
)
EVENT = record(
    {
        "ref": (True, v.ref),
        "title": (True, v.name),
        "date": (True, v.iso_date),
        "description": (False, v.long_text),
        "url": (False, v.url),
        "source": (False, SOURCE),
        "sessions": (False, v.list_of(SESSION)),
        "extra": (False, v.extra),
    }
)
DOCUMENT = record(
    {
        "format": (True, constant(FORMAT)),
        "version": (True, constant(VERSION)),
        "organisations": (False, v.list_of(ORGANISATION)),
        "practices": (False, v.list_of(PRACTICE)),
        "events": (False, v.list_of(EVENT)),
    }
)


def clean_document(document: Any, problems: v.Problems) -> dict[str, Any]:
    """Check the document's shape and values; return its cleaned (normalised) form.

    Problems go to ``problems``; the cleaned form is only meaningful when there are none.
    """
    cleaned = DOCUMENT(document, "", problems)
    return cleaned if isinstance(cleaned, dict) else {}
