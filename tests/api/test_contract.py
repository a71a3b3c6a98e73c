"""Every endpoint of the OpenAPI document, requested on the seeded catalogue (a real ref for each
path parameter, each filter value, each page), answers as the document says: the serializers and
the generated schemas cannot disagree without this failing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from jsonschema import Draft202012Validator, FormatChecker
from sqlalchemy import select

from catalogue.extensions import db
from catalogue.models import Organisation
from tests.accounts.test_publishing import SERVICE
from tests.builders import Builders
from tests.databases import seeded_app

PARAMETER = re.compile(r"{(\w+)}")


@pytest.fixture(scope="module")
def site(database_url: str) -> Iterator[Flask]:
    """The app on the seeded catalogue, seeded once for this module."""
    with seeded_app(database_url, MATCH_REFIT_WAIT=60.0, MATCH_ENCODE_LIMIT=0) as app:
        yield app


@pytest.fixture(scope="module")
def client(site: Flask):
    return site.test_client()


@pytest.fixture(scope="module")
def document(client) -> dict[str, Any]:
    return client.get("/api/v1/openapi.json").get_json()


class Contract:
    """Checks answers against the document's declared responses."""

    def __init__(self, client, document: dict[str, Any]) -> None:
        self.client, self.document = client, document
        self.checked: set[str] = set()
        self.validators: dict[tuple[str, ...], Draft202012Validator] = {}

    def get(self, template: str, path: str, **query: Any) -> Any:
        """GET ``path`` (an instance of ``template``), check it, return its JSON body."""
        response = self.client.get("/api/v1" + path, query_string=query)
        self.check("get", template, response)
        return response.get_json(silent=True)

    def check(self, method: str, template: str, response) -> None:
        operation = self.document["paths"][template][method]
        status = str(response.status_code)
        assert status in operation["responses"], f"{method} {template}: undocumented {status}"
        declared = self._resolve(operation["responses"][status])
        content = declared.get("content", {})
        self.checked.add(f"{method} {template}")
        if not content:
            return
        media = response.mimetype if response.mimetype in content else next(iter(content))
        assert response.mimetype == media or media == "application/json", (template, media)
        if "json" in media:
            validator = self._validator(method, template, status, media, content[media])
            errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(response.json)]
            assert errors == [], f"{method} {template} ({response.request.url}): {errors[:5]}"

    def _validator(
        self, method: str, template: str, status: str, media: str, declared: dict[str, Any]
    ) -> Draft202012Validator:
        """One validator per declared response, made once (each new one resolves every $ref)."""
        key = (method, template, status, media)
        if key not in self.validators:
            schema = declared["schema"] | {"components": self.document["components"]}
            self.validators[key] = Draft202012Validator(schema, format_checker=FormatChecker())
        return self.validators[key]

    def _resolve(self, item: dict[str, Any]) -> dict[str, Any]:
        if "$ref" not in item:
            return item
        found: Any = self.document
        for part in item["$ref"].removeprefix("#/").split("/"):
            found = found[part]
        return found


def _pages(contract: Contract, template: str, **query: Any) -> list[dict[str, Any]]:
    """Every item of a list, read page by page (each page checked)."""
    items, number = [], 1
    while True:
        body = contract.get(template, template, page=number, per_page=100, **query)
        items += body["items"]
        if body["links"]["next"] is None:
            return items
        number += 1


def _enum(document: dict[str, Any], name: str) -> list[str]:
    return document["components"]["parameters"][name]["schema"]["items"]["enum"]


def test_every_endpoint_answers_as_documented(client, document):
    contract = Contract(client, document)
    organisations = _pages(contract, "/organisations")
    services = _pages(contract, "/services")
    for template, items in (
        ("/organisations/{ref}", organisations),
        ("/services/{ref}", services),
        ("/practices/{ref}", _pages(contract, "/practices")),
        ("/events/{ref}", _pages(contract, "/events")),
    ):
        assert items, template
        for item in items[:: max(1, len(items) // 40)]:
            contract.get(template, template.replace("{ref}", item["ref"]))
    for item in organisations:
        for other in item["other_records"]:  # documented 301 to the listed record
            contract.get("/organisations/{ref}", f"/organisations/{other['ref']}")
    for name in ("kind", "country", "family", "technology", "sector"):
        for value in _enum(document, name):
            contract.get("/organisations", "/organisations", **{name: value})
    for name in ("family", "country", "technology"):
        for value in _enum(document, name):
            contract.get("/services", "/services", **{name: value})
    for sort in document["components"]["parameters"]["sort"]["schema"]["enum"]:
        contract.get("/organisations", "/organisations", sort=sort, q="smart city")
    for path in document["paths"]:
        operation = document["paths"][path].get("get")
        if "{" not in path and operation is not None and "security" not in operation:
            contract.get(path, path)
    response = client.post("/api/v1/match", json={"text": "test AI tools", "country": "BE"})
    assert response.status_code == 200 and response.json["results"]
    contract.check("post", "/match", response)
    documented = {
        f"{m} {p}"
        for p, methods in document["paths"].items()
        for m, operation in methods.items()
        if "security" not in operation  # the token writes: the test below
    }
    assert contract.checked == documented


def test_the_bad_input_answers_are_documented_too(client, document):
    contract = Contract(client, document)
    contract.get("/organisations", "/organisations", page=10_000)
    contract.get("/organisations", "/organisations", kind="nowhere")
    contract.get("/services/{ref}", "/services/no-such-ref")
    contract.get("/events", "/events", per_page=0)
    contract.check("post", "/match", client.post("/api/v1/match", json={"text": ""}))


def test_the_write_endpoints_answer_as_documented(site, client, document):
    """The token-authenticated writes, with a real token of a manager of a seeded hub."""
    contract = Contract(client, document)
    hub = db.session.scalars(
        select(Organisation).where(Organisation.status == "published").order_by(Organisation.ref)
    ).first()
    secret = Builders(db.session).api_token(hub, "contract@hub.example.eu", "contract test")
    headers = {"Authorization": f"Bearer {secret}"}

    me = client.get("/api/v1/me", headers=headers)
    contract.check("get", "/me", me)
    version = me.json["organisations"][0]["version"]
    ref = f"/api/v1/organisations/{hub.ref}"
    changed = client.patch(ref, json={"version": version, "city": "Sines"}, headers=headers)
    contract.check("patch", "/organisations/{ref}", changed)
    stale = client.patch(ref, json={"version": version, "city": "Sines"}, headers=headers)
    assert stale.status_code == 409
    contract.check("patch", "/organisations/{ref}", stale)
    created = client.post(f"{ref}/services", json=SERVICE, headers=headers)
    assert created.status_code == 201, created.json
    contract.check("post", "/organisations/{ref}/services", created)
    service_ref = created.headers["Location"].rstrip("/").rsplit("/", 1)[-1]
    current = client.get(f"/api/v1/services/{service_ref}").json
    updated = client.patch(
        f"/api/v1/services/{service_ref}",
        json={"version": current.get("version", 1), "title": "Renamed testbed"},
        headers=headers,
    )
    contract.check("patch", "/services/{ref}", updated)
    anonymous = client.patch(ref, json={"version": version}, headers={})
    assert anonymous.status_code == 401
    contract.check("patch", "/organisations/{ref}", anonymous)
    writes = {
        f"{m} {p}"
        for p, methods in document["paths"].items()
        for m, operation in methods.items()
        if "security" in operation
    }
    assert writes <= contract.checked, writes - contract.checked
