"""The API blueprint and what applies to all of it: rate limit, content negotiation and CORS."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import Blueprint, Response, abort, current_app, request
from flask_limiter import Limiter

bp = Blueprint("api", __name__, cli_group=None)

JSON = "application/json"
DEFAULT_API_RATELIMIT = "120 per minute"
# Headers a browser script may read from a cross-origin response.
EXPOSED_HEADERS = "ETag, Last-Modified, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining"
ALLOWED_REQUEST_HEADERS = "Accept, Content-Type, If-None-Match, If-Modified-Since"

View = TypeVar("View", bound=Callable)


def api_rate_limit() -> str:
    """The API's rate limit, from ``API_RATELIMIT`` (e.g. ``"120 per minute"``)."""
    return current_app.config.get("API_RATELIMIT") or DEFAULT_API_RATELIMIT


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


@bp.after_request
def allow_listed_origins(response: Response) -> Response:
    """Add CORS headers for origins in ``CORS_ALLOWED_ORIGINS``; no other origin gets any."""
    allowed = current_app.config.get("CORS_ALLOWED_ORIGINS") or ()
    if not allowed:
        return response
    response.vary.add("Origin")
    origin = request.headers.get("Origin")
    if origin is None or (origin not in allowed and "*" not in allowed):
        return response
    response.headers["Access-Control-Allow-Origin"] = origin
    response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
        methods = response.headers.get("Allow") or "GET, HEAD, OPTIONS"
        response.headers["Access-Control-Allow-Methods"] = methods
        response.headers["Access-Control-Allow-Headers"] = ALLOWED_REQUEST_HEADERS
        response.headers["Access-Control-Max-Age"] = "600"
    return response
