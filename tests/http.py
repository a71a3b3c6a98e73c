"""Requests the test client does not make by itself: bodies streamed without a length."""

from __future__ import annotations

import io
from typing import Any


def chunked(body: bytes, **headers: str) -> dict[str, Any]:
    """Keyword arguments for ``client.post`` that send ``body`` as a chunked request would.

    The server (gunicorn, Werkzeug's) decodes the chunks and marks the input as terminated;
    the request has no ``Content-Length``.
    """
    return {
        "input_stream": io.BytesIO(body),
        "headers": {"Transfer-Encoding": "chunked", **headers},
        "environ_overrides": {"wsgi.input_terminated": True},
    }
