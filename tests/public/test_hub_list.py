"""The hub list: facets, search, sorting and pagination over published hubs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from werkzeug.datastructures import MultiDict

from catalogue.extensions import db
from catalogue.services.browse import list_hubs, parse_hub_query


def hub_names(app, **params) -> list[str]:
    """Names of the hubs the service lists for these query parameters (first page)."""
    query = parse_hub_query(MultiDict(params), per_page=100)
    return [hub.name for hub in list_hubs(db.session, query).items]


def facet_options(app, facet: str, **params) -> dict:
    query = parse_hub_query(MultiDict(params))
    page = list_hubs(db.session, query)
    [found] = [f for f in page.facets if f.param == facet]
    return {option.value: option for option in found.options}


def facet_counts(app, facet: str, **params) -> dict[str, int]:
    return {value: option.count for value, option in facet_options(app, facet, **params).items()}


@pytest.fixture
def catalogue(build):
    """Four published hubs with different kinds, countries, services and tags, plus a draft."""
    lisbon = build.organisation(
        name="Lisbon Urban Lab",
        kind="living_lab",
        country="PT",
        city="Lisboa",
        technologies=["Internet of Things"],
        sectors=["Smart City"],
    )
    build.service(lisbon, family="test_before_invest")
    ghent = build.organisation(
        name="Ghent Data Hub",
        kind="dih",
        country="BE",
        city="Gent",
        description="Open DATA platforms for municipalities.",
        technologies=["Big data", "Internet of Things"],
        sectors=["Public administration"],
    )
    build.service(ghent, family="skills_training")
    build.service(ghent, family="test_before_invest", status="draft")
    build.organisation(
        name="Brno Robotics",
        kind="edih",
        country="CZ",
        city="Brno",
        technologies=["Robotics"],
        sectors=["Smart City", "Energy"],
    )
    build.organisation(name="Aalto Network", kind="network", country="FI", city=None)
    build.organisation(name="Secret Draft Hub", kind="dih", country="PT", status="draft")
    return {"lisbon": lisbon, "ghent": ghent}


def test_kind_facet_filters_and_counts(app, catalogue):
    assert hub_names(app, kind="dih") == ["Ghent Data Hub"]
    assert hub_names(app, kind=["dih", "edih"]) == ["Brno Robotics", "Ghent Data Hub"]
    assert facet_counts(app, "kind") == {"dih": 1, "edih": 1, "living_lab": 1, "network": 1}


def test_country_facet_filters_and_counts(app, catalogue):
    assert hub_names(app, country="PT") == ["Lisbon Urban Lab"]
    assert facet_counts(app, "country") == {"BE": 1, "CZ": 1, "FI": 1, "PT": 1}


def test_family_facet_counts_only_published_services(app, catalogue):
    assert hub_names(app, family="test_before_invest") == ["Lisbon Urban Lab"]
    assert hub_names(app, family="skills_training") == ["Ghent Data Hub"]
    counts = facet_counts(app, "family")
    # "Aalto Network" offers no service: its name speaks of networking, so it is detected.
    assert counts == {"test_before_invest": 1, "skills_training": 1, "ecosystem_networking": 1}


def test_detected_technologies_count_and_filter_with_the_declared_ones(app, catalogue, build):
    build.organisation(name="Porto Port Lab", country="PT", description="IoT sensors for ports.")
    catalogue["lisbon"].description = "Our IoT platform."  # declared and detected: counted once
    db.session.commit()
    assert hub_names(app, technology="Internet of Things") == [
        "Ghent Data Hub",
        "Lisbon Urban Lab",
        "Porto Port Lab",
    ]
    option = facet_options(app, "technology")["Internet of Things"]
    assert (option.count, option.detected) == (3, 1)
    assert facet_options(app, "technology")["Robotics"].detected == 0  # declared by Brno
    assert facet_options(app, "kind")["dih"].detected == 0


def test_detected_families_count_and_filter_beside_offered_services(app, catalogue):
    assert hub_names(app, family="ecosystem_networking") == ["Aalto Network"]
    option = facet_options(app, "family")["ecosystem_networking"]
    assert (option.count, option.detected) == (1, 1)
    offered = facet_options(app, "family")["test_before_invest"]
    assert (offered.count, offered.detected) == (1, 0)


def test_detected_sectors_narrow_the_other_facets(app, catalogue, build):
    build.organisation(name="Tartu Clinic Lab", country="EE", description="Hospitals and AI.")
    assert hub_names(app, sector="Health care") == ["Tartu Clinic Lab"]
    assert facet_counts(app, "country", sector="Health care") == {"EE": 1}
    ai = "Artificial Intelligence & Decision support"
    assert facet_options(app, "technology", sector="Health care")[ai].detected == 1


def test_hub_list_page_marks_detected_counts(client, catalogue, build, text):
    build.organisation(name="Porto Port Lab", country="PT", description="IoT sensors for ports.")
    response = client.get("/hubs/")
    page = text(response)
    assert "Internet of Things (3, 1 detected)" in page
    assert "Robotics (1)" in page
    assert "“detected” says how many hubs are counted only for that reason" in page
    assert 'aria-describedby="detected-help"' in response.get_data(as_text=True)


def test_technology_facet_filters_and_counts(app, catalogue):
    assert hub_names(app, technology="Internet of Things") == ["Ghent Data Hub", "Lisbon Urban Lab"]
    counts = facet_counts(app, "technology")
    assert counts == {"Big data": 1, "Internet of Things": 2, "Robotics": 1}


def test_sector_facet_filters_and_counts(app, catalogue):
    assert hub_names(app, sector="Smart City") == ["Brno Robotics", "Lisbon Urban Lab"]
    assert facet_counts(app, "sector")["Smart City"] == 2


def test_facets_combine_or_within_and_across(app, catalogue):
    assert hub_names(app, sector="Smart City", technology="Internet of Things") == [
        "Lisbon Urban Lab"
    ]
    assert hub_names(app, country=["PT", "CZ"], kind="edih") == ["Brno Robotics"]
    # Another facet's selection narrows the counts; the facet's own selection does not.
    assert facet_counts(app, "kind", country="PT") == {"living_lab": 1}
    assert facet_counts(app, "kind", kind="dih")["edih"] == 1


def test_search_is_case_insensitive_over_name_description_and_city(app, catalogue):
    assert hub_names(app, q="LISBON") == ["Lisbon Urban Lab"]
    assert hub_names(app, q="open data") == ["Ghent Data Hub"]
    assert hub_names(app, q="gENT") == ["Ghent Data Hub"]
    assert hub_names(app, q="brno robotics") == ["Brno Robotics"]
    # "%" and "_" are no wildcards (no digits here: the builders number their records)
    assert hub_names(app, q="qx%_") == []


def test_sorting_by_name_country_and_update(app, catalogue, build):
    assert hub_names(app) == [
        "Aalto Network",
        "Brno Robotics",
        "Ghent Data Hub",
        "Lisbon Urban Lab",
    ]
    assert hub_names(app, sort="country") == [
        "Ghent Data Hub",
        "Brno Robotics",
        "Aalto Network",
        "Lisbon Urban Lab",
    ]
    catalogue["ghent"].updated_at = datetime.now(UTC) + timedelta(days=1)
    db.session.commit()
    assert hub_names(app, sort="updated")[0] == "Ghent Data Hub"


def test_hub_list_page_shows_total_facets_and_clear_link(client, catalogue, text):
    response = client.get("/hubs/?kind=dih&kind=edih")
    page = text(response)
    assert response.status_code == 200
    assert "2 published hubs match your search" in page
    assert "Digital Innovation Hub (1)" in page
    assert "Ghent Data Hub" in page and "Lisbon Urban Lab" not in page
    assert 'href="/hubs/">Clear filters' in response.get_data(as_text=True)


def test_filter_form_keeps_selection_and_search_words(client, catalogue):
    html = client.get("/hubs/?q=data&country=BE").get_data(as_text=True)
    assert 'value="BE" checked' in html
    assert 'value="data"' in html


def test_unpublished_hubs_are_never_listed_or_counted(client, catalogue, text):
    page = text(client.get("/hubs/?country=PT"))
    assert "Secret Draft Hub" not in page
    assert "1 published hub matches" in page
    assert "Secret Draft Hub" not in text(client.get("/hubs/?q=secret"))
    assert "4" in text(client.get("/")).split("Hubs and organisations")[1][:5]


class TestPagination:
    """Page links, "page X of Y" and the edges."""

    @pytest.fixture
    def many(self, app, build):
        for n in range(45):
            build.organisation(name=f"Hub {n:02d}")
        app.config["PAGE_SIZE"] = 20

    def test_pages_show_position_and_links(self, client, many, text):
        response = client.get("/hubs/?page=2")
        page = text(response)
        assert "Hubs 21–40 of 45" in page
        assert "Page 2 of 3" in page
        assert "Hub 20" in page and "Hub 19" not in page
        html = response.get_data(as_text=True)
        assert 'href="/hubs/?page=3"' in html and 'href="/hubs/"' in html

    def test_last_page_holds_the_rest(self, client, many, text):
        page = text(client.get("/hubs/?page=3"))
        assert "Hubs 41–45 of 45" in page and "Next page" not in page

    def test_page_beyond_the_last_is_not_found_as_in_the_api(self, client, many, text):
        response = client.get("/hubs/?page=4")
        assert response.status_code == 404
        assert "Page 4 does not exist: this list has 3 pages." in text(response)

    def test_page_links_keep_the_filters(self, client, many):
        html = client.get("/hubs/?kind=dih&q=hub").get_data(as_text=True)
        assert 'href="/hubs/?q=hub&amp;kind=dih&amp;page=2"' in html
