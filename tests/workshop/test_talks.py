"""A page per talk of the agenda: block, speaker, organisation, examples, previous and next."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from catalogue.config import SEED_DIR
from catalogue.extensions import db
from catalogue.models import Event, Talk
from catalogue.services.seeding import seed_catalogue
from tests.public.conftest import visible_text as text
from tests.workshop.test_event import workshop  # noqa: F401 - the fixture


def test_talk_page_shows_block_speaker_organisation_and_examples(client, workshop):  # noqa: F811
    response = client.get("/workshop/ws2020-dih-smart-cities/talks/1")
    page = text(response)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Talk 1 of 2" in page
    assert "Intro, 11:00 – 11:15 (the block's time; per-talk times were not published)" in page
    assert "Speaker Anne Speaker" in page
    assert "DG CONNECT" in page
    assert 'href="/hubs/cities-network">Cities Network</a>' in html
    assert "Helps public administrations adopt digital technologies." in page
    assert 'href="/practices/open-data-portal">Open data portal</a>' in html
    assert 'href="https://example.org/portal"' in html
    assert "Draft example" not in page
    assert 'rel="next" href="/workshop/ws2020-dih-smart-cities/talks/2"' in html
    assert 'rel="prev"' not in html


def test_talk_without_a_published_organisation_says_so(client, workshop):  # noqa: F811
    response = client.get("/workshop/ws2020-dih-smart-cities/talks/2")
    page = text(response)
    assert response.status_code == 200
    assert "Unverified Org" not in page
    assert "Not verified, so no organisation profile is shown for this talk." in page
    assert "Previous talk: Hubs under DEP" in page
    assert "Next talk" not in page


def test_talk_numbers_outside_the_agenda_are_not_found(client, workshop):  # noqa: F811
    for number in ("0", "3", "99999999999999999999"):
        response = client.get(f"/workshop/ws2020-dih-smart-cities/talks/{number}")
        assert response.status_code == 404
        assert "has talks 1 to 2" in text(response)
    assert client.get("/workshop/ws2020-dih-smart-cities/talks/-1").status_code == 404
    assert client.get("/workshop/no-such-event/talks/1").status_code == 404


def test_every_seeded_talk_has_its_page_linked_from_the_agenda(app, client):
    seed_catalogue(db.session, SEED_DIR)
    db.session.commit()
    talks = db.session.scalar(select(func.count()).select_from(Talk))
    slug = db.session.scalar(select(Event.slug))
    agenda = client.get("/workshop/").get_data(as_text=True)
    linked = re.findall(rf'href="(/workshop/{slug}/talks/\d+)"', agenda)
    assert talks == 15
    assert linked == [f"/workshop/{slug}/talks/{n}" for n in range(1, 16)]
    titles = db.session.scalars(select(Talk.title)).all()
    for number, path in enumerate(linked, start=1):
        page = client.get(path)
        assert page.status_code == 200, path
        body = text(page)
        assert f"Talk {number} of 15" in body
        assert any(f"{title}" in body for title in titles)
        if number < 15:
            assert f'href="/workshop/{slug}/talks/{number + 1}"' in page.get_data(as_text=True)


def test_a_participant_requests_a_meeting_with_a_presenters_organisation(
    client,
    workshop,  # noqa: F811
):
    """From a talk, through the needs journey's contact mechanism: saved need, then message."""
    from urllib.parse import parse_qs, urlsplit

    from catalogue.models import ContactRequest

    talk = client.get("/workshop/ws2020-dih-smart-cities/talks/1").get_data(as_text=True)
    link = re.search(r'href="(/needs/\?[^"]*meet=cities-network[^"]*)"', talk).group(1)
    assert "Request a meeting with Cities Network" in talk
    start = client.get(link.replace("&amp;", "&"))
    page = text(start)
    assert start.status_code == 200
    assert "A meeting request to Cities Network" in page
    prefilled = parse_qs(urlsplit(link.replace("&amp;", "&")).query)["text"][0]
    assert prefilled.startswith("After the talk “Hubs under DEP” at the workshop")
    assert "Save and write to Cities Network" in page
    # No talk page links an unpublished organisation; an unknown one is not found.
    assert "Request a meeting with Unverified Org" not in text(
        client.get("/workshop/ws2020-dih-smart-cities/talks/2")
    )
    assert client.get("/needs/?meet=no-such-hub").status_code == 404

    data = {"text": prefilled + "open data for our port", "email": "ana@porto.example.pt"}
    refused = client.post("/needs/?meet=cities-network", data=data | {"email": "not-an-address"})
    assert refused.status_code == 400 and "Save and write to Cities Network" in text(refused)
    saved = client.post("/needs/?meet=cities-network", data=data | {"contact": "cities-network"})
    assert saved.status_code == 303
    contact_page = saved.headers["Location"]
    assert re.search(r"/needs/saved/[^/]+/contact/cities-network$", contact_page)
    form = client.get(contact_page).get_data(as_text=True)
    assert "open data for our port" in form  # the message starts from the need
    message = {
        "name": "Ana Costa",
        "role": "Digital officer",
        "email": "ana@porto.example.pt",
        "message": "Could we meet online in May?",
    }
    assert client.post(contact_page, data=message).status_code == 303
    [sent] = db.session.scalars(select(ContactRequest)).all()
    assert sent.organisation.slug == "cities-network" and sent.message.startswith("Could we")
