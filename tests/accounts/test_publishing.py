"""Claims, new organisations, editing under the moderation rules, lost updates, history."""

from __future__ import annotations

import re

from sqlalchemy import select

from catalogue.extensions import db
from catalogue.models import AuditEntry, Change, Claim, Membership, Organisation, Service
from tests.accounts.conftest import PASSWORD, link_in, mails_to

SERVICE = {
    "title": "Air quality sensor testbed",
    "family": "test_before_invest",
    "description": "Test low-cost air quality sensors on our streets before you buy them.",
    "audiences": ["public_sector"],
    "technologies": ["Internet of Things"],
    "sectors": ["Smart City"],
    "languages": ["en", "pt"],
    "price": "subsidised",
    "delivery": "onsite",
    "regions": ["PT", "ES"],
    "url": "https://hub.example.eu/testbed",
    "contact": "testbed@hub.example.eu",
}


def profile_of(organisation, **changes):
    data = {
        "name": organisation.name,
        "kind": organisation.kind,
        "description": organisation.description,
        "country": organisation.country or "",
        "version": str(organisation.version),
    }
    return data | changes


def test_a_claim_at_the_web_domain_is_granted_when_the_address_is_confirmed(client, build):
    hub = build.organisation(website="https://www.airlab.example.eu/", name="Air Lab")
    client.post("/account/register", data={"email": "eva@airlab.example.eu", "password": PASSWORD})
    client.post("/login", data={"email": "eva@airlab.example.eu", "password": PASSWORD})
    refused = client.post(f"/hubs/{hub.slug}/claim", data={"note": "I run it"})
    assert refused.status_code == 303 and refused.headers["Location"] == "/account/"
    assert db.session.scalar(select(Claim)) is None  # unconfirmed: no claim yet
    client.get(link_in(mails_to("eva@airlab.example.eu")[0]))
    response = client.post(f"/hubs/{hub.slug}/claim", data={"note": "I run the lab"})
    assert response.status_code == 303
    member = db.session.scalar(select(Membership))
    assert member.organisation_id == hub.id and member.verified


def test_a_claim_elsewhere_waits_for_a_moderator_who_approves_it(client, build, accounts, app):
    hub = build.organisation(website="https://airlab.example.eu", name="Air Lab")
    accounts.make("eva@gmail.example.com")
    accounts.login("eva@gmail.example.com")
    data = {"note": "I coordinate the lab", "evidence": "https://airlab.example.eu/team"}
    assert client.post(f"/hubs/{hub.slug}/claim", data=data).status_code == 303
    claim = db.session.scalar(select(Claim))
    assert claim.status == "pending"
    assert db.session.scalar(select(Membership)) is None
    moderator = app.test_client()
    accounts.make("mod@platform.example.eu", admin=True)
    accounts.login("mod@platform.example.eu", client=moderator)
    queue = moderator.get("/moderation/").get_data(as_text=True)
    assert "I coordinate the lab" in queue
    reject = moderator.post(f"/moderation/claims/{claim.id}", data={"decision": "reject"})
    assert reject.status_code == 400  # a rejection needs a reason
    approve = moderator.post(f"/moderation/claims/{claim.id}", data={"decision": "approve"})
    assert approve.status_code == 303
    assert db.session.scalar(select(Membership)).verified is False


def test_a_rejected_claim_shows_its_reason_to_the_claimant(client, build, accounts, app):
    hub = build.organisation(name="Air Lab")
    accounts.make("eva@gmail.example.com")
    accounts.login("eva@gmail.example.com")
    client.post(f"/hubs/{hub.slug}/claim", data={"note": "Me"})
    claim = db.session.scalar(select(Claim))
    moderator = app.test_client()
    accounts.make("mod@platform.example.eu", admin=True)
    accounts.login("mod@platform.example.eu", client=moderator)
    data = {"decision": "reject", "reason": "The lab's website does not name you."}
    moderator.post(f"/moderation/claims/{claim.id}", data=data)
    assert "The lab&#39;s website does not name you." in client.get("/account/").get_data(True)


def test_a_claim_needs_a_note_and_keeps_the_evidence(client, build, accounts):
    hub = build.organisation()
    accounts.make("eva@x.example.eu")
    accounts.login("eva@x.example.eu")
    response = client.post(f"/hubs/{hub.slug}/claim", data={"note": "", "evidence": "<b>x</b>"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Say who you are at the organisation." in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page
    assert db.session.scalar(select(Claim)) is None


def test_a_new_organisation_waits_and_is_published_on_approval(client, accounts, app):
    accounts.make("eva@x.example.eu")
    accounts.login("eva@x.example.eu")
    data = {
        "name": "Sines Port Lab",
        "kind": "living_lab",
        "description": "A port testbed.",
        "country": "PT",
        "languages": ["pt", "en"],
        "technologies": ["Internet of Things"],
    }
    response = client.post("/account/organisations/new", data=data)
    assert response.status_code == 303
    organisation = db.session.scalar(select(Organisation))
    assert organisation.status == "pending"
    assert client.get(f"/hubs/{organisation.slug}").status_code == 404
    change = db.session.scalar(select(Change))
    moderator = app.test_client()
    accounts.make("mod@platform.example.eu", admin=True)
    accounts.login("mod@platform.example.eu", client=moderator)
    moderator.post(f"/moderation/changes/{change.id}", data={"decision": "approve"})
    page = client.get(f"/hubs/{organisation.slug}").get_data(as_text=True)
    assert "Sines Port Lab" in page and "Internet of Things" in page


def test_a_verified_manager_publishes_at_once_and_a_moderator_reviews_after(
    client, build, accounts
):
    hub = build.organisation(name="Air Lab")
    accounts.manager(hub, verified=True)
    response = client.post(f"/manage/{hub.slug}/services/new", data=SERVICE)
    assert response.status_code == 303
    service = db.session.scalar(select(Service))
    assert service.status == "published"
    assert service.extra["regions"] == ["PT", "ES"]
    assert {t.label for t in service.tags} == {"Internet of Things", "Smart City"}
    assert client.get(f"/services/{service.slug}").status_code == 200
    assert db.session.scalar(select(Change)).status == "live"


def test_an_unverified_managers_edit_waits_and_the_record_is_untouched(
    client, build, accounts, app
):
    hub = build.organisation(name="Air Lab")
    accounts.manager(hub, verified=False)
    response = client.post(f"/manage/{hub.slug}/profile", data=profile_of(hub, name="Air Lab 2"))
    assert response.status_code == 303
    db.session.refresh(hub)
    assert hub.name == "Air Lab"
    change = db.session.scalar(select(Change))
    assert change.status == "pending"
    editor = client.get(f"/manage/{hub.slug}/profile").get_data(as_text=True)
    assert 'value="Air Lab 2"' in editor  # the editor reopens the waiting proposal
    moderator = app.test_client()
    accounts.make("mod@platform.example.eu", admin=True)
    accounts.login("mod@platform.example.eu", client=moderator)
    moderator.post(f"/moderation/changes/{change.id}", data={"decision": "approve"})
    db.session.refresh(hub)
    assert hub.name == "Air Lab 2"
    assert db.session.scalar(select(Membership)).verified


def test_rejecting_a_live_change_puts_the_old_values_back(client, build, accounts, app):
    hub = build.organisation(name="Air Lab")
    accounts.manager(hub, verified=True)
    client.post(f"/manage/{hub.slug}/profile", data=profile_of(hub, name="Spam Lab"))
    db.session.refresh(hub)
    assert hub.name == "Spam Lab"
    change = db.session.scalar(select(Change))
    moderator = app.test_client()
    accounts.make("mod@platform.example.eu", admin=True)
    accounts.login("mod@platform.example.eu", client=moderator)
    data = {"decision": "reject", "reason": "Not the organisation's name."}
    moderator.post(f"/moderation/changes/{change.id}", data=data)
    db.session.refresh(hub)
    assert hub.name == "Air Lab"
    assert "Not the organisation&#39;s name." in client.get("/account/").get_data(True)


def test_rejecting_a_live_change_keeps_what_was_edited_after_it(client, build, accounts, app):
    hub = build.organisation(name="Air Lab", city="Lisboa")
    accounts.manager(hub, verified=True)
    client.post(f"/manage/{hub.slug}/profile", data=profile_of(hub, name="Spam Lab", city="Porto"))
    db.session.refresh(hub)
    client.post(f"/manage/{hub.slug}/profile", data=profile_of(hub, city="Sines"))
    first = db.session.scalars(select(Change).order_by(Change.id)).first()
    moderator = app.test_client()
    accounts.make("mod@platform.example.eu", admin=True)
    accounts.login("mod@platform.example.eu", client=moderator)
    data = {"decision": "reject", "reason": "Not the organisation's name."}
    assert moderator.post(f"/moderation/changes/{first.id}", data=data).status_code == 303
    db.session.refresh(hub)
    assert hub.name == "Air Lab"  # undone: nothing changed the name since
    assert hub.city == "Sines"  # kept: the owner's later edit of the city is not undone


def test_the_second_of_two_concurrent_saves_is_refused_with_what_changed(client, build, accounts):
    hub = build.organisation(name="Air Lab")
    accounts.manager(hub, verified=True)
    opened = profile_of(hub)
    first = client.post(f"/manage/{hub.slug}/profile", data=opened | {"name": "Air Lab One"})
    assert first.status_code == 303
    second = client.post(f"/manage/{hub.slug}/profile", data=opened | {"description": "Mine."})
    assert second.status_code == 409
    page = second.get_data(as_text=True)
    assert "Someone else saved this record" in page
    assert "Air Lab One" in page  # what changed meanwhile
    assert "Mine." in page  # the typed value is kept in the form
    db.session.refresh(hub)
    assert hub.description != "Mine."


def test_bad_service_input_is_refused_with_the_values_kept(client, build, accounts):
    hub = build.organisation()
    accounts.manager(hub)
    bad = SERVICE | {
        "title": "<script>alert(1)</script>",
        "family": "not-a-family",
        "technologies": ["Telepathy"],
        "url": "not a url",
        "contact": "not-an-address",
        "description": "x" * 10_001,
    }
    response = client.post(f"/manage/{hub.slug}/services/new", data=bad)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    assert page.count("Not a valid choice") >= 2
    assert "Enter an address like" in page and "Enter an e-mail address." in page
    assert db.session.scalar(select(Service)) is None


def test_an_empty_required_field_is_named(client, build, accounts):
    hub = build.organisation()
    accounts.manager(hub)
    response = client.post(f"/manage/{hub.slug}/profile", data=profile_of(hub, name=""))
    assert response.status_code == 400
    assert "Enter the name." in response.get_data(as_text=True)


def test_verifying_in_one_click_clears_the_stale_flag(client, build, accounts):
    hub = build.organisation(name="Old Lab", source_updated="2019-05")
    page = client.get(f"/hubs/{hub.slug}").get_data(as_text=True)
    assert "Stale" in page
    assert "Stale" in client.get("/hubs/").get_data(as_text=True)
    accounts.manager(hub)
    assert client.post(f"/manage/{hub.slug}/verify").status_code == 303
    assert "Stale" not in client.get(f"/hubs/{hub.slug}").get_data(as_text=True)


def test_the_history_page_lists_who_changed_what(client, build, accounts):
    hub = build.organisation(name="Air Lab")
    accounts.manager(hub)
    client.post(f"/manage/{hub.slug}/profile", data=profile_of(hub, city="Sines"))
    page = client.get(f"/hubs/{hub.slug}/history").get_data(as_text=True)
    assert "A manager" in page and "city" in page
    assert "manager@hub.example.eu" not in page  # addresses are for moderators only
    assert db.session.scalar(select(AuditEntry)).fields == {"city": [None, "Sines"]}


def test_remind_stale_mails_each_manager_once_a_month(runner, build, accounts):
    hub = build.organisation(name="Old Lab", source_updated="2019-05")
    accounts.manager(hub)
    assert "Reminded 1" in runner.invoke(args=["remind-stale"]).output
    assert "Reminded 0" in runner.invoke(args=["remind-stale"]).output
    (mail,) = mails_to("manager@hub.example.eu")
    assert f"/manage/{hub.slug}/" in mail.body


def test_from_registration_to_a_service_that_matches(client, build, accounts, app):
    hub = build.organisation(name="Sines Hub", website="https://sines.example.pt", country="PT")
    client.post("/account/register", data={"email": "rui@sines.example.pt", "password": PASSWORD})
    client.get(link_in(mails_to("rui@sines.example.pt")[0]))
    client.post("/login", data={"email": "rui@sines.example.pt", "password": PASSWORD})
    client.post(f"/hubs/{hub.slug}/claim", data={"note": "Director"})
    service = SERVICE | {
        "title": "Harbour drone inspection trials",
        "description": "Trial drones that inspect harbour cranes.",
    }
    assert client.post(f"/manage/{hub.slug}/services/new", data=service).status_code == 303
    response = client.post("/api/v1/match", json={"text": "drones to inspect harbour cranes"})
    first = response.json["results"][0]
    assert first["organisation"]["name"] == "Sines Hub"
    assert "Harbour drone inspection trials" in [s["title"] for s in first["services"]]


SERVICE_BAD_VALUES = [
    ("title", "", "Enter the title."),
    ("title", "t" * 301, "longer than 300"),
    ("family", "astrology", "Not a valid choice"),
    ("description", "", "Describe the service."),
    ("audiences", ["aliens"], "not a valid choice"),
    ("technologies", ["Telepathy"], "not a valid choice"),
    ("sectors", ["Piracy"], "not a valid choice"),
    ("languages", ["xx"], "not a valid choice"),
    ("price", "bitcoin only", "Not a valid choice"),
    ("delivery", "by pigeon", "Not a valid choice"),
    ("regions", ["ZZ"], "not a valid choice"),
    ("url", "javascript:alert(1)", "Enter an address like"),
    ("contact", "nobody", "Enter an e-mail address."),
]
PROFILE_BAD_VALUES = [
    ("name", "n" * 301, "longer than 300"),
    ("kind", "castle", "Not a valid choice"),
    ("description", "", "Describe what the organisation does."),
    ("website", "not a url", "Enter an address like"),
    ("email", "nobody", "Enter an e-mail address."),
    ("country", "ZZ", "Not a valid choice"),
    ("region", "r" * 201, "longer than 200"),
    ("city", "c" * 201, "longer than 200"),
    ("languages", ["xx"], "not a valid choice"),
    ("technologies", ["Telepathy"], "not a valid choice"),
    ("sectors", ["Piracy"], "not a valid choice"),
]


def test_every_service_field_refuses_bad_input_and_keeps_the_rest(client, build, accounts):
    hub = build.organisation()
    accounts.manager(hub)
    for name, value, problem in SERVICE_BAD_VALUES:
        response = client.post(f"/manage/{hub.slug}/services/new", data=SERVICE | {name: value})
        page = response.get_data(as_text=True)
        assert response.status_code == 400, name
        assert problem.casefold() in page.casefold(), name
        if name != "description":
            assert "Test low-cost air quality sensors" in page, name  # typed values kept
    assert db.session.scalar(select(Service)) is None


def test_every_profile_field_refuses_bad_input_and_changes_nothing(client, build, accounts):
    hub = build.organisation(name="Air Lab")
    accounts.manager(hub)
    for name, value, problem in PROFILE_BAD_VALUES:
        data = profile_of(hub, city="Sines") | {name: value}
        response = client.post(f"/manage/{hub.slug}/profile", data=data)
        page = response.get_data(as_text=True)
        assert response.status_code == 400, name
        assert problem.casefold() in page.casefold(), name
        if name != "city":
            assert 'value="Sines"' in page, name
    db.session.refresh(hub)
    assert hub.city is None and db.session.scalar(select(AuditEntry)) is None


def test_several_managers_and_several_organisations(client, build, accounts, app):
    first, second = build.organisation(name="Lab One"), build.organisation(name="Lab Two")
    anna = accounts.manager(first, email="anna@labs.example.eu")
    db.session.add(Membership(account_id=anna.id, organisation_id=second.id, verified=True))
    ben = accounts.make("ben@labs.example.eu")
    db.session.add(Membership(account_id=ben.id, organisation_id=first.id, verified=True))
    db.session.commit()
    page = client.get("/account/").get_data(as_text=True)
    assert "Lab One" in page and "Lab Two" in page
    colleague = app.test_client()
    accounts.login("ben@labs.example.eu", client=colleague)
    response = colleague.post(
        f"/manage/{first.slug}/profile", data=profile_of(first, city="Aveiro")
    )
    assert response.status_code == 303
    db.session.refresh(first)
    assert first.city == "Aveiro"


def test_values_outside_the_forms_choices_survive_a_save(client, build, accounts):
    """An imported service's free-text price and audience, and a hub's country the form does not
    list, are offered "as given" and kept when the manager saves another change."""
    hub = build.organisation(country="IL")
    service = build.service(
        hub,
        title="Sensor trials",
        price="EUR 500 per day, less for municipalities",
        audiences=["public_sector", "hospitals"],
    )
    accounts.manager(hub)
    form = client.get(f"/manage/{hub.slug}/services/{service.slug}").get_data(as_text=True)
    assert "EUR 500 per day, less for municipalities (as given)</option>" in form
    [price] = re.findall(r"<option[^>]*EUR 500[^>]*>", form)
    assert "selected" in price
    assert "hospitals (as given)" in form
    data = {
        "version": str(service.version),
        "title": "Sensor trials for cities",
        "family": service.family,
        "description": "Trials of sensors.",
        "price": "EUR 500 per day, less for municipalities",
        "audiences": ["public_sector", "hospitals"],
    }
    response = client.post(f"/manage/{hub.slug}/services/{service.slug}", data=data)
    assert response.status_code == 303, response.get_data(as_text=True)
    db.session.expire_all()
    assert service.title == "Sensor trials for cities"
    assert service.price == "EUR 500 per day, less for municipalities"
    assert service.audiences == ["public_sector", "hospitals"]
    # Another free text is still refused: only what the record holds is offered.
    data |= {"version": str(service.version), "price": "free for all"}
    refused = client.post(f"/manage/{hub.slug}/services/{service.slug}", data=data)
    assert refused.status_code == 400
    profile = client.get(f"/manage/{hub.slug}/profile").get_data(as_text=True)
    assert "IL (as given)" in profile
