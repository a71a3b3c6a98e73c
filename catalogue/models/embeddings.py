"""Embedding vectors of the matching index, content-addressed by the hash of model and passage."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, LargeBinary, String, func
from sqlalchemy.orm import Mapped, mapped_column

from catalogue.models.base import Base, utcnow


class Embedding(Base):
    """The vector of one passage (an organisation's profile or a service) under one model.

    Rows are found by ``matching.semantic.passage_key`` of a record's current text, so an
    unchanged text is never encoded twice and a changed one simply gets a new row.
    """

    __tablename__ = "embeddings"

    # A new vector changes what the index ranks with, not what the catalogue says.
    indexed_fields: frozenset[str] = frozenset()

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    model: Mapped[str] = mapped_column(String(100))
    vector: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, server_default=func.now()
    )

    def __repr__(self) -> str:
        return f"<Embedding {self.key[:12]} {self.model}>"
