"""The suite's databases: throwaway PostgreSQL ones (also for the load benchmark), emptying
the run's database after a test, and an app on the seeded catalogue for a module."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from flask import Flask

from catalogue import create_app
from catalogue.config import SEED_DIR
from catalogue.extensions import db
from catalogue.models import Base
from catalogue.models.search import SEARCH_INDEXES
from catalogue.services.seeding import seed_catalogue


@contextmanager
def throwaway_postgres(server_url: str, prefix: str) -> Iterator[str]:
    """Create a new database ``<prefix>_<random>`` on ``server_url``, yield its URL (psycopg 3),
    and drop it afterwards, whoever is still connected."""
    server_url = server_url.replace("postgresql://", "postgresql+psycopg://", 1)
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    server = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


def empty_all_tables() -> None:
    """Delete every row of the app's database (and rebuild SQLite's FTS5 indexes beside it)."""
    with db.engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
        if connection.dialect.name == "sqlite":  # the FTS5 indexes beside the search tables
            for fts in (index.fts_table for index in SEARCH_INDEXES):
                connection.execute(sa.text(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')"))


@contextmanager
def seeded_app(database_url: str, **settings: Any) -> Iterator[Flask]:
    """An app on the run's database holding the seeded catalogue, inside its app context;
    the database is emptied afterwards. ``settings`` add to the test configuration."""
    config = {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "RATELIMIT_ENABLED": False,
        "SERVER_NAME": "catalogue.test",
    }
    app = create_app(config | settings)
    with app.app_context():
        seed_catalogue(db.session, SEED_DIR)
        db.session.commit()
        try:
            yield app
        finally:
            db.session.remove()
            empty_all_tables()
            db.engine.dispose()
