"""The catalogue's revisions: every write bumps one, writes of what matching reads the other."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Integer, inspect, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from catalogue.models.base import Base

# Set on a session whose writes must not make the workers refit (see IndexHolder).
QUIET_INDEX = "index_revision_unchanged"


class CatalogueState(Base):
    """A single row holding the catalogue's revision and its index revision."""

    __tablename__ = "catalogue_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    # Moves only when something the matching index reads changed, so workers refit only then.
    index_revision: Mapped[int] = mapped_column(
        Integer, default=0, server_default="0", nullable=False
    )


def current_revision(session: Session | Connection) -> int:
    """Return the catalogue's revision (0 for a database that has never been written)."""
    return session.scalar(select(CatalogueState.revision).where(CatalogueState.id == 1)) or 0


def current_index_revision(session: Session) -> int:
    """Return the revision of what the matching index reads (0 before the first such write)."""
    statement = select(CatalogueState.index_revision).where(CatalogueState.id == 1)
    return session.scalar(statement) or 0


def _changes_index(obj: Any, created_or_deleted: bool) -> bool:
    """Say whether writing ``obj`` changes what the matching index reads."""
    fields = getattr(obj, "indexed_fields", None)
    if fields is None:
        return False
    if created_or_deleted:
        return True
    attributes = inspect(obj).attrs
    return any(attributes[name].history.has_changes() for name in fields)


def bump_revision_after_catalogue_writes(session: Session, flush_context: object) -> None:
    """After a flush that touched catalogue content, increase the revisions in the same transaction.

    Registered as an ``after_flush`` listener, so no code path that writes can forget it. The
    attribute history is still there after the flush, so it tells which fields changed.
    """
    created_or_deleted = (*session.new, *session.deleted)
    touched = (*created_or_deleted, *session.dirty)
    catalogue = any(getattr(obj, "bumps_revision", False) for obj in touched)
    indexed = not session.info.get(QUIET_INDEX) and (
        any(_changes_index(obj, True) for obj in created_or_deleted)
        or any(_changes_index(obj, False) for obj in session.dirty)
    )
    if not (catalogue or indexed):
        return
    values: dict[str, Any] = {}
    if catalogue:
        values["revision"] = CatalogueState.revision + 1
    if indexed:
        values["index_revision"] = CatalogueState.index_revision + 1
    connection = session.connection()
    bumped = connection.execute(update(CatalogueState).where(CatalogueState.id == 1).values(values))
    if bumped.rowcount == 0:
        first = {"id": 1, "revision": int(catalogue), "index_revision": int(indexed)}
        connection.execute(CatalogueState.__table__.insert().values(first))
