"""Every route that changes an organisation or a service: anonymous users log in, others get 403."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from catalogue.extensions import db
from catalogue.models import Change, Organisation

# (method, path) with {hub} and {service} for a hub the other account manages.
WRITE_ROUTES = [
    ("GET", "/manage/{hub}/"),
    ("GET", "/manage/{hub}/profile"),
    ("POST", "/manage/{hub}/profile"),
    ("POST", "/manage/{hub}/verify"),
    ("GET", "/manage/{hub}/services/new"),
    ("POST", "/manage/{hub}/services/new"),
    ("GET", "/manage/{hub}/services/{service}"),
    ("POST", "/manage/{hub}/services/{service}"),
]
MODERATION_ROUTES = [
    ("GET", "/moderation/"),
    ("GET", "/moderation/outbox"),
    ("POST", "/moderation/claims/1"),
    ("POST", "/moderation/changes/1"),
]


@pytest.fixture
def owned(build, accounts, app):
    """A hub with a service, managed by another account (logged in on its own client)."""
    hub = build.organisation(name="Owned Hub")
    service = build.service(hub, title="Owned service")
    accounts.manager(hub, email="owner@owned.example.eu", verified=False)
    return {"hub": hub.slug, "service": service.slug}


@pytest.mark.parametrize(("method", "path"), WRITE_ROUTES + MODERATION_ROUTES)
def test_an_anonymous_visitor_is_sent_to_log_in(app, owned, method, path):
    response = app.test_client().open(path.format(**owned), method=method, data={"title": "x"})
    assert response.status_code == 302
    assert "/login?next=" in response.headers["Location"]


@pytest.mark.parametrize(("method", "path"), WRITE_ROUTES)
def test_another_account_is_refused(app, owned, accounts, method, path):
    intruder = app.test_client()
    accounts.make("intruder@elsewhere.example.eu")
    accounts.login("intruder@elsewhere.example.eu", client=intruder)
    before = db.session.scalar(select(Organisation.version))
    response = intruder.open(path.format(**owned), method=method, data={"title": "Hacked"})
    assert response.status_code == 403
    db.session.expire_all()
    assert db.session.scalar(select(Organisation.version)) == before
    assert db.session.scalar(select(Change)) is None


@pytest.mark.parametrize(("method", "path"), MODERATION_ROUTES)
def test_a_manager_cannot_moderate(app, owned, client, method, path):
    assert client.open(path, method=method, data={"decision": "approve"}).status_code == 403


def test_a_pending_organisation_is_not_found_by_guessing_its_slug(app, accounts):
    client = app.test_client()
    accounts.make("eva@x.example.eu")
    accounts.login("eva@x.example.eu", client=client)
    data = {"name": "Secret Lab", "kind": "dih", "description": "Not public yet."}
    client.post("/account/organisations/new", data=data)
    slug = db.session.scalar(select(Organisation.slug))
    intruder = app.test_client()
    accounts.make("intruder@elsewhere.example.eu")
    accounts.login("intruder@elsewhere.example.eu", client=intruder)
    assert intruder.get(f"/manage/{slug}/profile").status_code == 403
    assert intruder.get(f"/hubs/{slug}").status_code == 404
    assert intruder.get(f"/hubs/{slug}/claim").status_code == 404
