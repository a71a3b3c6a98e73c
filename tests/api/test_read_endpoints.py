"""The read endpoints: lists with filters and pages, one record by ref, pages' addresses."""

from __future__ import annotations


def test_organisations_list_pages_with_links_and_total(client, catalogue):
    response = client.get("/api/v1/organisations?per_page=1&sort=name")
    assert response.status_code == 200
    body = response.json
    assert body["total"] == 2
    assert [item["ref"] for item in body["items"]] == ["ll-2"]
    assert body["links"]["next"].endswith("/api/v1/organisations?page=2&per_page=1")
    assert body["links"]["prev"] is None
    second = client.get(body["links"]["next"]).json
    assert [item["ref"] for item in second["items"]] == ["jrc-1"]
    assert second["links"]["next"] is None
    assert second["links"]["last"] == body["links"]["next"]


def test_organisations_accept_the_browse_page_filters(client, catalogue):
    def refs(query: str) -> list[str]:
        response = client.get(f"/api/v1/organisations?{query}")
        assert response.status_code == 200, response.json
        return [item["ref"] for item in response.json["items"]]

    assert refs("kind=living_lab") == ["ll-2"]
    assert refs("country=BE") == ["jrc-1"]
    assert refs("family=skills_training") == ["ll-2"]
    assert refs("technology=Internet+of+Things") == ["jrc-1"]
    assert refs("sector=Smart+City") == ["jrc-1"]
    assert refs("q=aveiro") == ["ll-2"]
    assert refs("country=BE&country=PT&sort=country") == ["jrc-1", "ll-2"]


def test_organisations_list_carries_facets(client, catalogue):
    facets = client.get("/api/v1/organisations").json["facets"]
    living_lab = {"value": "living_lab", "label": "Living Lab", "count": 1, "detected": 0}
    assert living_lab in facets["kind"]
    assert set(facets) == {"kind", "country", "family", "technology", "sector"}


def test_facets_count_detected_values_apart(client, catalogue):
    facets = client.get("/api/v1/organisations").json["facets"]
    # The hub offers a test before invest service; the lab's name says "living lab".
    family = {"value": "test_before_invest", "label": "Test before invest", "count": 2}
    assert family | {"detected": 1} in facets["family"]
    assert {"value": "Smart City", "label": "Smart City", "count": 1, "detected": 0} in (
        facets["sector"]
    )


def test_organisations_carry_what_their_description_reveals(client, catalogue):
    body = client.get("/api/v1/organisations/jrc-1").json
    assert body["detected"] == {
        "technologies": [],
        "sectors": ["Public administration", "Smart City"],
        "families": [],
    }
    assert body["sectors"] == ["Smart City"]  # declared
    listed = client.get("/api/v1/organisations?family=test_before_invest").json["items"]
    assert [(item["ref"], item["detected"]["families"]) for item in listed] == [
        ("ll-2", ["test_before_invest"]),
        ("jrc-1", []),
    ]


def test_organisation_by_ref_has_its_published_services_and_page(client, catalogue):
    body = client.get("/api/v1/organisations/jrc-1").json
    assert body["name"] == "Brussels Smart City Hub"
    assert body["url"] == "http://catalogue.test/hubs/" + catalogue.hub.slug
    assert body["location"] == {"lat": 50.85, "lon": 4.35}
    assert [s["ref"] for s in body["services"]] == ["svc-iot"]
    assert body["families"] == ["test_before_invest"]
    assert body["source"]["licence"] == "CC BY 4.0"


def test_services_filter_by_family_country_and_technology(client, catalogue):
    def refs(query: str) -> list[str]:
        return [s["ref"] for s in client.get(f"/api/v1/services?{query}").json["items"]]

    assert refs("") == ["svc-skills", "svc-iot"]
    assert refs("family=skills_training") == ["svc-skills"]
    assert refs("country=BE") == ["svc-iot"]
    assert refs("technology=Internet+of+Things") == ["svc-iot"]


def test_service_by_ref_names_its_organisation(client, catalogue):
    body = client.get("/api/v1/services/svc-iot").json
    assert body["organisation"]["ref"] == "jrc-1"
    assert body["website"] == "https://hub.example.eu/iot"
    assert body["url"].endswith("/services/" + catalogue.service.slug)


def test_practices_list_and_one(client, catalogue):
    assert [p["ref"] for p in client.get("/api/v1/practices").json["items"]] == ["prac-1"]
    body = client.get("/api/v1/practices/prac-1").json
    assert [o["ref"] for o in body["organisations"]] == ["jrc-1"]


def test_event_has_sessions_and_talks(client, catalogue):
    assert [e["ref"] for e in client.get("/api/v1/events").json["items"]] == ["ws-2020"]
    body = client.get("/api/v1/events/ws-2020").json
    talk = body["sessions"][0]["talks"][0]
    assert body["sessions"][0]["start"] == "11:00"
    assert talk["speaker"] == "A. Speaker"
    assert talk["organisation"]["ref"] == "jrc-1"
    assert [p["ref"] for p in talk["practices"]] == ["prac-1"]
