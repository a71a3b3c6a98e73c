"""Vocabulary labels on the pages in the reader's language; the data keeps the English."""

from __future__ import annotations

from catalogue import vocabularies
from catalogue.vocabulary_labels import FAMILY_LABELS, FAMILY_PHRASES, KIND_LABELS, translated
from matching.vocabulary import FAMILY_LABELS as RUNNING_FAMILY_LABELS
from tests.i18n.conftest import reading


def test_the_family_phrases_are_the_library_running_labels_in_english(app):
    with reading(app):
        assert {code: str(p) for code, p in FAMILY_PHRASES.items()} == RUNNING_FAMILY_LABELS


def test_labels_come_in_english_by_default_and_from_the_catalogue_otherwise(app):
    with reading(app):
        assert dict(KIND_LABELS) == vocabularies.ORGANISATION_KINDS
        assert FAMILY_LABELS["test_before_invest"] == "Test before invest"
    with reading(app, "de"):
        assert FAMILY_LABELS["test_before_invest"] == "Testen vor dem Investieren"
        assert FAMILY_LABELS.get("no_such_family", "x") == "x"
        assert vocabularies.SERVICE_FAMILIES["test_before_invest"] == "Test before invest"


def test_an_empty_or_unknown_label_is_shown_as_it_is(app):
    with reading(app, "de"):
        assert translated("") == ""
        assert translated("A free tag") == "A free tag"


def test_a_german_page_shows_the_family_in_german(client, build):
    hub = build.organisation(name="Air Lab")
    build.service(hub, title="Sensor testbed", family="test_before_invest")
    page = client.get(f"/de/hubs/{hub.slug}").get_data(as_text=True)
    assert "Testen vor dem Investieren" in page


def test_exports_keep_the_english_labels_whatever_the_reader_language(client, build):
    hub = build.organisation(name="Air Lab")
    build.service(hub, title="Sensor testbed", family="test_before_invest")
    client.set_cookie("language", "de", domain="catalogue.test")
    response = client.get("/de/api/v1/services", headers={"Accept-Language": "de"})
    assert response.status_code in (200, 404)
    english = client.get("/api/v1/services", headers={"Accept-Language": "de"})
    assert "Testen" not in english.get_data(as_text=True)


def test_every_field_a_term_is_matched_in_has_a_label_in_the_reader_s_language(app):
    from catalogue.vocabulary_labels import MATCHED_FIELDS
    from matching.analysis import FIELDS

    assert set(MATCHED_FIELDS) == set(FIELDS)
    with reading(app):
        assert dict(MATCHED_FIELDS) == {field: field for field in FIELDS}
    with reading(app, "de"):
        assert MATCHED_FIELDS["description"] == "Beschreibung"
        assert MATCHED_FIELDS["service title"] != "service title"
