"""Shared fixtures: a migrated throwaway database per run, the app, its clients and builders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack

import jinja2
import pytest
from flask import Flask
from flask_migrate import upgrade

from catalogue import create_app
from catalogue.extensions import db
from tests.app_state import AppSetup, ReusedApps
from tests.builders import Builders
from tests.databases import empty_all_tables, throwaway_postgres
from tests.translations_build import compile_stale_catalogues


def pytest_sessionstart(session: pytest.Session) -> None:
    """Read the translations as their .po files now say."""
    compile_stale_catalogues()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> Iterator[str]:
    """The URL of an empty database migrated to the newest schema with the real migrations.

    ``TEST_DATABASE_URL`` names a PostgreSQL server to create the throwaway database on;
    without it the run uses a SQLite file in a temporary folder.
    """
    server_url = os.environ.get("TEST_DATABASE_URL")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    with ExitStack() as stack:
        if server_url:
            url = stack.enter_context(throwaway_postgres(server_url, f"dih_test_{worker}"))
        else:
            url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
        migrate_app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
        with migrate_app.app_context():
            upgrade()
            db.engine.dispose()
        yield url


@pytest.fixture
def scratch_database_url(tmp_path) -> Iterator[str]:
    """The URL of a new, empty database (not migrated), on the run's kind of database."""
    server_url = os.environ.get("TEST_DATABASE_URL")
    if not server_url:
        yield f"sqlite:///{tmp_path / 'scratch.sqlite'}"
        return
    with throwaway_postgres(server_url, "dih_test_scratch") as url:
        yield url


@pytest.fixture
def app_config(database_url: str) -> dict:
    """The configuration each test's app gets; override this fixture to change it."""
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "SERVER_NAME": "catalogue.test",
        # Tests read their own writes: wait for the refit, and encode nothing in the background
        # (tests/services/test_indexing.py turns both back on).
        "MATCH_REFIT_WAIT": 60.0,
        "MATCH_ENCODE_LIMIT": 0,
        # scrypt as in production, at a cost of 2**10 instead of 2**15: 4 ms a hash, not 120.
        "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
    }


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept for the whole run: each test's new app would compile them again.

    Jinja checks each entry against the template's source, so a changed template is recompiled.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = _CompiledTemplates()


@pytest.fixture
def app_setup() -> tuple[AppSetup, ...]:
    """What is added to a new app before its first request (a hook, a throwaway route);
    override this fixture to add some. Apps are reused, so nothing may be added later."""
    return ()


# Each worker keeps the apps it made, one per configuration and set-up: making one costs about
# 20 ms (routing builds code for every URL rule), and a new one's engine compiles every SQL
# statement anew. Between tests an app gets back what a new one has (tests.app_state).
REUSED_APPS = ReusedApps(keep=6, compiled_templates=COMPILED_TEMPLATES)


@pytest.fixture
def app(app_config: dict, app_setup: tuple[AppSetup, ...]) -> Iterator[Flask]:
    """An application bound to the run's database, as new, emptied after each test."""
    app = REUSED_APPS.get(app_config, app_setup)
    with app.app_context():
        yield app
        db.session.remove()
        empty_all_tables()


@pytest.fixture
def client(app: Flask):
    """A test client for the app."""
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    """A runner for the app's click commands."""
    return app.test_cli_runner()


@pytest.fixture
def build(app: Flask) -> Builders:
    """Builders that insert valid catalogue rows with defaults for every required field."""
    return Builders(db.session)
