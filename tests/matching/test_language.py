"""Language detection and cross-lingual matching through the concept vocabulary."""

from __future__ import annotations

import pytest

from matching import MatchIndex
from matching.concepts import default_vocabulary
from matching.text import tokenize

NEEDS = {
    "de": "Wir suchen Sensoren für die Luftqualität in unserer Stadt",
    "fr": "Nous voulons tester un outil d'intelligence artificielle pour la circulation",
    "nl": "De gemeente wil een dataplatform bouwen voor haar afdelingen",
    "es": "Necesitamos formación en ciberseguridad para los funcionarios",
    "it": "Vorremmo una piattaforma di telemedicina per gli ospedali",
    "pl": "Szukamy szkoleń z cyberbezpieczeństwa dla urzędników",
    "fi": "Haluamme testata ilmanlaatuantureita kaupungissa",
    "hu": "Szeretnénk digitális ikert készíteni a városról",
    "pt": "Precisamos de uma plataforma de dados abertos para o município",
    "sv": "Kommunen vill testa sensorer för luftkvalitet",
    "en": "We need a test site for air quality sensors",
}


@pytest.mark.parametrize(("language", "text"), sorted(NEEDS.items()))
def test_detects_the_language_of_typical_needs(index: MatchIndex, language: str, text: str) -> None:
    assert index.detect_language(text) == language


def test_detection_falls_back_to_english_without_evidence(index: MatchIndex) -> None:
    assert index.detect_language("12345 !!!") == "en"
    assert index.detect_language("Θέλουμε αισθητήρες ποιότητας αέρα") == "el"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wir suchen Messgeräte für Luftverschmutzung und Feinstaub", "air-hub"),
        ("Vorhersage von Staus mit Verkehrssensoren", "mobility-lab"),
        ("formation en cybersécurité pour nos agents", "cyber-academy"),
        ("ayuda para encontrar financiación europea y subvenciones", "funding-desk"),
        ("piattaforma di telemedicina per gli anziani", "health-hub"),
        ("cyfrowy bliźniak miasta i symulacja powodzi", "twin-lab"),
        ("tekoälyn koulutusta henkilöstölle", "ai-hub"),
        ("levegőminőség mérése szenzorokkal", "air-hub"),
        ("uitwisseling van ervaringen met andere steden over slimme steden", "eu-network"),
    ],
)
def test_needs_in_other_languages_find_english_profiles(
    index: MatchIndex, text: str, expected: str
) -> None:
    assert index.query(text)[0].id == expected


def test_english_needs_find_profiles_written_in_other_languages() -> None:
    from matching import OrganisationRecord

    german = OrganisationRecord(
        "de-hub", "Verkehrslabor", description="Wir testen Verkehrssteuerung mit KI."
    )
    french = OrganisationRecord(
        "fr-hub", "Labo santé", description="Nous développons la télémédecine."
    )
    fitted = MatchIndex().fit([german, french])
    assert fitted.query("traffic management with artificial intelligence")[0].id == "de-hub"
    assert fitted.query("telemedicine")[0].id == "fr-hub"


def test_compound_words_are_split_into_concepts() -> None:
    hits = default_vocabulary().find(tokenize("Luftqualitätssensoren"), "de")
    assert {h.concept for h in hits} == {"air_quality", "sensors"}


def test_function_words_do_not_trigger_english_concepts() -> None:
    hits = default_vocabulary().find(tokenize("servizi ai cittadini"), "it")
    assert "ai" not in {h.concept for h in hits}


def test_longest_phrase_wins() -> None:
    hits = default_vocabulary().find(tokenize("machine learning"), "en")
    assert [h.concept for h in hits] == ["ai"]


def test_language_given_by_caller_is_used(index: MatchIndex) -> None:
    assert index.query("data platform", language="NL")[0].language == "nl"
