"""Security headers on every response; the policy forbids inline script and style."""

from __future__ import annotations

from flask import Flask, Response, abort, current_app, request

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def add_security_headers(response: Response) -> Response:
    """Set the security headers unless a view chose its own value."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def refuse_oversized_requests() -> None:
    """Answer 413 before any view runs when the declared body exceeds the configured maximum.

    Werkzeug enforces ``MAX_CONTENT_LENGTH`` only when a view reads the body; this applies it to
    every request, including those that end in 404 or 405.
    """
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if limit is not None and (request.content_length or 0) > limit:
        abort(413, f"The request body is larger than the {limit // 1024} KiB this server accepts.")


def init_app(app: Flask) -> None:
    """Limit request sizes and attach the headers to every response the app sends."""
    app.before_request(refuse_oversized_requests)
    app.after_request(add_security_headers)
