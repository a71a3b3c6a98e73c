"""Every error under /api has the single JSON shape and its status: 400 to 429."""

from __future__ import annotations

import pytest


def assert_error(response, status: int) -> dict:
    assert response.status_code == status
    assert response.mimetype == "application/json"
    error = response.json["error"]
    assert error["status"] == status
    assert error["message"]
    assert set(error) <= {"status", "message", "fields"}
    return error


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("/organisations?kind=castle", "kind"),
        ("/organisations?country=XX", "country"),
        ("/organisations?sort=price", "sort"),
        ("/organisations?page=0", "page"),
        ("/organisations?per_page=101", "per_page"),
        ("/organisations?q=" + "x" * 201, "q"),
        ("/services?family=training", "family"),
        ("/services?page=abc", "page"),
        ("/practices?per_page=-1", "per_page"),
        ("/events?page=1.5", "page"),
    ],
)
def test_bad_parameter_gives_400_naming_it(client, query, parameter):
    error = assert_error(client.get("/api/v1" + query), 400)
    assert parameter in error["fields"]


@pytest.mark.parametrize(
    "path",
    ["/organisations/nope", "/services/nope", "/practices/nope", "/events/nope", "/nothing-here"],
)
def test_missing_record_gives_404(client, path):
    assert_error(client.get("/api/v1" + path), 404)


def test_page_past_the_last_gives_404(client, catalogue):
    assert_error(client.get("/api/v1/services?page=2"), 404)


def test_wrong_method_gives_405_with_allow(client):
    response = client.post("/api/v1/organisations", json={})
    assert_error(response, 405)
    assert "GET" in response.headers["Allow"]


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        ("/organisations", "text/html"),
        ("/downloads/catalogue.json", "text/csv"),
        ("/downloads/organisations.csv", "application/json"),
        ("/downloads/services.csv", "text/html"),
    ],
)
def test_unacceptable_media_type_gives_406(client, path, accept):
    assert_error(client.get("/api/v1" + path, headers={"Accept": accept}), 406)


def test_acceptable_media_types_pass(client):
    assert client.get("/api/v1/organisations", headers={"Accept": "*/*"}).status_code == 200
    csv = client.get("/api/v1/downloads/services.csv", headers={"Accept": "text/csv"})
    assert csv.status_code == 200


def test_too_large_body_gives_413(client, app):
    body = b"x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post("/api/v1/organisations", data=body, content_type="text/plain")
    assert_error(response, 413)


@pytest.fixture
def app_config(app_config, request):
    """The usual configuration, changed by a test's indirect parameter."""
    return app_config | getattr(request, "param", {})


@pytest.mark.parametrize(
    "app_config",
    # A moving window: a fixed one would reset if the requests straddled a minute boundary.
    [
        {
            "RATELIMIT_ENABLED": True,
            "API_RATELIMIT": "2 per minute",
            "RATELIMIT_STRATEGY": "moving-window",
        }
    ],
    indirect=True,
)
def test_rate_limit_gives_429_with_retry_after(client):
    statuses = [client.get("/api/v1/events").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    response = client.get("/api/v1/events")
    assert_error(response, 429)
    assert int(response.headers["Retry-After"]) > 0
