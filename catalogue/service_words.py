"""Services word their mails and messages in the reader's language: Flask-Babel installed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask, has_request_context
from flask_babel import force_locale, gettext, ngettext

from catalogue.i18n import DEFAULT_LANGUAGE, FORMATTING_LOCALES, offered_languages
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


@contextmanager
def _in_language(languages: Iterable[str | None]) -> Iterator[None]:
    """During a request, Flask-Babel's translations of the first offered of ``languages``."""
    if not has_request_context():
        yield
        return
    offered = offered_languages()
    chosen = next((code for code in languages if code in offered), DEFAULT_LANGUAGE)
    with force_locale(FORMATTING_LOCALES.get(chosen, chosen)):
        yield


def init_app(app: Flask) -> None:
    """Install the request's translations for the services (the same for every app)."""
    translatable.install(_gettext, _ngettext, _in_language)
