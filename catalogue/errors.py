"""Domain errors raised by services, and their translation into HTML or JSON responses."""

from __future__ import annotations

from typing import Any

from flask import Flask, render_template, request
from werkzeug.exceptions import HTTPException


class DomainError(Exception):
    """Base of the errors services raise; each edge (view, API, CLI) translates them."""

    status = 400

    def __init__(self, message: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class ValidationError(DomainError):
    """Input breaks a rule; ``fields`` maps each offending field (or JSON path) to its problem."""

    status = 400


class NotFound(DomainError):
    """The record asked for does not exist or is not public."""

    status = 404


class Conflict(DomainError):
    """The change collides with the current state (a duplicate, or a stale version)."""

    status = 409


class PermissionDenied(DomainError):
    """The user may not do this."""

    status = 403


def error_body(status: int, message: str, fields: dict[str, Any] | None = None) -> dict:
    """Build the platform's single JSON error shape."""
    error: dict[str, Any] = {"status": status, "message": message}
    if fields:
        error["fields"] = fields
    return {"error": error}


def wants_json() -> bool:
    """Tell whether the client should get JSON rather than an HTML page."""
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def error_response(status: int, message: str, fields: dict[str, Any] | None = None):
    """Render an error as JSON for API clients and as a page for people."""
    if wants_json():
        return error_body(status, message, fields), status
    template = "errors/404.html" if status == 404 else "errors/error.html"
    return render_template(template, status=status, message=message, fields=fields or {}), status


def init_app(app: Flask) -> None:
    """Register the handlers that turn domain and HTTP errors into responses."""

    @app.errorhandler(DomainError)
    def handle_domain_error(error: DomainError):
        return error_response(error.status, error.message, error.fields)

    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException):
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
        return error_response(500, "Something went wrong on our side; it has been logged.")
