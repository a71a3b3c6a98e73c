"""The seeded site tells the truth: dates, workshop labels, no research prose, one entry per hub."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from flask import Flask
from sqlalchemy import or_, select

from catalogue.extensions import db
from catalogue.models import Organisation, Practice, Talk
from tests.databases import seeded_app
from tests.public.conftest import visible_text

WORKSHOP_SOURCE = "Workshop 2020-04-30 presenter profiles (platform editorial research)"
# Words of the research notes ("probable identification", "likely but unverified", confidence
# levels, assumptions) that must not reach a visitor as prose.
RESEARCH_PROSE = re.compile(
    r"\b(likely|probabl[ey]|unverified|presumabl[ey]|assum(ed|es|ption)|confidence)\b", re.I
)
# Presenters whose organisation is in no record of the catalogue: talk title -> its name. (IQ
# Kecskemét hosts the JRC hub Dig-I-Hub Kecskemét, as a partner of it: not the same organisation.)
UNCATALOGUED = {
    "IQ Kecskemet": r"IQ Kecskem",
    "Digital Partners": r"Digital Partners\b",
    "Urban digital public services": r"\bRINIS\b",
}


@pytest.fixture(scope="module")
def site(database_url: str) -> Iterator[Flask]:
    """The app on the seeded catalogue, seeded once for this module's tests."""
    with seeded_app(database_url) as app:
        yield app


@pytest.fixture
def client(site: Flask):
    return site.test_client()


def text(response) -> str:
    """The visible text, without the space that a closing tag leaves before punctuation."""
    return re.sub(r" ([,.;:)])", r"\1", visible_text(response))


def hub_slug(ref: str) -> str:
    return db.session.scalar(select(Organisation.slug).where(Organisation.ref == ref))


def workshop_pages(client) -> Iterator[str]:
    """Every page that shows the workshop research, or links to it, after redirects.

    The other hub pages show only the JRC catalogue's text, the hubs' own words (one says
    "probably"), and the template text these pages share.
    """
    yield from ("/", "/hubs/", "/about/", "/workshop/", "/needs/")
    practices = db.session.scalars(select(Practice.slug)).all()
    yield from (f"/practices/{slug}" for slug in practices)
    linked = select(Talk.organisation_id).where(Talk.organisation_id.is_not(None))
    hubs = db.session.scalars(
        select(Organisation).where(
            or_(Organisation.source_name == WORKSHOP_SOURCE, Organisation.id.in_(linked))
        )
    ).all()
    for hub in hubs:
        yield f"/hubs/{hub.slug}"
        yield from (f"/services/{service.slug}" for service in hub.services)


def test_no_research_note_prose_on_any_page_of_the_workshop(client):
    pages = list(workshop_pages(client))
    assert len(pages) > 70
    for url in pages:
        response = client.get(url, follow_redirects=True)
        assert response.status_code == 200, url
        found = RESEARCH_PROSE.search(text(response))
        assert found is None, f"{url}: {text(response)[found.start() - 80 : found.end() + 40]!r}"


def test_what_the_editors_could_not_verify_is_said_in_plain_words(client):
    page = text(client.get(f"/hubs/{hub_slug('ws2020-improve')}"))
    assert "IMP³rove - European Innovation Management Academy" in page
    assert "Not verified: that the agenda's “Improve” is IMP³rove" in page


def test_every_talk_links_the_organisation_the_catalogue_holds(client):
    talks = [
        talk
        for block in client.get("/api/v1/events/ws2020-dih-smart-cities").json["sessions"]
        for talk in block["talks"]
    ]
    linked = {talk["title"]: talk["organisation"] for talk in talks if talk["organisation"]}
    assert len(talks) == 15 and len(linked) == 12
    assert {talk["title"] for talk in talks} - set(linked) == set(UNCATALOGUED)
    names = db.session.scalars(select(Organisation.name)).all()
    for name in UNCATALOGUED.values():
        assert not [found for found in names if re.search(name, found, re.I)], name
    assert linked["Smart Energy DIH"]["ref"] == "jrc-19506"
    assert (linked["CAP Digital"]["ref"], linked["AI for SDGs"]["ref"]) == ("jrc-4938", "jrc-23490")
    unverified = {talk["title"] for talk in talks if talk["organisation_verified"] is False}
    assert unverified == {"Smart Energy DIH", "Digital Maturity Assessment, Improve"}
    agenda = client.get("/workshop/").get_data(as_text=True)
    for talk in linked.values():
        assert f'href="/hubs/{talk["url"].rsplit("/", 1)[1]}"' in agenda


@pytest.mark.parametrize(
    ("ref", "talk"),
    [("jrc-4938", "CAP Digital"), ("jrc-23490", "AI for SDGs"), ("jrc-19506", "Smart Energy DIH")],
)
def test_the_jrc_record_of_a_presenter_names_its_talk(client, ref, talk):
    page = text(client.get(f"/hubs/{hub_slug(ref)}"))
    assert f"Talks at the workshop “{talk}”" in page


def test_the_smart_energy_link_is_said_to_be_unverified(client):
    page = text(client.get(f"/hubs/{hub_slug('jrc-19506')}"))
    assert "not verified: the agenda does not name the organisation exactly" in page


def test_examples_dated_after_the_workshop_are_not_labelled_as_shown(client):
    page = text(client.get("/workshop/"))
    assert "Examples shown" not in page
    assert (
        "AIR4S collaboration agreement including Madrid City Council (2022): example of the "
        "presenter's work (source dated 2022, after the workshop)" in page
    )
    assert (
        "Related: Vilnius Intelligent Energy Lab (IEL): context for the talk, not the presenter's "
        "own work (source dated 30 August 2021, after the workshop)" in page
    )
    assert (
        "DIH of the Month (I4MS / DIHNET, 2019): example of the presenter's work (source " in page
    )


def test_a_jrc_hub_says_its_data_is_from_2022_and_was_imported_today(client):
    page = text(client.get(f"/hubs/{hub_slug('jrc-1000')}"))
    today = datetime.now(UTC).strftime("%-d %B %Y")
    assert "Source data as of February 2022 (when it was retrieved" in page
    assert f"Imported into this catalogue {today}" in page


@pytest.mark.parametrize(
    ("jrc", "workshop", "name", "country"),
    [
        ("jrc-4938", "ws2020-cap-digital", "Cap Digital", "FR"),
        ("jrc-23490", "ws2020-air4s", "AIR4S", "ES"),
    ],
)
def test_a_duplicated_organisation_is_one_entry_with_both_sources(
    client, jrc, workshop, name, country
):
    query = {"q": name, "country": country, "per_page": 100}
    found = client.get("/api/v1/organisations", query_string=query).json
    assert found["pages"] == 1
    named = [item for item in found["items"] if item["name"].startswith(name)]
    assert [item["ref"] for item in named] == [jrc]
    assert [other["ref"] for other in named[0]["other_records"]] == [workshop]
    pages = -(-found["total"] // 20)
    listed = "".join(
        client.get("/hubs/", query_string={"q": name, "country": country, "page": n}).get_data(
            as_text=True
        )
        for n in range(1, pages + 1)
    )
    assert len(re.findall(rf'<h3><a href="/hubs/[^"]+">{name}\b', listed)) == 1
    assert f'href="/hubs/{hub_slug(jrc)}"' in listed
    moved = client.get(f"/hubs/{hub_slug(workshop)}")  # the other record's page
    assert (moved.status_code, moved.headers["Location"]) == (301, f"/hubs/{hub_slug(jrc)}")
    page = text(client.get(f"/hubs/{hub_slug(jrc)}"))
    assert "from European Commission, JRC, Digital Innovation Hubs Tool (S3 Platform)" in page
    assert f"from {WORKSHOP_SOURCE}" in page


def test_match_results_rank_a_duplicated_organisation_once(client):
    response = client.post(
        "/api/v1/match",
        json={"text": "artificial intelligence and robotics for the sustainable development goals"},
    )
    refs = [result["organisation"]["ref"] for result in response.json["results"]]
    assert "jrc-23490" in refs and "ws2020-air4s" not in refs
    assert len(refs) == len(set(refs))


def test_the_home_page_counts_each_organisation_once(client):
    assert "Hubs and organisations 710" in text(client.get("/"))
