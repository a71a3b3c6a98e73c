"""Turning records and needs into weighted fields of terms: word stems plus concept tokens."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from matching.concepts import (
    CONCEPT_PREFIX,
    ConceptHit,
    ConceptVocabulary,
    concept_label,
    default_vocabulary,
)
from matching.records import FAMILY_LABELS, OrganisationRecord, ServiceRecord
from matching.text import is_feature_word, stem, token_info, token_spans, tokenize

ORG_FIELDS: tuple[str, ...] = ("name", "description", "technologies", "sectors")
SERVICE_FIELDS: tuple[str, ...] = (
    "service title",
    "service description",
    "technologies",
    "sectors",
    "audiences",
)
FIELDS: tuple[str, ...] = tuple(dict.fromkeys(ORG_FIELDS + SERVICE_FIELDS))

DEFAULT_FIELD_WEIGHTS: dict[str, float] = {
    "name": 0.5,
    "description": 1.0,
    "service title": 1.0,
    "service description": 1.0,
    "technologies": 0.7,
    "sectors": 0.4,
    "audiences": 0.2,
}

# Concepts in an organisation's own description that reveal a family it works in.
FAMILY_CONCEPTS: dict[str, str] = {
    CONCEPT_PREFIX + "testing": "test_before_invest",
    CONCEPT_PREFIX + "training": "skills_training",
    CONCEPT_PREFIX + "funding": "investment_support",
    CONCEPT_PREFIX + "networking": "ecosystem_networking",
}


@dataclass(frozen=True)
class QueryTerms:
    """The terms of a need and, for each term, how to show it (the need's own words)."""

    terms: list[str]
    surfaces: dict[str, str]
    firm_concepts: frozenset[str] = frozenset()  # concept terms named outright, not only hinted
    word_concepts: dict[str, str] = field(default_factory=dict)  # a word's stem -> its concept


def analyze(
    text: str,
    language: str,
    use_concepts: bool = True,
    vocabulary: ConceptVocabulary | None = None,
) -> list[str]:
    """Return the terms of a text: stems of content words, then concept tokens ("#traffic")."""
    tokens = tokenize(text)
    if not tokens:
        return []
    infos = _token_infos(tokens, language)
    terms = [stemmed for stemmed, feature in infos if feature]
    if use_concepts:
        hits = _find(tokens, infos, language, vocabulary)
        terms += [CONCEPT_PREFIX + hit.concept for hit in hits]
    return terms


def concept_hits(
    text: str, language: str, vocabulary: ConceptVocabulary | None = None
) -> list[ConceptHit]:
    """Return the concepts a text expresses, each with its words, as ``analyze`` finds them."""
    tokens = tokenize(text)
    return _find(tokens, _token_infos(tokens, language), language, vocabulary)


def _token_infos(tokens: list[str], language: str) -> list[tuple[str, bool]]:
    """Each token's stem and feature flag, through the per-language cache."""
    cache = _INFO_CACHE.setdefault(language, {})
    return [cache.get(token) or _remember(cache, token, language) for token in tokens]


def _find(
    tokens: list[str],
    infos: list[tuple[str, bool]],
    language: str,
    vocabulary: ConceptVocabulary | None,
) -> list[ConceptHit]:
    vocab = vocabulary or default_vocabulary()
    return vocab.find(tokens, language, [stemmed for stemmed, _ in infos])


_INFO_CACHE: dict[str, dict[str, tuple[str, bool]]] = {}
_CACHE_LIMIT = 1_000_000


def _remember(cache: dict[str, tuple[str, bool]], token: str, language: str) -> tuple[str, bool]:
    """Compute and cache a token's stem and feature flag (plain dict: faster than lru_cache)."""
    info = token_info(token, language)
    if len(cache) < _CACHE_LIMIT:
        cache[token] = info
    return info


def analyze_query(text: str, language: str, use_concepts: bool = True) -> QueryTerms:
    """Analyse a need and remember, for each term, how to show it to the person who wrote it.

    A word is shown as the need wrote it, a concept as its label (with the need's word when
    the label does not contain it); ``word_concepts`` tells which concept each word is part of,
    so an explanation may show both under the concept where a field matched both.
    """
    tokens = [token for token, _, _ in token_spans(text)]
    hits = default_vocabulary().find(tokens, language) if use_concepts else []
    surfaces: dict[str, str] = {}
    terms: list[str] = []
    for token in tokens:
        if is_feature_word(token, language):
            term = stem(token, language)
            terms.append(term)
            surfaces.setdefault(term, token)
    for hit in hits:
        term = CONCEPT_PREFIX + hit.concept
        terms.append(term)
        surfaces.setdefault(term, display_term(term, hit.surface))
    firm = frozenset(CONCEPT_PREFIX + hit.concept for hit in hits if not hit.broad)
    word_concepts: dict[str, str] = {}
    for hit in hits:
        for token in tokens[hit.start : hit.start + hit.size]:
            if is_feature_word(token, language):
                word_concepts.setdefault(stem(token, language), CONCEPT_PREFIX + hit.concept)
    return QueryTerms(terms, surfaces, firm, word_concepts)


def need_spans(text: str, language: str, keys: Iterable[str]) -> list[tuple[int, int]]:
    """The character spans of a need's words that produced any of the analysed terms ``keys``.

    The spans come from the same tokens, stems and concept phrases ``analyze_query`` uses, so
    they mark exactly the words that carried a match: a word whose stem is a key, and every
    word of a concept phrase whose concept is a key. Overlapping spans are merged.
    """
    wanted = set(keys)
    spans = token_spans(text)
    tokens = [token for token, _, _ in spans]
    marked = [
        (start, end)
        for token, start, end in spans
        if is_feature_word(token, language) and stem(token, language) in wanted
    ]
    for hit in default_vocabulary().find(tokens, language):
        if CONCEPT_PREFIX + hit.concept in wanted:
            marked.append((spans[hit.start][1], spans[hit.start + hit.size - 1][2]))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(marked):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def display_term(term: str, surface: str | None = None) -> str:
    """Render a term for people: a concept's label, with the need's own word when it differs."""
    if not term.startswith(CONCEPT_PREFIX):
        return surface or term
    label = concept_label(term[len(CONCEPT_PREFIX) :])
    if surface and surface.casefold() not in label.casefold():
        return f"{label} ({surface})"
    return label


def org_field_texts(record: OrganisationRecord) -> dict[str, str]:
    """Return the texts of an organisation's own fields."""
    return {
        "name": record.name,
        "description": record.description,
        "technologies": ", ".join(record.technologies),
        "sectors": ", ".join(record.sectors),
    }


def service_field_texts(service: ServiceRecord) -> dict[str, str]:
    """Return the texts of a service's fields."""
    return {
        "service title": service.title,
        "service description": service.description,
        "technologies": ", ".join(service.technologies),
        "sectors": ", ".join(service.sectors),
        "audiences": ", ".join(a.replace("_", " ") for a in service.audiences),
    }


@functools.lru_cache(maxsize=8192)  # explanations ask for the same unit texts term after term
def surface_forms(text: str, language: str) -> dict[str, str]:
    """Map each term of a text to the first word that produced it (for explanations)."""
    forms: dict[str, str] = {}
    for token in tokenize(text):
        forms.setdefault(stem(token, language), token)
    return forms


def family_label(family: str) -> str:
    """Return the plain-words label of a service family."""
    return FAMILY_LABELS.get(family, family.replace("_", " "))
