"""Concept phrases of a need that overlap, and phrases that contain another concept's term.

Phrases are matched longest first. A phrase that starts inside the one matched before and
reaches beyond it is a second concept of the same words ("analyse de données ouvertes" is data
analysis and open data); a term wholly inside a longer phrase is not ("machine learning" is not
training). A block "[a > b]" of the vocabulary lets a phrase of ``a`` name ``b`` as well when it
contains one of ``b``'s terms ("trustworthy AI" is AI too).
"""

from __future__ import annotations

import pytest

from matching.concepts import ConceptVocabulary
from matching.text import tokenize
from tests.matching.factories import concept_terms


@pytest.mark.parametrize(
    ("language", "text", "concepts"),
    [
        ("fr", "Former nos agents à l'analyse de données ouvertes.", {"#big_data", "#open_data"}),
        ("en", "Smart city air quality sensors.", {"#smart_city", "#air_quality", "#sensors"}),
    ],
)
def test_a_phrase_reaching_beyond_the_one_before_is_counted_too(language, text, concepts):
    assert concepts <= concept_terms(text, language)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("We use machine learning.", "#training"),
        ("A neural network for the forecasts.", "#networking"),
        ("Computer vision for the crossings.", "#strategy"),
    ],
)
def test_a_term_inside_a_longer_phrase_is_not_counted(text, absent):
    assert absent not in concept_terms(text)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We need trustworthy AI for the traffic forecasts."),
        ("en", "Responsible AI in social services."),
        ("es", "Una inteligencia artificial fiable para los servicios sociales."),
        ("fi", "Luotettava tekoäly liikenteen ennustamiseen."),
        ("et", "Usaldusväärne tehisintellekt liikluse prognoosimiseks."),
    ],
)
def test_trustworthy_ai_names_ai_as_well_as_its_ethics(language, text):
    assert {"#ai", "#ai_ethics"} <= concept_terms(text, language)


def test_ethics_alone_implies_no_ai() -> None:
    assert "#ai" not in concept_terms("The research ethics committee meets monthly.")


def test_an_implied_concept_is_named_only_by_phrases_holding_its_terms() -> None:
    vocabulary = ConceptVocabulary("[a > b]\nen: careful, careful widget\n[b]\nen: widget\n")
    assert vocabulary.implies == {"a": ("b",)}
    assert vocabulary.concepts == ["a", "b"]
    named = {hit.concept for hit in vocabulary.find(tokenize("a careful widget"), "en")}
    assert named == {"a", "b"}
    assert {hit.concept for hit in vocabulary.find(tokenize("careful"), "en")} == {"a"}
    without = ConceptVocabulary("[a]\nen: careful widget\n[b]\nen: widget\n")
    assert {hit.concept for hit in without.find(tokenize("a careful widget"), "en")} == {"a"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("pl", "Chcemy sprawdzić bezpieczeństwo systemów informatycznych urzędu."),
        ("es", "Una auditoría de seguridad de la información del ayuntamiento."),
        ("it", "Migliorare la sicurezza dei sistemi informativi del comune."),
        ("en", "An audit of the IT security of the town hall."),
    ],
)
def test_the_security_of_it_systems_is_cybersecurity_not_public_safety(language, text):
    """The longer phrase decides what "security" means; alone it is a hint of public safety."""
    concepts = concept_terms(text, language)
    assert "#cybersecurity" in concepts
    assert "#public_safety" not in concepts


def test_a_block_implying_a_concept_without_a_block_is_refused() -> None:
    with pytest.raises(ValueError, match="no block: \\['b'\\]"):
        ConceptVocabulary("[a > b]\nen: careful widget\n")
