"""One organisation that two sources describe is one entry everywhere, with both sources shown."""

from __future__ import annotations

import copy
import csv
import io

import pytest
from sqlalchemy import select

from catalogue.extensions import db
from catalogue.models import Organisation
from catalogue.services.interchange import export_catalogue, import_catalogue, validate_document
from tests.public.conftest import visible_text

DOCUMENT = {
    "format": "dih-catalogue",
    "version": 1,
    "organisations": [
        {
            "ref": "jrc-4938",
            "name": "Cap Digital",
            "kind": "dih",
            "description": "Business cluster for digital transformation in the Paris Region.",
            "country": "FR",
            "city": "Paris",
            "sectors": ["Smart City"],
            "source": {"name": "JRC DIH Tool", "retrieved": "2022-02"},
            "extra": {"licence": "CC BY 4.0"},
        },
        {
            "ref": "ws-cap",
            "name": "Cap Digital (cluster)",
            "kind": "network",
            "description": "Competitiveness cluster that runs experiments with local authorities.",
            "country": "FR",
            "technologies": ["Artificial Intelligence & Decision support"],
            "source": {"name": "Workshop research", "retrieved": "2026-11"},
            "duplicate_of": "jrc-4938",
            "services": [
                {
                    "ref": "ws-cap-s1",
                    "title": "Experiments with local authorities",
                    "family": "test_before_invest",
                    "description": "Urban experiments for territories and municipalities.",
                }
            ],
        },
        {"ref": "other", "name": "Other Hub", "kind": "dih", "country": "BE"},
    ],
    "practices": [
        {"ref": "ws-cap-p1", "title": "City of the future pole", "organisations": ["ws-cap"]}
    ],
    "events": [
        {
            "ref": "ws",
            "title": "Workshop",
            "date": "2020-04-30",
            "sessions": [
                {
                    "title": "Strategy",
                    "talks": [
                        {
                            "title": "CAP Digital",
                            "organisation": "ws-cap",
                            "practices": ["ws-cap-p1"],
                        }
                    ],
                }
            ],
        }
    ],
}


@pytest.fixture
def imported(app):
    import_catalogue(db.session, copy.deepcopy(DOCUMENT))
    db.session.commit()


def test_the_hub_list_its_facets_and_the_home_page_count_the_organisation_once(client, imported):
    page = visible_text(client.get("/hubs/"))
    assert "2 published hubs match." in page
    assert page.count("Cap Digital") == 1
    assert "Service family Test before invest (1)" in page
    assert "Kind of organisation Digital Innovation Hub (2)" in page
    assert "Network" not in page
    filtered = visible_text(
        client.get("/hubs/?technology=Artificial+Intelligence+%26+Decision+support")
    )
    assert "1 published hub matches your search." in filtered and "Cap Digital" in filtered
    assert "Hubs and organisations 2" in visible_text(client.get("/"))


def test_the_other_record_redirects_to_the_one_shown(client, imported):
    response = client.get("/hubs/cap-digital-cluster")
    assert response.status_code == 301
    assert response.headers["Location"] == "/hubs/cap-digital"
    api = client.get("/api/v1/organisations/ws-cap")
    assert api.status_code == 301
    assert api.headers["Location"] == "/api/v1/organisations/jrc-4938"


def test_the_page_shows_both_sources_descriptions_services_and_talk(client, imported):
    page = visible_text(client.get("/hubs/cap-digital"))
    for expected in (
        "Business cluster for digital transformation in the Paris Region.",
        "As described by Workshop research Named there: Cap Digital (cluster)",
        "Competitiveness cluster that runs experiments with local authorities.",
        "Test before invest Experiments with local authorities",
        "Artificial Intelligence & Decision support",
        "City of the future pole",
        "Talks at the workshop “CAP Digital”",
        "Sources and dates",
        "Cap Digital, from JRC DIH Tool Source JRC DIH Tool Licence CC BY 4.0",
        "Cap Digital (cluster), from Workshop research Source Workshop research",
    ):
        assert expected in page, expected


def test_links_to_the_other_record_go_to_the_one_shown(client, imported):
    agenda = client.get("/workshop/").get_data(as_text=True)
    assert 'href="/hubs/cap-digital">Cap Digital</a>' in agenda
    service = client.get("/services/experiments-with-local-authorities")
    assert 'Offered by <a href="/hubs/cap-digital">Cap Digital</a>' in service.get_data(
        as_text=True
    )
    assert "Came with the organisation's record from Workshop research" in visible_text(service)
    practice = visible_text(client.get("/practices/city-of-the-future-pole"))
    assert "Organisations Cap Digital (Digital Innovation Hub)" in practice


def test_the_api_lists_the_organisation_once_with_both_records(client, imported):
    listed = client.get("/api/v1/organisations").json
    assert [item["ref"] for item in listed["items"]] == ["jrc-4938", "other"]
    assert listed["items"][0]["families"] == ["test_before_invest"]
    detail = client.get("/api/v1/organisations/jrc-4938").json
    assert [s["ref"] for s in detail["services"]] == ["ws-cap-s1"]
    assert detail["other_records"] == [
        {"ref": "ws-cap", "source": {"name": "Workshop research", "retrieved": "2026-11"}}
    ]
    service = client.get("/api/v1/services/ws-cap-s1").json
    assert service["organisation"]["ref"] == "jrc-4938"
    assert service["source"]["name"] == "Workshop research"
    talk = client.get("/api/v1/events/ws").json["sessions"][0]["talks"][0]
    assert talk["organisation"]["ref"] == "jrc-4938"


def test_a_match_ranks_the_organisation_once(client, imported):
    response = client.post(
        "/api/v1/match", json={"text": "experiments with local authorities in Paris"}
    )
    assert response.status_code == 200
    refs = [result["organisation"]["ref"] for result in response.json["results"]]
    assert refs.count("jrc-4938") == 1 and "ws-cap" not in refs
    first = response.json["results"][0]
    assert first["organisation"]["ref"] == "jrc-4938"
    assert [s["ref"] for s in first["services"]] == ["ws-cap-s1"]


def test_the_downloads_have_one_row_per_organisation(client, imported):
    def rows(name: str) -> list[dict[str, str]]:
        body = client.get(f"/api/v1/downloads/{name}").data.decode("utf-8-sig")  # BOM first
        return list(csv.DictReader(io.StringIO(body)))

    organisations = rows("organisations.csv")
    assert [row["ref"] for row in organisations] == ["jrc-4938", "other"]
    assert (organisations[0]["other_records"], organisations[0]["services"]) == (
        "ws-cap",
        "ws-cap-s1",
    )
    [service] = rows("services.csv")
    assert (service["organisation_ref"], service["source_name"]) == (
        "jrc-4938",
        "Workshop research",
    )
    ngsi = client.get("/api/v1/downloads/ngsi-ld.jsonld").json
    hubs = [entity["id"] for entity in ngsi if entity["type"] == "DigitalInnovationHub"]
    assert hubs == [
        "urn:ngsi-ld:DigitalInnovationHub:jrc-4938",
        "urn:ngsi-ld:DigitalInnovationHub:other",
    ]
    catalogue = client.get("/api/v1/downloads/catalogue.json").json
    records = {o["ref"]: o for o in catalogue["organisations"]}
    assert records["ws-cap"]["duplicate_of"] == "jrc-4938"


def test_an_unpublished_first_record_lists_the_other_again(client, imported):
    shown = db.session.scalar(select(Organisation).where(Organisation.ref == "jrc-4938"))
    shown.status = "archived"
    db.session.commit()
    assert client.get("/hubs/cap-digital-cluster").status_code == 200
    refs = [item["ref"] for item in client.get("/api/v1/organisations").json["items"]]
    assert refs == ["ws-cap", "other"]


def test_duplicate_of_round_trips(app, imported):
    exported = export_catalogue(db.session)
    assert {o["ref"]: o.get("duplicate_of") for o in exported["organisations"]} == {
        "jrc-4938": None,
        "other": None,
        "ws-cap": "jrc-4938",
    }
    assert import_catalogue(db.session, exported).unchanged == 6


def organisations(*records: dict) -> dict:
    return {"format": "dih-catalogue", "version": 1, "organisations": list(records)}


def test_duplicate_of_must_point_to_a_shown_record(app, imported):
    def org(ref: str, **fields) -> dict:
        return {"ref": ref, "name": ref.upper(), "kind": "dih", **fields}

    def problems(document: dict) -> list[str]:
        return [str(issue) for issue in validate_document(document, db.session)]

    assert problems(organisations(org("a", duplicate_of="a"))) == [
        "organisations[0].duplicate_of: a record cannot be a duplicate of itself"
    ]
    assert problems(organisations(org("a", duplicate_of="nowhere"))) == [
        "organisations[0].duplicate_of: unknown organisation 'nowhere' "
        "(not in the file or the catalogue)"
    ]
    assert problems(organisations(org("a", duplicate_of="ws-cap"))) == [
        "organisations[0].duplicate_of: 'ws-cap' is itself a duplicate of 'jrc-4938': "
        "point to that record"
    ]
    assert problems(organisations(org("jrc-4938", duplicate_of="other"))) == [
        "organisations[0].duplicate_of: records ['ws-cap'] are duplicates of this one, "
        "so it cannot be a duplicate"
    ]
    moved = organisations(
        org("ws-cap", duplicate_of="other"), org("jrc-4938", duplicate_of="other")
    )
    assert problems(moved) == []


def test_the_needs_page_ranks_the_organisation_once_with_the_other_records_service(
    client, imported
):
    response = client.post("/needs/", data={"text": "experiments with local authorities"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.count('href="/hubs/cap-digital"') == 1
    assert 'href="/hubs/cap-digital-cluster"' not in html
    assert 'href="/services/experiments-with-local-authorities"' in html


def test_a_word_of_the_other_records_description_finds_the_organisation(client, imported):
    page = visible_text(client.get("/hubs/?q=competitiveness+cluster"))
    assert "1 published hub matches your search." in page
    assert 'href="/hubs/cap-digital"' in client.get("/hubs/?q=competitiveness").get_data(
        as_text=True
    )
