"""Fixtures for saved needs: hubs that fit, accounts of their managers, the outbox."""

from __future__ import annotations

import re

import pytest

from tests.accounts.conftest import Accounts, forget_the_previous_requests_user


@pytest.fixture
def app_setup(app_setup):
    """The app forgets the previous request's user at each request (as in tests/accounts)."""
    return (*app_setup, forget_the_previous_requests_user)


@pytest.fixture
def accounts(client) -> Accounts:
    """Account helpers bound to the test client."""
    return Accounts(client)


@pytest.fixture
def sensor_hubs(build):
    """Two published hubs that fit an air-quality need: Flanders (BE) and Berlin (DE)."""
    flanders = build.organisation(
        name="Flanders Air Lab",
        country="BE",
        email="info@flanders-air.example.eu",
        description="Living lab where cities test air quality sensors and IoT networks.",
    )
    build.service(flanders, title="Air quality sensor testbed", family="test_before_invest")
    berlin = build.organisation(
        name="Berlin Sensor Hub",
        country="DE",
        description="Helps municipalities measure air quality with sensor networks.",
    )
    return flanders, berlin


NEED = "We want to measure air quality with sensors in our streets"


def save_need(client, **data) -> str:
    """Save a need through the form; return the private page's path."""
    form = {"text": NEED, "email": "official@gent.example.be", "action": "save"} | data
    response = client.post("/needs/", data=form)
    assert response.status_code == 303, response.get_data(as_text=True)
    return response.headers["Location"]


def token_of(path: str) -> str:
    """The token in a saved need's path."""
    return re.search(r"/needs/saved/([^/#?]+)", path).group(1)
