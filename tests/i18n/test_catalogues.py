"""The translation catalogues: one per interface language, readable; the shipped ones offered."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po
from flask import render_template_string

from catalogue.i18n import DEFAULT_LANGUAGE, SHIPPED_LANGUAGES

TRANSLATIONS = Path(__file__).resolve().parents[2] / "catalogue" / "translations"
CATALOGUE_LANGUAGES = ("en", "de", "fr", "es", "it", "pl")


def test_each_interface_language_has_a_readable_catalogue():
    for language in CATALOGUE_LANGUAGES:
        path = TRANSLATIONS / language / "LC_MESSAGES" / "messages.po"
        with path.open("rb") as po:
            catalogue = read_po(po)
        assert str(catalogue.locale) == language


def test_the_shipped_languages_have_a_catalogue_and_start_with_english():
    assert SHIPPED_LANGUAGES[0] == DEFAULT_LANGUAGE == "en"
    assert set(SHIPPED_LANGUAGES) <= set(CATALOGUE_LANGUAGES)


def test_templates_can_mark_strings_for_translation(app):
    with app.test_request_context("/"):
        text = render_template_string(
            "{{ _('Hubs in %(country)s', country='<Italy>') }} "
            "{{ ngettext('%(num)d hub', '%(num)d hubs', 3) }}"
        )
    assert text == "Hubs in &lt;Italy&gt; 3 hubs"
