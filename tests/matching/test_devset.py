"""Shape of the labelled development set: languages, counts, grades, references, optional keys."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from catalogue.devset_cli import grade_tool
from catalogue.seeded import seeded_catalogue
from matching.evaluate import fold_duplicates, load_devset
from matching.records import FAMILIES
from matching.vocabulary import NEIGHBOURS

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "matching" / "devset"
# The 24 official languages of the EU (ISO 639-1).
EU_LANGUAGES = frozenset(
    {"bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr"}
    | {"hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"}
)
REQUIRED_KEYS = {"id", "language", "topic", "text", "relevance"}
OPTIONAL_KEYS = {"country", "families", "parts", "note"}


@pytest.fixture(scope="module")
def needs() -> list[dict[str, Any]]:
    """The shipped development set."""
    return load_devset()


@pytest.fixture(scope="module")
def seed_refs() -> set[str]:
    """Every organisation ref of the seed catalogue the grades refer to."""
    return {record.id for record in seeded_catalogue(ROOT / "seed_data").own_records}


def test_every_official_eu_language_is_present(needs: list[dict[str, Any]]) -> None:
    languages = Counter(need["language"] for need in needs)
    assert set(languages) == EU_LANGUAGES
    assert min(languages.values()) >= 2


def test_enough_needs_and_enough_of_them_not_in_english(needs: list[dict[str, Any]]) -> None:
    assert len(needs) >= 120
    assert sum(1 for need in needs if need["language"] != "en") >= 60


def test_ids_are_unique_and_named_after_the_language(needs: list[dict[str, Any]]) -> None:
    ids = [need["id"] for need in needs]
    assert len(ids) == len(set(ids))
    for need in needs:
        assert re.fullmatch(rf"{need['language']}-\d{{2}}", need["id"]), need["id"]


def test_every_need_has_the_required_keys_and_only_known_ones(
    needs: list[dict[str, Any]],
) -> None:
    for need in needs:
        assert REQUIRED_KEYS <= set(need) <= REQUIRED_KEYS | OPTIONAL_KEYS, need["id"]
        assert isinstance(need["text"], str) and need["text"].strip(), need["id"]
        assert isinstance(need["topic"], str) and need["topic"], need["id"]


def test_grades_are_one_or_two_and_refer_to_seed_organisations(
    needs: list[dict[str, Any]], seed_refs: set[str]
) -> None:
    for need in needs:
        relevance = need["relevance"]
        assert relevance, f"{need['id']} has no graded organisation"
        assert set(relevance.values()) <= {1, 2}, need["id"]
        assert set(relevance) <= seed_refs, (need["id"], set(relevance) - seed_refs)


def test_needs_of_one_topic_share_their_grades(needs: list[dict[str, Any]]) -> None:
    by_topic: dict[str, dict[str, int]] = {}
    for need in needs:
        shared = by_topic.setdefault(need["topic"], need["relevance"])
        assert shared == need["relevance"], need["id"]


def test_optional_keys_are_well_formed(needs: list[dict[str, Any]]) -> None:
    for need in needs:
        if "country" in need:
            assert need["country"] in NEIGHBOURS, need["id"]
        if "families" in need:
            families = need["families"]
            assert families and len(set(families)) == len(families), need["id"]
            assert set(families) <= set(FAMILIES), need["id"]
        if "parts" in need:
            assert len(need["parts"]) >= 2 and set(need["parts"]) <= set(FAMILIES), need["id"]
        if "note" in need:
            assert isinstance(need["note"], str) and need["note"].strip(), need["id"]


def test_each_optional_key_is_used(needs: list[dict[str, Any]]) -> None:
    used = Counter(key for need in needs for key in need if key in OPTIONAL_KEYS)
    assert set(used) == OPTIONAL_KEYS
    assert used["parts"] >= 3


def test_grades_of_pattern_topics_are_what_the_patterns_give(
    needs: list[dict[str, Any]],
) -> None:
    # The grades of the topics in patterns.json must be reproducible from it, so that a hand edit
    # of needs.json cannot silently drift from the recorded method.
    tool = grade_tool()
    records = list(seeded_catalogue(ROOT / "seed_data").own_records)
    patterns = json.loads((DEVSET / "patterns.json").read_text(encoding="utf-8"))["topics"]
    topics = {need["topic"] for need in needs}
    assert set(patterns) <= topics
    expected = {topic: tool.grades(records, spec) for topic, spec in patterns.items()}
    for need in needs:
        if need["topic"] in expected:
            assert need["relevance"] == expected[need["topic"]], need["id"]


def test_grades_of_a_merged_duplicate_count_for_the_organisation_listed() -> None:
    needs = [{"id": "x", "relevance": {"ws-copy": 2, "jrc-1": 1, "jrc-2": 1}}]
    (folded,) = fold_duplicates(needs, {"ws-copy": "jrc-1"})
    assert folded["relevance"] == {"jrc-1": 2, "jrc-2": 1}
    (kept,) = fold_duplicates(
        [{"id": "y", "relevance": {"jrc-1": 2, "ws-copy": 1}}], {"ws-copy": "jrc-1"}
    )
    assert kept["relevance"] == {"jrc-1": 2}


def test_the_seed_read_through_the_app_lists_each_duplicate_once() -> None:
    seed = seeded_catalogue(ROOT / "seed_data")
    listed = {record.id for record in seed.records}
    assert seed.listed_as and set(seed.listed_as.values()) <= listed
    assert not set(seed.listed_as) & listed
    assert len(seed.own_records) == len(seed.records) + len(seed.listed_as)
