"""The offered languages are checked when the app starts: each needs a catalogue, English too."""

from __future__ import annotations

import pytest

from catalogue import create_app


def test_fewer_languages_can_be_offered(app_config):
    app = create_app(app_config | {"LANGUAGES": ["en", "pl"]})
    response = app.test_client().get("/de/")
    assert response.status_code == 404  # German is not offered here
    assert app.test_client().get("/pl/").status_code == 200


@pytest.mark.parametrize(
    ("languages", "message"),
    [
        (["en", "sv"], "LANGUAGES names 'sv', which has no catalogue in catalogue/translations"),
        (["de", "fr"], "LANGUAGES must include 'en'"),
        ("en,de", "LANGUAGES must be a list of language codes"),
    ],
)
def test_a_language_without_a_catalogue_or_without_english_refuses_to_start(
    app_config, languages, message
):
    with pytest.raises(RuntimeError, match=message):
        create_app(app_config | {"LANGUAGES": languages})


def test_the_environment_names_the_languages_as_a_json_list(app_config, monkeypatch):
    monkeypatch.setenv("FLASK_LANGUAGES", '["en", "it"]')
    config = {key: value for key, value in app_config.items() if key != "LANGUAGES"}
    assert create_app(config).config["LANGUAGES"] == ("en", "it")


def test_an_installed_package_with_only_compiled_catalogues_offers_its_languages(
    app_config, monkeypatch, tmp_path
):
    from catalogue import i18n

    for language in ("en", "de"):  # a wheel ships the .mo files, not the .po sources
        folder = tmp_path / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "messages.mo").write_bytes(b"")
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    assert i18n.catalogue_languages() == ("de", "en")
    assert create_app(app_config | {"LANGUAGES": ["en", "de"]}).config["LANGUAGES"] == ("en", "de")
