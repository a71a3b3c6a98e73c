"""The needs board (public and anonymous needs) and the rule that a private need stays private."""

import html

import pytest
from sqlalchemy import select

from catalogue.extensions import db
from catalogue.models import Need
from tests.needs.conftest import save_need, token_of

PRIVATE = "Zyxwprivate wants air quality sensors"
PUBLIC = "Qwertpublic wants air quality sensors"
ANONYMOUS = "Asdfganonymous wants air quality sensors"


@pytest.fixture
def three_needs(client, sensor_hubs):
    """A private, a public and an anonymous need, each with its own words and town."""
    paths = {
        "private": save_need(client, text=PRIVATE, municipality="Privatetown", country="BE"),
        "public": save_need(
            client, text=PUBLIC, municipality="Publictown", country="BE", visibility="public"
        ),
        "anonymous": save_need(
            client, text=ANONYMOUS, municipality="Hiddentown", country="NL", visibility="anonymous"
        ),
    }
    return paths


def _page(client, url) -> str:
    return html.unescape(client.get(url).get_data(as_text=True))


def test_the_board_lists_public_and_anonymous_needs_without_the_anonymous_town(client, three_needs):
    page = _page(client, "/needs/board")
    assert "Qwertpublic" in page and "Publictown" in page
    assert "Asdfganonymous" in page and "Hiddentown" not in page
    assert "Zyxwprivate" not in page and "Privatetown" not in page
    assert "2 public needs" in page


def test_the_board_searches_and_filters(client, three_needs):
    assert "Qwertpublic" in _page(client, "/needs/board?q=qwertpublic")
    assert "Asdfganonymous" not in _page(client, "/needs/board?q=qwertpublic")
    by_country = _page(client, "/needs/board?country=NL")
    assert "Asdfganonymous" in by_country and "Qwertpublic" not in by_country
    assert "Zyxwprivate" not in _page(client, "/needs/board?q=zyxwprivate")
    sensing = _page(client, "/needs/board?technology=Sensors+%26+Vision+Processing+Systems")
    assert "Qwertpublic" in sensing and "Asdfganonymous" in sensing
    assert "No public needs found" in _page(
        client, "/needs/board?technology=Blockchain+and+Distributed+Ledger+Technology"
    )
    assert "Qwertpublic" not in _page(client, "/needs/board?family=skills_training")


@pytest.mark.parametrize(
    "query",
    ["country=ZZ", "family=castles", "technology=Magic", "page=0", "page=x", "q=" + "x" * 201],
)
def test_bad_board_parameters_are_refused(client, query):
    response = client.get(f"/needs/board?{query}")
    assert response.status_code == 400
    said = response.get_data(as_text=True)
    assert "The needs board could not be shown: check the parameter" in said


def test_a_public_need_page_and_an_anonymous_one(client, three_needs):
    public, anonymous = (
        db.session.scalar(select(Need).where(Need.text == t)) for t in (PUBLIC, ANONYMOUS)
    )
    page = _page(client, f"/needs/board/{public.public_ref}")
    assert "A need from Publictown" in page
    page = _page(client, f"/needs/board/{anonymous.public_ref}")
    assert "A need from a city in Netherlands" in page and "Hiddentown" not in page
    assert "official@gent.example.be" not in page


def test_no_list_search_api_download_or_sitemap_shows_a_private_need(app, client, three_needs):
    private = db.session.scalar(select(Need).where(Need.text == PRIVATE))
    assert client.get(f"/needs/board/{private.public_ref}").status_code == 404
    secrets = ("Zyxwprivate", "Privatetown")
    checked = 0
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.arguments or rule.endpoint == "static":
            continue
        response = client.get(app.url_for(rule.endpoint), query_string={"q": "zyxwprivate"})
        body = html.unescape(response.get_data(as_text=True))
        assert not any(secret in body for secret in secrets), rule.rule
        checked += 1
    assert checked > 20
    for path in ("/api/v1/organisations", "/api/v1/services", "/needs/board?q=Privatetown"):
        assert "Zyxwprivate" not in client.get(path).get_data(as_text=True)


def test_a_private_need_is_not_among_the_needs_a_hub_sees(
    client, accounts, three_needs, sensor_hubs
):
    flanders, _ = sensor_hubs
    accounts.manager(flanders, "manager@flanders-air.example.eu")
    page = _page(client, f"/manage/{flanders.slug}/needs")
    assert "Qwertpublic" in page and "Asdfganonymous" in page
    assert "Zyxwprivate" not in page and "Privatetown" not in page and "Hiddentown" not in page


def test_a_reported_need_is_flagged_and_a_hidden_one_leaves_the_board(client, three_needs):
    public = db.session.scalar(select(Need).where(Need.text == PUBLIC))
    response = client.post(f"/needs/board/{public.public_ref}/report")
    assert response.status_code == 303
    db.session.refresh(public)
    assert public.reports == 1 and not public.hidden
    public.hidden = True
    db.session.commit()
    assert "Qwertpublic" not in _page(client, "/needs/board")
    assert client.get(f"/needs/board/{public.public_ref}").status_code == 404
    assert "A moderator has taken it off the board" in _page(client, three_needs["public"])


def test_a_private_need_cannot_be_reported(client, three_needs):
    private = db.session.scalar(select(Need).where(Need.text == PRIVATE))
    assert client.post(f"/needs/board/{private.public_ref}/report").status_code == 404
    assert token_of(three_needs["private"])


def test_a_closed_need_leaves_the_board_and_can_be_opened_again(client, three_needs):
    path = three_needs["public"]
    assert client.post(f"{path}/status", data={"status": "ajar"}).status_code == 400
    assert client.post(f"{path}/status", data={"status": "closed"}).status_code == 303
    assert "Qwertpublic" not in _page(client, "/needs/board")
    assert "This need is closed" in _page(client, path)
    client.post(f"{path}/status", data={"status": "open"})
    assert "Qwertpublic" in _page(client, "/needs/board")


def test_html_in_a_public_need_is_shown_escaped_on_the_board(client, sensor_hubs):
    save_need(client, text="<script>alert(1)</script> sensors", visibility="public")
    ref = db.session.scalar(select(Need.public_ref))
    for url in ("/needs/board", f"/needs/board/{ref}"):
        body = client.get(url).get_data(as_text=True)
        assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body


def test_the_api_lists_public_needs_the_way_the_board_does(client, three_needs):
    body = client.get("/api/v1/needs").get_json()
    by_text = {item["text"]: item for item in body["items"]}
    assert set(by_text) == {PUBLIC, ANONYMOUS} and body["total"] == 2
    assert by_text[PUBLIC]["municipality"] == "Publictown"
    assert by_text[ANONYMOUS]["municipality"] is None
    assert by_text[PUBLIC]["technologies"] == ["Sensors & Vision Processing Systems"]
    assert "official@gent.example.be" not in client.get("/api/v1/needs").get_data(as_text=True)
    assert client.get("/api/v1/needs?page=0").status_code == 400
