"""Schemathesis fuzzes every operation of the OpenAPI document in-process against the app."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from catalogue import create_app

# The document needs no database; each generated request goes to the test's own app.
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json",
    create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"}),
)


@pytest.fixture
def api_app(app, catalogue):
    """The test app with a small catalogue (published and hidden records) to fuzz against."""
    return app


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_openapi_document(case, api_app):
    case.call_and_validate(app=api_app)
