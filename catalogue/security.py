"""Security headers on every response (a strict CSP; HSTS on HTTPS) and the trusted proxies."""

from __future__ import annotations

from flask import Flask, Response, current_app
from werkzeug.middleware.proxy_fix import ProxyFix

from catalogue.config import PROXY_FIX_SETTINGS

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


# A year, as browsers' preload lists ask; only sent when the site is configured for HTTPS.
STRICT_TRANSPORT_SECURITY = "max-age=31536000"
# What a response says of caching unless it says otherwise (the page cache's pages, static
# files): kept by no cache, the browser's included (ASVS 8.2.1). Accounts, forms holding a
# session's CSRF token, a saved need's private page, an inbox: private until a view says not.
PRIVATE_CACHE_CONTROL = "private, no-store"


def add_security_headers(response: Response) -> Response:
    """Set the security headers unless a view chose its own value."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    response.headers.setdefault("Cache-Control", PRIVATE_CACHE_CONTROL)
    if current_app.config["HTTPS"]:
        response.headers.setdefault("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY)
    return response


def trust_proxies(app: Flask) -> None:
    """Trust ``X-Forwarded-*`` headers from as many proxies as ``PROXY_FIX_X_*`` say (none).

    Behind a proxy, the client's address (for rate limits), scheme and host come from them.
    """
    counts = {name.lower(): app.config[f"PROXY_FIX_{name}"] for name in PROXY_FIX_SETTINGS}
    if any(counts.values()):
        app.wsgi_app = ProxyFix(app.wsgi_app, **counts)  # type: ignore[method-assign]


def init_app(app: Flask) -> None:
    """Trust the configured proxies and attach the headers to every response the app sends."""
    trust_proxies(app)
    app.after_request(add_security_headers)
