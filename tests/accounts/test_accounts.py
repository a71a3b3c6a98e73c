"""Registration, confirmation, login, logout, reset and change of password, and their security."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from catalogue.extensions import db
from catalogue.models import Account
from tests.accounts.conftest import PASSWORD, link_in, mails_to


def register(client, email="new@hub.example.eu", password=PASSWORD):
    return client.post("/account/register", data={"email": email, "password": password})


def test_registration_mails_a_link_that_confirms_the_address(client):
    response = register(client)
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/account/check-your-inbox")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "no mail server configured" in page
    (mail,) = mails_to("new@hub.example.eu")
    account = db.session.scalar(select(Account).where(Account.email == "new@hub.example.eu"))
    assert account.confirmed_at is None
    assert client.get(link_in(mail)).status_code == 303
    db.session.refresh(account)
    assert account.confirmed_at is not None


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short pass", "at least 12 characters"),
        ("q1w2e3r4t5y6", "commonly used passwords"),
        ("QWERTY123456", "commonly used passwords"),
        ("x" * 129, "at most 128"),
        ("", "Choose a password"),
    ],
)
def test_a_weak_password_is_refused_and_the_address_kept(client, password, problem):
    response = register(client, "keep@hub.example.eu", password)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert problem in page
    assert 'value="keep@hub.example.eu"' in page
    assert db.session.scalar(select(Account)) is None
    assert mails_to("keep@hub.example.eu") == []


@pytest.mark.parametrize(
    ("email", "problem"),
    [
        ("", "Enter your e-mail address"),
        ("not-an-address", "Enter an address like"),
        ("a@" + "b" * 320 + ".eu", "at most 320"),
    ],
)
def test_a_bad_address_is_refused(client, email, problem):
    response = register(client, email)
    assert response.status_code == 400
    assert problem in response.get_data(as_text=True)
    assert db.session.scalar(select(Account)) is None


def test_registering_a_taken_address_looks_the_same_and_mails_its_owner(client, accounts):
    accounts.make("anna@hub.example.eu")
    first = register(client, "anna@hub.example.eu")
    second = register(client, "someone-new@hub.example.eu")
    assert first.status_code == second.status_code == 303
    assert first.headers["Location"] == second.headers["Location"]
    (mail,) = mails_to("anna@hub.example.eu")
    assert "already has an account" in mail.body
    assert db.session.scalar(select(db.func.count(Account.id))) == 2


def test_html_in_the_address_is_shown_escaped(client):
    page = register(client, "<script>alert(1)</script>@x.eu").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_login_and_logout(client, accounts):
    accounts.make("anna@hub.example.eu")
    response = accounts.login("anna@hub.example.eu")
    assert response.status_code == 303
    assert "anna@hub.example.eu" in client.get("/account/").get_data(as_text=True)
    assert client.post("/logout").status_code == 303
    assert client.get("/account/").status_code == 302


def test_a_wrong_password_and_an_unknown_address_get_the_same_answer(client, accounts):
    accounts.make("anna@hub.example.eu")
    wrong = accounts.login("anna@hub.example.eu", "wrong password here")
    unknown = accounts.login("nobody@hub.example.eu", "wrong password here")
    assert wrong.status_code == unknown.status_code == 400
    message = "The e-mail address or the password is wrong."
    assert message in wrong.get_data(as_text=True)
    assert message in unknown.get_data(as_text=True)


def copied_cookie(client) -> str:
    return client.get_cookie("session", domain="catalogue.test").value


def replay(app, cookie: str):
    """Send the cookie from another client, in a new app context (as a new request would be)."""
    other = app.test_client()
    other.set_cookie("session", cookie, domain="catalogue.test")
    with app.app_context():
        return other.get("/account/")


def test_a_copied_cookie_no_longer_works_after_logout(app, client, accounts):
    accounts.make("anna@hub.example.eu")
    accounts.login("anna@hub.example.eu")
    cookie = copied_cookie(client)
    assert replay(app, cookie).status_code == 200
    client.post("/logout")
    assert replay(app, cookie).status_code == 302


def test_a_copied_cookie_no_longer_works_after_a_password_change(app, client, accounts):
    accounts.make("anna@hub.example.eu")
    accounts.login("anna@hub.example.eu")
    cookie = copied_cookie(client)
    new = "a brand new passphrase"
    response = client.post("/account/password", data={"current": PASSWORD, "password": new})
    assert response.status_code == 303
    assert replay(app, cookie).status_code == 302
    assert client.get("/account/").status_code == 200  # the session that changed it goes on
    assert accounts.login("anna@hub.example.eu", new, client=app.test_client()).status_code == 303
    [notice] = [
        m for m in mails_to("anna@hub.example.eu") if m.subject == "Your password was changed"
    ]
    assert "If you did not change it" in notice.body and "/login" in notice.body


def test_a_password_change_needs_the_current_password(client, accounts):
    accounts.make("anna@hub.example.eu")
    accounts.login("anna@hub.example.eu")
    response = client.post("/account/password", data={"current": "wrong", "password": "x" * 20})
    assert response.status_code == 400
    assert "This is not your password." in response.get_data(as_text=True)


def test_a_reset_link_works_once(client, accounts):
    accounts.make("anna@hub.example.eu")
    assert client.post("/account/reset", data={"email": "anna@hub.example.eu"}).status_code == 303
    link = link_in(mails_to("anna@hub.example.eu")[-1])
    new = "my new reset passphrase"
    assert client.post(link, data={"password": new}).status_code == 303
    again = client.post(link, data={"password": "another passphrase here"})
    assert again.status_code == 400
    assert "already been used" in again.get_data(as_text=True)
    assert accounts.login("anna@hub.example.eu", new).status_code == 303
    subjects = [m.subject for m in mails_to("anna@hub.example.eu")]
    assert subjects == ["Reset your password", "Your password was changed"]


def test_a_late_reset_link_is_refused(app, client, accounts):
    accounts.make("anna@hub.example.eu")
    client.post("/account/reset", data={"email": "anna@hub.example.eu"})
    link = link_in(mails_to("anna@hub.example.eu")[-1])
    app.config["PASSWORD_RESET_MAX_AGE"] = -1
    response = client.post(link, data={"password": "my new reset passphrase"})
    assert response.status_code == 400
    assert "expired" in response.get_data(as_text=True)


def test_a_forged_reset_link_is_refused(client):
    response = client.get("/account/reset/not-a-token")
    assert response.status_code == 400
    assert "not valid" in response.get_data(as_text=True)


def test_a_reset_for_an_unknown_address_looks_the_same_and_mails_nobody(client, accounts):
    accounts.make("anna@hub.example.eu")
    known = client.post("/account/reset", data={"email": "anna@hub.example.eu"})
    unknown = client.post("/account/reset", data={"email": "nobody@hub.example.eu"})
    assert known.headers["Location"] == unknown.headers["Location"]
    assert mails_to("nobody@hub.example.eu") == []


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"]
)
def test_login_never_redirects_off_the_site(client, accounts, target):
    accounts.make("anna@hub.example.eu")
    response = client.post(
        "/login", data={"email": "anna@hub.example.eu", "password": PASSWORD, "next": target}
    )
    assert response.status_code == 303
    assert response.headers["Location"] == "/account/"


def test_login_returns_to_a_page_of_the_site(client, accounts):
    accounts.make("anna@hub.example.eu")
    response = client.post(
        "/login", data={"email": "anna@hub.example.eu", "password": PASSWORD, "next": "/hubs/"}
    )
    assert response.headers["Location"] == "/hubs/"


def test_an_anonymous_visitor_is_sent_to_log_in_and_back(client):
    response = client.get("/account/")
    assert response.status_code == 302
    assert "/login?next=%2Faccount%2F" in response.headers["Location"]


def test_create_admin_makes_a_confirmed_administrator(runner):
    result = runner.invoke(
        args=["create-admin", "boss@platform.example.eu"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert result.exit_code == 0, result.output
    account = db.session.scalar(select(Account))
    assert account.is_admin and account.confirmed_at is not None


def test_create_admin_refuses_a_common_password(runner):
    result = runner.invoke(args=["create-admin", "boss@x.eu", "--password", "qwerty123456"])
    assert result.exit_code != 0
    assert "commonly used" in result.output
    assert db.session.scalar(select(Account)) is None
