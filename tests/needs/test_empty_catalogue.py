"""Before anything is published there is nothing to match, and every page still works."""


def test_the_needs_page_works_on_an_empty_catalogue(client):
    response = client.post("/needs/", data={"text": "air quality sensors"})
    assert response.status_code == 200
    assert "No hub fits your need yet" in response.get_data(as_text=True)


def test_the_match_api_answers_an_empty_list_on_an_empty_catalogue(client):
    response = client.post("/api/v1/match", json={"text": "Verkehrsdaten und Sensoren"})
    assert response.status_code == 200
    assert response.json == {
        "query": {"text": "Verkehrsdaten und Sensoren", "language": "de", "country": None},
        "results": [],
    }


def test_a_hub_page_works_while_its_hub_is_the_only_one(client, build):
    hub = build.organisation(name="Lonely Hub", description="The only hub in the catalogue.")
    response = client.get(f"/hubs/{hub.slug}")
    assert response.status_code == 200
    assert "Similar hubs" not in response.get_data(as_text=True)
