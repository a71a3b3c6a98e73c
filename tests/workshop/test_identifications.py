"""A talk's organisation that only the editors identified is linked, and said to be unverified."""

from __future__ import annotations

import pytest

from catalogue.extensions import db
from catalogue.services.interchange import export_catalogue, import_catalogue, validate_document
from tests.public.conftest import visible_text

UNVERIFIED = "not verified: the agenda does not name the organisation exactly"
DOCUMENT = {
    "format": "dih-catalogue",
    "version": 1,
    "organisations": [
        {"ref": "jrc-19506", "name": "Smart Energy Digital Innovation Hub", "kind": "dih"},
        {"ref": "ws-air4s", "name": "AIR4S", "kind": "dih"},
    ],
    "events": [
        {
            "ref": "ws",
            "title": "Workshop",
            "date": "2020-04-30",
            "sessions": [
                {
                    "title": "Smart city services",
                    "talks": [
                        {
                            "title": "Smart Energy DIH",
                            "speaker": "V. J.",
                            "affiliation": "Smart Energy DIH presenter, Lithuania",
                            "organisation": "jrc-19506",
                            "organisation_verified": False,
                        },
                        {"title": "AI for SDGs", "organisation": "ws-air4s"},
                        {"title": "Urban digital public services"},
                    ],
                }
            ],
        }
    ],
}


@pytest.fixture
def imported(app):
    import_catalogue(db.session, DOCUMENT)
    db.session.commit()


def test_the_agenda_links_an_identified_organisation_and_says_it_is_unverified(client, imported):
    response = client.get("/workshop/")
    page = visible_text(response)
    assert 'href="/hubs/smart-energy-digital-innovation-hub"' in response.get_data(as_text=True)
    assert f"Organisation: Smart Energy Digital Innovation Hub ({UNVERIFIED}" in page
    assert page.count("not verified: the agenda") == 1


def test_the_hub_page_names_its_talk_and_whether_the_link_is_verified(client, imported):
    page = visible_text(client.get("/hubs/smart-energy-digital-innovation-hub"))
    assert "Talks at the workshop “Smart Energy DIH” by V. J." in page
    assert UNVERIFIED in page
    assert UNVERIFIED not in visible_text(client.get("/hubs/air4s"))


def test_the_api_says_whether_a_talks_organisation_is_verified(client, imported):
    talks = client.get("/api/v1/events/ws").json["sessions"][0]["talks"]
    assert [t["organisation_verified"] for t in talks] == [False, True, None]


def test_the_flag_round_trips_and_is_checked(app, imported):
    exported = export_catalogue(db.session)
    talks = exported["events"][0]["sessions"][0]["talks"]
    assert talks[0]["organisation_verified"] is False
    assert "organisation_verified" not in talks[1]
    assert exported["events"] == DOCUMENT["events"]
    bad = {
        "format": "dih-catalogue",
        "version": 1,
        "events": [
            {
                "ref": "e",
                "title": "E",
                "date": "2020-04-30",
                "sessions": [
                    {
                        "title": "S",
                        "talks": [
                            {"title": "T", "organisation_verified": False},
                            {"title": "U", "organisation": "x", "organisation_verified": "no"},
                        ],
                    }
                ],
            }
        ],
        "organisations": [{"ref": "x", "name": "X", "kind": "dih"}],
    }
    assert [str(issue) for issue in validate_document(bad)] == [
        "events[0].sessions[0].talks[0].organisation_verified: only allowed with an organisation",
        "events[0].sessions[0].talks[1].organisation_verified: expected a boolean, got string",
    ]
