"""True reasons, provably: every matched term is in the field it names, and the need's marks."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.seeded import seeded_catalogue
from matching import MatchIndex, need_spans
from matching.analysis import analyze, org_field_texts, service_field_texts
from matching.concepts import CONCEPT_PREFIX, concept_label
from matching.evaluate import load_devset
from matching.text import stem, token_spans

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def index() -> MatchIndex:
    """The engine fitted on the real seed catalogue."""
    return MatchIndex().fit(list(seeded_catalogue(ROOT / "seed_data").records))


def _field_terms(index: MatchIndex, match) -> dict[str, set[str]]:
    """Every analysed term of each field of the units a match explains (profile, services)."""
    org = index.record_index_[match.id]
    record = index.records_[org]
    language = index.record_language_[org]
    shown = {service.id for service in match.services}
    texts = [org_field_texts(record)]
    texts += [service_field_texts(s) for s in record.services if s.id in shown]
    terms: dict[str, set[str]] = {}
    for unit in texts:
        for field, text in unit.items():
            terms.setdefault(field, set()).update(analyze(text, language))
    return terms


def test_every_matched_term_is_in_the_field_it_names_and_marked_in_the_need(index) -> None:
    checked = 0
    for need in load_devset():
        for match in index.query(need["text"], limit=10):
            fields = _field_terms(index, match)
            for term in match.matched_terms:
                assert term.keys, (need["id"], match.id, term)
                missing = set(term.keys) - fields[term.field]
                assert not missing, (need["id"], match.id, term, missing)
                assert need_spans(need["text"], match.language, term.keys), (need["id"], term)
                assert _says(term, match.language), (need["id"], match.id, term)
                checked += 1
    assert checked > 3000


def _says(term, language: str) -> bool:
    """Tell whether a term's words name what its keys are: the concept, or the word itself."""
    concepts = [key for key in term.keys if key.startswith(CONCEPT_PREFIX)]
    if concepts:  # a concept, perhaps with the need's words that are part of it
        return len(concepts) == 1 and term.term.startswith(concept_label(concepts[0][1:]))
    return [stem(term.term.casefold(), language)] == list(term.keys)


def test_the_need_marks_exactly_the_words_that_carried_the_match(index) -> None:
    for need in load_devset():
        matches = index.query(need["text"], limit=10)
        keys = {key for m in matches for term in m.matched_terms for key in term.keys}
        language = matches[0].language if matches else "en"
        spans = need_spans(need["text"], language, keys)
        words = [(start, end) for _, start, end in token_spans(need["text"])]
        for start, end in spans:
            assert any(a == start for a, _ in words) and any(b == end for _, b in words)
            marked = need["text"][start:end]
            assert set(analyze(marked, language)) & keys, (need["id"], marked)
        unmarked = [
            need["text"][a:b] for a, b in words if not any(s <= a and b <= e for s, e in spans)
        ]
        for word in unmarked:
            assert not set(analyze(word, language)) & keys, (need["id"], word)
