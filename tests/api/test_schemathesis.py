"""Schemathesis fuzzes every operation of the OpenAPI document in-process against the app:
valid and invalid data, every check, derandomised so that a red run means a bug."""

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
schema.config.generation.update(
    modes=[schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE],
    deterministic=True,
)


@pytest.fixture
def api_app(app, catalogue):
    """The test app with a small catalogue (published and hidden records) to fuzz against."""
    return app


@schema.parametrize()
@settings(
    max_examples=25,  # per operation and mode, after the coverage phase's boundary values
    derandomize=True,  # as `deterministic` above; said again so these settings stand alone
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_openapi_document(case, api_app):
    case.call_and_validate(app=api_app)


def test_api_follows_its_links_statefully(api_app):
    """Chains of calls along the document's links (list -> record -> related record)."""

    class LinkedCalls(schema.as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case):
            return {"app": api_app}

    LinkedCalls.run(
        settings=settings(
            max_examples=20,
            stateful_step_count=4,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
    )
