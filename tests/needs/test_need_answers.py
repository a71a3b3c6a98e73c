"""The needs page shows the referral, the family filter, advice and bundles in plain words."""

import html

import pytest

from tests.answer_hubs import build_air_hubs


@pytest.fixture
def hubs(build):
    build_air_hubs(build)


def page_of(client, **data) -> tuple[int, str]:
    response = client.post("/needs/", data=data)
    return response.status_code, html.unescape(response.get_data(as_text=True))


def test_a_country_without_a_fitting_hub_is_told_and_referred(client, hubs):
    status, page = page_of(client, text="air quality sensors for our city", country="MT")
    assert status == 200
    assert "No hub in Malta fits this need well; these hubs elsewhere in Europe do." in page
    assert "German Air Lab" in page and "Malta Robots" not in page
    assert "Fitting hubs in Malta" not in page


def test_the_citys_fitting_hubs_are_grouped_first(client, hubs):
    status, page = page_of(client, text="air quality sensors for our city", country="BE")
    assert status == 200
    assert "1 hub in Belgium fits this need well" in page
    grouped = page.index("Fitting hubs in Belgium and neighbouring countries")
    assert grouped < page.index("Belgian Air Network") < page.index("German Air Lab")


def test_ticking_only_turns_the_families_into_a_filter(client, hubs):
    need = {"text": "air quality sensors for our city", "families": "skills_training"}
    _, preferred = page_of(client, **need)
    assert "Belgian Air Network" in preferred
    status, filtered = page_of(client, **need, families_only="y")
    assert status == 200
    assert "German Air Lab" in filtered and "Belgian Air Network" not in filtered


def test_only_without_a_ticked_family_is_refused_naming_the_field(client, hubs):
    status, page = page_of(client, text="air quality sensors", families_only="y")
    assert status == 400
    assert "Tick at least one kind of help to show only hubs offering it." in page
    assert 'aria-invalid="true"' in page


def test_a_vague_need_gets_advice_with_examples(client, hubs):
    status, page = page_of(client, text="help")
    assert status == 200
    assert "Your need could say more" in page
    assert "The technology, for example sensors" in page
    assert "The kind of help, for example testing before buying" in page


def test_a_three_part_need_gets_a_bundle(client, hubs):
    text = (
        "We want to test air quality sensors before buying them, train our staff to use the "
        "data and find EU funding for the roll-out."
    )
    status, page = page_of(client, text=text)
    assert status == 200
    assert "Your need asks for 3 kinds of help" in page
    assert "Skills and training: “train our staff to use the data”" in page
    assert "Our proposal:" in page
    assert "French Funding Desk for support to find investments" in page
