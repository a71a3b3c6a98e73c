"""Fixtures for the publishers' side: accounts, logging in, reading the outbox."""

from __future__ import annotations

import re

import pytest
from flask import Flask, g
from sqlalchemy import select

from catalogue.extensions import db
from catalogue.models import Account, Membership, OutboxMessage
from catalogue.models.base import utcnow
from catalogue.services.passwords import hash_password

PASSWORD = "correct horse battery staple"


class Accounts:
    """Create accounts and log them in through the real login page."""

    def __init__(self, client) -> None:
        self.client = client

    def make(self, email: str = "anna@hub.example.eu", confirmed: bool = True, admin: bool = False):
        """A stored account with the shared test password."""
        account = Account(email=email, password_hash=hash_password(PASSWORD), is_admin=admin)
        account.confirmed_at = utcnow() if confirmed else None
        db.session.add(account)
        db.session.commit()
        return account

    def login(self, email: str, password: str = PASSWORD, client=None):
        """Log in through the form; return the response."""
        return (client or self.client).post("/login", data={"email": email, "password": password})

    def manager(self, organisation, email: str = "manager@hub.example.eu", verified: bool = True):
        """A logged-in account that manages ``organisation``."""
        account = self.make(email)
        member = Membership(
            account_id=account.id, organisation_id=organisation.id, verified=verified
        )
        db.session.add(member)
        db.session.commit()
        assert self.login(email).status_code == 303
        return account


@pytest.fixture
def accounts(client) -> Accounts:
    """Account helpers bound to the test client."""
    return Accounts(client)


def mails_to(address: str) -> list[OutboxMessage]:
    """The outbox's messages to ``address``, oldest first."""
    db.session.expire_all()
    statement = select(OutboxMessage).where(OutboxMessage.recipient == address)
    return list(db.session.scalars(statement.order_by(OutboxMessage.id)))


def link_in(message: OutboxMessage) -> str:
    """The path of the first link in a mail (the host is the test server's)."""
    url = re.search(r"https?://\S+", message.body).group(0)
    return "/" + url.split("/", 3)[3]


def forget_the_previous_requests_user(app: Flask) -> None:
    """Make the app forget the previous request's user at each request.

    The suite keeps one app context around all requests of a test, and Flask-Login caches the
    user in ``g``, which lives in it; a real server starts each request with a new context.
    """

    @app.before_request
    def forget() -> None:
        g.pop("_login_user", None)


@pytest.fixture
def app_setup(app_setup):
    return (*app_setup, forget_the_previous_requests_user)
