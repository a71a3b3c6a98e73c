"""The search indexes: one row of searchable text per organisation, and one per practice.

The application keeps these rows current (``catalogue.services.search_index``). The database
indexes them: on SQLite an FTS5 table fed by triggers, on PostgreSQL a generated ``tsvector``
column with a GIN index. Neither is described here, so the schema comparison leaves them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Column, ForeignKey, Table, Text

from catalogue.models.base import Base

TEXT_SEARCH_CONFIG = "catalogue_search"


@dataclass(frozen=True)
class SearchIndex:
    """One search index: its table of text rows, the id it is keyed on, and its text columns.

    ``weights`` says how much a match in each column counts, in the columns' order (the
    PostgreSQL migration gives them the weights A to D in that order). The FTS5 table and the
    ``tsvector`` column's index are named after the table.
    """

    table: Table
    key: str
    weights: dict[str, float]

    @property
    def fts_table(self) -> str:
        """SQLite's FTS5 table over this index, its rowid the record's id."""
        return f"{self.table.name}_fts"

    @property
    def document_index(self) -> str:
        """PostgreSQL's GIN index of the generated ``document`` column."""
        return f"ix_{self.table.name}_document"


def _search_table(name: str, key: str, records: str, columns: tuple[str, ...]) -> Table:
    return Table(
        name,
        Base.metadata,
        Column(key, ForeignKey(f"{records}.id", ondelete="CASCADE"), primary_key=True),
        *(Column(column, Text, nullable=False, default="") for column in columns),
    )


# The name counts most, then place and labels, then the description and the services.
ORGANISATION_WEIGHTS = {"name": 1.0, "labels": 0.6, "body": 0.3, "services": 0.3}
# The title counts most, then place and labels, then the summary and the lead organisation.
PRACTICE_WEIGHTS = {"title": 1.0, "labels": 0.6, "body": 0.3, "organisation": 0.3}

organisation_search = _search_table(
    "organisation_search", "organisation_id", "organisations", tuple(ORGANISATION_WEIGHTS)
)
practice_search = _search_table(
    "practice_search", "practice_id", "practices", tuple(PRACTICE_WEIGHTS)
)

ORGANISATIONS = SearchIndex(organisation_search, "organisation_id", ORGANISATION_WEIGHTS)
PRACTICES = SearchIndex(practice_search, "practice_id", PRACTICE_WEIGHTS)
SEARCH_INDEXES = (ORGANISATIONS, PRACTICES)

_OUTSIDE_THE_MODELS = {
    item
    for index in SEARCH_INDEXES
    for item in (
        ("column", index.table.name, "document"),
        ("index", index.table.name, index.document_index),
    )
}


def described_by_models(name: str | None, type_: str, parent_names: dict) -> bool:
    """Tell Alembic's schema comparison whether a database object is one the models describe.

    The FTS5 tables (and their shadow tables) and the PostgreSQL ``document`` columns and their
    indexes belong to the database's search machinery, created by the migrations alone.
    """
    if type_ == "table":
        return not any((name or "").startswith(index.fts_table) for index in SEARCH_INDEXES)
    return (type_, parent_names.get("table_name"), name) not in _OUTSIDE_THE_MODELS
