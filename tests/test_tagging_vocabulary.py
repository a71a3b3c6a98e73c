"""The matching library's label table names only the platform's own vocabulary labels."""

from __future__ import annotations

from catalogue import vocabularies
from matching.tagging import default_table


def test_every_detected_technology_is_a_platform_technology() -> None:
    assert set(default_table().labels["technology"]) <= set(vocabularies.TECHNOLOGIES)


def test_every_detected_sector_is_a_platform_sector() -> None:
    assert set(default_table().labels["sector"]) <= set(vocabularies.SECTORS)


def test_every_detected_family_is_a_platform_family() -> None:
    assert set(default_table().labels["family"]) == set(vocabularies.SERVICE_FAMILIES)
