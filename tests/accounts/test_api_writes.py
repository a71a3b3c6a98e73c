"""Token-authenticated writes: tokens made, shown once, hashed, revoked; 401 and 403; moderation."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from catalogue.extensions import db
from catalogue.models import ApiToken, Change, Organisation, Service
from tests.accounts.test_publishing import SERVICE

NEW_SERVICE = {k: v for k, v in SERVICE.items()}


def make_token(client, name="our CRM") -> str:
    page = client.post("/account/tokens", data={"name": name}).get_data(as_text=True)
    return page.split('<p class="token-value">')[1].split("</p>")[0]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def managed(build, accounts, client):
    """A hub managed (verified) by the logged-in client's account, and a token of it."""
    hub = build.organisation(name="Air Lab", ref="air-lab")
    build.service(hub, ref="air-lab-testbed", title="Testbed")
    accounts.manager(hub, verified=True)
    return {"hub": hub, "token": make_token(client)}


def test_a_token_is_shown_once_and_stored_hashed(client, managed):
    stored = db.session.scalar(select(ApiToken))
    assert managed["token"] not in stored.token_hash
    assert stored.prefix == managed["token"][:10]
    assert managed["token"] not in client.get("/account/tokens").get_data(as_text=True)


def test_me_names_the_account_and_its_organisations(app, managed):
    response = app.test_client().get("/api/v1/me", headers=bearer(managed["token"]))
    assert response.status_code == 200
    assert response.json["organisations"][0]["ref"] == "air-lab"
    assert db.session.scalar(select(ApiToken)).last_used_at is not None


def test_a_verified_manager_adds_a_service_that_is_public_at_once(app, managed):
    api = app.test_client()
    response = api.post(
        "/api/v1/organisations/air-lab/services", json=NEW_SERVICE, headers=bearer(managed["token"])
    )
    assert response.status_code == 201
    assert response.json["outcome"] == "live"
    assert api.get(response.headers["Location"]).status_code == 200


def test_a_profile_change_needs_the_current_version(app, managed):
    api = app.test_client()
    version = api.get("/api/v1/me", headers=bearer(managed["token"])).json["organisations"][0]
    body = {"version": version["version"], "city": "Sines"}
    first = api.patch("/api/v1/organisations/air-lab", json=body, headers=bearer(managed["token"]))
    assert first.status_code == 200 and first.json["values"]["city"] == "Sines"
    stale = body | {"city": "Porto", "name": "Air Lab"}
    again = api.patch("/api/v1/organisations/air-lab", json=stale, headers=bearer(managed["token"]))
    assert again.status_code == 409
    error = again.json["error"]
    assert error["message"].startswith(f"The record changed since version {version['version']}")
    # What differs from what was sent, and the version to send next; the same name is not named.
    assert error["fields"] == {
        "city": 'is now "Sines"',
        "version": f"is {version['version'] + 1} now, not {version['version']}",
    }
    current = api.get("/api/v1/organisations/air-lab").json
    assert current["city"] == "Sines"  # the stale change left nothing behind


def test_an_unverified_managers_api_change_waits(app, build, accounts, client):
    hub = build.organisation(name="Air Lab", ref="air-lab")
    accounts.manager(hub, verified=False)
    token = make_token(client)
    body = {"version": hub.version, "name": "Renamed"}
    response = app.test_client().patch(
        "/api/v1/organisations/air-lab", json=body, headers=bearer(token)
    )
    assert response.json["outcome"] == "pending"
    db.session.refresh(hub)
    assert hub.name == "Air Lab"
    assert db.session.scalar(select(Change)).status == "pending"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"version": 1, "family": "astrology"}, "family"),
        ({"version": 1, "technologies": ["Telepathy"]}, "technologies.0"),
        ({"version": 1, "url": "not a url"}, "url"),
        ({"version": 1, "title": ""}, "title"),
        ({"version": 1, "unknown": 1}, "unknown"),
        ({"title": "x"}, "version"),
        ({"version": 1, "languages": ["xx"]}, "languages"),
    ],
)
def test_bad_bodies_get_400_naming_the_field_and_change_nothing(app, managed, body, field):
    response = app.test_client().patch(
        "/api/v1/services/air-lab-testbed", json=body, headers=bearer(managed["token"])
    )
    assert response.status_code == 400
    assert field in response.json["error"]["fields"]
    assert db.session.scalar(select(Change)) is None


WRITES = [
    ("GET", "/api/v1/me"),
    ("PATCH", "/api/v1/organisations/air-lab"),
    ("POST", "/api/v1/organisations/air-lab/services"),
    ("PATCH", "/api/v1/services/air-lab-testbed"),
]


@pytest.mark.parametrize(("method", "path"), WRITES)
@pytest.mark.parametrize("credentials", ["missing", "wrong", "revoked", "cookie only"])
def test_writes_without_a_valid_token_get_401(app, client, managed, method, path, credentials):
    headers = {
        "missing": {},
        "wrong": bearer("dih_not-a-real-token"),
        "revoked": bearer(managed["token"]),
        "cookie only": {},
    }[credentials]
    if credentials == "revoked":
        token = db.session.scalar(select(ApiToken))
        client.post(f"/account/tokens/{token.id}/revoke")
    api = client if credentials == "cookie only" else app.test_client()
    response = api.open(path, method=method, json={"version": 1, "title": "x"}, headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert db.session.scalar(select(Change)) is None


@pytest.mark.parametrize(("method", "path"), WRITES[1:])
def test_a_foreign_token_gets_403(app, managed, accounts, method, path):
    other = app.test_client()
    accounts.make("other@elsewhere.example.eu")
    accounts.login("other@elsewhere.example.eu", client=other)
    token = make_token(other, "theirs")
    body = {"version": 1, "title": "Hacked"} | ({} if "services" not in path else NEW_SERVICE)
    response = app.test_client().open(path, method=method, json=body, headers=bearer(token))
    assert response.status_code == 403
    assert db.session.scalar(select(Organisation.name)) == "Air Lab"
    assert db.session.scalar(select(db.func.count(Service.id))) == 1


def test_one_cannot_revoke_another_accounts_token(app, managed, accounts):
    other = app.test_client()
    accounts.make("other@elsewhere.example.eu")
    accounts.login("other@elsewhere.example.eu", client=other)
    token = db.session.scalar(select(ApiToken))
    assert other.post(f"/account/tokens/{token.id}/revoke").status_code == 404
    db.session.refresh(token)
    assert token.revoked_at is None


def test_the_writes_are_in_the_openapi_document(client):
    document = client.get("/api/v1/openapi.json").json
    assert document["paths"]["/organisations/{ref}"]["patch"]["operationId"] == "updateProfile"
    assert "post" in document["paths"]["/organisations/{ref}/services"]
    assert document["components"]["securitySchemes"]["apiToken"]["scheme"] == "bearer"
    assert "ServiceCreate" in document["components"]["schemas"]


def test_the_api_flags_stale_records_until_they_are_verified(app, client, build, accounts):
    hub = build.organisation(ref="old-lab", source_updated="2019-05")
    build.service(hub, ref="old-lab-svc")
    api = app.test_client()
    assert api.get("/api/v1/organisations/old-lab").json["stale"] is True
    assert api.get("/api/v1/services/old-lab-svc").json["stale"] is True
    accounts.manager(hub)
    client.post(f"/manage/{hub.slug}/verify")
    assert api.get("/api/v1/organisations/old-lab").json["stale"] is False
    assert api.get("/api/v1/services/old-lab-svc").json["stale"] is False
