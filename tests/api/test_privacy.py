"""Nothing unpublished, and nothing from ``extra`` but attribution, leaves through the API."""

from __future__ import annotations

import pytest

from tests.api.conftest import HIDDEN_NAMES, HIDDEN_REFS, SECRET

EVERY_GET = [
    "/api/v1/organisations",
    "/api/v1/organisations?per_page=100&sort=updated",
    "/api/v1/organisations/jrc-1",
    "/api/v1/services?per_page=100",
    "/api/v1/services/svc-iot",
    "/api/v1/practices",
    "/api/v1/practices/prac-1",
    "/api/v1/events",
    "/api/v1/events/ws-2020",
    "/api/v1/downloads/catalogue.json",
    "/api/v1/downloads/organisations.csv",
    "/api/v1/downloads/services.csv",
    "/api/v1/downloads/ngsi-ld.jsonld",
]


@pytest.mark.parametrize("url", EVERY_GET)
def test_no_unpublished_record_or_internal_note_leaks(client, catalogue, url):
    response = client.get(url)
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    for leaked in (*HIDDEN_REFS, *HIDDEN_NAMES, SECRET):
        assert leaked not in text, f"{leaked!r} leaked through {url}"


def test_talk_of_an_unpublished_organisation_keeps_the_talk_without_it(client, catalogue):
    talks = client.get("/api/v1/events/ws-2020").json["sessions"][0]["talks"]
    assert talks[1] == {
        "title": "Talk by a draft organisation",
        "speaker": None,
        "affiliation": None,
        "organisation": None,
        "organisation_verified": None,
        "practices": [],
    }


@pytest.mark.parametrize(
    "path",
    [
        "/organisations/draft-org",
        "/organisations/pending-org",
        "/organisations/archived-org",
        "/services/svc-of-draft",
        "/services/svc-pending",
        "/practices/prac-draft",
        "/events/ev-archived",
    ],
)
def test_unpublished_record_is_not_found_like_a_missing_one(client, catalogue, path):
    hidden = client.get("/api/v1" + path)
    missing = client.get("/api/v1" + path.rsplit("/", 1)[0] + "/never-existed")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json["error"]["message"].replace(path.rsplit("/", 1)[1], "REF") == missing.json[
        "error"
    ]["message"].replace("never-existed", "REF")


def test_public_contact_and_attribution_are_shown(client, catalogue):
    hub = client.get("/api/v1/organisations/jrc-1").json
    assert hub["email"] == "contact@hub.example.eu"
    assert hub["source"]["attribution"] == "European Commission"
    document = client.get("/api/v1/downloads/catalogue.json").json
    exported = next(o for o in document["organisations"] if o["ref"] == "jrc-1")
    assert exported["extra"] == {"licence": "CC BY 4.0", "attribution": "European Commission"}
    assert "extra" not in exported["services"][0]
