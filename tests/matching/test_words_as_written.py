"""Words whose stem is another word's are matched as written (the ``=`` mark of concepts.txt).

Snowball stems "parking" to "park" and "experiment" like "experience": without the mark every
Science Park fits a parking need and every hub with experience offers testing.
"""

from __future__ import annotations

import pytest

from matching.concepts import ConceptVocabulary, default_vocabulary
from matching.index import MatchIndex
from matching.text import UNSTEMMED, stem, strip_accents, tokenize
from tests.matching.factories import concept_terms, make_record


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The University Science Park hosts companies.", "#parking"),
        ("Twenty years of experience with industry.", "#testing"),
        ("Support for the digital transition of regions.", "#public_transport"),
        ("We help companies design better products.", "#manufacturing"),
        ("Consulting services for SMEs.", "#citizen_participation"),
        ("State-of-the-art equipment.", "#culture"),
        ("We give access to our labs.", "#elderly_care"),
        ("Electrical engineering laboratory.", "#energy"),
        ("Hosted by the university.", "#cloud"),
        ("A mobile lab that visits schools.", "#mobility"),
        ("A natural partner for companies.", "#environment"),
        ("Life cycle assessment.", "#cycling"),
    ],
)
def test_a_word_that_only_shares_the_stem_names_no_concept(text: str, absent: str) -> None:
    assert absent not in concept_terms(text)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Free parking spaces in an app.", "#parking"),
        ("Experiments with autonomous shuttles.", "#testing"),
        ("Real-time transit information.", "#public_transport"),
        ("Digital production lines.", "#manufacturing"),
        ("An online public consultation.", "#citizen_participation"),
        ("Arts and creative industries.", "#culture"),
        ("Web accessibility for blind residents.", "#elderly_care"),
        ("Smart electricity grids.", "#energy"),
        ("Urban mobility.", "#mobility"),
    ],
)
def test_the_word_as_written_still_names_its_concept(text: str, concept: str) -> None:
    assert concept in concept_terms(text)


def test_every_word_marked_as_written_is_neither_stemmed_nor_missed() -> None:
    vocabulary = default_vocabulary()
    assert UNSTEMMED["en"] >= {"parking", "experiment", "transit", "production"}
    for language, words in UNSTEMMED.items():
        for word in words:
            assert stem(word, language) == strip_accents(word), (language, word)
            assert vocabulary.find([word], language), (language, word)


def test_a_french_city_lending_books_asks_for_no_funding() -> None:
    assert "#funding" not in concept_terms(
        "La médiathèque voudrait prêter des livres numériques.", "fr"
    )
    assert "#funding" not in concept_terms("Nous sommes prêts à tester.", "fr")
    assert "#funding" in concept_terms("Un prêt bancaire pour la rénovation.", "fr")


def test_a_parking_need_does_not_rank_a_science_park() -> None:
    index = MatchIndex().fit([
        make_record("alpha", "Alpha Science Park", description="A science park and its park."),
        make_record("beta", "Beta Hub", description="Smart parking guidance for towns."),
    ])  # fmt: skip
    ranked = [match.id for match in index.query("We need an app for parking.", language="en")]
    assert ranked == ["beta"]


def test_a_custom_vocabulary_can_mark_words_as_written() -> None:
    vocabulary = ConceptVocabulary("[parking]\nen: =parking, car park\n")
    found = vocabulary.find(tokenize("science park parking car park"), "en")
    assert [(h.concept, h.surface) for h in found] == [
        ("parking", "parking"),
        ("parking", "car park"),
    ]


def test_only_a_single_word_can_be_matched_as_written() -> None:
    with pytest.raises(ValueError, match="only a single word"):
        ConceptVocabulary("[parking]\nen: =car park\n")
