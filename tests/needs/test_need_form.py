"""The extended needs form: every field, the real filters on the results, bad input kept."""

import html

import pytest


@pytest.fixture
def hubs(build):
    """Sensor hubs in Belgium (a DIH), the Netherlands (a living lab) and Spain (an EDIH)."""
    be = build.organisation(
        name="Flanders Air Lab",
        country="BE",
        description="Cities test air quality sensors and IoT networks with us.",
    )
    build.service(be, title="Air quality sensor testbed", family="test_before_invest")
    nl = build.organisation(
        name="Utrecht Sensor Living Lab",
        country="NL",
        kind="living_lab",
        description="Municipalities measure air quality with sensor networks in our living lab.",
    )
    build.service(nl, title="Sensor training for civil servants", family="skills_training")
    es = build.organisation(
        name="Madrid Sensor EDIH",
        country="ES",
        kind="edih",
        description="Air quality sensors and data platforms for Spanish cities.",
    )
    return be, nl, es


def _post(client, **data):
    data.setdefault("text", "We want to measure air quality with sensors")
    response = client.post("/needs/", data=data)
    return response, html.unescape(response.get_data(as_text=True))


def _listed(page: str) -> set[str]:
    names = {"Flanders Air Lab", "Utrecht Sensor Living Lab", "Madrid Sensor EDIH"}
    results = page[page.index('id="results-heading"') :]
    return {name for name in names if name in results}


def test_every_field_is_offered(client):
    page = html.unescape(client.get("/needs/").get_data(as_text=True))
    for label in (
        "Your municipality (optional)",
        "Population of your city (optional)",
        "Language of your text",
        "Where the hubs may be",
        "Only these kinds of organisation (optional)",
        "Your e-mail address",
        "Who may see the need once saved",
    ):
        assert label in page
    assert 'checked id="visibility-0" name="visibility" type="radio" value="private"' in page


def test_without_filters_every_fitting_hub_shows(client, hubs):
    response, page = _post(client, country="BE")
    assert response.status_code == 200
    assert _listed(page) == {"Flanders Air Lab", "Utrecht Sensor Living Lab", "Madrid Sensor EDIH"}


def test_only_my_country_is_a_real_filter(client, hubs):
    _, page = _post(client, country="BE", scope="country")
    assert _listed(page) == {"Flanders Air Lab"}
    assert "Showing only: hubs in Belgium" in page


def test_my_country_and_its_neighbours(client, hubs):
    _, page = _post(client, country="BE", scope="neighbours")
    assert _listed(page) == {"Flanders Air Lab", "Utrecht Sensor Living Lab"}


def test_kinds_of_organisation_filter(client, hubs):
    _, page = _post(client, kinds=["living_lab", "edih"])
    assert _listed(page) == {"Utrecht Sensor Living Lab", "Madrid Sensor EDIH"}


def test_families_only_filters(client, hubs):
    _, page = _post(client, families=["skills_training"], families_only="y")
    assert _listed(page) == {"Utrecht Sensor Living Lab"}


def test_the_results_heading_takes_the_focus_and_the_need_is_echoed_short(client, hubs):
    need = "We want to measure air quality with sensors. " * 10
    _, page = _post(client, text=need)
    assert 'id="results-heading" class="results__heading" tabindex="-1" data-focus-on-load' in page
    assert "js/focus-results.js" in page
    summary = page[page.index("<summary>") : page.index("</summary>")]
    assert summary.endswith("…”") and len(summary) < 200
    assert 'action="/needs/#results-heading"' in page


def test_the_language_is_detected_when_not_given_and_kept_when_given(client, hubs):
    _, page = _post(client, text="Wir wollen die Luftqualität mit Sensoren messen")
    assert "(language: German, detected)" in page
    _, page = _post(client, text="Wir wollen die Luftqualität mit Sensoren messen", language="de")
    assert "(language: German)" in page


LONG = "x" * 201


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("municipality", LONG, "at most 200"),
        ("municipality", "Gent\u0007", "one line of text"),
        ("population", "huge", "Not a valid choice"),
        ("language", "xx", "not an ISO 639-1 language code"),
        ("scope", "moon", "not a choice of where hubs may be"),
        ("scope", "country", "Choose your city's country"),
        ("kinds", "castle", "not a kind of organisation"),
        ("email", "not-an-address", "is not an e-mail address"),
        ("email", "a" * 320 + "@x.eu", "at most 320"),
        ("visibility", "secret", "not a visibility"),
        ("families_only", "y", "Tick at least one kind of help"),
    ],
)
def test_bad_input_is_refused_and_everything_typed_is_kept(client, hubs, field, value, message):
    response, page = _post(client, **({"municipality": "Gent"} | {field: value}))
    assert response.status_code == 400
    assert message in page
    assert "hubs fit your need" not in page
    assert "We want to measure air quality with sensors</textarea>" in page
    if field != "municipality":
        assert 'value="Gent"' in page


def test_html_in_the_need_and_municipality_is_shown_escaped(client, hubs):
    response = client.post(
        "/needs/",
        data={"text": "<script>alert(1)</script> air quality sensors", "municipality": "<b>x</b>"},
    )
    page = response.get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>x</b>" not in page


def test_the_honeypot_refuses_the_form(client, hubs):
    response, page = _post(client, homepage="http://spam.example")
    assert response.status_code == 400
    assert "Leave the hidden" in page
    assert "hubs fit your need" not in page


def test_when_the_filters_leave_no_hub_the_page_says_to_widen_them(client, hubs):
    _, page = _post(client, kinds=["city_lab"])
    assert "No hub that your filters leave fits your need" in page
    assert "Your need could say more" not in page and 'id="referral"' not in page
