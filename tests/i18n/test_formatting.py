"""Dates, numbers, percentages and names in each interface language's own way."""

from __future__ import annotations

from datetime import date

import pytest
from babel.dates import format_date
from babel.numbers import format_decimal

from catalogue import locale_format
from tests.i18n.conftest import ALL_LANGUAGES, reading

# What a reader of each language expects: a day, a month of a year, a number, a share.
EXPECTED = {
    "en": ("8 February 2022", "February 2022", "12,345.5", "42 %"),
    "de": ("8. Februar 2022", "Februar 2022", "12.345,5", "42\u00a0%"),
    "fr": ("8 février 2022", "février 2022", "12\u202f345,5", "42\u00a0%"),
    "es": ("8 de febrero de 2022", "febrero de 2022", "12.345,5", "42\u00a0%"),
    "it": ("8 febbraio 2022", "febbraio 2022", "12.345,5", "42%"),
    "pl": ("8 lutego 2022", "luty 2022", "12\u00a0345,5", "42%"),
}


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_babel_formats_a_date_and_a_number_for_each_locale(language):
    locale = {"en": "en_GB"}.get(language, language)
    day, _, number, _ = EXPECTED[language]
    assert format_date(date(2022, 2, 8), "long", locale=locale) == day
    assert format_decimal(12345.5, locale=locale) == number


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_the_pages_format_dates_numbers_and_shares_in_the_reader_locale(app, language):
    day, month, number, share = EXPECTED[language]
    with app.test_request_context("/", headers={"Accept-Language": language}):
        assert locale_format.long_date(date(2022, 2, 8)) == day
        assert locale_format.partial_date("2022-02") == f'<time datetime="2022-02">{month}</time>'
        assert locale_format.partial_date("2022-02-08").endswith(f">{day}</time>")
        assert locale_format.partial_date("2022") == '<time datetime="2022">2022</time>'
        assert locale_format.number(12345.5) == number
        assert locale_format.percent(0.42) == share


def test_an_unreadable_date_is_shown_as_given(app):
    with app.test_request_context("/", headers={"Accept-Language": "de"}):
        assert locale_format.partial_date("spring <2022>") == "spring &lt;2022&gt;"


@pytest.mark.parametrize(
    ("language", "country", "language_name"),
    [
        ("en", "Czechia", "Italian"),
        ("de", "Tschechien", "Italienisch"),
        ("fr", "Tchéquie", "italien"),
        ("es", "Chequia", "italiano"),
        ("it", "Cechia", "italiano"),
        ("pl", "Czechy", "włoski"),
    ],
)
def test_country_and_language_names_are_the_reader_language(app, language, country, language_name):
    with app.test_request_context("/", headers={"Accept-Language": language}):
        assert locale_format.country_name("CZ") == country
        assert locale_format.language_name("it") == language_name


def test_english_keeps_the_catalogue_country_names(app):
    with app.test_request_context("/"):
        assert locale_format.country_name("XK") == "Kosovo"
        assert locale_format.country_name("CZ") == "Czechia"


def test_a_hub_page_shows_its_dates_and_country_in_german(client, build):
    hub = build.organisation(name="Lab", country="CZ", source_updated="2022-02-08")
    page = client.get(f"/de/hubs/{hub.slug}").get_data(as_text=True)
    assert '<time datetime="2022-02-08">8. Februar 2022</time>' in page
    assert "Tschechien" in page


COUNTED = (
    "{% trans count=n %}{{ count }} case{% pluralize %}{{ count }} cases{% endtrans %}|"
    "{{ ngettext('%(num)d hub', '%(num)d hubs', n) }}|"
    "{% trans number=n %}Need #{{ number }}{% endtrans %}"
)


def test_counts_in_translated_sentences_are_written_as_the_reader_writes_numbers(app):
    from flask import render_template_string

    for language in ALL_LANGUAGES:
        with reading(app, language):
            written = locale_format.number(1152)
            cases, hubs, need = render_template_string(COUNTED, n=1152).split("|")
        assert number_in(cases) == number_in(hubs) == written, language
        assert need.endswith("#1152"), "an id is not a count: it stays as written"
    with reading(app, "de"):
        cases, hubs, _ = render_template_string(COUNTED, n=1152).split("|")
    assert cases.startswith("1.152 ") and hubs.startswith("1.152 ")
    with reading(app):
        cases, hubs, _ = render_template_string(COUNTED, n=1).split("|")
    assert (cases, hubs) == ("1 case", "1 hub")


def number_in(text: str) -> str:
    return text.split(" ")[0]
