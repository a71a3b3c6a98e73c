"""Contact this hub: the message from a need, the hub's inbox, its answer, the limits."""

import html

import pytest
from sqlalchemy import func, select

from catalogue.extensions import db
from catalogue.models import ContactRequest, OutboxMessage
from tests.accounts.conftest import link_in, mails_to
from tests.needs.conftest import NEED, save_need

CONTACT = {
    "name": "Anna Official",
    "role": "Smart city officer",
    "email": "official@gent.example.be",
    "message": "Can you help us measure air quality?",
}


def _contacts() -> list[ContactRequest]:
    db.session.expire_all()
    return list(db.session.scalars(select(ContactRequest)))


def test_the_contact_form_is_prefilled_from_the_need(client, sensor_hubs):
    flanders, _ = sensor_hubs
    path = save_need(client, municipality="Gent")
    page = html.unescape(client.get(f"{path}/contact/{flanders.slug}").get_data(as_text=True))
    assert "Hello Flanders Air Lab" in page and NEED in page and "what Gent needs" in page
    assert 'value="official@gent.example.be"' in page


def test_contact_from_the_results_saves_the_need_first(client, sensor_hubs):
    flanders, _ = sensor_hubs
    page = client.post("/needs/", data={"text": NEED}).get_data(as_text=True)
    assert f'name="contact" value="{flanders.slug}"' in page
    response = client.post(
        "/needs/",
        data={"text": NEED, "email": "official@gent.example.be", "contact": flanders.slug},
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/contact/{flanders.slug}")
    missing = client.post("/needs/", data={"text": NEED, "contact": flanders.slug})
    assert missing.status_code == 400
    page = html.unescape(missing.get_data(as_text=True))
    assert "Give your e-mail address to save the need" in page
    assert f'name="contact" value="{flanders.slug}"' in page  # the results stay to try again


def test_without_managers_the_hub_public_address_is_mailed(client, sensor_hubs):
    flanders, _ = sensor_hubs
    path = save_need(client)
    response = client.post(f"{path}/contact/{flanders.slug}", data=CONTACT, follow_redirects=True)
    page = html.unescape(response.get_data(as_text=True))
    assert "waits in the outbox that administrators see" in page
    [mail] = mails_to("info@flanders-air.example.eu")
    assert "Can you help us measure air quality?" in mail.body
    assert "Answer by writing to official@gent.example.be" in mail.body
    [contact] = _contacts()
    assert contact.status == "sent" and contact.role == "Smart city officer"
    assert "Flanders Air Lab" in page and "Sent, not read yet" in page


def test_a_hub_with_no_address_and_no_manager_keeps_the_message_and_says_so(client, sensor_hubs):
    _, berlin = sensor_hubs
    path = save_need(client)
    response = client.post(f"{path}/contact/{berlin.slug}", data=CONTACT, follow_redirects=True)
    assert "nobody has been mailed" in html.unescape(response.get_data(as_text=True))
    assert len(_contacts()) == 1


def test_the_whole_conversation(client, accounts, sensor_hubs):
    flanders, _ = sensor_hubs
    path = save_need(client)
    accounts.manager(flanders, "manager@flanders-air.example.eu")
    client.post(f"{path}/contact/{flanders.slug}", data=CONTACT)
    [mail] = mails_to("manager@flanders-air.example.eu")
    assert mails_to("info@flanders-air.example.eu") == []
    manage = client.get(f"/manage/{flanders.slug}/").get_data(as_text=True)
    assert "Inbox: messages from cities</a> (1 unread)" in manage
    message_page = link_in(mail)
    inbox = client.get(f"/manage/{flanders.slug}/inbox")
    assert inbox.status_code == 200 and "Anna Official" in inbox.get_data(as_text=True)
    assert inbox.headers["Cache-Control"] == "private, no-store"
    assert "Can you help us" in client.get(message_page).get_data(as_text=True)
    assert _contacts()[0].status == "read"
    assert "unread" not in client.get(f"/manage/{flanders.slug}/").get_data(as_text=True)
    response = client.post(message_page, data={"answer": "Yes: come to our testbed in May."})
    assert response.status_code == 303
    assert _contacts()[0].status == "answered"
    [answer_mail] = mails_to("official@gent.example.be")[1:]
    assert "Yes: come to our testbed in May." in answer_mail.body
    page = html.unescape(client.get(path).get_data(as_text=True))
    assert "Yes: come to our testbed in May." in page and "Answered" in page


def test_an_empty_answer_is_refused(client, accounts, sensor_hubs):
    flanders, _ = sensor_hubs
    path = save_need(client)
    accounts.manager(flanders, "manager@flanders-air.example.eu")
    client.post(f"{path}/contact/{flanders.slug}", data=CONTACT)
    contact = _contacts()[0]
    response = client.post(f"/manage/{flanders.slug}/inbox/{contact.id}", data={"answer": " "})
    assert response.status_code == 400
    assert _contacts()[0].status != "answered"


def test_another_hubs_manager_cannot_read_the_inbox(client, accounts, sensor_hubs):
    flanders, berlin = sensor_hubs
    path = save_need(client)
    client.post(f"{path}/contact/{flanders.slug}", data=CONTACT)
    accounts.manager(berlin, "manager@berlin.example.de")
    contact = _contacts()[0]
    assert client.get(f"/manage/{flanders.slug}/inbox").status_code == 403
    assert client.get(f"/manage/{berlin.slug}/inbox/{contact.id}").status_code == 404


def test_anonymous_visitors_cannot_open_an_inbox(client, sensor_hubs):
    flanders, _ = sensor_hubs
    response = client.get(f"/manage/{flanders.slug}/inbox")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "must not be empty"),
        ("name", "x" * 201, "at most 200"),
        ("role", "x" * 201, "at most 200"),
        ("email", "", "Give your e-mail address"),
        ("email", "not-an-address", "is not an e-mail address"),
        ("message", "  ", "must not be empty"),
        ("message", "x" * 5001, "at most 5,000"),
    ],
)
def test_bad_contact_input_is_refused_and_nothing_is_written(
    client, sensor_hubs, field, value, message
):
    flanders, _ = sensor_hubs
    path = save_need(client)
    before = db.session.scalar(select(func.count()).select_from(OutboxMessage))
    response = client.post(f"{path}/contact/{flanders.slug}", data=CONTACT | {field: value})
    assert response.status_code == 400
    assert message in html.unescape(response.get_data(as_text=True))
    assert _contacts() == []
    assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == before


def test_html_in_a_message_is_shown_escaped_in_the_inbox(client, accounts, sensor_hubs):
    flanders, _ = sensor_hubs
    path = save_need(client)
    accounts.manager(flanders, "manager@flanders-air.example.eu")
    client.post(
        f"{path}/contact/{flanders.slug}",
        data=CONTACT | {"name": "<script>x()</script>", "message": "<img src=x onerror=y()>"},
    )
    contact = _contacts()[0]
    page = client.get(f"/manage/{flanders.slug}/inbox/{contact.id}").get_data(as_text=True)
    assert "<script>x()</script>" not in page and "&lt;script&gt;" in page
    assert "<img src=x" not in page


def test_the_honeypot_and_unknown_hubs(client, sensor_hubs):
    flanders, _ = sensor_hubs
    path = save_need(client)
    response = client.post(f"{path}/contact/{flanders.slug}", data=CONTACT | {"homepage": "x"})
    assert response.status_code == 400 and _contacts() == []
    assert client.get(f"{path}/contact/no-such-hub").status_code == 404


def test_at_most_so_many_contacts_per_need_a_day(app, client, build, sensor_hubs):
    app.config["MAX_CONTACTS_PER_NEED_PER_DAY"] = 2
    path = save_need(client)
    hubs = [build.organisation(name=f"Hub {n}") for n in range(3)]
    for hub in hubs[:2]:
        assert client.post(f"{path}/contact/{hub.slug}", data=CONTACT).status_code == 303
    response = client.post(f"{path}/contact/{hubs[2].slug}", data=CONTACT)
    assert response.status_code == 429
    assert "already contacted 2 hubs today" in response.get_data(as_text=True)
    assert len(_contacts()) == 2


def test_a_hub_is_written_to_in_its_language_and_the_city_answered_in_its_own(
    client, accounts, build
):
    munich = build.organisation(
        name="Munich Air Lab", country="DE", languages=["de", "en"],
        email="info@munich-air.example.eu",
        description="Living lab where cities test air quality sensors and IoT networks.",
    )  # fmt: skip
    accounts.manager(munich, "manager@munich-air.example.eu")
    polish = "Chcemy mierzyć jakość powietrza czujnikami na naszych ulicach"
    path = save_need(client, text=polish, municipality="Kraków")
    # The official reads the site in Italian; the hub gets German, the official Polish back.
    sent = client.post(f"/it{path}/contact/{munich.slug}", data=CONTACT, follow_redirects=True)
    assert sent.status_code == 200 and 'lang="it"' in sent.get_data(as_text=True)
    [mail] = mails_to("manager@munich-air.example.eu")
    assert mail.subject == "Eine Stadt bittet Munich Air Lab um Unterstützung"
    assert "Can you help us measure air quality?" in mail.body  # the city's words as written
    # The inbox link is in no page's language: the manager's own choice decides, not /it/.
    assert link_in(mail).startswith(f"/manage/{munich.slug}/inbox/")
    answer = client.post(link_in(mail), data={"answer": "Ja, gerne."})
    assert answer.status_code == 303
    [answer_mail] = mails_to("official@gent.example.be")[1:]
    assert answer_mail.subject == "Munich Air Lab odpowiada na Państwa wiadomość"
    assert "Ja, gerne." in answer_mail.body


def test_a_hub_in_a_language_the_platform_does_not_speak_is_written_to_in_english(client, build):
    prague = build.organisation(
        name="Prague Air Lab", country="CZ", languages=["cs"], email="info@prague.example.eu",
        description="Living lab where cities test air quality sensors and IoT networks.",
    )  # fmt: skip
    path = save_need(client)
    assert client.post(f"/it{path}/contact/{prague.slug}", data=CONTACT).status_code == 303
    [mail] = mails_to("info@prague.example.eu")
    assert mail.subject == "A city asks Prague Air Lab for help"
