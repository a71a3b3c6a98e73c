"""The workshop's agenda and practice pages."""

from __future__ import annotations

from datetime import date

import pytest

from tests.public.conftest import visible_text as text


@pytest.fixture
def workshop(build):
    """A workshop with two blocks; one talk with an organisation and examples, one without."""
    org = build.organisation(name="Cities Network", slug="cities-network", kind="network")
    hidden_org = build.organisation(name="Unverified Org", status="draft")
    shown = build.practice(
        [org],
        title="Open data portal",
        slug="open-data-portal",
        summary="A city opened its data.",
        url="https://example.org/portal",
    )
    draft = build.practice([org], title="Draft example", status="draft")
    event = build.event(
        title="How can Digital Innovation Hubs help the transition towards smart cities?",
        slug="ws2020-dih-smart-cities",
        date=date(2020, 4, 30),
        sessions=[
            {
                "title": "Intro",
                "start": "11:00",
                "end": "11:15",
                "talks": [
                    {
                        "title": "Hubs under DEP",
                        "speaker": "Anne Speaker",
                        "affiliation": "DG CONNECT",
                        "organisation_id": org.id,
                    },
                    {
                        "title": "A hidden org talk",
                        "speaker": "Bea Speaker",
                        "affiliation": "Hungary",
                        "organisation_id": hidden_org.id,
                    },
                ],
            },
            {"title": "Conclusions", "start": "12:55", "end": "13:00"},
        ],
    )
    event.sessions[0].talks[0].practices = [shown, draft]
    build.session.commit()
    return event


def test_agenda_shows_blocks_with_times_and_talks_with_speakers(client, workshop):
    response = client.get("/workshop/")
    page = text(response)
    assert response.status_code == 200
    assert "How can Digital Innovation Hubs help the transition towards smart cities?" in page
    assert "11:00 – 11:15 Intro" in page
    assert "12:55 – 13:00 Conclusions" in page
    assert "Hubs under DEP Anne Speaker, DG CONNECT" in page
    assert "A hidden org talk Bea Speaker, Hungary" in page
    assert "per-talk times were not published" in page


def test_agenda_links_talks_to_published_organisations_and_practices(client, workshop):
    response = client.get("/workshop/ws2020-dih-smart-cities")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'href="/hubs/cities-network">Cities Network</a>' in html
    assert 'href="/practices/open-data-portal">Open data portal</a>' in html
    assert "Draft example" not in html
    assert "Unverified Org" not in html
    assert "No organisation profile" in text(response)


def test_practice_page_shows_summary_source_and_organisations(client, workshop):
    response = client.get("/practices/open-data-portal")
    page = text(response)
    assert response.status_code == 200
    assert "Open data portal" in page and "A city opened its data." in page
    assert "Hubs under DEP" in page
    html = response.get_data(as_text=True)
    assert 'href="https://example.org/portal"' in html
    assert 'href="/hubs/cities-network">Cities Network</a>' in html


def test_unpublished_event_and_practice_are_404(client, build):
    build.event(slug="old", status="archived")
    build.practice(slug="hidden-practice", status="pending")
    assert client.get("/workshop/old").status_code == 404
    assert client.get("/workshop/").status_code == 404
    assert client.get("/practices/hidden-practice").status_code == 404


def test_practice_page_says_what_is_not_verified_but_shows_no_research_notes(client, build):
    build.practice(
        slug="maybe",
        extra={
            "confidence": "medium",
            "confidence_notes": "A probable match, likely but unverified.",
            "not_verified": ["where it took place"],
        },
    )
    page = text(client.get("/practices/maybe"))
    assert "Not verified: where it took place." in page
    assert "probable" not in page.lower() and "likely" not in page.lower()
    assert "confidence" not in page.lower()
