"""Hubs see the open public needs that fit them, answer or decline them; the weekly mail."""

import html

from sqlalchemy import select

from catalogue.extensions import db
from catalogue.models import ContactRequest, HubNeedMark, Need
from tests.accounts.conftest import mails_to
from tests.needs.conftest import save_need

AIR = "Our town wants to measure air quality with sensors"
ROBOTS = "We need welding robots for the municipal workshop"


def _page(client, url) -> str:
    return html.unescape(client.get(url).get_data(as_text=True))


def _ref(text: str) -> str:
    return db.session.scalar(select(Need.public_ref).where(Need.text == text))


def test_a_hub_sees_the_public_needs_that_fit_it_with_the_reason(client, accounts, sensor_hubs):
    flanders, _ = sensor_hubs
    save_need(client, text=AIR, visibility="public", municipality="Gent")
    save_need(client, text=ROBOTS, visibility="public")
    accounts.manager(flanders, "manager@flanders-air.example.eu")
    page = _page(client, f"/manage/{flanders.slug}/needs")
    assert AIR in page and ">Gent</a>" in page and "Your rank for it: " in page
    assert ROBOTS not in page
    assert "Offers “Air quality sensor testbed”" in page  # the engine's explanation


def test_a_need_filtered_to_another_country_does_not_reach_the_hub(client, accounts, sensor_hubs):
    _, berlin = sensor_hubs
    save_need(client, text=AIR, visibility="public", country="BE", scope="country")
    accounts.manager(berlin, "manager@berlin.example.de")
    assert AIR not in _page(client, f"/manage/{berlin.slug}/needs")


def test_not_for_us_takes_the_need_off_the_list(client, accounts, sensor_hubs):
    flanders, _ = sensor_hubs
    save_need(client, text=AIR, visibility="public")
    accounts.manager(flanders, "manager@flanders-air.example.eu")
    response = client.post(f"/manage/{flanders.slug}/needs/{_ref(AIR)}/decline")
    assert response.status_code == 303
    assert AIR not in _page(client, f"/manage/{flanders.slug}/needs")
    assert db.session.scalar(select(HubNeedMark)).not_for_us


def test_the_hub_answers_a_need_and_the_official_is_mailed(client, accounts, sensor_hubs):
    flanders, _ = sensor_hubs
    path = save_need(client, text=AIR, visibility="anonymous", municipality="Gent")
    accounts.manager(flanders, "manager@flanders-air.example.eu")
    answer = f"/manage/{flanders.slug}/needs/{_ref(AIR)}/answer"
    form = _page(client, answer)
    main = form[form.index("<main") : form.index("<form")]
    assert "official@gent.example.be" not in form and "Gent" not in main
    assert client.post(answer, data={"name": "Flanders Air Lab", "email": "x"}).status_code == 400
    data = {"name": "Flanders Air Lab", "email": "lab@flanders.example.eu", "message": "We can!"}
    assert client.post(answer, data=data).status_code == 303
    [mail] = mails_to("official@gent.example.be")[1:]
    assert "We can!" in mail.body and "lab@flanders.example.eu" in mail.body
    assert db.session.scalar(select(ContactRequest)).from_hub
    assert "You wrote to this city" in _page(client, f"/manage/{flanders.slug}/needs")
    saved = _page(client, path)
    assert "We can!" in saved and "The hub saw your public need and wrote to you" in saved
    assert "We can!" not in _page(client, f"/manage/{flanders.slug}/inbox")


def test_the_needs_pages_are_for_the_hubs_managers(client, accounts, sensor_hubs):
    flanders, berlin = sensor_hubs
    save_need(client, text=AIR, visibility="public")
    assert client.get(f"/manage/{flanders.slug}/needs").status_code == 302
    accounts.manager(berlin, "manager@berlin.example.de")
    assert client.get(f"/manage/{flanders.slug}/needs").status_code == 403
    assert client.post(f"/manage/{flanders.slug}/needs/{_ref(AIR)}/decline").status_code == 403
    assert client.post(f"/manage/{berlin.slug}/needs/no-such-need/decline").status_code == 404


def test_private_needs_cannot_be_answered_or_declined(client, accounts, sensor_hubs):
    flanders, _ = sensor_hubs
    save_need(client, text=AIR)
    accounts.manager(flanders, "manager@flanders-air.example.eu")
    ref = _ref(AIR)
    assert client.get(f"/manage/{flanders.slug}/needs/{ref}/answer").status_code == 404
    assert client.post(f"/manage/{flanders.slug}/needs/{ref}/decline").status_code == 404


def test_the_weekly_mail_sends_each_fitting_need_once(client, runner, accounts, sensor_hubs):
    flanders, berlin = sensor_hubs
    save_need(client, text=AIR, visibility="public")
    save_need(client, text=AIR + " (private)")
    accounts.manager(flanders, "manager@flanders-air.example.eu")
    result = runner.invoke(args=["mail-fitting-needs"])
    assert result.exit_code == 0 and "Mailed 1 managers" in result.output
    [mail] = mails_to("manager@flanders-air.example.eu")
    assert AIR in mail.body and "(private)" not in mail.body
    assert f"/needs/board/{_ref(AIR)}" in mail.body
    assert "Mailed 0 managers" in runner.invoke(args=["mail-fitting-needs"]).output
    assert runner.invoke(args=["mail-fitting-needs", "--days", "0"]).exit_code == 2


def test_the_weekly_mail_is_in_the_hubs_language(client, runner, accounts, build):
    munich = build.organisation(
        name="Munich Air Lab", country="DE", languages=["de", "en"],
        description="Helps municipalities measure air quality with sensor networks.",
    )  # fmt: skip
    accounts.manager(munich, "manager@munich-air.example.eu")
    save_need(client, text=AIR, visibility="public")
    assert runner.invoke(args=["mail-fitting-needs"]).exit_code == 0
    [mail] = mails_to("manager@munich-air.example.eu")
    assert mail.subject == "Bedarfe von Städten, die zu Ihnen passen"
    assert AIR in mail.body  # the city's words as written


def test_moderators_hide_and_restore_a_reported_need(client, accounts, sensor_hubs):
    save_need(client, text=AIR, visibility="public")
    ref = _ref(AIR)
    client.post(f"/needs/board/{ref}/report")
    accounts.make("admin@platform.example.eu", admin=True)
    accounts.login("admin@platform.example.eu")
    assert "reported needs</a> (1 on the board)" in _page(client, "/moderation/")
    page = _page(client, "/moderation/needs")
    assert AIR in page and "1 report" in page
    need = db.session.scalar(select(Need))
    assert client.post(f"/moderation/needs/{need.id}", data={"decision": "x"}).status_code == 400
    client.post(f"/moderation/needs/{need.id}", data={"decision": "hide"})
    assert AIR not in _page(client, "/needs/board")
    client.post(f"/moderation/needs/{need.id}", data={"decision": "restore"})
    assert AIR in _page(client, "/needs/board")


def test_only_moderators_decide_on_needs(client, accounts, sensor_hubs):
    save_need(client, text=AIR, visibility="public")
    need = db.session.scalar(select(Need))
    assert client.post(f"/moderation/needs/{need.id}", data={"decision": "hide"}).status_code == 302
    accounts.make("someone@hub.example.eu")
    accounts.login("someone@hub.example.eu")
    assert client.post(f"/moderation/needs/{need.id}", data={"decision": "hide"}).status_code == 403
    assert client.get("/moderation/needs").status_code == 403


def test_the_hub_writes_to_the_city_in_the_language_of_its_need(client, accounts, sensor_hubs):
    flanders, _ = sensor_hubs
    french = "Notre ville veut mesurer la qualité de l'air avec des capteurs dans les rues"
    save_need(client, text=french, visibility="public")
    accounts.manager(flanders, "manager@flanders-air.example.eu")
    data = {"name": "Flanders Air Lab", "email": "lab@flanders.example.eu", "message": "We can!"}
    answer = f"/manage/{flanders.slug}/needs/{_ref(french)}/answer"
    assert client.post(answer, data=data).status_code == 303  # the manager reads English
    [mail] = mails_to("official@gent.example.be")[1:]
    assert mail.subject == "Flanders Air Lab peut vous aider"
