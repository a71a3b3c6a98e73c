"""API tokens for hubs' own systems: shown once, stored hashed, named, revocable, dated."""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.errors import NotFound, Unauthenticated, ValidationError
from catalogue.models import Account, ApiToken
from catalogue.models.base import utcnow
from catalogue.services.login_sessions import token_digest
from catalogue.services.translatable import N_

PREFIX = "dih_"


def create_token(session: Session, account: Account, name: str) -> tuple[ApiToken, str]:
    """A new token for ``account``; the plain token is returned this once and never stored."""
    name = name.strip()
    if not name or len(name) > 100:
        raise ValidationError(
            N_("Name the token."), {"name": "Give a name of 1 to 100 characters."}
        )
    plain = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        account_id=account.id, name=name, token_hash=token_digest(plain), prefix=plain[:10]
    )
    session.add(token)
    session.flush()
    return token, plain


def list_tokens(session: Session, account: Account) -> list[ApiToken]:
    """The account's tokens, newest first."""
    statement = select(ApiToken).where(ApiToken.account_id == account.id)
    return list(session.scalars(statement.order_by(ApiToken.id.desc())))


def revoke_token(session: Session, account: Account, token_id: int) -> ApiToken:
    """Revoke one of the account's own tokens (another account's is not found)."""
    token = session.get(ApiToken, token_id)
    if token is None or token.account_id != account.id:
        raise NotFound(N_("You have no such token."))
    if token.revoked_at is None:
        token.revoked_at = utcnow()
    session.flush()
    return token


def account_for_header(session: Session, authorization: str | None) -> Account:
    """The account of a valid ``Authorization: Bearer`` token, else ``Unauthenticated``."""
    scheme, _, plain = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not plain.strip():
        raise Unauthenticated("Send an API token as `Authorization: Bearer <token>`.")
    token = session.scalar(
        select(ApiToken).where(ApiToken.token_hash == token_digest(plain.strip()))
    )
    if token is None or token.revoked_at is not None:
        raise Unauthenticated("This API token is not valid or has been revoked.")
    token.last_used_at = utcnow()
    return token.account
