"""Server-side login sessions: the cookie carries a random token, so logout really ends it."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from catalogue.models import Account, LoginSession
from catalogue.models.base import utcnow


def token_digest(token: str) -> str:
    """The SHA-256 of a random token, as stored (the token itself never is)."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def start_login_session(session: Session, account: Account) -> str:
    """Record a new login of ``account``; return the token its session cookie carries."""
    token = secrets.token_urlsafe(32)
    session.add(LoginSession(account_id=account.id, token_hash=token_digest(token)))
    session.flush()
    account.login_token = token
    return token


def account_for_token(session: Session, token: str) -> Account | None:
    """The account of a login session that has not ended, or ``None``."""
    account = session.scalar(
        select(Account)
        .join(LoginSession, LoginSession.account_id == Account.id)
        .where(LoginSession.token_hash == token_digest(token), LoginSession.ended_at.is_(None))
    )
    if account is not None:
        account.login_token = token
    return account


def end_login_session(session: Session, token: str) -> None:
    """End one login session (logout)."""
    session.execute(
        update(LoginSession)
        .where(LoginSession.token_hash == token_digest(token), LoginSession.ended_at.is_(None))
        .values(ended_at=utcnow())
    )


def end_all_login_sessions(session: Session, account: Account) -> None:
    """End every login session of ``account`` (after a password change or reset)."""
    session.execute(
        update(LoginSession)
        .where(LoginSession.account_id == account.id, LoginSession.ended_at.is_(None))
        .values(ended_at=utcnow())
    )
