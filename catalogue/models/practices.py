"""Good practices: what an organisation or a city did that others can learn from."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalogue.models.base import Base, Published, Sourced
from catalogue.models.organisations import Organisation
from catalogue.models.tags import Tag, Tagged, practice_tags

practice_organisations = Table(
    "practice_organisations",
    Base.metadata,
    Column("practice_id", ForeignKey("practices.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "organisation_id",
        ForeignKey("organisations.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class Practice(Tagged, Published, Sourced, Base):
    """A case or example, linked to the organisations that carried it out."""

    __tablename__ = "practices"
    __table_args__ = (Index("ix_practices_lower_title", func.lower(text("title")), "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(100), unique=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str | None] = mapped_column(String(2000))
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    city: Mapped[str | None] = mapped_column(String(200))
    # Where the practice stands (vocabularies.DEPLOYMENT_STATUSES) and at which level of
    # government it runs (vocabularies.GOVERNMENT_LEVELS); the organisation that leads it.
    deployment_status: Mapped[str | None] = mapped_column(String(20), index=True)
    government_level: Mapped[str | None] = mapped_column(String(20), index=True)
    lead_organisation: Mapped[str | None] = mapped_column(String(300))

    tags: Mapped[list[Tag]] = relationship(secondary=practice_tags, lazy="selectin")
    organisations: Mapped[list[Organisation]] = relationship(
        secondary=practice_organisations, lazy="selectin", order_by="Organisation.ref"
    )

    def __repr__(self) -> str:
        return f"<Practice {self.ref}>"
