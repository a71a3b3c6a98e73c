"""CSRF on cookie-authenticated forms and login throttling, with production-like settings."""

from __future__ import annotations

import pytest

from tests.accounts.conftest import PASSWORD, link_in, mails_to


@pytest.fixture
def app_config(app_config):
    """CSRF protection and rate limits on, as in production."""
    return app_config | {
        "WTF_CSRF_ENABLED": True,
        "RATELIMIT_ENABLED": True,
        "LOGIN_RATELIMIT_ACCOUNT": "3 per minute",
        "LOGIN_RATELIMIT_ADDRESS": "6 per minute",
    }


def csrf_token(client, path: str) -> str:
    page = client.get(path).get_data(as_text=True)
    return page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]


def login(client, email, password, token):
    data = {"email": email, "password": password, "csrf_token": token}
    return client.post("/login", data=data)


def test_a_login_without_the_csrf_token_is_refused(client, accounts):
    accounts.make("anna@hub.example.eu")
    response = client.post("/login", data={"email": "anna@hub.example.eu", "password": PASSWORD})
    assert response.status_code == 400
    assert "CSRF" in response.get_data(as_text=True)


def test_logout_without_the_csrf_token_is_refused(client, accounts):
    accounts.make("anna@hub.example.eu")
    assert (
        login(client, "anna@hub.example.eu", PASSWORD, csrf_token(client, "/login")).status_code
        == 303
    )
    assert client.post("/logout").status_code == 400
    assert client.get("/account/").status_code == 200


def test_failed_logins_are_throttled_per_account(client, accounts):
    accounts.make("anna@hub.example.eu")
    token = csrf_token(client, "/login")
    for _ in range(3):
        assert login(client, "anna@hub.example.eu", "wrong password", token).status_code == 400
    throttled = login(client, "anna@hub.example.eu", PASSWORD, token)
    assert throttled.status_code == 429
    assert "Too many login attempts" in throttled.get_data(as_text=True)
    assert "Retry-After" in throttled.headers
    other = login(client, "other@hub.example.eu", "wrong password", token)
    assert other.status_code == 400


def test_failed_logins_are_throttled_per_address(client, accounts):
    token = csrf_token(client, "/login")
    for number in range(6):
        assert login(client, f"user{number}@hub.example.eu", "wrong", token).status_code == 400
    assert login(client, "user9@hub.example.eu", "wrong", token).status_code == 429


def test_session_cookie_is_httponly_and_samesite(client, accounts):
    accounts.make("anna@hub.example.eu")
    response = login(client, "anna@hub.example.eu", PASSWORD, csrf_token(client, "/login"))
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_passwords_are_hashed_with_scrypt_at_full_cost_unless_configured(database_url):
    """The tests hash cheaply; an app on the default settings does not."""
    from catalogue import create_app
    from catalogue.extensions import db
    from catalogue.services import accounts
    from tests.databases import empty_all_tables

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():
        try:
            account = accounts.create_admin(db.session, "root@example.eu", PASSWORD)
            assert account.password_hash.startswith("scrypt:32768:8:1$")
            assert accounts.authenticate(db.session, "root@example.eu", PASSWORD) == account
            assert accounts.authenticate(db.session, "root@example.eu", PASSWORD + "x") is None
        finally:
            db.session.remove()
            empty_all_tables()


def test_an_unknown_hash_method_stops_the_app_at_start():
    from catalogue import create_app

    with pytest.raises(ValueError, match="md5-please"):
        create_app({"TESTING": True, "PASSWORD_HASH_METHOD": "md5-please"})


def test_a_new_password_ends_the_throttle_of_failed_logins(client, accounts):
    # Anyone may fail to log in as anna; the reset link, sent to her mailbox, lets her back in.
    accounts.make("anna@hub.example.eu")
    token = csrf_token(client, "/login")
    for _ in range(3):
        assert login(client, "anna@hub.example.eu", "wrong password", token).status_code == 400
    assert login(client, "anna@hub.example.eu", PASSWORD, token).status_code == 429
    reset = {"email": "anna@hub.example.eu", "csrf_token": csrf_token(client, "/account/reset")}
    assert client.post("/account/reset", data=reset).status_code == 303
    link = link_in(mails_to("anna@hub.example.eu")[-1])
    new = "my new reset passphrase"
    assert (
        client.post(
            link, data={"password": new, "csrf_token": csrf_token(client, link)}
        ).status_code
        == 303
    )
    assert login(client, "anna@hub.example.eu", "wrong password", token).status_code == 400
    assert login(client, "anna@hub.example.eu", new, token).status_code == 303
