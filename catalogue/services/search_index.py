"""Keeping the search index current: each organisation's searchable text, rewritten on change.

What is searchable: the organisation's name; its place (city, region, country name and code)
with its technology and sector labels; its description; and the titles and descriptions of its
published services. The database indexes these rows (see ``catalogue.models.search``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from sqlalchemy import Connection, delete, insert, inspect, select
from sqlalchemy.orm import Session

from catalogue.models import Organisation, Service, Tag, organisation_search
from catalogue.models.tags import organisation_tags
from catalogue.services.interchange.references import chunked
from catalogue.vocabularies import PUBLISHED, country_search_words

EVERYTHING = None


def rebuild_search_index(session: Session) -> int:
    """Rewrite the searchable text of every organisation; return how many rows were written."""
    session.flush()
    return _rewrite_all(session.connection())


def refresh_search_index(connection: Connection, organisation_ids: Collection[int]) -> int:
    """Rewrite the searchable text of these organisations (those that still exist)."""
    written = 0
    for chunk in chunked(organisation_ids):
        connection.execute(
            delete(organisation_search).where(organisation_search.c.organisation_id.in_(chunk))
        )
        written += _write(connection, chunk)
    return written


def _rewrite_all(connection: Connection) -> int:
    connection.execute(delete(organisation_search))
    ids = connection.scalars(select(Organisation.id)).all()
    return sum(_write(connection, chunk) for chunk in chunked(ids))


def _write(connection: Connection, organisation_ids: list[int]) -> int:
    rows = _searchable_rows(connection, organisation_ids)
    if rows:
        connection.execute(insert(organisation_search), rows)
    return len(rows)


def _searchable_rows(connection: Connection, organisation_ids: list[int]) -> list[dict]:
    """Compose the index rows of these organisations in three queries."""
    labels = _labels(connection, organisation_ids)
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


def _labels(connection: Connection, organisation_ids: list[int]) -> dict[int, list[str]]:
    """The technology and sector labels of each organisation."""
    labels: dict[int, list[str]] = defaultdict(list)
    tagged = (
        select(organisation_tags.c.organisation_id, Tag.label)
        .join(Tag, Tag.id == organisation_tags.c.tag_id)
        .where(organisation_tags.c.organisation_id.in_(organisation_ids))
        .order_by(Tag.vocabulary, Tag.label)
    )
    for organisation_id, label in connection.execute(tagged):
        labels[organisation_id].append(label)
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


def index_after_catalogue_writes(session: Session, flush_context: object) -> None:
    """After a flush, rewrite the searchable text of every organisation the flush changed.

    Registered as an ``after_flush`` listener, so no write path can forget it. A service or a
    tag changing counts as a change of the organisations whose text it is part of.
    """
    touched = _touched_organisations(session)
    if touched is EVERYTHING:
        _rewrite_all(session.connection())
    elif touched:
        refresh_search_index(session.connection(), touched)


def _touched_organisations(session: Session) -> set[int] | None:
    """The ids of organisations whose text may have changed; ``EVERYTHING`` for a tag edit."""
    changed_tags = [r for r in session.dirty if isinstance(r, Tag) and session.is_modified(r)]
    if changed_tags or any(isinstance(record, Tag) for record in session.deleted):
        return EVERYTHING  # a relabelled or deleted tag: rare, and its owners are not at hand
    ids: set[int] = set()
    for record in (*session.new, *session.dirty, *session.deleted):
        if isinstance(record, Organisation):
            ids.add(record.id)
        elif isinstance(record, Service):
            ids.update(_owners(record))
    return ids


def _owners(service: Service) -> set[int]:
    """The organisation a service belongs to, and the one it was moved from, if any."""
    history = inspect(service).attrs.organisation_id.history
    return {i for i in (service.organisation_id, *history.deleted) if i is not None}
