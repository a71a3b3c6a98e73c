"""Apps reused between tests, each given back, before a test, what a new app would have.

An app's per-process state lives in ``app.config`` and ``app.extensions``. Several of those
extensions keep what they computed per catalogue revision (the matching indexes, the
downloads, the gap report, the page cache), and every test starts from an empty database
whose revision counts from the beginning again: a reused app that kept them would answer one
test with another's catalogue. So each is replaced or emptied here, and an extension this
module does not know fails the test that meets it, until it is added below.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any

import jinja2
from flask import Flask

from catalogue import create_app
from catalogue.extensions import cache, db
from catalogue.services.download_cache import DownloadCache
from catalogue.services.indexing import IndexHolder, IndexSettings

AppSetup = Callable[[Flask], None]

# Extensions that hold nothing of one catalogue (settings, the database engine, the CSRF and
# language machinery), and the ones a new app makes on first use.
STATELESS = frozenset({"sqlalchemy", "migrate", "csrf", "babel"})
MADE_ON_FIRST_USE = frozenset({"practice_index", "gap_report"})
RENEWED = frozenset({"match_index", "downloads", "cache", "limiter"})


def renew(app: Flask, config: Mapping[str, Any]) -> None:
    """Give ``app`` back its configuration as created and the state of a new app."""
    unknown = set(app.extensions) - STATELESS - MADE_ON_FIRST_USE - RENEWED
    assert not unknown, (
        f"app.extensions holds {sorted(unknown)}: say in tests/app_state.py how a reused app "
        "gets it back as new"
    )
    app.config.clear()
    app.config.update(config)
    app.extensions["match_index"] = IndexHolder(IndexSettings.from_config(app.config))
    app.extensions["downloads"] = DownloadCache()
    for name in MADE_ON_FIRST_USE:
        app.extensions.pop(name, None)
    with app.app_context():
        cache.clear()
    for limiter in app.extensions.get("limiter", ()):  # none while rate limits are off
        limiter.reset()


class ReusedApps:
    """At most ``keep`` apps, one per configuration and set-up, the least recently used
    dropped first (its database connections closed)."""

    def __init__(self, keep: int, compiled_templates: jinja2.BytecodeCache) -> None:
        self.keep = keep
        self.compiled_templates = compiled_templates
        self._apps: OrderedDict[str, tuple[Flask, dict[str, Any]]] = OrderedDict()

    def get(self, config: Mapping[str, Any], setup: tuple[AppSetup, ...] = ()) -> Flask:
        """An app made with ``config`` and then ``setup``, as new."""
        names = [f"{step.__module__}.{step.__qualname__}" for step in setup]
        key = repr((sorted(config.items()), names))
        if key in self._apps:
            self._apps.move_to_end(key)
            app, created = self._apps[key]
            renew(app, created)
            return app
        app = create_app(config)
        app.jinja_env.bytecode_cache = self.compiled_templates
        for step in setup:
            step(app)
        self._apps[key] = (app, dict(app.config))
        while len(self._apps) > self.keep:
            _, (dropped, _) = self._apps.popitem(last=False)
            with dropped.app_context():
                db.engine.dispose()
        return app
