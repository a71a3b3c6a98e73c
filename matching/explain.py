"""Explanations: the services, terms, fields, families and location behind each match."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from matching.analysis import (
    ORG_FIELDS,
    SERVICE_FIELDS,
    display_term,
    family_label,
    org_field_texts,
    service_field_texts,
    surface_forms,
)
from matching.concepts import CONCEPT_PREFIX
from matching.geography import describe_location
from matching.records import (
    FAMILIES,
    INTERMEDIARY_KINDS,
    INTERMEDIARY_NOTE,
    Match,
    MatchedTerm,
    ServiceMatch,
)

if TYPE_CHECKING:
    from matching.index import MatchIndex

MAX_TERMS = 12  # words and the concepts they express are listed apart, in every field
MAX_SERVICES = 3
SERVICE_FLOOR = 0.5  # show services scoring at least half of the best one
MEANING_MAJORITY = 0.5  # a match "came from meaning" when meaning gave at least half its score


@dataclass(frozen=True)
class ExplainContext:
    """What an explanation needs to know about the query that produced a ranking."""

    index: MatchIndex
    vector: Any  # 1 x n_terms sparse row, L2-normalised
    surfaces: dict[str, str]
    language: str
    country: str | None
    mode: str  # "need" for query(), "hub" for similar()
    word_concepts: dict[str, str] = field(default_factory=dict)  # see analysis.QueryTerms

    @functools.cached_property
    def query_weights(self) -> dict[int, float]:
        """The query's weight of each of its terms, by term id."""
        query = self.vector.tocsr()
        return dict(zip(query.indices.tolist(), query.data.tolist(), strict=True))


def build_match(
    context: ExplainContext,
    org: int,
    score: float,
    rank: int,
    unit_scores: np.ndarray,
    semantic: float | None = None,
) -> Match:
    """Assemble the explained Match of one organisation (``semantic``: its share from meaning)."""
    index = context.index
    record = index.records_[org]
    services = _service_matches(index, org, unit_scores)
    units = [int(index.org_start_[org])] + [unit for unit, _ in services]
    terms = _matched_terms(context, org, units)
    families = list(dict.fromkeys(m.family for _, m in services)) or _profile_families(index, org)
    speaks = context.language in record.languages and context.language != "en"
    summary = _summary(context.mode, [m for _, m in services], terms, semantic)
    if record.kind in INTERMEDIARY_KINDS:
        summary = f"{summary} {INTERMEDIARY_NOTE}"
    return Match(
        id=record.id,
        score=round(min(max(score, 0.0), 1.0), 6),
        rank=rank,
        services=[m for _, m in services],
        matched_terms=terms,
        families=families,
        location=describe_location(context.country, record.country, record.kind, speaks),
        summary=summary,
        language=context.language,
        semantic=None if semantic is None else round(semantic, 4),
        kind=record.kind,
    )


def _service_matches(
    index: MatchIndex, org: int, unit_scores: np.ndarray
) -> list[tuple[int, ServiceMatch]]:
    """Services of an organisation that carried its match, best first (ties by id)."""
    start = int(index.org_start_[org])
    record = index.records_[org]
    units = range(start + 1, start + 1 + len(record.services))
    scored = [(float(unit_scores[u]), u) for u in units if unit_scores[u] > 0]
    if not scored:
        return []
    floor = SERVICE_FLOOR * max(score for score, _ in scored)
    kept = [(score, u) for score, u in scored if score >= floor]
    kept.sort(key=lambda item: (-item[0], record.services[item[1] - start - 1].id))
    result = []
    for score, unit in kept[:MAX_SERVICES]:
        service = record.services[unit - start - 1]
        match = ServiceMatch(service.id, service.title, service.family, round(score, 6))
        result.append((unit, match))
    return result


def _matched_terms(context: ExplainContext, org: int, units: list[int]) -> list[MatchedTerm]:
    """The (term, field) pairs that contributed most to the organisation's units' scores.

    Each contribution is ``query weight x field weight`` of one term, so the contributions of a
    unit add up to its score. A term is shown as the need worded it, or else as the field's
    text words it (a concept by its label).
    """
    terms = context.index.terms_
    concepts, surfaces = context.word_concepts, context.surfaces
    weights: dict[tuple[str, str], float] = defaultdict(float)
    keys: dict[tuple[str, str], set[str]] = defaultdict(set)
    for name, unit, overlap in _overlaps(context, units):
        matched = {terms[term_id] for term_id, _ in overlap} if concepts else set()
        words: dict[str, str] | None = None  # the field's words, read when a term needs them
        for term_id, value in overlap:
            term = terms[term_id]
            concept = concepts.get(term)
            # A word is shown as its concept only where the field states the concept too.
            shown_term = concept if concept is not None and concept in matched else term
            if shown_term in surfaces:
                shown = surfaces[shown_term]
            elif shown_term.startswith(CONCEPT_PREFIX):
                shown = display_term(shown_term)
            else:
                if words is None:
                    words = _field_words(context.index, org, unit, name)
                shown = display_term(shown_term, words.get(shown_term))
            weights[(shown, name)] += value
            keys[(shown, name)].add(term)
    ranked = sorted(weights.items(), key=lambda item: (-item[1], item[0]))
    return [
        MatchedTerm(t, f, round(w, 4), tuple(sorted(keys[t, f])))
        for (t, f), w in ranked[:MAX_TERMS]
        if w > 0
    ]


def _overlaps(
    context: ExplainContext, units: list[int]
) -> Iterator[tuple[str, int, list[tuple[int, float]]]]:
    """Per unit and field, the terms the query shares with it and their score contributions.

    Yields ``(field, unit, [(term id, contribution), ...])``, the terms by id. A unit's fields
    hold a few dozen terms: plain Python over their rows beats numpy's per-call overhead.
    """
    index = context.index
    weights = context.query_weights
    for unit in units:
        fields = ORG_FIELDS if index.unit_service_[unit] < 0 else SERVICE_FIELDS
        for name in fields:
            matrix = index.field_matrices_[name]
            start, stop = matrix.indptr[unit], matrix.indptr[unit + 1]
            if start == stop:
                continue
            columns, values = matrix.indices[start:stop].tolist(), matrix.data[start:stop].tolist()
            overlap = [
                (term, weights[term] * value)
                for term, value in zip(columns, values, strict=True)
                if term in weights
            ]
            if overlap:
                yield name, unit, overlap


def _field_words(index: MatchIndex, org: int, unit: int, field: str) -> dict[str, str]:
    """Each term of one field of a unit, mapped to the first word of its text that gave it."""
    text = _unit_texts(index, org, unit).get(field, "")
    return surface_forms(text, index.record_language_[org])


def _unit_texts(index: MatchIndex, org: int, unit: int) -> dict[str, str]:
    """Return the field texts of a unit (for showing the words it used)."""
    service = int(index.unit_service_[unit])
    record = index.records_[org]
    if service < 0:
        return org_field_texts(record)
    return service_field_texts(record.services[service])


def _profile_families(index: MatchIndex, org: int) -> list[str]:
    """Families an organisation's description reveals when it lists no services."""
    mask = index.org_family_mask_[org]
    return [family for family, on in zip(FAMILIES, mask, strict=True) if on]


SUMMARY_SERVICES = 2  # services a summary names
SUMMARY_TOPICS = 3  # words a summary names


def summary_topics(terms: list[MatchedTerm]) -> list[str]:
    """The few words a summary names: the matched terms' words, each once whatever its case."""
    by_fold: dict[str, str] = {}
    for term in terms:
        word = term.term.split(" (")[0]
        by_fold.setdefault(word.casefold(), word)  # "ai" and "AI" are one topic to a reader
    return list(by_fold.values())[:SUMMARY_TOPICS]


def summary_form(mode: str, services: list[ServiceMatch], semantic: float | None) -> str:
    """Which sentence explains a match: ``hub`` (similar organisations), ``meaning`` (carried by
    meaning more than words), ``offers`` (services fit) or ``profile`` (the description fits)."""
    if mode == "hub":
        return "hub"
    if semantic is not None and semantic >= MEANING_MAJORITY:
        return "meaning"
    return "offers" if services else "profile"


def names_its_family(service: ServiceMatch) -> bool:
    """Tell whether a service's title already says its family (then a summary does not add it)."""
    return family_label(service.family).casefold() in service.title.casefold()


def _summary(
    mode: str, services: list[ServiceMatch], terms: list[MatchedTerm], semantic: float | None
) -> str:
    """One plain sentence saying why the organisation is on the list (the app's pages say it in
    the reader's language from the same parts: catalogue/explanations.py)."""
    words = summary_topics(terms)
    topics = _join(words) if words else "related topics"
    form = summary_form(mode, services, semantic)
    offers = _join([_service_phrase(s) for s in services[:SUMMARY_SERVICES]])
    if form == "hub":
        return f"Works on the same topics: {topics}."
    if form == "meaning":
        what = "offers " + offers if services else ""
        shared = f"shared words: {_join(words)}" if words else "no words in common with your need"
        return f"Similar in meaning: {what or 'its profile is close to your need'}; {shared}."
    if form == "offers":
        return f"Offers {offers}, matching your need on {topics}."
    return f"Its profile covers {topics}, as your need does."


def _service_phrase(service: ServiceMatch) -> str:
    """Quote a service's title, adding its family unless the title already says it."""
    if names_its_family(service):
        return f"“{service.title}”"
    return f"“{service.title}” ({family_label(service.family)})"


def _join(items: list[str]) -> str:
    """Join words as people write them: "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
