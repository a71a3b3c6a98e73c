"""Absolute links for JSON, CSV and NGSI-LD: from PUBLIC_BASE_URL, never from a forged Host."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import current_app, url_for


def external_url(endpoint: str, **values: Any) -> str:
    """Return the absolute address of ``endpoint`` as the public reaches it.

    With ``PUBLIC_BASE_URL`` set (e.g. ``https://hubs.example.eu/catalogue``) every link starts
    with it, whatever Host header the request carried. Without it the request's own host is
    used, which production allows only when ``TRUSTED_HOSTS`` has vetted that header.
    """
    base = current_app.config["PUBLIC_BASE_URL"]
    if not base:
        return url_for(endpoint, _external=True, **values)
    parts = urlsplit(base)
    adapter = current_app.url_map.bind(
        parts.netloc, script_name=parts.path or "/", url_scheme=parts.scheme
    )
    return adapter.build(endpoint, values, force_external=True)
