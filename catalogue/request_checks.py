"""What every request must satisfy before a view sees it: body size, NUL bytes, JSON nesting."""

from __future__ import annotations

import io
from typing import IO, Any, NoReturn

from flask import Flask, Request, abort, current_app, request
from flask.json.provider import DefaultJSONProvider
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.utils import cached_property
from werkzeug.wsgi import get_input_stream

from catalogue.errors import ValidationError
from catalogue.services.json_documents import JSONNestingError, refuse_deep_nesting

NUL = "\x00"


class CatalogueJSONProvider(DefaultJSONProvider):
    """Flask's JSON, refusing documents nested so deeply that reading them would recurse away."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        """Parse ``s``; raise ``JSONNestingError`` (a ``ValueError``) when it nests too deeply."""
        try:
            return refuse_deep_nesting(super().loads(s, **kwargs))
        except RecursionError as error:
            raise JSONNestingError() from error


def too_large() -> RequestEntityTooLarge:
    """The 413 error for a body over ``MAX_CONTENT_LENGTH``, saying what the limit is."""
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    size = f"{limit // 1024} KiB" if limit >= 1024 else f"{limit} bytes"
    return RequestEntityTooLarge(f"The request body is larger than the {size} this server accepts.")


class CatalogueRequest(Request):
    """Flask's request, with the size limit held for chunked bodies and JSON errors that say why."""

    @cached_property
    def stream(self) -> IO[bytes]:
        """The body; a chunked one (no ``Content-Length``) over the limit raises 413.

        Werkzeug cuts a streamed body at ``MAX_CONTENT_LENGTH`` without complaint, so reading
        one byte more than the limit is the only way to tell "too large" from "just fits".
        """
        limit = self.max_content_length
        streamed = self.content_length is None and "wsgi.input_terminated" in self.environ
        if limit is None or not streamed:
            return get_input_stream(self.environ, max_content_length=limit)
        body = self.environ["wsgi.input"].read(limit + 1)
        if len(body) > limit:
            raise too_large()
        return io.BytesIO(body)

    def on_json_loading_failed(self, e: ValueError | None) -> NoReturn:
        """Answer 400 naming the problem with the JSON body (415 when it is not JSON at all)."""
        if e is None:
            super().on_json_loading_failed(e)
        if not self.get_data():
            problem = "is empty"
        elif isinstance(e, JSONNestingError):
            problem = str(e)
        else:
            problem = f"is not valid JSON ({e})"
        raise ValidationError(f"The request body {problem}.", {"body": problem}) from e


def refuse_oversized_requests() -> None:
    """Answer 413 before any view runs when the body exceeds the configured maximum.

    Werkzeug enforces ``MAX_CONTENT_LENGTH`` only when a view reads the body; this applies it to
    every request, including those that end in 404 or 405. A chunked body has no declared
    length, so it is read (up to one byte past the limit) to find out.
    """
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if limit is None:
        return
    if (request.content_length or 0) > limit:
        raise too_large()
    if request.content_length is None:
        request.stream  # noqa: B018 -- reading it raises 413 for a streamed body over the limit


def refuse_nul_characters() -> None:
    """Refuse NUL bytes in the path (404) and the query string (400, naming the parameter).

    PostgreSQL cannot store or compare text containing NUL and SQLite cuts the text at it, so
    such a value would fail or silently change meaning further in.
    """
    if NUL in request.path:
        abort(404, "No page has an address containing a NUL character (%00).")
    problems = {
        name.replace(NUL, "%00"): "must not contain the NUL character (%00)"
        for name, value in request.args.items(multi=True)
        if NUL in name or NUL in value
    }
    if problems:
        names = ", ".join(f"“{name}”" for name in problems)
        raise ValidationError(f"The request could not be read: check {names}.", problems)


def init_app(app: Flask) -> None:
    """Install the request and JSON classes and run the checks before every view."""
    app.request_class = CatalogueRequest
    app.json = CatalogueJSONProvider(app)
    app.before_request(refuse_oversized_requests)
    app.before_request(refuse_nul_characters)
