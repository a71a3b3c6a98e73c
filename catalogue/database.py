"""The database binding: SQLAlchemy, SQLite's settings, and the session's listeners."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

from catalogue.extensions import db
from catalogue.models.revision import bump_revision_after_catalogue_writes
from catalogue.services.search_index import index_after_catalogue_writes
from catalogue.services.tagging import rederive_before_flush

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@event.listens_for(Engine, "connect")
def _configure_sqlite(dbapi_connection, connection_record) -> None:
    """SQLite ignores foreign keys unless each connection asks for them.

    Write-ahead logging lets readers (every gunicorn worker) go on while one writes, and with it
    ``synchronous=NORMAL`` is safe: a commit is not synced to disk on its own (only the log at
    checkpoints), so a power cut can lose the last commits but never corrupts the file. Each
    commit in rollback-journal mode costs a sync, about 10 ms on this machine's disk.
    """
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def init_app(app: Flask) -> None:
    """Bind Flask-SQLAlchemy; keep detected tags, the revision and the search index current."""
    db.init_app(app)
    for name, listener in (
        ("before_flush", rederive_before_flush),
        ("after_flush", bump_revision_after_catalogue_writes),
        ("after_flush", index_after_catalogue_writes),
    ):
        if not event.contains(db.session, name, listener):
            event.listen(db.session, name, listener)
