"""Fair aggregation: organisations rank on their best evidence, not on listing services."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from catalogue.seeded import seeded_catalogue
from matching import MatchIndex, OrganisationRecord, ServiceRecord
from matching.evaluate import load_devset
from matching.records import INTERMEDIARY_NOTE
from tests.matching.factories import make_record

ROOT = Path(__file__).resolve().parents[2]
ISSUE_NEED = "test air-quality sensors before buying a city-wide network, and train our staff"


@pytest.fixture(scope="module")
def seed() -> list[OrganisationRecord]:
    """The real seed catalogue (JRC hubs and the workshop's organisations)."""
    return list(seeded_catalogue(ROOT / "seed_data").records)


@pytest.fixture(scope="module")
def seed_index(seed: list[OrganisationRecord]) -> MatchIndex:
    """The lexical engine fitted on the real catalogue."""
    return MatchIndex().fit(seed)


def test_issue_need_is_led_by_providers_not_programmes(seed, seed_index) -> None:
    kinds = {record.id: (record.kind, bool(record.services)) for record in seed}
    top = seed_index.query(ISSUE_NEED, limit=5)
    presenters = [m.id for m in top if kinds[m.id][1] or kinds[m.id][0] == "network"]
    assert len(top) == 5
    assert len(presenters) <= 1, presenters


def test_organisations_with_services_take_no_outsized_share_of_top_places(seed, seed_index) -> None:
    with_services = {record.id for record in seed if record.services}
    needs = load_devset()
    places = [m.id for need in needs for m in seed_index.query(need["text"], limit=10)]
    catalogue_share = len(with_services) / len(seed)
    top_share = sum(ref in with_services for ref in places) / len(places)
    assert top_share <= 3 * catalogue_share, (top_share, catalogue_share)


def test_copying_a_real_profile_into_a_service_earns_nothing(seed) -> None:
    hub = next(record for record in seed if record.id == "jrc-23392")
    assert not hub.services
    copied = replace(hub, id="zz-copy", services=(
        ServiceRecord("zz-copy-service", "Service", "test_before_invest",
                      description=hub.description),
    ))  # fmt: skip
    index = MatchIndex().fit([*seed, copied])
    scores = {m.id: m.score for m in index.query(ISSUE_NEED, limit=50)}
    assert scores["zz-copy"] == pytest.approx(scores["jrc-23392"], rel=0.02)


def test_same_text_scores_the_same_in_a_profile_and_in_a_service(seed) -> None:
    text = next(record for record in seed if record.id == "jrc-23392").description
    profile = make_record("a-profile", name="Hub", description=text)
    service = make_record("b-service", name="Hub", services=(
        ServiceRecord("b1", "Hub", "test_before_invest", description=text),
    ))  # fmt: skip
    index = MatchIndex().fit([*seed, profile, service])
    scores = {m.id: m.score for m in index.query(ISSUE_NEED, limit=50)}
    assert scores["a-profile"] == pytest.approx(scores["b-service"], rel=0.05)


def test_profile_with_better_text_outranks_weaker_service_text() -> None:
    better = make_record("b-profile", description=(
        "We test air-quality sensors with cities before they buy them and train municipal "
        "staff to use the measurements."
    ))  # fmt: skip
    weaker = make_record("a-services", description="A regional centre.", services=(
        ServiceRecord("a1", "Testing", "test_before_invest"),
        ServiceRecord("a2", "Sensors", "test_before_invest"),
        ServiceRecord("a3", "Training", "skills_training"),
    ))  # fmt: skip
    matches = MatchIndex().fit([better, weaker]).query(ISSUE_NEED)
    assert [m.id for m in matches][:1] == ["b-profile"]


def test_family_words_count_only_where_the_record_says_them() -> None:
    weaving = make_record("a-weaving", services=(
        ServiceRecord("a1", "Weaving machines", "test_before_invest",
                      description="Looms for textile firms."),
    ))  # fmt: skip
    index = MatchIndex().fit([weaving, make_record("b-other", description="Open data.")])
    assert index.query("a pilot to test before we invest") == []


def test_network_ranks_below_a_provider_with_the_same_evidence_and_says_what_it_is() -> None:
    text = "Testing air quality sensors with municipalities before procurement."
    network = make_record("a-network", kind="network", description=text)
    provider = make_record("b-provider", kind="dih", description=text)
    matches = MatchIndex().fit([network, provider]).query("test air quality sensors")
    assert [m.id for m in matches] == ["b-provider", "a-network"]
    assert INTERMEDIARY_NOTE in matches[1].summary
    assert INTERMEDIARY_NOTE not in matches[0].summary
    assert matches[1].kind == "network"


def test_network_ranks_with_providers_when_the_need_asks_for_partners() -> None:
    text = "Networking and matchmaking between cities and partners."
    network = make_record("a-network", kind="network", description=text)
    provider = make_record("b-provider", kind="dih", description=text)
    index = MatchIndex().fit([network, provider])
    assert [m.id for m in index.query("networking with partner cities")] == [
        "a-network", "b-provider",
    ]  # fmt: skip
    assert [m.id for m in index.query("partners", families=["ecosystem_networking"])][0] == (
        "a-network"
    )
