"""The organisations list's full-text search: ``q``, ``sort=relevance`` and their links."""

from __future__ import annotations

import pytest


@pytest.fixture
def hubs(build):
    """Three hubs that a search for "air quality" ranks differently."""
    build.organisation(ref="mention", name="Mobility Hub", description="Roads and air quality.")
    build.organisation(
        ref="about", name="Air Quality Lab", description="Air quality maps from street sensors."
    )
    build.organisation(ref="games", name="Arcade Games", description="High quality repairs.")


def refs(client, query: str) -> list[str]:
    response = client.get(f"/api/v1/organisations?{query}")
    assert response.status_code == 200, response.json
    return [item["ref"] for item in response.json["items"]]


def test_q_finds_every_word_by_relevance_unless_another_order_is_asked(client, hubs):
    assert refs(client, "q=air+quality") == ["about", "mention"]
    assert refs(client, "q=air+quality&sort=relevance") == ["about", "mention"]
    assert refs(client, "q=quality&sort=name") == ["about", "games", "mention"]
    assert refs(client, "q=AIR+QUALITIES") == ["about", "mention"]


def test_relevance_without_q_is_name_order(client, hubs):
    assert (
        refs(client, "sort=relevance")
        == refs(client, "sort=name")
        == [
            "about",
            "games",
            "mention",
        ]
    )


def test_page_links_keep_q_and_a_chosen_order(client, hubs):
    body = client.get("/api/v1/organisations?q=quality&sort=name&per_page=1").json
    assert body["links"]["next"].endswith("?q=quality&sort=name&page=2&per_page=1")
    body = client.get("/api/v1/organisations?q=quality&per_page=1").json
    assert body["links"]["next"].endswith("?q=quality&page=2&per_page=1")
    assert body["total"] == 3 and sum(o["count"] for o in body["facets"]["kind"]) == 3


def test_the_openapi_document_lists_relevance(client):
    document = client.get("/api/v1/openapi.json").json
    [sort] = [
        p for p in document["paths"]["/organisations"]["get"]["parameters"] if "sort" in str(p)
    ]
    sort = document["components"]["parameters"]["sort"] if "$ref" in sort else sort
    assert sort["schema"]["enum"] == ["relevance", "name", "country", "updated"]
    assert sort["schema"]["default"] == "relevance"
    assert "without q" in sort["description"]
