"""The needs form keeps CSRF protection on, as in production."""

import pytest


@pytest.fixture
def app_config(app_config):
    """CSRF protection on, as in production."""
    return app_config | {"WTF_CSRF_ENABLED": True}


def test_a_post_without_the_csrf_token_is_refused(client, build):
    build.organisation(name="Air Lab", description="Air quality sensors for cities.")
    response = client.post("/needs/", data={"text": "air quality sensors"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "CSRF" in page
    assert "Air Lab" not in page


def test_a_post_with_the_token_from_the_form_goes_through(client, build):
    build.organisation(name="Air Lab", description="Air quality sensors for cities.")
    form_page = client.get("/needs/").get_data(as_text=True)
    token = form_page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = client.post("/needs/", data={"text": "air quality sensors", "csrf_token": token})
    assert response.status_code == 200
    assert "Air Lab" in response.get_data(as_text=True)
