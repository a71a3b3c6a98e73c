"""The families and countries the matching library knows are the ones the app offers."""

from __future__ import annotations

import pycountry

from matching.geography import describe_location
from matching.vocabulary import BORDERS, EUROPEAN_COUNTRIES, FAMILIES, NEIGHBOURS, country_name


def test_every_country_a_city_can_choose_has_a_neighbour_entry_and_a_name() -> None:
    for code in EUROPEAN_COUNTRIES:
        assert code in NEIGHBOURS, code
        assert country_name(code) != code, code
        assert describe_location(None, code) == f"based in {country_name(code)} ({code})"


def test_georgia_is_offered_and_has_its_neighbours() -> None:
    assert "GE" in EUROPEAN_COUNTRIES
    assert {"TR", "RU", "AM", "AZ"} <= NEIGHBOURS["GE"]
    assert describe_location("TR", "GE") == "neighbouring country (GE)"


def test_country_names_are_pycountry_names() -> None:
    assert country_name("CZ") == pycountry.countries.get(alpha_2="CZ").name
    assert country_name("MD") == "Moldova"
    assert country_name("XK") == "Kosovo"


def test_borders_name_real_codes_once_each() -> None:
    assert len(set(BORDERS)) == len(BORDERS)
    for first, second in BORDERS:
        assert first < second
        assert country_name(first) != first or first == "XK"
        assert country_name(second) != second


def test_families_are_the_four_edih_families() -> None:
    assert FAMILIES == (
        "test_before_invest",
        "skills_training",
        "investment_support",
        "ecosystem_networking",
    )
