"""Organisations (hubs, labs, networks, public bodies) and the services they offer."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalogue.models.base import Base, Published, Sourced
from catalogue.models.tags import (
    DetectedTag,
    Tag,
    Tagged,
    detected_labels,
    organisation_tags,
    service_tags,
)


class Organisation(Tagged, Published, Sourced, Base):
    """A Digital Innovation Hub or any other organisation that helps cities go digital."""

    __tablename__ = "organisations"
    # The hub list's and the API's sort orders, so a late page is read from an index.
    __table_args__ = (
        Index("ix_organisations_lower_name", func.lower(text("name")), "id"),
        Index("ix_organisations_country_lower_name", "country", func.lower(text("name"))),
        Index("ix_organisations_updated_at", "updated_at", "id"),
    )
    # What the matching index reads (catalogue/services/hub_matching.py, organisation_record).
    indexed_fields = frozenset(
        {
            "ref",
            "name",
            "kind",
            "description",
            "country",
            "languages",
            "status",
            "tags",
            "services",
            "duplicate_of_id",
        }
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(100), unique=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    region: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = mapped_column(String(2000))
    email: Mapped[str | None] = mapped_column(String(320))
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    # Another source's record of the same organisation: that record is the one lists show, with
    # this one's source, description and services on its page (catalogue.services.duplicates).
    duplicate_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )

    tags: Mapped[list[Tag]] = relationship(secondary=organisation_tags, lazy="selectin")
    duplicate_of: Mapped[Organisation | None] = relationship(
        remote_side="Organisation.id", back_populates="duplicates"
    )
    duplicates: Mapped[list[Organisation]] = relationship(
        back_populates="duplicate_of", order_by="Organisation.ref"
    )
    detected: Mapped[list[DetectedTag]] = relationship(
        cascade="all, delete-orphan",
        order_by=(DetectedTag.vocabulary, DetectedTag.label),
        lazy="selectin",
    )
    services: Mapped[list[Service]] = relationship(
        back_populates="organisation",
        cascade="all, delete-orphan",
        order_by="Service.position",
        lazy="selectin",
    )

    def __repr__(self) -> str:
        return f"<Organisation {self.ref}>"

    @property
    def detected_technologies(self) -> list[str]:
        """Technologies found in the name and description, sorted."""
        return detected_labels(self.detected, "technology")

    @property
    def detected_sectors(self) -> list[str]:
        """Sectors found in the name and description, sorted."""
        return detected_labels(self.detected, "sector")

    @property
    def detected_families(self) -> list[str]:
        """Service families the name and description speak of, sorted."""
        return detected_labels(self.detected, "family")


class Service(Tagged, Published, Base):
    """A concrete offer of an organisation in one of the four EDIH service families."""

    __tablename__ = "services"
    __table_args__ = (Index("ix_services_lower_title", func.lower(text("title")), "id"),)
    indexed_fields = frozenset(
        {"ref", "title", "family", "description", "audiences", "status", "tags", "organisation_id"}
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(100), unique=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    family: Mapped[str] = mapped_column(String(30), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    audiences: Mapped[list[str]] = mapped_column(JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    url: Mapped[str | None] = mapped_column(String(2000))
    price: Mapped[str | None] = mapped_column(String(300))
    delivery: Mapped[str | None] = mapped_column(String(10))
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    organisation: Mapped[Organisation] = relationship(back_populates="services")
    tags: Mapped[list[Tag]] = relationship(secondary=service_tags, lazy="selectin")

    def __repr__(self) -> str:
        return f"<Service {self.ref}>"
