"""Error pages speak the reader's language; the API's error messages stay English (a contract)."""

from __future__ import annotations

import pytest
from flask_babel import force_locale
from werkzeug.exceptions import default_exceptions

from catalogue.errors import HTTP_DESCRIPTIONS, ValidationError, page_message


@pytest.mark.parametrize("status", sorted(HTTP_DESCRIPTIONS))
def test_the_copied_werkzeug_descriptions_still_match_werkzeug(status):
    assert HTTP_DESCRIPTIONS[status] == default_exceptions[status].description


def test_an_error_keeps_its_english_message_for_the_api_and_a_wording_for_pages(app):
    error = ValidationError(
        "The hub list could not be shown: check the parameter “q”.",
        fields={"q": "is 300 characters long; the limit is 200"},
        wording=(
            "The hub list could not be shown: check the parameter %(names)s.",
            {"names": "“q”"},
        ),
    )
    with app.test_request_context("/hubs/"):
        assert error.for_people() == error.message
        assert error.problems_for_people() == error.fields


def test_a_page_message_uses_the_translation_of_the_wording(app, monkeypatch):
    translated = {"Page %(page)s does not exist.": "Seite %(page)s gibt es nicht."}
    monkeypatch.setattr(
        "catalogue.errors.gettext",
        lambda msgid, **values: translated.get(msgid, msgid) % values if values else msgid,
    )
    with app.test_request_context("/hubs/"), force_locale("de"):
        wording = ("Page %(page)s does not exist.", {"page": 4})
        assert page_message("Page 4 does not exist.", wording) == "Seite 4 gibt es nicht."
        assert page_message("Not in the catalogue.") == "Not in the catalogue."


def test_the_api_answers_in_english_whatever_the_browser_asks(client):
    response = client.get("/api/v1/organisations?page=0", headers={"Accept-Language": "de"})
    assert response.status_code == 400
    assert "could not be shown" in response.get_json()["error"]["message"]
