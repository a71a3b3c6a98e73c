"""What the search indexes hold: the searchable text of organisations and of practices.

An organisation: its name; its place (city, region, country name and code) with its
technology and sector labels; its description; and the titles and descriptions of its
published services. A practice: its title; its place (city, country name and code), its
technology and sector labels, its status and level of government; its summary; and its lead
organisation. Each function composes the index rows of a batch of ids in a few queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, Table, select

from catalogue.models import Organisation, Practice, Service, Tag
from catalogue.models.tags import organisation_tags, practice_tags
from catalogue.vocabularies import (
    DEPLOYMENT_STATUSES,
    GOVERNMENT_LEVELS,
    PUBLISHED,
    country_search_words,
)


def organisation_rows(connection: Connection, organisation_ids: list[int]) -> list[dict]:
    """Compose the index rows of these organisations in three queries."""
    labels = _labels(connection, organisation_tags, "organisation_id", organisation_ids)
    offers = _published_service_texts(connection, organisation_ids)
    organisations = select(
        Organisation.id,
        Organisation.name,
        Organisation.description,
        Organisation.city,
        Organisation.region,
        Organisation.country,
    ).where(Organisation.id.in_(organisation_ids))
    return [
        {
            "organisation_id": row.id,
            "name": row.name,
            "labels": _joined([row.city, row.region, country_search_words(row.country)])
            + _joined(labels[row.id], lead=" "),
            "body": row.description or "",
            "services": _joined(offers[row.id]),
        }
        for row in connection.execute(organisations)
    ]


def practice_rows(connection: Connection, practice_ids: list[int]) -> list[dict]:
    """Compose the index rows of these practices in two queries."""
    labels = _labels(connection, practice_tags, "practice_id", practice_ids)
    practices = select(
        Practice.id,
        Practice.title,
        Practice.summary,
        Practice.city,
        Practice.country,
        Practice.deployment_status,
        Practice.government_level,
        Practice.lead_organisation,
    ).where(Practice.id.in_(practice_ids))
    return [
        {
            "practice_id": row.id,
            "title": row.title,
            "labels": _joined(
                [
                    row.city,
                    country_search_words(row.country),
                    DEPLOYMENT_STATUSES.get(row.deployment_status or ""),
                    GOVERNMENT_LEVELS.get(row.government_level or ""),
                    *labels[row.id],
                ]
            ),
            "body": row.summary or "",
            "organisation": row.lead_organisation or "",
        }
        for row in connection.execute(practices)
    ]


def _labels(
    connection: Connection, links: Table, owner: str, owner_ids: list[int]
) -> dict[int, list[str]]:
    """The technology and sector labels of each owner (organisation or practice)."""
    labels: dict[int, list[str]] = defaultdict(list)
    tagged = (
        select(links.c[owner], Tag.label)
        .join(Tag, Tag.id == links.c.tag_id)
        .where(links.c[owner].in_(owner_ids))
        .order_by(Tag.vocabulary, Tag.label)
    )
    for owner_id, label in connection.execute(tagged):
        labels[owner_id].append(label)
    return labels


def _published_service_texts(
    connection: Connection, organisation_ids: list[int]
) -> dict[int, list[str]]:
    """The title and description of each published service, by organisation."""
    offers: dict[int, list[str]] = defaultdict(list)
    published = (
        select(Service.organisation_id, Service.title, Service.description)
        .where(Service.organisation_id.in_(organisation_ids), Service.status == PUBLISHED)
        .order_by(Service.position, Service.id)
    )
    for organisation_id, title, description in connection.execute(published):
        offers[organisation_id].append(f"{title} {description or ''}".strip())
    return offers


def _joined(parts: Iterable[str | None], lead: str = "") -> str:
    text = " ".join(part for part in parts if part)
    return lead + text if text else ""
