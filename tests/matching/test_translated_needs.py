"""A need says the same thing in every EU language, so it should name the same concepts.

Each case is a phrase whose English version already named the concept (or now does), written
as a city would write it in another language: the inflected form ("starijim sugrađanima",
"robotiko", "przetestowaniu"), the everyday word ("hemtjänst", "médiathèque", "tubature") or the
verb ("former nos agents"). Without these terms the translated need reached English hubs only
through the embedding.
"""

from __future__ import annotations

import pytest

from matching.index import MatchIndex
from matching.text import stem, strip_accents
from tests.matching.factories import concept_terms, make_record


@pytest.mark.parametrize(
    ("language", "text", "concept"),
    [
        ("en", "Help older residents live at home for longer.", "#elderly_care"),
        ("en", "Home care nurses plan their rounds by hand.", "#elderly_care"),
        ("hr", "Pomoć starijim sugrađanima da žive samostalno.", "#elderly_care"),
        ("cs", "Služby pro starší občany a domácí péče.", "#elderly_care"),
        ("sv", "Hemtjänstens personal planerar besöken.", "#elderly_care"),
        ("da", "Hjemmeplejen kører mange ture.", "#elderly_care"),
        ("it", "Robot nelle case di riposo.", "#elderly_care"),
        ("fr", "Former nos agents à lire les données.", "#training"),
        ("fr", "La médiathèque municipale prête des livres numériques.", "#culture"),
        ("it", "Le tubature si rompono senza preavviso.", "#water"),
        ("en", "Our water pipes burst every winter.", "#water"),
        ("pt", "Contadores inteligentes nas casas.", "#sensors"),
        ("en", "Smart meters in every home.", "#sensors"),
        ("es", "Ciudades climáticamente neutras.", "#climate"),
        ("it", "Città climaticamente neutre.", "#climate"),
        ("pl", "Pomoc w przetestowaniu sprzętu.", "#testing"),
        ("sl", "V šole želimo prinesti robotiko.", "#robotics"),
        ("ga", "Córas nua faireachais físe.", "#computer_vision"),
        ("ga", "Cúrsaí do shaoránaigh atá dífhostaithe.", "#social_inclusion"),
    ],
)
def test_a_translated_need_names_the_concept_its_english_names(
    language: str, text: str, concept: str
) -> None:
    assert concept in concept_terms(text, language)


@pytest.mark.parametrize(
    ("language", "text", "absent"),
    [
        # Snowball stems "Altern" (ageing) to "alt" (old) and "Besucher" (visitors) to "Besuch"
        # (a visit); Swedish "besökare" (visitors) and "besöken" (the visits) alike.
        ("de", "Unsere Brücken und Wasserleitungen sind alt.", "#elderly_care"),
        ("de", "Ein Besuch im Rathaus.", "#tourism"),
        ("sv", "Ett verktyg som planerar besöken bättre.", "#tourism"),
    ],
)
def test_a_word_sharing_only_the_stem_names_no_concept(
    language: str, text: str, absent: str
) -> None:
    assert absent not in concept_terms(text, language)


@pytest.mark.parametrize(
    ("language", "text", "concept"),
    [
        ("de", "Altern in Würde.", "#elderly_care"),
        ("de", "Mehr Besucher in der Altstadt.", "#tourism"),
        ("sv", "Fler besökare i staden.", "#tourism"),
    ],
)
def test_the_word_itself_still_names_it(language: str, text: str, concept: str) -> None:
    assert concept in concept_terms(text, language)


def test_a_croatian_need_for_older_residents_reaches_an_english_assisted_living_hub() -> None:
    index = MatchIndex().fit([
        make_record("care", "Care Lab", description="Assisted living for elderly people."),
        make_record("alarm", "Alarm Hub", description="Fire alarms and monitoring for factories."),
    ])  # fmt: skip
    need = "Tražimo rješenja koja starijim sugrađanima pomažu da žive samostalno kod kuće."
    ranked = [match.id for match in index.query(need, language="hr")]
    assert ranked[0] == "care"


# Inflected forms a city writes, of words simplemma's dictionary does not know: Lemmagen's rules
# reduce them to the lemma the vocabulary lists (docs/matching.md, "Lemmas for bg, sk, sl").
@pytest.mark.parametrize(
    ("language", "text", "concept"),
    [
        ("sl", "senzorjih", "#sensors"),
        ("sl", "polnilnicah", "#electric_vehicles"),
        ("sl", "avtonomnih vozil", "#autonomous_vehicles"),
        ("sl", "veriženjem blokov", "#blockchain"),
        ("sk", "chatbotom", "#chatbot"),
        ("sk", "blockchainom", "#blockchain"),
        ("bg", "дроновете", "#drones"),
        ("bg", "роботиката", "#robotics"),
        ("bg", "паркингите", "#parking"),
        ("bg", "акселераторите", "#startups"),
        ("bg", "безпилотните летателни апарати", "#drones"),
    ],
)
def test_an_inflection_no_dictionary_knows_still_names_its_concept(
    language: str, text: str, concept: str
) -> None:
    assert concept in concept_terms(text, language)


@pytest.mark.parametrize(("language", "word"), [("sl", "stem"), ("sk", "wifi"), ("bg", "гис")])
def test_a_short_word_no_dictionary_knows_keeps_its_form(language: str, word: str) -> None:
    assert stem(word, language) == strip_accents(word)


def test_a_word_the_dictionary_knows_gets_the_dictionary_lemma() -> None:
    assert stem("autobusy", "sk") == stem("autobus", "sk") == "autobus"
    assert stem("zastávkach", "sk") == "zastavka"
