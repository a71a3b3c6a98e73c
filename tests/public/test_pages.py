"""Home, hub, service, about and 404 pages show the right visible text; drafts stay hidden."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest


@pytest.fixture
def hub(build):
    """A published hub with two services, one draft service, a practice and tags."""
    hub = build.organisation(
        name="Tallinn Smart City Lab",
        slug="tallinn-smart-city-lab",
        kind="city_lab",
        country="EE",
        region="Harju",
        city="Tallinn",
        website="https://example.org/tallinn",
        email="hello@example.org",
        languages=["et", "en"],
        description="Helps the city test mobility pilots.",
        technologies=["Internet of Things"],
        sectors=["Transport & Mobility"],
        source_name="European Commission, JRC, Digital Innovation Hubs Tool (S3 Platform)",
        source_url="https://example.org/jrc/1",
        source_retrieved="2022-02",
        last_verified_at=datetime(2025, 3, 4, tzinfo=UTC),
        extra={"licence": "CC BY 4.0 licence text", "attribution": "European Commission, JRC"},
    )
    build.service(
        hub,
        title="Pilot testbed",
        slug="pilot-testbed",
        family="test_before_invest",
        audiences=["public_sector"],
        delivery="onsite",
        price="Free for cities",
        languages=["et"],
        url="https://example.org/testbed",
        description="Try sensors on real streets.",
    )
    build.service(hub, title="Procurement course", family="skills_training")
    build.service(hub, title="Hidden draft service", slug="hidden", status="draft")
    build.practice([hub], title="Smart crossings", slug="smart-crossings")
    build.practice([hub], title="Draft practice", status="draft")
    return hub


def test_home_says_what_this_is_and_offers_three_ways_in(client, hub, text):
    response = client.get("/")
    page = text(response)
    assert response.status_code == 200
    assert "Find the Digital Innovation Hubs" in page
    html = response.get_data(as_text=True)
    assert 'href="/needs/"' in html and 'href="/hubs/"' in html and 'href="/workshop/"' in html
    assert "Hubs and organisations 1" in page
    assert "Services 2" in page
    assert "Example practices 1" in page


def test_hub_page_shows_profile_services_vocabularies_and_source(client, hub, text):
    response = client.get("/hubs/tallinn-smart-city-lab")
    page = text(response)
    assert response.status_code == 200
    for expected in (
        "Tallinn Smart City Lab",
        "City Lab",
        "Tallinn, Harju, Estonia",
        "Helps the city test mobility pilots.",
        "Test before invest Pilot testbed",
        "Skills and training Procurement course",
        "Internet of Things",
        "Transport & Mobility",
        "Estonian, English",
        "hello@example.org",
        "Source European Commission, JRC, Digital Innovation Hubs Tool (S3 Platform)",
        "Source data as of February 2022 (when it was retrieved",
        "Licence CC BY 4.0 licence text",
        "Attribution European Commission, JRC",
        "Last verified by its managers or a moderator 4 March 2025",
        "Smart crossings",
    ):
        assert expected in page, expected
    assert "Hidden draft service" not in page
    assert "Draft practice" not in page
    assert 'href="https://example.org/jrc/1"' in response.get_data(as_text=True)


def test_hub_page_shows_detected_labels_apart_from_declared_ones(client, hub, text):
    page = text(client.get("/hubs/tallinn-smart-city-lab"))
    assert "Declared technologies Internet of Things" in page
    assert "Declared sectors Transport & Mobility" in page
    assert "Detected in the description" in page
    assert "its profile does not list them" in page
    assert "Technologies (detected) Mobility from “mobility”" in page
    assert "Sectors (detected) Smart City from “smart city”" in page
    assert "Transport & Mobility from" not in page  # declared: not repeated as detected
    assert "Service families (detected)" not in page  # it offers a test before invest service


def test_hub_page_shows_detected_families_it_offers_no_service_in(client, build, text):
    build.organisation(slug="funding-desk", description="We give SMEs access to funding.")
    page = text(client.get("/hubs/funding-desk"))
    assert (
        "Service families (detected) Support to find investments from “access to funding”" in page
    )


def test_hub_page_without_detected_labels_has_no_such_section(client, build, text):
    build.organisation(slug="plain-hub", name="Plain", description="A regional hub.")
    assert "Detected in the description" not in text(client.get("/hubs/plain-hub"))


def test_hub_page_says_what_is_not_verified_but_shows_no_research_notes(client, build, text):
    build.organisation(
        slug="unsure",
        extra={
            "confidence": "medium",
            "confidence_notes": "Probable identification; the city is likely but unverified.",
            "not_verified": ["that the agenda names this hub", "its city"],
        },
    )
    page = text(client.get("/hubs/unsure"))
    assert "Not verified: that the agenda names this hub; its city." in page
    for note in ("Probable", "likely", "unverified", "confidence"):
        assert note.lower() not in page.lower(), note
    build.organisation(slug="sure", extra={"confidence": "high"})
    assert "Not verified" not in text(client.get("/hubs/sure"))


def test_hub_page_lists_its_workshop_talks(client, hub, build, text):
    build.event(
        title="Smart cities webinar",
        slug="webinar",
        sessions=[
            {
                "title": "Intro",
                "talks": [
                    {
                        "title": "Testing on streets",
                        "speaker": "Mari Tamm",
                        "organisation_id": hub.id,
                    }
                ],
            }
        ],
    )
    page = text(client.get("/hubs/tallinn-smart-city-lab"))
    assert "Talks at the workshop" in page
    assert "“Testing on streets” by Mari Tamm" in page


def test_service_page_shows_its_facts_and_organisation(client, hub, text):
    response = client.get("/services/pilot-testbed")
    page = text(response)
    assert response.status_code == 200
    for expected in (
        "Pilot testbed",
        "Service family Test before invest",
        "Try sensors on real streets.",
        "For Public sector",
        "Delivery On site",
        "Price Free for cities",
        "Languages Estonian",
        "Offered by Tallinn Smart City Lab",
    ):
        assert expected in page, expected
    assert 'href="https://example.org/testbed"' in response.get_data(as_text=True)


@pytest.mark.parametrize("status", ["draft", "pending", "archived"])
def test_unpublished_hubs_and_their_services_are_404(client, build, status):
    hidden = build.organisation(slug="hidden-hub", status=status)
    build.service(hidden, slug="service-of-hidden")
    assert client.get("/hubs/hidden-hub").status_code == 404
    assert client.get("/services/service-of-hidden").status_code == 404


def test_unpublished_records_are_not_counted(client, build, text):
    build.organisation(status="draft")
    build.organisation(status="archived")
    assert "Hubs and organisations 0" in text(client.get("/"))


def test_draft_service_is_404(client, hub):
    assert client.get("/services/hidden").status_code == 404


def test_404_page_says_what_was_not_found_and_offers_search(client, text):
    response = client.get("/hubs/no-such-hub")
    page = text(response)
    assert response.status_code == 404
    assert "Page not found" in page
    assert "There is no published hub at “/hubs/no-such-hub”." in page
    html = response.get_data(as_text=True)
    assert 'action="/hubs/"' in html and 'href="/hubs/">Browse all hubs' in html


def test_unknown_address_gets_the_helpful_404(client, text):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Search hubs by name, description or city" in text(response)


def test_404_for_json_clients_is_json(client):
    response = client.get("/hubs/nothing", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.get_json()["error"]["status"] == 404


def test_about_page_lists_every_source_with_licence(client, hub, text):
    page = text(client.get("/about/"))
    assert "Data from elsewhere keeps its attribution and licence, shown in the app" in page
    for source in (
        "JRC Digital Innovation Hubs Tool",
        "Workshop presenter profiles",
        "FIWARE Smart Data Models",
        "Workshop agenda",
    ):
        assert source in page
    assert "CC BY 4.0" in page
    assert "Records 1 published organisation record" in page


def test_about_page_is_current_on_ngsi_ld_the_api_and_editorial_text(client, text):
    from catalogue.public.data_sources import DATA_SOURCES

    response = client.get("/about/")
    page = text(response)
    assert "planned" not in page.lower() and " will " not in page
    assert "The catalogue's NGSI-LD export (/api/v1/downloads/ngsi-ld.jsonld) follows them" in page
    assert "its NGSI-LD import (flask import-ngsi-ld) reads them" in page
    assert 'href="/api/v1/"' in response.get_data(as_text=True)
    assert "This platform's own research on the workshop's presenters" in page
    assert "no example is known to have been shown at the workshop" in page
    for source in DATA_SOURCES:
        assert f"Licence {source.licence}" in page
        assert f"Attribution {source.attribution}" in page


def test_every_page_links_the_about_page_in_its_footer(client, hub):
    for url in ("/", "/hubs/", "/hubs/tallinn-smart-city-lab", "/nowhere"):
        html = client.get(url).get_data(as_text=True)
        footer = html.split('<footer class="site-footer">')[1]
        assert 'href="/about/"' in footer


OPEN_DATA_LINKS = (
    ("/api/v1/", "Open data API"),
    ("/api/v1/downloads/catalogue.json", "Whole catalogue (JSON)"),
    ("/api/v1/downloads/organisations.csv", "Organisations (CSV)"),
    ("/api/v1/downloads/services.csv", "Services (CSV)"),
    ("/api/v1/downloads/ngsi-ld.jsonld", "Hubs and services (NGSI-LD)"),
)


@pytest.mark.parametrize(
    "url",
    ["/", "/hubs/", "/hubs/tallinn-smart-city-lab", "/needs/", "/about/", "/api/v1/", "/nowhere"],
)
def test_every_page_links_the_api_and_the_downloads_in_its_footer(client, hub, url):
    html = client.get(url).get_data(as_text=True)
    footer = html.split('<footer class="site-footer">')[1]
    for href, label in OPEN_DATA_LINKS:
        assert f'<a href="{href}">{label}</a>' in footer


def test_a_404_marks_no_menu_item_as_the_current_page(client):
    page = client.get("/hubs/no-such-hub").get_data(as_text=True)
    assert 'aria-current="page"' not in page.split("</nav>")[0].split('class="site-nav"')[1]
