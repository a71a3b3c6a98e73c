"""One error shape: JSON clients get {"error": {...}}, people get a page; never a stack trace."""

import pytest


def add_a_broken_route(app) -> None:
    """One route that breaks, to see what a server error looks like."""

    @app.get("/broken-on-purpose")
    def broken_on_purpose():
        raise RuntimeError("deliberate failure with a secret detail")


@pytest.fixture
def app_setup(app_setup):
    return (*app_setup, add_a_broken_route)


@pytest.fixture
def failing_app(app):
    """The app, its server errors answered as in production rather than raised."""
    app.config["PROPAGATE_EXCEPTIONS"] = False
    return app


JSON = {"Accept": "application/json"}


def test_unknown_url_gives_the_json_error_shape(client):
    response = client.get("/no-such-page", headers=JSON)
    assert response.status_code == 404
    assert response.json["error"]["status"] == 404
    assert response.json["error"]["message"]


def test_unknown_url_gives_people_a_page(client):
    response = client.get("/no-such-page", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "not found" in response.get_data(as_text=True).lower()


def test_wrong_method_gives_405_with_allow_header(client):
    response = client.delete("/", headers=JSON)
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
    assert response.json["error"]["status"] == 405


def test_too_large_body_gives_413(client, app):
    body = b"x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post("/", data=body, headers=JSON | {"Content-Type": "text/plain"})
    assert response.status_code == 413
    assert response.json["error"]["status"] == 413


def test_server_error_hides_details(failing_app):
    response = failing_app.test_client().get("/broken-on-purpose", headers=JSON)
    assert response.status_code == 500
    assert response.json["error"]["status"] == 500
    assert "secret detail" not in response.get_data(as_text=True)
