"""Labels detected in an organisation's own words: precise, multilingual, with their evidence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.analysis import analyze
from matching.concepts import ConceptVocabulary
from matching.tagging import VOCABULARIES, LabelTable, detect_labels, detect_organisation_labels

AI = "Artificial Intelligence & Decision support"
IOT = "Internet of Things"
SENSORS = "Sensors & Vision Processing Systems"


def labels(text: str, language: str | None = "en", vocabulary: str | None = None) -> set[str]:
    """The labels detected in ``text``, optionally of one vocabulary only."""
    found = detect_labels(text, language)
    return {d.label for d in found if vocabulary is None or d.vocabulary == vocabulary}


def test_iot_sensors_yield_iot_and_sensors_with_the_words_that_said_so() -> None:
    found = detect_labels("We deploy IoT sensors for air quality in the city.", "en")
    words = {d.label: d.words for d in found if d.vocabulary == "technology"}
    assert words == {IOT: ("iot",), SENSORS: ("sensors",)}


@pytest.mark.parametrize(
    "text",
    [
        "Artificial intelligence for companies",
        "Machine learning and deep learning labs",
        "An AI testbed",
        "Tools for decision support",
    ],
)
def test_ai_is_found_as_a_word_or_a_phrase(text: str) -> None:
    assert AI in labels(text, vocabulary="technology")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("We maintain machines and explain what is available.", AI),
        ("Smart manufacturing for SMEs", "Smart City"),
        ("A hub in the city of Mostar for urban companies", "Smart City"),
        ("Monitoring and measurement of production lines", SENSORS),
        ("A business environment for start-ups", "Environment"),
        ("We help build a network", "Construction"),
        ("A unique project in the field of mobile apps", "Transport & Mobility"),
        ("Highly skilled staff and the mobility of students", "skills_training"),
    ],
)
def test_words_that_also_mean_something_else_name_no_label(text: str, absent: str) -> None:
    assert absent not in labels(text)


def test_the_phrase_names_the_label_its_broad_words_do_not() -> None:
    assert "Smart City" in labels("Pilots for smart cities")
    assert "Environment" in labels("Environmental monitoring")
    assert "Construction" in labels("BIM for the construction sector")


def test_hints_still_count_for_matching() -> None:
    assert "#sensors" in analyze("monitoring of traffic", "en")
    hits = ConceptVocabulary().find(["monitoring", "sensors"], "en")
    assert [(h.concept, h.broad) for h in hits] == [("sensors", True), ("sensors", False)]


def test_german_text_gets_its_labels() -> None:
    text = "Wir unterstützen Kommunen bei künstlicher Intelligenz, Robotik und Cybersicherheit."
    assert labels(text, "de") >= {AI, "Robotics", "Cybersecurity", "Public administration"}


def test_french_text_gets_its_labels() -> None:
    text = "Nous accompagnons la ville intelligente avec l'internet des objets et des capteurs."
    assert labels(text, "fr") >= {"Smart City", IOT, SENSORS}


def test_german_compound_is_found_inside_the_word() -> None:
    assert "Sensors & Vision Processing Systems" in labels("Luftsensoren im Testfeld", "de")


def test_families_come_from_the_engine_family_concepts() -> None:
    text = "We offer training, access to funding, test beds and matchmaking."
    assert labels(text, vocabulary="family") == {
        "skills_training",
        "investment_support",
        "test_before_invest",
        "ecosystem_networking",
    }


def test_results_are_ordered_by_vocabulary_then_label() -> None:
    found = detect_labels("Robotics and AI for hospitals, with training and 5G.", "en")
    assert [(d.vocabulary, d.label) for d in found] == [
        ("technology", AI),
        ("technology", "Communication network"),
        ("technology", "Robotics"),
        ("sector", "Health care"),
        ("family", "skills_training"),
    ]


def test_organisation_language_comes_from_the_description() -> None:
    found = detect_organisation_labels(
        "Centro de Robótica", "Wir testen Roboter und Sensoren für Krankenhäuser."
    )
    assert {d.label for d in found} >= {"Robotics", SENSORS, "test_before_invest"}


def test_empty_text_has_no_labels() -> None:
    assert detect_labels("", "en") == []
    assert detect_organisation_labels("Hub", "") == []


def test_a_bad_language_code_is_refused() -> None:
    with pytest.raises(ValueError, match="ISO 639-1"):
        detect_labels("AI", "english")


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ("[technology]\nRobots = no_such_concept\n", "unknown concept 'no_such_concept'"),
        ("[colours]\nRed = ai\n", r"unknown vocabulary \[colours\]"),
        ("Robotics = robotics\n", "in a section"),
        ("[sector]\nHealth care\n", "expected 'Label = concept"),
    ],
)
def test_a_bad_label_table_names_its_line(table: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        LabelTable(table)


def test_a_custom_table_is_used_as_given() -> None:
    table = LabelTable("[sector]\nHealth care = health\n", families={})
    found = detect_labels("Robotics for hospitals", "en", table)
    assert [(d.vocabulary, d.label, d.words) for d in found] == [
        ("sector", "Health care", ("hospitals",))
    ]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(name=st.text(max_size=80), description=st.text(max_size=400))
def test_any_unicode_organisation_text_is_handled_the_same_way_twice(
    name: str, description: str
) -> None:
    found = detect_organisation_labels(name, description)
    assert found == detect_organisation_labels(name, description)
    assert all(d.vocabulary in VOCABULARIES and d.words for d in found)
