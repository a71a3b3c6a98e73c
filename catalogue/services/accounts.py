"""Accounts: registration, confirmation, authentication, password reset and change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalogue.errors import ValidationError
from catalogue.models import Account
from catalogue.models.base import utcnow
from catalogue.services import login_sessions
from catalogue.services.mail import MailSettings, send_mail
from catalogue.services.passwords import hash_password, password_matches, password_problem
from catalogue.services.translatable import N_, gettext

CONFIRM = "confirm-email"
RESET = "reset-password"


class Links(Protocol):
    """Absolute addresses the mails point to (the web layer builds them)."""

    def confirm(self, token: str) -> str: ...
    def reset(self, token: str) -> str: ...
    def login(self) -> str: ...


@dataclass(frozen=True)
class Mailer:
    """What sending an account's mail needs: the settings, the links, the token signer."""

    settings: MailSettings
    links: Links
    secret_key: str
    confirm_max_age: int = 3 * 24 * 3600
    reset_max_age: int = 3600

    def token(self, purpose: str, account: Account) -> str:
        """A signed, dated token naming the account and its password version."""
        signer = URLSafeTimedSerializer(self.secret_key, salt=purpose)
        return signer.dumps({"account": account.id, "version": account.password_version})

    def read(self, purpose: str, token: str) -> dict:
        """The token's content, or ``ValidationError`` when it is forged or too old."""
        signer = URLSafeTimedSerializer(self.secret_key, salt=purpose)
        max_age = self.confirm_max_age if purpose == CONFIRM else self.reset_max_age
        try:
            return signer.loads(token, max_age=max_age)
        except SignatureExpired as error:
            raise ValidationError(N_("This link has expired; ask for a new one.")) from error
        except BadSignature as error:
            raise ValidationError(N_("This link is not valid; ask for a new one.")) from error


def normalise_email(email: str) -> str:
    """Addresses compare without surrounding spaces and case."""
    return email.strip().casefold()


def find_account(session: Session, email: str) -> Account | None:
    """The account with this address, or ``None``."""
    return session.scalar(
        select(Account).where(func.lower(Account.email) == normalise_email(email))
    )


def _check_password(password: str, field: str = "password") -> None:
    problem = password_problem(password)
    if problem:
        raise ValidationError(N_("The password cannot be used."), {field: problem})


def register(session: Session, mailer: Mailer, email: str, password: str) -> None:
    """Create an unconfirmed account and mail its confirmation link.

    An address that already has an account gets a mail saying so instead, and the caller
    answers the same either way: nobody learns from the page which addresses are registered.
    """
    _check_password(password)
    existing = find_account(session, email)
    if existing is not None:
        body = gettext(
            "Someone (perhaps you) tried to register with this address, which already has an "
            "account. Log in at %(link)s, or reset your password from there.",
            link=mailer.links.login(),
        )
        subject = gettext("You already have an account")
        send_mail(session, mailer.settings, existing.email, subject, body)
        return
    account = Account(email=normalise_email(email), password_hash=hash_password(password))
    session.add(account)
    session.flush()
    send_confirmation(session, mailer, account)


def send_confirmation(session: Session, mailer: Mailer, account: Account) -> None:
    """Mail the link that confirms the account's address."""
    link = mailer.links.confirm(mailer.token(CONFIRM, account))
    body = gettext(
        "Confirm your address for Hubs for Cities by opening this link (valid 3 days):\n%(link)s",
        link=link,
    )
    send_mail(session, mailer.settings, account.email, gettext("Confirm your address"), body)


def confirm_email(session: Session, mailer: Mailer, token: str) -> Account:
    """Mark the address of the token's account confirmed (again: harmless)."""
    content = mailer.read(CONFIRM, token)
    account = session.get(Account, content.get("account"))
    if account is None:
        raise ValidationError(N_("This link is not valid; ask for a new one."))
    if account.confirmed_at is None:
        account.confirmed_at = utcnow()
        session.flush()
    return account


def authenticate(session: Session, email: str, password: str) -> Account | None:
    """The account with this address and password, or ``None`` (same time either way)."""
    account = find_account(session, email)
    if not password_matches(account.password_hash if account else None, password):
        return None
    return account


def request_reset(session: Session, mailer: Mailer, email: str) -> None:
    """Mail a password reset link when the address has an account; say nothing either way."""
    account = find_account(session, email)
    if account is None:
        return
    link = mailer.links.reset(mailer.token(RESET, account))
    body = gettext(
        "Choose a new password for Hubs for Cities with this link. It works once, within an "
        "hour:\n%(link)s\n\nIf you did not ask for it, ignore this mail.",
        link=link,
    )
    send_mail(session, mailer.settings, account.email, gettext("Reset your password"), body)


def account_for_reset(session: Session, mailer: Mailer, token: str) -> Account:
    """The account a reset link is for, while the link is unused and young enough."""
    content = mailer.read(RESET, token)
    account = session.get(Account, content.get("account"))
    if account is None or account.password_version != content.get("version"):
        raise ValidationError(N_("This link has already been used; ask for a new one."))
    return account


def set_password(session: Session, account: Account, password: str) -> None:
    """Set a new password; every login session and every reset link of the account ends."""
    _check_password(password)
    account.password_hash = hash_password(password)
    account.password_version += 1
    login_sessions.end_all_login_sessions(session, account)
    session.flush()


def _notify_password_changed(session: Session, mailer: Mailer, account: Account) -> None:
    """Tell the account's address that its password changed (ASVS 2.2.3), with a way back."""
    body = gettext(
        "The password of your Hubs for Cities account was changed just now, and every login "
        "session of the account was ended.\n\nIf you did not change it, choose a new password "
        "at once with “Forgot your password?” on the login page:\n%(link)s",
        link=mailer.links.login(),
    )
    subject = gettext("Your password was changed")
    send_mail(session, mailer.settings, account.email, subject, body)


def reset_password(session: Session, mailer: Mailer, token: str, password: str) -> Account:
    """Use a reset link once: set the password it was issued for; a reset also confirms."""
    account = account_for_reset(session, mailer, token)
    set_password(session, account, password)
    if account.confirmed_at is None:
        account.confirmed_at = utcnow()
    _notify_password_changed(session, mailer, account)
    return account


def change_password(
    session: Session, mailer: Mailer, account: Account, current: str, new: str
) -> None:
    """Change the password of a logged-in account, which must give the current one."""
    if not password_matches(account.password_hash, current):
        raise ValidationError(
            "The password was not changed.", {"current": "This is not your password."}
        )
    set_password(session, account, new)
    _notify_password_changed(session, mailer, account)


def create_admin(session: Session, email: str, password: str) -> Account:
    """Make ``email`` an administrator (a new, confirmed account unless it exists)."""
    account = find_account(session, email)
    if account is None:
        _check_password(password)
        account = Account(email=normalise_email(email), password_hash=hash_password(password))
        account.confirmed_at = utcnow()
        session.add(account)
    account.is_admin = True
    session.flush()
    return account
