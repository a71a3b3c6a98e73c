"""The app with every catalogue language offered, whatever SHIPPED_LANGUAGES says today."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from flask import Flask

ALL_LANGUAGES = ("en", "de", "fr", "es", "it", "pl")


@pytest.fixture
def app_config(app_config: dict) -> dict:
    """The suite's configuration, offering the six interface languages of the catalogues."""
    return app_config | {"LANGUAGES": ALL_LANGUAGES}


@contextmanager
def reading(app: Flask, language: str = "en") -> Iterator[None]:
    """A request of a reader of ``language``, in its own app context (Flask-Babel keeps the
    locale in ``g``, which the test's app context would share between requests)."""
    with app.app_context(), app.test_request_context("/", headers={"Accept-Language": language}):
        yield
