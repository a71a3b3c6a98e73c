"""The catalogue revision: a counter every write bumps, so each process knows when to refit."""

from __future__ import annotations

from sqlalchemy import Integer, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from catalogue.models.base import Base


class CatalogueState(Base):
    """A single row holding the catalogue's revision number."""

    __tablename__ = "catalogue_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, default=0, nullable=False)


def current_revision(session: Session) -> int:
    """Return the catalogue's revision (0 for a database that has never been written)."""
    return session.scalar(select(CatalogueState.revision).where(CatalogueState.id == 1)) or 0


def bump_revision_after_catalogue_writes(session: Session, flush_context: object) -> None:
    """After a flush that touched catalogue content, increase the revision in the same transaction.

    Registered as an ``after_flush`` listener, so no code path that writes can forget it.
    """
    touched = (*session.new, *session.dirty, *session.deleted)
    if not any(getattr(obj, "bumps_revision", False) for obj in touched):
        return
    connection = session.connection()
    next_revision = CatalogueState.revision + 1
    bumped = connection.execute(
        update(CatalogueState).where(CatalogueState.id == 1).values(revision=next_revision)
    )
    if bumped.rowcount == 0:
        connection.execute(CatalogueState.__table__.insert().values(id=1, revision=1))
