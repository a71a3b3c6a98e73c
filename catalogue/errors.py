"""Domain errors raised by services, and their translation into HTML or JSON responses."""

from __future__ import annotations

from typing import Any

from flask import Flask, render_template, request
from flask_babel import gettext, ngettext
from werkzeug.exceptions import BadHost, HTTPException, SecurityError

from catalogue.contracts.api import Error, ErrorBody
from catalogue.services.translatable import N_

# A page's sentence: a msgid marked with N_ (or a singular and plural pair marked with Nn_,
# chosen by the value "num") and its %(name)s values.
Wording = tuple[str | tuple[str, str], dict[str, Any]]


class DomainError(Exception):
    """Base of the errors services raise; each edge (view, API, CLI) translates them.

    ``message`` is the English sentence of the API's error body, a contract. ``wording``
    (a msgid marked with ``N_`` or ``Nn_``, and its ``%(name)s`` values) is the same sentence
    for a page, in the reader's language; without it a page looks ``message`` itself up in the
    catalogue.
    """

    status = 400

    def __init__(
        self,
        message: str,
        fields: dict[str, str] | None = None,
        wording: Wording | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or {}
        self.wording = wording

    def for_people(self) -> str:
        """The sentence a page shows, in the reader's language where the catalogue has it."""
        return page_message(self.message, self.wording)

    def problems_for_people(self) -> dict[str, str]:
        """Each field's problem for a page, looked up in the catalogue (English if not there)."""
        return {name: gettext(problem) for name, problem in listed_fields(self.fields).items()}


class ValidationError(DomainError):
    """Input breaks a rule; ``fields`` maps each offending field (or JSON path) to its problem."""

    status = 400


class NotFound(DomainError):
    """The record asked for does not exist or is not public."""

    status = 404


class Conflict(DomainError):
    """The change collides with the current state (a duplicate, or a stale version)."""

    status = 409


class TooMany(DomainError):
    """A limit on how often something may be done was reached (e.g. contacts per need a day)."""

    status = 429


class Unauthenticated(DomainError):
    """The request carries no valid credentials (an API token)."""

    status = 401


class PermissionDenied(DomainError):
    """The user may not do this."""

    status = 403


# Werkzeug's own descriptions of the errors a page can show, copied here so that they are
# extracted and translated (tests/i18n/test_error_pages.py checks they still match Werkzeug's).
HTTP_DESCRIPTIONS = {
    400: N_("The browser (or proxy) sent a request that this server could not understand."),
    404: N_(
        "The requested URL was not found on the server. If you entered the URL manually please "
        "check your spelling and try again."
    ),
    405: N_("The method is not allowed for the requested URL."),
    413: N_("The data value transmitted exceeds the capacity limit."),
    429: N_("This user has exceeded an allotted request count. Try again later."),
}

MAX_LISTED_FIELDS = 20
MAX_NAME_LENGTH = 100
MAX_MESSAGE_LENGTH = 1000


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def listed_fields(fields: dict[str, Any] | None) -> dict[str, Any]:
    """The fields an error shows: the first ``MAX_LISTED_FIELDS``, then how many more there are.

    A request can name any number of unknown keys of any length; echoing them all back would
    let a small request produce a huge answer.
    """
    items = list((fields or {}).items())
    listed = {
        shorten(str(name), MAX_NAME_LENGTH): shorten(str(problem), MAX_MESSAGE_LENGTH)
        for name, problem in items[:MAX_LISTED_FIELDS]
    }
    if len(items) > MAX_LISTED_FIELDS:
        listed["…"] = f"and {len(items) - MAX_LISTED_FIELDS} more"
    return listed


def error_body(status: int, message: str, fields: dict[str, Any] | None = None) -> dict:
    """Build the platform's single JSON error shape, with its listing of fields capped."""
    error: dict[str, Any] = {"status": status, "message": shorten(message, MAX_MESSAGE_LENGTH)}
    if fields:
        error["fields"] = listed_fields(fields)
    return Error(error=ErrorBody(**error)).model_dump(mode="json", exclude_unset=True)


def wants_json() -> bool:
    """Tell whether the client should get JSON rather than an HTML page."""
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def page_message(message: str, wording: Wording | None = None) -> str:
    """An error's sentence for a page: its wording translated, else ``message`` looked up."""
    if wording is None:
        return shorten(gettext(message), MAX_MESSAGE_LENGTH)
    msgid, values = wording
    if isinstance(msgid, tuple):  # marked with Nn_: the form for the number ``num``
        singular, plural = msgid
        others = {name: value for name, value in values.items() if name != "num"}
        return shorten(ngettext(singular, plural, values["num"], **others), MAX_MESSAGE_LENGTH)
    return shorten(gettext(msgid, **values), MAX_MESSAGE_LENGTH)


def error_response(
    status: int,
    message: str,
    fields: dict[str, Any] | None = None,
    wording: Wording | None = None,
):
    """Render an error as JSON for API clients (English, the contract) and as a page for people
    (in their language, where the catalogue has the sentence)."""
    body = error_body(status, message, fields)
    if wants_json():
        return body, status
    template = "errors/404.html" if status == 404 else "errors/error.html"
    listed = body["error"].get("fields", {})
    page = render_template(
        template,
        status=status,
        message=page_message(message, wording),
        fields={name: gettext(problem) for name, problem in listed.items()},
    )
    return page, status


def init_app(app: Flask) -> None:
    """Register the handlers that turn domain and HTTP errors into responses."""

    @app.errorhandler(DomainError)
    def handle_domain_error(error: DomainError):
        response = error_response(error.status, error.message, error.fields, error.wording)
        if isinstance(error, Unauthenticated):
            return (*response, {"WWW-Authenticate": 'Bearer realm="api"'})
        return response

    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException):
        if isinstance(error, BadHost | SecurityError):
            # The Host header was refused, so no address can be built: no page, only JSON.
            return error_body(400, "This server does not answer to that host name."), 400
        response = error_response(error.code or 500, error.description or error.name)
        headers = error.get_response().headers
        if "Allow" in headers:
            return response[0], response[1], {"Allow": headers["Allow"]}
        if "Retry-After" in headers:
            return response[0], response[1], {"Retry-After": headers["Retry-After"]}
        return response

    @app.errorhandler(Exception)
    def handle_unexpected_error(error: Exception):
        app.logger.exception("Unhandled error", exc_info=error)
        return error_response(500, N_("Something went wrong on our side; it has been logged."))
