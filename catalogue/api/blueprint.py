"""The API blueprint and what applies to all of it: rate limit, content negotiation and CORS."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import Blueprint, Flask, Response, abort, current_app, request
from flask_cors import CORS
from flask_limiter import Limiter

from catalogue.config import Defaults

bp = Blueprint("api", __name__, cli_group=None)

JSON = "application/json"
API_PREFIX = "/api/v1"
API_METHODS = ["GET", "HEAD", "POST", "OPTIONS"]
# Headers a browser script may read from a cross-origin response.
EXPOSED_HEADERS = [
    "ETag",
    "Last-Modified",
    "Retry-After",
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
]
ALLOWED_REQUEST_HEADERS = ["Accept", "Content-Type", "If-None-Match", "If-Modified-Since"]

View = TypeVar("View", bound=Callable)


def api_rate_limit() -> str:
    """The API's rate limit, from ``API_RATELIMIT`` (its default is in ``config.Defaults``)."""
    return current_app.config.get("API_RATELIMIT") or Defaults.API_RATELIMIT


def limit_api(limiter: Limiter) -> None:
    """Apply the API's own rate limit to the whole blueprint (preflight requests are free)."""
    limiter.limit(api_rate_limit, exempt_when=lambda: request.method == "OPTIONS")(bp)


def produces(*media_types: str) -> Callable[[View], View]:
    """Declare the media types a view answers with; other ``Accept`` headers get 406."""

    def decorate(view: View) -> View:
        view.media_types = media_types  # type: ignore[attr-defined]
        return view

    return decorate


@bp.before_request
def refuse_unacceptable() -> None:
    """Answer 406 when the client's ``Accept`` header excludes what the endpoint produces."""
    view = current_app.view_functions.get(request.endpoint or "")
    if view is None or request.method == "OPTIONS" or not request.accept_mimetypes:
        return
    offered = getattr(view, "media_types", (JSON,))
    if request.accept_mimetypes.best_match(offered) is None:
        abort(406, f"This resource is only available as {', '.join(offered)}.")


def allow_listed_origins(app: Flask) -> None:
    """Answer cross-origin requests from ``CORS_ALLOWED_ORIGINS`` only (Flask-CORS); off if empty.

    Each listed origin gets its own name back (never ``*``) and no credentials.
    """
    allowed = list(app.config.get("CORS_ALLOWED_ORIGINS") or ())
    if not allowed:
        return
    CORS(
        app,
        resources={f"{API_PREFIX}/*": {"origins": allowed}},
        methods=API_METHODS,
        allow_headers=ALLOWED_REQUEST_HEADERS,
        expose_headers=EXPOSED_HEADERS,
        max_age=600,
        send_wildcard=False,
        vary_header=True,
    )


@bp.after_request
def vary_by_origin(response: Response) -> Response:
    """With CORS on, caches keep one copy per origin: only listed origins get its headers.

    Flask-CORS says so only when more than one origin is listed.
    """
    if current_app.config.get("CORS_ALLOWED_ORIGINS"):
        response.vary.add("Origin")
    return response
