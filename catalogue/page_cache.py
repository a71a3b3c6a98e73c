"""The anonymous page cache: whole responses keyed on the catalogue's revision, with ETags.

Only views decorated with ``@cached_page`` are ever cached, so a new page (a personal one above
all) is uncached until someone decides otherwise. A stored response is reused only while the
catalogue's revision is the one it was rendered at: every write bumps the revision in the same
transaction (``models/revision.py``), so nothing older than the last write is ever served.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Flask, Response, current_app, g, make_response, request, session

from catalogue.extensions import cache, db
from catalogue.i18n import current_language
from catalogue.models import current_revision

# Session keys an anonymous visitor may carry and still get cached pages: the CSRF secret of a
# form they opened elsewhere and Flask-Login's bookkeeping. Anything else (a login, a flash,
# whatever a personal feature keeps there) means the page may differ for them.
ANONYMOUS_SESSION_KEYS = frozenset({"csrf_token", "_fresh", "_id"})
KEPT_HEADERS = ("Content-Type", "Location")
# Shared caches and browsers may keep a copy but must ask again (a cheap 304) before using it.
ANONYMOUS_CACHE_CONTROL = "public, no-cache"


def init_app(app: Flask) -> None:
    """Attach Flask-Caching (``CACHE_*`` settings; see ``config.choose_cache_backend``)."""
    cache.init_app(app)


def _anonymous() -> bool:
    """Say whether this request is one every anonymous visitor would get the same answer to."""
    if request.method not in ("GET", "HEAD") or request.authorization is not None:
        return False
    return set(session.keys()) <= ANONYMOUS_SESSION_KEYS


def _key(revision: int, also: str = "") -> str:
    """The cache key: revision, language, host, the path with its query string and the prefix
    before it (``/de``: every link of the page carries it), what is accepted, and what else the
    page shows (``also_keyed_on``)."""
    accept = request.headers.get("Accept", "") if request.blueprint == "api" else ""
    place = (request.host, request.script_root, request.full_path)
    parts = (str(revision), current_language(), *place, accept, also)
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _revision() -> int:
    """Read the catalogue's revision on its own autocommit connection: one statement, without
    the BEGIN and ROLLBACK of the request's transaction, which a cache hit never opens."""
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        return current_revision(connection)


def _storable(response: Response) -> bool:
    """Say whether a freshly rendered response is the same for every anonymous visitor."""
    return (
        response.status_code == 200
        and not response.direct_passthrough
        and "Set-Cookie" not in response.headers
        and "csrf_token" not in g  # a form of this visitor's session: never shared
        and not session.modified
        and not session.get("_flashes")
        and not current_app.extensions["match_index"].refitting  # rendered by a superseded index
    )


def _respond(entry: dict[str, Any], hit: bool) -> Response:
    response = Response(entry["body"], status=200, headers=entry["headers"])
    response.set_etag(entry["etag"])
    response.headers["Cache-Control"] = ANONYMOUS_CACHE_CONTROL
    response.vary.add("Cookie")
    response.headers["X-Page-Cache"] = "hit" if hit else "miss"
    return response.make_conditional(request)


def _entry(response: Response) -> dict[str, Any]:
    """What the cache keeps of a response; its ETag names the language as well as the body."""
    body = response.get_data()
    headers = {name: response.headers[name] for name in KEPT_HEADERS if name in response.headers}
    etag = hashlib.sha256(current_language().encode() + b"\n" + body).hexdigest()[:32]
    return {"body": body, "headers": headers, "etag": etag}


def cached_page(
    view: Callable | None = None, *, also_keyed_on: Callable[[], str] | None = None
) -> Callable:
    """Serve the view's anonymous answers from the cache while the catalogue is unchanged.

    Requests of logged-in visitors, with flashes or other session state, with credentials, and
    answers that set a cookie or carry a CSRF token are passed through and never stored. A page
    that also shows what is no catalogue record (the public needs) names it in
    ``also_keyed_on``: a function whose answer changes whenever that does.
    """
    if view is None:
        return lambda decorated: cached_page(decorated, also_keyed_on=also_keyed_on)

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any):
        if not current_app.config["PAGE_CACHE"] or not _anonymous():
            return view(*args, **kwargs)
        also = also_keyed_on() if also_keyed_on is not None else ""
        key = _key(_revision(), also)  # read first: the page is at least this new
        entry = cache.get(key)
        if entry is not None:
            return _respond(entry, hit=True)
        response = make_response(view(*args, **kwargs))
        if not _storable(response):
            return response
        entry = _entry(response)
        cache.set(key, entry)
        return _respond(entry, hit=False)

    wrapped.cached_page = True  # type: ignore[attr-defined]
    return wrapped
