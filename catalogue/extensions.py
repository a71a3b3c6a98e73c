"""The Flask extensions, created unbound here (the limiter per app) and attached in create_app()."""

from flask_caching import Cache
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

from catalogue.models.base import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
cache = Cache()  # the page cache (catalogue/page_cache.py) and the facet counts


def new_limiter() -> Limiter:
    """A rate limiter for one app.

    Flask-Limiter keeps the first app's strategy and key prefix on a shared instance, so every
    app (each gunicorn worker has one; tests make many) gets its own.
    """
    return Limiter(key_func=get_remote_address)


def match_index_holder():
    """Return this process's matching index holder (one per app, refitted on catalogue changes)."""
    from flask import current_app

    return current_app.extensions["match_index"]


def practice_index_holder():
    """Return this process's index of the published practices (made on first use)."""
    from flask import current_app

    from catalogue.services.practice_matching import PracticeIndexHolder

    return current_app.extensions.setdefault("practice_index", PracticeIndexHolder())
