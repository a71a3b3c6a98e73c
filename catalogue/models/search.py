"""The search index of organisations: one row of searchable text per organisation.

The application keeps these rows current (``catalogue.services.search_index``). The database
indexes them: on SQLite an FTS5 table fed by triggers, on PostgreSQL a generated ``tsvector``
column with a GIN index. Neither is described here, so the schema comparison leaves them out.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Table, Text

from catalogue.models.base import Base

# The text columns in order of weight; the PostgreSQL migration gives them weights A to D.
SEARCH_COLUMNS = ("name", "labels", "body", "services")
FTS_TABLE = "organisation_search_fts"
TEXT_SEARCH_CONFIG = "catalogue_search"

organisation_search = Table(
    "organisation_search",
    Base.metadata,
    Column(
        "organisation_id",
        ForeignKey("organisations.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    *(Column(name, Text, nullable=False, default="") for name in SEARCH_COLUMNS),
)

_OUTSIDE_THE_MODELS = {
    ("column", "organisation_search", "document"),
    ("index", "organisation_search", "ix_organisation_search_document"),
}


def described_by_models(name: str | None, type_: str, parent_names: dict) -> bool:
    """Tell Alembic's schema comparison whether a database object is one the models describe.

    The FTS5 table (and its shadow tables) and the PostgreSQL ``document`` column and its
    index belong to the database's search machinery, created by the migration alone.
    """
    if type_ == "table":
        return not (name or "").startswith(FTS_TABLE)
    return (type_, parent_names.get("table_name"), name) not in _OUTSIDE_THE_MODELS
