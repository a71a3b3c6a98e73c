"""The OpenAPI document covers every /api/v1 endpoint; the docs page is rendered from it."""

from __future__ import annotations

import re

import pytest


def _document_paths(client) -> dict:
    document = client.get("/api/v1/openapi.json").json
    assert document["openapi"].startswith("3.1")
    assert document["servers"] == [{"url": "/api/v1"}]
    return document["paths"]


def _openapi_path(rule: str) -> str:
    """``/api/v1/organisations/<ref>`` -> ``/organisations/{ref}``."""
    path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.removeprefix("/api/v1"))
    return path or "/"


def test_every_api_endpoint_is_documented(app, client):
    paths = _document_paths(client)
    routes = [rule for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/v1")]
    assert routes
    for rule in routes:
        path = _openapi_path(rule.rule)
        assert path in paths, f"{rule.rule} is not in the OpenAPI document"
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert method.lower() in paths[path], f"{method} {rule.rule} is not documented"


def test_every_documented_operation_exists(app, client):
    routes = {_openapi_path(r.rule) for r in app.url_map.iter_rules()}
    assert set(_document_paths(client)) <= routes


def test_error_responses_use_the_error_component(client):
    document = client.get("/api/v1/openapi.json").json
    responses = document["components"]["responses"]
    assert set(responses) == {"400", "404", "405", "406", "413", "415", "429"}
    for response in responses.values():
        schema = response["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/Error"}
    assert responses["405"]["headers"]["Allow"]["required"] is True
    assert responses["429"]["headers"]["Retry-After"]["required"] is True


def test_docs_page_lists_every_operation_without_inline_code(client):
    response = client.get("/api/v1/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for path in _document_paths(client):
        assert f"/api/v1{path}" in html
    assert "<script" not in html
    assert "<style" not in html
    assert " style=" not in html
    assert "http://" not in html.replace('xmlns="http://', "")
    assert "https://" not in html


def test_docs_page_links_every_download_it_documents(client, catalogue):
    html = client.get("/api/v1/", headers={"Accept": "text/html"}).get_data(as_text=True)
    section = html.split('<h2 id="downloads">')[1].split("<h2")[0]
    linked = set(re.findall(r'<a href="(/api/v1/downloads/[^"]+)">', section))
    documented = {
        f"/api/v1{path}"
        for path, item in _document_paths(client).items()
        if "downloads" in item.get("get", {}).get("tags", [])
    }
    assert len(documented) == 4
    assert linked == documented
    for href in sorted(linked):
        assert client.get(href).status_code == 200


@pytest.fixture
def app_config(app_config, request):
    """The usual configuration, changed by a test's indirect parameter."""
    return app_config | getattr(request, "param", {})


def test_cors_is_off_by_default(client):
    response = client.get("/api/v1/events", headers={"Origin": "https://city.example"})
    assert "Access-Control-Allow-Origin" not in response.headers


ALLOW_LIST = {"CORS_ALLOWED_ORIGINS": ("https://city.example",)}


@pytest.mark.parametrize("app_config", [ALLOW_LIST], indirect=True)
def test_cors_answers_listed_origins_only(client):
    listed = client.get("/api/v1/events", headers={"Origin": "https://city.example"})
    assert listed.headers["Access-Control-Allow-Origin"] == "https://city.example"
    assert "Origin" in listed.headers["Vary"]
    other = client.get("/api/v1/events", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


@pytest.mark.parametrize("app_config", [ALLOW_LIST], indirect=True)
def test_cors_preflight(client):
    response = client.options(
        "/api/v1/downloads/catalogue.json",
        headers={
            "Origin": "https://city.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "If-None-Match",
        },
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "https://city.example"
    assert "GET" in response.headers["Access-Control-Allow-Methods"]
    assert "If-None-Match" in response.headers["Access-Control-Allow-Headers"]
