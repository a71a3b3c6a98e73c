"""Absolute links for JSON, CSV and NGSI-LD: from PUBLIC_BASE_URL, never from a forged Host."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import current_app, request, url_for

from catalogue.language_prefix import BASE_SCRIPT_NAME


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


def site_script_root() -> str:
    """The script root of the request's site before any ``/<lang>`` prefix (``/`` is ``""``)."""
    return request.environ.get(BASE_SCRIPT_NAME, request.script_root)


def shared_url(endpoint: str, **values: Any) -> str:
    """Return the absolute address of ``endpoint`` for someone else, in no page's language.

    A link mailed to another reader (a hub's manager, from a city's page in Italian) must not
    keep the ``/it/`` of the page that built it: the reader's own choice or browser decides.
    ``PUBLIC_BASE_URL`` carries no language; without it the site's root before the language
    prefix is used, on the host ``url_for`` would use (vetted by ``TRUSTED_HOSTS`` in production).
    """
    if current_app.config["PUBLIC_BASE_URL"]:
        return external_url(endpoint, **values)
    environ = dict(request.environ)
    environ["SCRIPT_NAME"] = site_script_root()
    # bound as Flask binds url_for's adapter: the request's host and scheme, or SERVER_NAME
    adapter = current_app.url_map.bind_to_environ(
        environ, server_name=current_app.config["SERVER_NAME"]
    )
    return adapter.build(endpoint, values, force_external=True)
