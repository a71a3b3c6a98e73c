"""Events such as the 30 April 2020 workshop: their agenda sessions and talks."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Column, Date, ForeignKey, Index, Integer, String, Table, Text, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalogue.models.base import Base, Published, Sourced
from catalogue.models.organisations import Organisation
from catalogue.models.practices import Practice

talk_practices = Table(
    "talk_practices",
    Base.metadata,
    Column("talk_id", ForeignKey("talks.id", ondelete="CASCADE"), primary_key=True),
    Column("practice_id", ForeignKey("practices.id", ondelete="CASCADE"), primary_key=True),
)


class Event(Published, Sourced, Base):
    """A workshop or conference with its agenda."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_date", "date", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(100), unique=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    date: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str | None] = mapped_column(String(2000))

    sessions: Mapped[list[EventSession]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        order_by="EventSession.position",
        lazy="selectin",
    )

    def __repr__(self) -> str:
        return f"<Event {self.ref}>"


class EventSession(Base):
    """One block of an event's agenda, with local start and end times as ``HH:MM``."""

    bumps_revision = True

    __tablename__ = "event_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    start: Mapped[str | None] = mapped_column(String(5))
    end: Mapped[str | None] = mapped_column(String(5))

    event: Mapped[Event] = relationship(back_populates="sessions")
    talks: Mapped[list[Talk]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        order_by="Talk.position",
        lazy="selectin",
    )


class Talk(Base):
    """A talk within a session: its speaker, affiliation, organisation and listed examples."""

    bumps_revision = True

    __tablename__ = "talks"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("event_sessions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    speaker: Mapped[str | None] = mapped_column(String(300))
    affiliation: Mapped[str | None] = mapped_column(String(300))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    # False when the organisation is the editors' identification, which no source confirms.
    organisation_verified: Mapped[bool] = mapped_column(
        Boolean, default=True, server_default=true()
    )

    session: Mapped[EventSession] = relationship(back_populates="talks")
    organisation: Mapped[Organisation | None] = relationship(lazy="selectin")
    practices: Mapped[list[Practice]] = relationship(
        secondary=talk_practices, lazy="selectin", order_by="Practice.ref"
    )
