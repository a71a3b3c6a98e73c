"""Cities' saved needs, their messages to hubs, feedback on matches and hubs' marks on needs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalogue.models.accounts import Account
from catalogue.models.base import Base, Timestamped, utcnow
from catalogue.models.organisations import Organisation

# A contact request's life: the hub has not opened it, has read it, has answered it.
SENT = "sent"
READ = "read"
ANSWERED = "answered"
OPEN = "open"
CLOSED = "closed"


class Need(Timestamped, Base):
    """A need a city official saved: reachable by its private link, public when they chose so.

    Only the SHA-256 of the private link's token is stored (``token_hash``); ``public_ref``
    names a public need on the needs board and means nothing for a private one.
    """

    __tablename__ = "needs"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    public_ref: Mapped[str] = mapped_column(String(24), unique=True)
    text: Mapped[str] = mapped_column(Text)
    municipality: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    population: Mapped[str | None] = mapped_column(String(20))
    families: Mapped[list[str]] = mapped_column(JSON, default=list)
    families_only: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    language: Mapped[str | None] = mapped_column(String(8))
    detected_language: Mapped[str] = mapped_column(String(8))
    scope: Mapped[str] = mapped_column(String(20), default="anywhere")
    kinds: Mapped[list[str]] = mapped_column(JSON, default=list)
    technologies: Mapped[list[str]] = mapped_column(JSON, default=list)
    email: Mapped[str] = mapped_column(String(320))
    visibility: Mapped[str] = mapped_column(String(20), default="private", index=True)
    status: Mapped[str] = mapped_column(String(20), default=OPEN, index=True)
    # Moderation: a moderator hid the need from the board; visitors' reports of abuse.
    hidden: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    reports: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    last_visit_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    seen_refs: Mapped[list[str]] = mapped_column(JSON, default=list)

    contacts: Mapped[list[ContactRequest]] = relationship(
        back_populates="need", cascade="all, delete-orphan", order_by="ContactRequest.id"
    )

    def __repr__(self) -> str:
        return f"<Need {self.id}>"


class ContactRequest(Base):
    """A city official's message to a hub about a need, and the hub's answer."""

    __tablename__ = "contact_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("needs.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320))
    message: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=SENT, index=True)
    # Written by a hub answering a public need it saw (the official is mailed), not by the city.
    from_hub: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    answered_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL")
    )

    need: Mapped[Need] = relationship(back_populates="contacts")
    organisation: Mapped[Organisation] = relationship()
    answered_by: Mapped[Account | None] = relationship()


class MatchFeedback(Base):
    """A "useful / not useful" on one result: the need, the rank and score it had, a reason."""

    __tablename__ = "match_feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int | None] = mapped_column(
        ForeignKey("needs.id", ondelete="SET NULL"), index=True
    )
    need_text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    organisation_ref: Mapped[str] = mapped_column(String(100), index=True)
    family: Mapped[str | None] = mapped_column(String(30), index=True)
    rank: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    useful: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class HubNeedMark(Base):
    """What a hub did with a public need that fits it: "not for us", or mailed in a digest."""

    __tablename__ = "hub_need_marks"
    __table_args__ = (
        UniqueConstraint("organisation_id", "need_id", name="uq_hub_need_marks_pair"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    need_id: Mapped[int] = mapped_column(ForeignKey("needs.id", ondelete="CASCADE"), index=True)
    not_for_us: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    mailed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
