"""Checks every request passes first: NUL bytes, streamed bodies, odd bodies and Host headers."""

from __future__ import annotations

import pytest

from catalogue import create_app
from tests.http import chunked

JSON = {"Accept": "application/json"}
HTML = {"Accept": "text/html"}


@pytest.fixture
def records(build):
    """One record of each kind, so a path that strips the NUL would find something."""
    hub = build.organisation(ref="jrc-1", slug="brussels")
    build.service(hub, ref="svc-1", slug="svc")
    build.practice([hub], ref="prac-1", slug="prac")
    build.event(ref="ws-1", slug="ws")


@pytest.mark.parametrize(
    "path",
    ["/hubs/brussels%00", "/hubs/%00", "/services/svc%00x", "/workshop/ws%00",
     "/practices/prac%00", "/api/v1/organisations/jrc-1%00", "/api/v1/services/%00",
     "/api/v1/practices/prac-1%00", "/api/v1/events/ws-1%00", "/static/css/site.css%00"],
)  # fmt: skip
def test_a_nul_byte_in_the_path_is_not_found(client, records, path):
    response = client.get(path, headers=JSON)
    assert response.status_code == 404
    assert "NUL" in response.json["error"]["message"]


@pytest.mark.parametrize(
    "query",
    ["/hubs/?q=%00", "/hubs/?q=brus%00sels", "/hubs/?kind=dih%00", "/api/v1/organisations?q=%00",
     "/api/v1/organisations?sort=name%00", "/api/v1/services?family=%00",
     "/api/v1/events?page=1%00", "/needs/?text=%00", "/?q=%00"],
)  # fmt: skip
def test_a_nul_byte_in_a_parameter_gets_400_naming_it(client, records, query):
    name = query.split("?")[1].split("=")[0]
    response = client.get(query, headers=JSON)
    assert response.status_code == 400
    assert response.json["error"]["fields"] == {name: "must not contain the NUL character (%00)"}
    assert f"“{name}”" in response.json["error"]["message"]


def test_a_nul_byte_in_a_parameter_name_is_named_readably(client):
    response = client.get("/api/v1/organisations?q%00x=1", headers=JSON)
    assert response.status_code == 400
    assert response.json["error"]["fields"] == {"q%00x": "must not contain the NUL character (%00)"}


def test_a_nul_byte_gets_people_a_page_naming_the_parameter(client, records):
    response = client.get("/hubs/?q=brus%00sels", headers=HTML)
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "Parameter “q”: must not contain the NUL character (%00)" in page


def test_a_search_without_the_nul_byte_still_works(client, records):
    assert client.get("/api/v1/organisations?q=brussels").status_code == 200


def test_a_chunked_form_over_the_limit_gets_413(client, app):
    body = b"text=" + b"a" * app.config["MAX_CONTENT_LENGTH"]
    form = "application/x-www-form-urlencoded"
    response = client.post("/needs/", content_type=form, **chunked(body, **HTML))
    assert response.status_code == 413
    assert "Request too large" in response.get_data(as_text=True)


def test_a_chunked_body_over_the_limit_gets_413_on_any_route(client, app):
    body = b"x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post("/no-such-page", **chunked(body, **JSON))
    assert response.status_code == 413


@pytest.mark.parametrize("body", [b'"x"', b"[1, 2]", b"null", b"[" * 5000, b"{"])
def test_the_needs_page_reads_only_its_form_not_a_json_body(client, body):
    response = client.post("/needs/", data=body, content_type="application/json", headers=HTML)
    assert response.status_code == 400
    assert "must not be empty: describe the need in a few words" in response.text


@pytest.mark.parametrize("host", ["x" * 200, "a." + "b" * 64 + ".example"])
def test_a_host_name_that_cannot_be_encoded_gets_400(app_config, host):
    # Without SERVER_NAME (as in production) the Host header is what Werkzeug encodes.
    app = create_app(app_config | {"SERVER_NAME": None})
    response = app.test_client().get("/hubs/", headers={"Host": host, "Accept": "text/html"})
    assert response.status_code == 400
    assert response.json["error"]["message"] == "This server does not answer to that host name."
