"""The practice library's list (facets, search, bad input) and its practice pages."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.public.conftest import visible_text as text


@pytest.fixture
def library(build):
    """Three practices, a hub that fits the first, and a draft that must never show."""
    hub = build.organisation(
        name="Traffic Lab Hub",
        slug="traffic-lab-hub",
        description="We test traffic sensors and AI models that predict congestion for cities.",
        country="NL",
    )
    build.service(hub, title="Traffic sensor testbed", description="Test traffic sensors.")
    tag = build.tag
    first = build.practice(
        title="Predicting traffic jams in Utrecht",
        slug="predicting-traffic-jams",
        summary="The city predicts traffic congestion with AI models fed by road sensors.",
        country="NL",
        deployment_status="pilot",
        government_level="local",
        lead_organisation="Gemeente Utrecht",
        url="https://example.org/utrecht",
    )
    first.tags = [tag("technology", "Internet of Things"), tag("sector", "Transport")]
    second = build.practice(
        title="Road congestion forecasts",
        slug="road-congestion-forecasts",
        summary="A region forecasts road traffic congestion from sensors.",
        country="BE",
        deployment_status="in_use",
        government_level="regional",
    )
    second.tags = [tag("technology", "Internet of Things")]
    build.practice(
        title="Blockchain land registry",
        slug="land-registry",
        summary="Land titles on a ledger.",
        country="SE",
        deployment_status="in_use",
        government_level="national",
    )
    build.practice(title="Draft traffic case", slug="draft-case", status="draft")
    build.session.commit()
    return first


def test_list_shows_published_practices_with_facet_counts(client, library):
    response = client.get("/practices/")
    page = text(response)
    assert response.status_code == 200
    assert "3 published cases" in page
    assert "Draft traffic case" not in page
    assert "Netherlands (1)" in page and "Belgium (1)" in page and "Sweden (1)" in page
    assert "Internet of Things (2)" in page
    assert "In use (2)" in page and "Pilot (1)" in page
    assert "Level of government" in page and "Local (1)" in page


def test_facets_filter_and_count_within_the_other_selections(client, library):
    page = text(client.get("/practices/?technology=Internet+of+Things&status=in_use"))
    assert "1 published case match your search" in page
    assert "Road congestion forecasts" in page
    assert "Predicting traffic jams" not in page
    # The status facet counts within the technology selection only: pilot 1, in use 1.
    assert "Pilot (1)" in page and "In use (1)" in page


def test_search_matches_words_of_title_summary_and_lead_organisation(client, library):
    assert "2 published cases match" in text(client.get("/practices/?q=congestion"))
    page = text(client.get("/practices/?q=utrecht+gemeente"))
    assert "1 published case match" in page and "Predicting traffic jams in Utrecht" in page
    page = text(client.get('/practices/?q="road+traffic"'))
    assert "Road congestion forecasts" in page and "Predicting traffic" not in page
    titles = re.findall(r"<h3><a [^>]+>([^<]+)</a>", client.get("/practices/?q=traffic").text)
    assert titles == ["Predicting traffic jams in Utrecht", "Road congestion forecasts"]


@pytest.mark.parametrize(
    "query, field",
    [
        ("country=Narnia", "country"),
        ("status=finished", "status"),
        ("level=galactic", "level"),
        ("page=0", "page"),
        ("page=abc", "page"),
        ("q=" + "x" * 201, "q"),
        ("technology=" + "t" * 201, "technology"),
    ],
)
def test_bad_parameters_get_a_400_naming_them(client, library, query, field):
    response = client.get(f"/practices/?{query}")
    assert response.status_code == 400
    assert f"“{field}”" in text(response)


def test_practice_page_shows_source_hubs_similar_practices_and_starts_a_need(client, library):
    response = client.get("/practices/predicting-traffic-jams")
    page = text(response)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'href="https://example.org/utrecht"' in html
    assert "Hubs that could help a city do the same" in page
    assert 'href="/hubs/traffic-lab-hub">Traffic Lab Hub</a>' in html
    assert "Traffic sensor testbed" in page
    assert "Matched on:" in page
    assert "this practice" in page and "your need" not in page  # the hubs' reasons say what
    assert "Similar practices" in page
    assert 'href="/practices/road-congestion-forecasts">Road congestion forecasts</a>' in html
    assert "draft-case" not in html
    start = re.search(r'href="(/needs/\?text=[^"]+)"', html).group(1).replace("&amp;", "&")
    prefilled = parse_qs(urlsplit(start).query)["text"][0]
    assert "Predicting traffic jams in Utrecht" in prefilled
    need_form = client.get(start).get_data(as_text=True)
    assert (
        "Predicting traffic jams in Utrecht"
        in need_form.split("<textarea")[1].split("</textarea")[0]
    )


def test_old_workshop_practice_addresses_redirect_to_the_library(client, library):
    response = client.get("/workshop/practices/predicting-traffic-jams")
    assert response.status_code == 301
    assert response.headers["Location"].endswith("/practices/predicting-traffic-jams")


def test_need_results_list_the_closest_practices_explained(client, library):
    response = client.post("/needs/", data={"text": "We want to predict traffic congestion"})
    page = text(response)
    assert response.status_code == 200
    closest = page.split("Cities that did something similar", 1)[1]
    assert "Predicting traffic jams in Utrecht" in closest
    assert "Road congestion forecasts" in closest
    assert "Land registry" not in closest and "Blockchain land registry" not in closest
    assert "Matched on:" in closest and "traffic" in closest and "in description" in closest
    assert "Draft traffic case" not in page


def test_a_need_no_practice_fits_says_so(client, library):
    page = text(client.post("/needs/", data={"text": "welding robots for shipyards"}))
    assert "No case of the practice library uses words close to your need." in page
