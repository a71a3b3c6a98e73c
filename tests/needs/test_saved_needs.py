"""Saved needs: the private link, the mail with it, reopening, editing, what is new."""

import html
import re

from sqlalchemy import func, select

from catalogue.extensions import db
from catalogue.models import Need, OutboxMessage
from catalogue.services.needs import token_hash
from tests.accounts.conftest import link_in, mails_to
from tests.needs.conftest import NEED, save_need, token_of


def _count(model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def test_saving_gives_an_unguessable_link_and_mails_it(client, sensor_hubs):
    path = save_need(client, municipality="Gent", country="BE")
    token = token_of(path)
    assert len(token) >= 32
    need = db.session.scalar(select(Need))
    assert need.token_hash == token_hash(token) and token not in need.token_hash
    assert need.visibility == "private" and need.municipality == "Gent"
    [mail] = mails_to("official@gent.example.be")
    assert link_in(mail) == path
    page = html.unescape(client.get(path).get_data(as_text=True))
    assert "Your saved need" in page and "Flanders Air Lab" in page


def test_the_saved_page_is_personal(client, sensor_hubs):
    response = client.get(save_need(client))
    assert response.headers["Cache-Control"] == "private, no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_the_flash_says_truthfully_that_the_mail_waits_in_the_outbox(client, sensor_hubs):
    response = client.post(
        "/needs/",
        data={"text": NEED, "email": "official@gent.example.be", "action": "save"},
        follow_redirects=True,
    )
    page = html.unescape(response.get_data(as_text=True))
    assert "no mail server yet: the mail waits in the outbox" in page


def test_a_wrong_link_is_a_404(client, sensor_hubs):
    save_need(client)
    assert client.get("/needs/saved/not-the-token").status_code == 404
    assert client.get("/needs/saved/not-the-token/edit").status_code == 404


def test_saving_needs_an_email_and_writes_nothing_without_one(client, sensor_hubs):
    response = client.post("/needs/", data={"text": NEED, "action": "save"})
    assert response.status_code == 400
    assert "Give your e-mail address to save the need" in html.unescape(
        response.get_data(as_text=True)
    )
    assert _count(Need) == 0 and _count(OutboxMessage) == 0


def test_bad_input_on_save_writes_nothing(client, sensor_hubs):
    for data in (
        {"email": "nope"},
        {"municipality": "x" * 201},
        {"country": "ZZ"},
        {"families": ["castles"]},
        {"visibility": "everyone"},
        {"text": ""},
        {"homepage": "spam"},
    ):
        form = {"text": NEED, "email": "a@b.eu", "action": "save"} | data
        assert client.post("/needs/", data=form).status_code == 400, data
    assert _count(Need) == 0 and _count(OutboxMessage) == 0


def test_reopening_marks_what_is_new_since_the_last_visit(client, build, sensor_hubs):
    path = save_need(client)
    first = client.get(path).get_data(as_text=True)
    assert "New since your last visit" not in first
    newcomer = build.organisation(
        name="Antwerp Air Quality Hub",
        description="Cities measure air quality with sensors in streets with our hub.",
    )
    page = client.get(path).get_data(as_text=True)
    card = page[page.index(newcomer.name) :][:400]
    assert "New since your last visit" in card
    assert page.count("New since your last visit") == 1
    assert "New since your last visit" not in client.get(path).get_data(as_text=True)


def test_editing_reruns_the_need_and_keeps_the_email(client, sensor_hubs):
    path = save_need(client)
    edit = path + "/edit"
    form = html.unescape(client.get(edit).get_data(as_text=True))
    assert NEED in form
    response = client.post(
        edit, data={"text": NEED, "country": "BE", "scope": "country", "visibility": "public"}
    )
    assert response.status_code == 303 and response.headers["Location"] == path
    need = db.session.scalar(select(Need))
    assert need.scope == "country" and need.visibility == "public"
    assert need.email == "official@gent.example.be"
    page = client.get(path).get_data(as_text=True)
    results = page[page.index('id="results-heading"') :]
    assert "Flanders Air Lab" in results and "Berlin Sensor Hub" not in results


def test_bad_edits_are_refused_and_change_nothing(client, sensor_hubs):
    path = save_need(client)
    for data in ({"text": ""}, {"email": "x@"}, {"scope": "country"}, {"kinds": ["moon"]}):
        response = client.post(path + "/edit", data={"text": NEED} | data)
        assert response.status_code == 400, data
    need = db.session.scalar(select(Need))
    db.session.refresh(need)
    assert need.text == NEED and need.scope == "anywhere" and need.kinds == []


def test_lost_links_are_mailed_anew_and_the_old_ones_stop_working(client, sensor_hubs):
    first, second = save_need(client), save_need(client, text="Smart parking sensors")
    response = client.post("/needs/lost-link", data={"email": "OFFICIAL@gent.example.be"})
    assert response.status_code == 303
    mail = mails_to("official@gent.example.be")[-1]
    assert mail.subject == "New links to your saved needs"
    new_paths = ["/" + url.split("/", 3)[3] for url in re.findall(r"https?://\S+", mail.body)]
    assert len(new_paths) == 2 and first not in new_paths and second not in new_paths
    assert client.get(first).status_code == 404
    assert all(client.get(path).status_code == 200 for path in new_paths)


def test_lost_links_answer_alike_for_unknown_addresses_and_refuse_bad_ones(client):
    response = client.post("/needs/lost-link", data={"email": "nobody@nowhere.example"})
    assert response.status_code == 303 and _count(OutboxMessage) == 0
    assert client.post("/needs/lost-link", data={"email": "not an address"}).status_code == 400
    assert client.post("/needs/lost-link", data={"email": ""}).status_code == 400
    assert "Lost the link" in client.get("/needs/lost-link").get_data(as_text=True)
