"""Services word their mails and messages in the reader's language: Flask-Babel installed."""

from __future__ import annotations

from typing import Any

from flask import Flask, has_request_context
from flask_babel import gettext, ngettext

from catalogue.services import translatable


def _gettext(message: str, /, **values: Any) -> str:
    """Flask-Babel's gettext during a request; outside one (a CLI command) the English."""
    if has_request_context():
        return gettext(message, **values)
    return message % values if values else message


def _ngettext(singular: str, plural: str, num: int, /, **values: Any) -> str:
    if has_request_context():
        return ngettext(singular, plural, num, **values)
    values.setdefault("num", num)
    return (singular if num == 1 else plural) % values


def init_app(app: Flask) -> None:
    """Install the request's translations for the services (the same for every app)."""
    translatable.install(_gettext, _ngettext)
