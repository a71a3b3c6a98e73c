"""The needs page: a city describes a need and reads ranked, explained hubs."""

import html
import re

import pytest

from matching.vocabulary import EUROPEAN_COUNTRIES, NEIGHBOURS


@pytest.fixture
def hubs(build):
    """Three hubs: air-quality sensing in Belgium and Germany, and unrelated robotics."""
    sensing_be = build.organisation(
        name="Flanders Air Lab",
        country="BE",
        description="Living lab where cities test air quality sensors and IoT networks.",
        technologies=["Internet of Things"],
    )
    build.service(
        sensing_be,
        title="Air quality sensor testbed",
        family="test_before_invest",
        description="Test low-cost air quality sensors in real streets before buying them.",
    )
    sensing_de = build.organisation(
        name="Berlin Sensor Hub",
        country="DE",
        description="Helps municipalities measure air quality with sensor networks.",
    )
    robotics = build.organisation(
        name="Factory Robotics DIH",
        country="BE",
        description="Robot arms and welding automation for manufacturing companies.",
    )
    return sensing_be, sensing_de, robotics


def test_the_form_is_shown_with_its_labels(client):
    page = html.unescape(client.get("/needs/").get_data(as_text=True))
    assert "What does your city need?" in page
    assert "Your city's country" in page
    assert "Test before invest" in page


def test_a_need_lists_the_fitting_hubs_best_first_with_reasons(client, hubs):
    response = client.post(
        "/needs/", data={"text": "We need to test air quality sensors", "country": "BE"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert page.index("Flanders Air Lab") < page.index("Berlin Sensor Hub")
    assert "Factory Robotics DIH" not in page
    assert "Air quality sensor testbed" in page
    assert "<mark>sensors</mark>" in page


def test_the_explanation_tells_where_a_hub_is(client, hubs):
    page = client.post("/needs/", data={"text": "air quality sensors", "country": "BE"}).get_data(
        as_text=True
    )
    assert "same country" in page.lower()
    assert "different country" in page.lower() or "neighbouring" in page.lower()


def test_a_need_in_german_finds_hubs_described_in_english(client, hubs):
    page = client.post(
        "/needs/", data={"text": "Wir möchten Sensoren für die Luftqualität testen"}
    ).get_data(as_text=True)
    assert "Flanders Air Lab" in page
    assert "Factory Robotics DIH" not in page


def test_a_need_nothing_fits_says_so(client, hubs):
    page = client.post("/needs/", data={"text": "zzzqqq xxyyzz"}).get_data(as_text=True)
    assert "No hub fits your need yet" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": ""}, "must not be empty"),
        ({"text": "   "}, "must not be empty"),
        ({"text": "x" * 5001}, "at most 5000"),
        ({"text": "sensors", "country": "ZZ"}, "Not a valid choice"),
        ({"text": "sensors", "families": ["training"]}, "not a valid choice"),
    ],
)
def test_bad_input_is_refused_with_a_message_on_the_field(client, hubs, data, message):
    response = client.post("/needs/", data=data)
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    assert message.lower() in page.lower()
    assert 'class="field__errors"' in page
    assert "hubs fit your need" not in page


def test_the_need_marks_exactly_the_words_that_carried_the_matches(client, hubs):
    need = "We need to test Air Quality sensors, and our bakery needs ovens"
    page = client.post("/needs/", data={"text": need}).get_data(as_text=True)
    marked = page[page.index('<q class="need-text">') : page.index("</q>")]
    assert "<mark>Air Quality</mark>" in marked
    assert "<mark>sensors</mark>" in marked
    assert "<mark>test</mark>" in marked
    assert "<mark>bakery</mark>" not in marked and "<mark>ovens</mark>" not in marked
    assert "<mark>We</mark>" not in marked


def test_every_country_the_form_offers_is_one_the_matching_knows_the_neighbours_of(client):
    page = html.unescape(client.get("/needs/").get_data(as_text=True))
    offered = re.findall(r'<option value="([A-Z]{2})"', page)
    assert sorted(offered) == sorted(EUROPEAN_COUNTRIES)
    assert all(code in NEIGHBOURS for code in offered)
    assert '<option value="GE">Georgia</option>' in page
