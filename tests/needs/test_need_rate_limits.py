"""Rate limits per client address on saving needs and contacting hubs (Flask-Limiter on)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from catalogue.extensions import db
from catalogue.models import ContactRequest, MatchFeedback, Need
from tests.needs.conftest import NEED, save_need, token_of

CONTACT = {"name": "Anna", "email": "anna@gent.example.be", "message": "Can you help?"}


@pytest.fixture
def app_config(app_config):
    """Rate limits on, with small numbers."""
    return app_config | {
        "RATELIMIT_ENABLED": True,
        "NEED_RATELIMIT": "2 per hour",
        "CONTACT_RATELIMIT": "2 per hour",
        "FEEDBACK_RATELIMIT": "2 per hour",
        "MAX_CONTACTS_PER_NEED_PER_DAY": 10,
    }


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_saving_needs_is_limited_per_address_and_refusals_do_not_count(client, sensor_hubs):
    assert client.post("/needs/", data={"text": NEED, "action": "save"}).status_code == 400
    save_need(client)
    save_need(client)
    response = client.post("/needs/", data={"text": NEED, "email": "a@b.eu", "action": "save"})
    assert response.status_code == 429
    assert "Too many needs saved" in response.get_data(as_text=True)
    assert _count(Need) == 2
    assert client.post("/needs/", data={"text": NEED}).status_code == 200  # finding is not limited


def test_another_address_may_still_save(client, sensor_hubs):
    save_need(client)
    save_need(client)
    other = {"REMOTE_ADDR": "192.0.2.7"}
    data = {"text": NEED, "email": "a@b.eu", "action": "save"}
    assert client.post("/needs/", data=data, environ_base=other).status_code == 303


def test_contacting_hubs_is_limited_per_address(client, build, sensor_hubs):
    path = save_need(client)
    hubs = [build.organisation(name=f"Hub {n}") for n in range(3)]
    for hub in hubs[:2]:
        assert client.post(f"{path}/contact/{hub.slug}", data=CONTACT).status_code == 303
    assert client.post(f"{path}/contact/{hubs[2].slug}", data=CONTACT).status_code == 429
    assert _count(ContactRequest) == 2


def test_asking_for_new_links_is_limited_like_saving(client, sensor_hubs):
    for _ in range(2):
        response = client.post("/needs/lost-link", data={"email": "a@b.eu"})
        assert response.status_code == 303
    assert client.post("/needs/lost-link", data={"email": "a@b.eu"}).status_code == 429


def test_verdicts_and_reports_are_limited_per_address(client, sensor_hubs):
    """So that one address cannot skew the feedback counts or flood the moderators."""
    path = save_need(client, visibility="public")
    need = db.session.scalar(select(Need))
    for _ in range(2):
        assert client.post(f"/needs/board/{need.public_ref}/report").status_code == 303
    refused = client.post(f"/needs/board/{need.public_ref}/report")
    assert refused.status_code == 429
    assert "Too many verdicts or reports" in refused.get_data(as_text=True)
    db.session.refresh(need)
    assert need.reports == 2
    # Verdicts on a saved need's results share the limit, counted per address.
    token = token_of(path)
    other = {"REMOTE_ADDR": "192.0.2.7"}
    verdict = {"useful": "yes", "ref": sensor_hubs[0].ref}
    for _ in range(2):
        sent = client.post(f"/needs/saved/{token}/feedback", data=verdict, environ_base=other)
        assert sent.status_code == 303
    again = client.post(f"/needs/saved/{token}/feedback", data=verdict, environ_base=other)
    assert again.status_code == 429
    assert _count(MatchFeedback) == 2
