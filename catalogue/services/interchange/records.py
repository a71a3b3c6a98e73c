"""Cleaned interchange records as column values, and row updates that touch only what differs."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.models import Tag
from catalogue.vocabularies import PUBLISHED

# Imported records are public: the file's publisher vouches for them.
IMPORTED_STATUS = PUBLISHED


def assign(record: Any, values: dict[str, Any]) -> bool:
    """Set the attributes of ``record`` that differ from ``values``; tell whether any did.

    Setting an attribute to its current value would still mark the row dirty (and bump the
    catalogue's revision), so equal values are left alone.
    """
    changed = False
    for key, value in values.items():
        if getattr(record, key) != value:
            setattr(record, key, value)
            changed = True
    return changed


def replace_members(record: Any, attribute: str, members: list[Any]) -> bool:
    """Make a many-to-many collection hold exactly ``members``; tell whether it changed."""
    if {id(member) for member in getattr(record, attribute)} == {id(m) for m in members}:
        return False
    setattr(record, attribute, members)
    return True


class TagCache:
    """Every tag, loaded once, so labels resolve without a query each; new tags are added."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.tags = {(tag.vocabulary, tag.label): tag for tag in session.scalars(select(Tag))}

    def get(self, vocabulary: str, label: str, controlled: bool) -> Tag:
        """Return the tag of ``label`` in ``vocabulary``, creating it when needed."""
        tag = self.tags.get((vocabulary, label))
        if tag is None:
            tag = Tag(vocabulary=vocabulary, label=label, controlled=controlled)
            self.session.add(tag)
            self.tags[(vocabulary, label)] = tag
        return tag

    def for_record(self, data: dict[str, Any]) -> list[Tag]:
        """Return the tags of a record's cleaned ``technologies`` and ``sectors``."""
        return [
            self.get(vocabulary, label, controlled)
            for key, vocabulary in (("technologies", "technology"), ("sectors", "sector"))
            for label, controlled in data.get(key, [])
        ]


def _source_values(data: dict[str, Any]) -> dict[str, Any]:
    source = data.get("source", {})
    return {
        "source_name": source.get("name"),
        "source_url": source.get("url"),
        "source_retrieved": source.get("retrieved"),
        "source_updated": source.get("updated"),
        "extra": data.get("extra", {}),
        "status": IMPORTED_STATUS,
    }


def _optional(data: dict[str, Any], *keys: str) -> dict[str, Any]:
    """Optional strings: absent and empty both become ``None``."""
    return {key: data.get(key) or None for key in keys}


def organisation_values(data: dict[str, Any]) -> dict[str, Any]:
    """The column values of an organisation record."""
    location = data.get("location", {})
    return {
        "name": data["name"],
        "kind": data["kind"],
        "description": data.get("description", ""),
        **_optional(data, "country", "region", "city", "website", "email"),
        "languages": data.get("languages", []),
        "latitude": location.get("lat"),
        "longitude": location.get("lon"),
        **_source_values(data),
    }


def service_values(data: dict[str, Any], position: int) -> dict[str, Any]:
    """The column values of the service at ``position`` in its organisation's list."""
    return {
        "position": position,
        "title": data["title"],
        "family": data["family"],
        "description": data.get("description", ""),
        "audiences": data.get("audiences", []),
        "languages": data.get("languages", []),
        **_optional(data, "url", "price", "delivery"),
        "extra": data.get("extra", {}),
        "status": IMPORTED_STATUS,
    }


def practice_values(data: dict[str, Any]) -> dict[str, Any]:
    """The column values of a practice record."""
    return {
        "title": data["title"],
        "summary": data.get("summary", ""),
        **_optional(
            data,
            "url",
            "country",
            "city",
            "deployment_status",
            "government_level",
            "lead_organisation",
        ),
        **_source_values(data),
    }


def event_values(data: dict[str, Any]) -> dict[str, Any]:
    """The column values of an event record (its agenda is synchronised separately)."""
    return {
        "title": data["title"],
        "date": data["date"],
        "description": data.get("description", ""),
        "url": data.get("url") or None,
        **_source_values(data),
    }
