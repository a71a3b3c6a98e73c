"""All 24 official EU languages: detection, stemming or lemmatisation, and stop words."""

from __future__ import annotations

import pytest

from matching.evaluate import load_devset
from matching.language import EU_LANGUAGES, detect_language
from matching.text import STOPWORDS, stem

# "Sensors for air quality" as a city official would type it: short, no sentence around it.
SHORT_NEEDS = {
    "bg": "сензори за качеството на въздуха", "cs": "senzory kvality ovzduší pro město",
    "da": "sensorer til luftkvalitet i byen", "de": "Sensoren für die Luftqualität",
    "el": "αισθητήρες ποιότητας αέρα", "en": "sensors for air quality",
    "es": "sensores de calidad del aire", "et": "õhukvaliteedi andurid linnale",
    "fi": "ilmanlaadun anturit kaupungille", "fr": "capteurs de qualité de l'air",
    "ga": "braiteoirí do cháilíocht an aeir", "hr": "senzori za kvalitetu zraka u gradu",
    "hu": "levegőminőség-érzékelők a városnak", "it": "sensori per la qualità dell'aria",
    "lt": "oro kokybės jutikliai miestui", "lv": "gaisa kvalitātes sensori pilsētai",
    "mt": "sensuri għall-kwalità tal-arja", "nl": "sensoren voor de luchtkwaliteit",
    "pl": "czujniki jakości powietrza", "pt": "sensores de qualidade do ar",
    "ro": "senzori pentru calitatea aerului", "sk": "senzory kvality ovzdušia pre mesto",
    "sl": "senzorji za kakovost zraka v mestu", "sv": "sensorer för luftkvalitet",
}  # fmt: skip

# Two inflected forms of one word that must meet in one term, per language.
INFLECTIONS = {
    "bg": ("сензорите", "сензор"), "cs": ("senzorů", "senzory"), "da": ("sensorerne", "sensorer"),
    "de": ("Sensoren", "Sensor"), "el": ("αισθητήρες", "αισθητήρων"),
    "en": ("sensors", "sensor"), "es": ("sensores", "sensor"), "et": ("andurid", "andurite"),
    "fi": ("anturit", "antureita"), "fr": ("capteurs", "capteur"), "ga": ("chathair", "cathair"),
    "hr": ("gradovima", "gradova"), "hu": ("városok", "városokat"), "it": ("sensori", "sensore"),
    "lt": ("jutikliai", "jutiklių"), "lv": ("pilsētas", "pilsēta"), "nl": ("netwerken", "netwerk"),
    "pl": ("czujnikami", "czujników"), "pt": ("sensores", "sensor"), "ro": ("senzorii", "senzori"),
    "sk": ("senzormi", "senzor"), "sl": ("mestih", "mesto"), "sv": ("sensorerna", "sensorer"),
}  # fmt: skip


def test_the_lists_cover_the_24_official_languages() -> None:
    assert set(SHORT_NEEDS) == set(EU_LANGUAGES)
    assert set(INFLECTIONS) | {"mt"} == set(EU_LANGUAGES)  # Maltese: no stemmer, accents only


def test_detection_is_right_for_every_need_of_the_development_set() -> None:
    needs = load_devset()
    wrong = [n["id"] for n in needs if detect_language(n["text"]) != n["language"]]
    assert not wrong


def test_detection_reads_short_needs_in_every_eu_language() -> None:
    wrong = {code: detect_language(text) for code, text in SHORT_NEEDS.items()}
    wrong = {code: found for code, found in wrong.items() if found != code}
    assert len(wrong) <= 2, wrong


def test_detection_names_only_eu_languages() -> None:
    assert detect_language("Vi ønsker sensorer for luftkvalitet i kommunen vår") in EU_LANGUAGES


@pytest.mark.parametrize("language", sorted(INFLECTIONS))
def test_inflected_forms_meet_in_one_term(language: str) -> None:
    first, second = INFLECTIONS[language]
    assert stem(first.casefold(), language) == stem(second.casefold(), language)


@pytest.mark.parametrize("language", sorted(EU_LANGUAGES))
def test_every_eu_language_has_stop_words(language: str) -> None:
    assert len(STOPWORDS[language]) >= 10
