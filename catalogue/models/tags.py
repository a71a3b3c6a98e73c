"""Technology and sector labels, controlled by the platform's vocabularies or kept as free tags."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Index, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from catalogue.models.base import Base


class Tag(Base):
    """One label of a vocabulary (``technology`` or ``sector``)."""

    bumps_revision = True
    indexed_fields = frozenset({"label", "vocabulary"})

    __tablename__ = "tags"
    __table_args__ = (UniqueConstraint("vocabulary", "label", name="uq_tags_vocabulary_label"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vocabulary: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(300))
    controlled: Mapped[bool] = mapped_column(Boolean, default=False)

    def __repr__(self) -> str:
        return f"<Tag {self.vocabulary}:{self.label}>"


def tag_link_table(owner: str) -> Table:
    """Build the association table between ``<owner>s`` and tags."""
    return Table(
        f"{owner}_tags",
        Base.metadata,
        Column(f"{owner}_id", ForeignKey(f"{owner}s.id", ondelete="CASCADE"), primary_key=True),
        Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
    )


organisation_tags = tag_link_table("organisation")
service_tags = tag_link_table("service")
practice_tags = tag_link_table("practice")


def labels(tags: list[Tag], vocabulary: str) -> list[str]:
    """Return the sorted labels of one vocabulary among ``tags``."""
    return sorted(tag.label for tag in tags if tag.vocabulary == vocabulary)


class Tagged:
    """A record with a ``tags`` relationship, read as technology and sector labels."""

    tags: list[Tag]

    @property
    def technologies(self) -> list[str]:
        """The record's technology labels, sorted."""
        return labels(self.tags, "technology")

    @property
    def sectors(self) -> list[str]:
        """The record's sector labels, sorted."""
        return labels(self.tags, "sector")


class DetectedTag(Base):
    """A label the platform found in an organisation's name and description, not declared.

    Derived data (``catalogue.services.tagging``): recomputed whenever the name or description
    changes, never exported. ``vocabulary`` is ``technology``, ``sector`` or ``family`` (whose
    label is the family key); ``words`` are the text's words that named it.
    """

    __tablename__ = "organisation_detected_tags"
    __table_args__ = (
        Index("ix_organisation_detected_tags_vocabulary_label", "vocabulary", "label"),
    )

    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    vocabulary: Mapped[str] = mapped_column(String(20), primary_key=True)
    label: Mapped[str] = mapped_column(String(100), primary_key=True)
    words: Mapped[list[str]] = mapped_column(JSON, default=list)

    def __repr__(self) -> str:
        return f"<DetectedTag {self.vocabulary}:{self.label}>"


def detected_labels(detected: list[DetectedTag], vocabulary: str) -> list[str]:
    """Return the sorted labels of one vocabulary among ``detected``."""
    return sorted(tag.label for tag in detected if tag.vocabulary == vocabulary)
