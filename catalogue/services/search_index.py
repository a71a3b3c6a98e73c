"""Keeping the search indexes current: each record's searchable text, rewritten on change.

Two indexes, one row per organisation and one per practice (``catalogue.models.search``);
what their rows hold is composed in ``catalogue.services.search_texts``. The database indexes
these rows.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, inspect, select
from sqlalchemy.orm import Session

from catalogue.models import Organisation, Practice, Service, Tag
from catalogue.models.search import ORGANISATIONS, PRACTICES, SearchIndex
from catalogue.services import search_texts
from catalogue.services.interchange.references import chunked

EVERYTHING = None


@dataclass(frozen=True)
class Source:
    """The records one index is made of, and how their rows are composed."""

    index: SearchIndex
    records: type[Organisation] | type[Practice]
    rows: Callable[[Connection, list[int]], list[dict]]


HUBS = Source(ORGANISATIONS, Organisation, search_texts.organisation_rows)
PRACTICE_LIBRARY = Source(PRACTICES, Practice, search_texts.practice_rows)
SOURCES = (HUBS, PRACTICE_LIBRARY)


def rebuild_search_index(session: Session) -> dict[str, int]:
    """Rewrite every row of every index; return how many rows each got, by records' table."""
    session.flush()
    connection = session.connection()
    return {source.records.__tablename__: _rewrite_all(connection, source) for source in SOURCES}


def refresh_search_index(
    connection: Connection, source: Source, record_ids: Collection[int]
) -> int:
    """Rewrite the rows of these records of one index (those that still exist)."""
    key = source.index.table.c[source.index.key]
    written = 0
    for chunk in chunked(record_ids):
        connection.execute(delete(source.index.table).where(key.in_(chunk)))
        written += _write(connection, source, chunk)
    return written


def _rewrite_all(connection: Connection, source: Source) -> int:
    connection.execute(delete(source.index.table))
    ids = connection.scalars(select(source.records.id)).all()
    return sum(_write(connection, source, chunk) for chunk in chunked(ids))


def _write(connection: Connection, source: Source, record_ids: list[int]) -> int:
    rows = source.rows(connection, record_ids)
    if rows:
        connection.execute(insert(source.index.table), rows)
    return len(rows)


def index_after_catalogue_writes(session: Session, flush_context: object) -> None:
    """After a flush, rewrite the searchable text of every record the flush changed.

    Registered as an ``after_flush`` listener, so no write path can forget it. A service or a
    tag changing counts as a change of the records whose text it is part of.
    """
    touched = _touched_records(session)
    connection = session.connection()
    for source in SOURCES:
        if touched is EVERYTHING:
            _rewrite_all(connection, source)
        elif touched[source.records]:
            refresh_search_index(connection, source, touched[source.records])


def _touched_records(session: Session) -> dict[type, set[int]] | None:
    """The ids of organisations and practices whose text may have changed, by their class;
    ``EVERYTHING`` for a tag edit."""
    changed_tags = [r for r in session.dirty if isinstance(r, Tag) and session.is_modified(r)]
    if changed_tags or any(isinstance(record, Tag) for record in session.deleted):
        return EVERYTHING  # a relabelled or deleted tag: rare, and its owners are not at hand
    ids: dict[type, set[int]] = {Organisation: set(), Practice: set()}
    for record in (*session.new, *session.dirty, *session.deleted):
        if isinstance(record, Organisation | Practice):
            ids[type(record)].add(record.id)
        elif isinstance(record, Service):
            ids[Organisation].update(_owners(record))
    return ids


def _owners(service: Service) -> set[int]:
    """The organisation a service belongs to, and the one it was moved from, if any."""
    history = inspect(service).attrs.organisation_id.history
    return {i for i in (service.organisation_id, *history.deleted) if i is not None}
