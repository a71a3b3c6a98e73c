"""The translation catalogues: one per interface language, in step with the marked strings, and
complete for every language the site offers."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from flask import render_template_string

from catalogue.i18n import DEFAULT_LANGUAGE, SHIPPED_LANGUAGES, catalogue_languages

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "catalogue" / "translations"
# The keywords `make translations` extracts, beside Babel's own (_, gettext, ngettext, N_...).
KEYWORDS = DEFAULT_KEYWORDS | {"lazy_gettext": None, "_l": None, "Nn_": (1, 2)}
CATALOGUE_LANGUAGES = ("en", "de", "fr", "es", "it", "pl")
FIX = "run `make translations` and commit catalogue/translations"


def read(path: Path) -> Catalog:
    with path.open("rb") as po:
        return read_po(po)


def catalogue_of(language: str) -> Catalog:
    return read(TRANSLATIONS / language / "LC_MESSAGES" / "messages.po")


def marked_strings() -> set[str | tuple[str, ...]]:
    """Every string the sources mark for translation, extracted as `make translations` does."""
    with (ROOT / "catalogue" / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = extract_from_dir(str(ROOT), method_map, options_map, keywords=KEYWORDS)
    return {message for _, _, message, _, _ in found}


def msgids(catalogue: Catalog) -> set[str | tuple[str, ...]]:
    return {message.id for message in catalogue if message.id}


def test_each_interface_language_has_a_catalogue():
    assert set(CATALOGUE_LANGUAGES) <= set(catalogue_languages())
    for language in CATALOGUE_LANGUAGES:
        assert str(catalogue_of(language).locale) == language


def test_the_template_holds_every_marked_string_and_no_other():
    template = read(TRANSLATIONS / "messages.pot")
    marked = marked_strings()
    assert not marked - msgids(template), f"strings missing from messages.pot: {FIX}"
    assert not msgids(template) - marked, f"messages.pot has strings no source marks: {FIX}"


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_each_catalogue_has_every_string_of_the_template(language):
    missing = msgids(read(TRANSLATIONS / "messages.pot")) - msgids(catalogue_of(language))
    assert not missing, f"{language} lacks {len(missing)} strings: {FIX}"


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_translations_keep_the_placeholders_of_their_strings(language):
    problems = [
        f"{message.id!r}: {'; '.join(map(str, errors))}"
        for message, errors in catalogue_of(language).check()
    ]
    assert not problems, problems


def test_the_offered_languages_start_with_english_and_have_catalogues():
    assert SHIPPED_LANGUAGES[0] == DEFAULT_LANGUAGE == "en"
    assert set(SHIPPED_LANGUAGES) <= set(catalogue_languages())


def untranslated(catalogue: Catalog) -> list[str | tuple[str, ...]]:
    """The strings of a catalogue without a translation, or with a fuzzy (unchecked) one."""
    return [
        message.id
        for message in catalogue
        if message.id
        and (
            message.fuzzy
            or not (all(message.string) if isinstance(message.string, tuple) else message.string)
        )
    ]


def test_every_shipped_language_translates_every_string():
    for language in SHIPPED_LANGUAGES:
        if language != DEFAULT_LANGUAGE:  # English is the source: its strings are the msgids
            missing = untranslated(catalogue_of(language))
            assert not missing, f"{language} is shipped but lacks {len(missing)}: {missing[:5]}"


def test_an_untranslated_fuzzy_or_half_plural_string_counts_as_missing():
    catalogue = Catalog(locale="de")
    catalogue.add("Done", "Fertig")
    catalogue.add("Open", "")
    catalogue.add("Closed", "Geschlossen", flags=["fuzzy"])
    catalogue.add(("%(num)d hub", "%(num)d hubs"), ("%(num)d Hub", ""))
    assert untranslated(catalogue) == ["Open", "Closed", ("%(num)d hub", "%(num)d hubs")]


def test_templates_can_mark_strings_for_translation(app):
    with app.test_request_context("/"):
        text = render_template_string(
            "{{ _('Hubs in %(country)s', country='<Italy>') }} "
            "{{ ngettext('%(num)d hub', '%(num)d hubs', 3) }}"
        )
    assert text == "Hubs in &lt;Italy&gt; 3 hubs"
