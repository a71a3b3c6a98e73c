"""Interface languages: Flask-Babel, the languages offered, and which one a request is read in."""

from __future__ import annotations

from flask import Flask, request
from flask_babel import Babel

babel = Babel()

# The languages whose catalogue is complete, offered to readers (the switcher, negotiation,
# hreflang links). English is the source language. A translator adds a language here once
# `catalogue/translations/<code>/LC_MESSAGES/messages.po` translates every string.
SHIPPED_LANGUAGES: tuple[str, ...] = ("en",)
DEFAULT_LANGUAGE = "en"


def select_locale() -> str:
    """The language of this request: the best of the browser's languages, else English."""
    return request.accept_languages.best_match(SHIPPED_LANGUAGES) or DEFAULT_LANGUAGE


def init_app(app: Flask) -> None:
    """Attach Flask-Babel: ``_``, ``gettext`` and ``ngettext`` in templates, locale formatting."""
    babel.init_app(app, locale_selector=select_locale, default_locale=DEFAULT_LANGUAGE)
