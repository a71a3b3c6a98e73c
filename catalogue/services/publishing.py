"""Who may publish for an organisation: memberships, claims, new organisations."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.errors import Conflict, NotFound, PermissionDenied, ValidationError
from catalogue.models import (
    Account,
    ApiToken,
    Change,
    Claim,
    Membership,
    Organisation,
    Service,
)
from catalogue.models.base import utcnow
from catalogue.models.publishing import APPROVED, PENDING, REJECTED
from catalogue.services import audit
from catalogue.services.translatable import N_

MAX_NOTE_LENGTH = 2000


def web_domain(url: str | None) -> str | None:
    """The host of a website address without ``www.``, lower-cased."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").casefold()
    return host.removeprefix("www.") or None


def address_at_domain(email: str, website: str | None) -> bool:
    """Whether the address is at the website's domain (or a subdomain of it)."""
    domain = web_domain(website)
    mail_domain = email.rpartition("@")[2].casefold()
    return bool(domain) and (mail_domain == domain or mail_domain.endswith("." + domain))


def membership(session: Session, account: Account, organisation: Organisation) -> Membership | None:
    """The account's membership of the organisation, if it manages it."""
    return session.scalar(
        select(Membership).where(
            Membership.account_id == account.id, Membership.organisation_id == organisation.id
        )
    )


def require_manager(session: Session, account: Account, organisation: Organisation) -> Membership:
    """The membership, or ``PermissionDenied`` (administrators count as verified managers)."""
    found = membership(session, account, organisation)
    if found is not None:
        return found
    if account.is_admin:
        return Membership(account_id=account.id, organisation_id=organisation.id, verified=True)
    raise PermissionDenied(N_("You do not manage this organisation."))


def _grant(session: Session, claim: Claim, verified: bool) -> Membership:
    claim.status = APPROVED
    claim.decided_at = utcnow()
    member = Membership(
        account_id=claim.account_id, organisation_id=claim.organisation_id, verified=verified
    )
    session.add(member)
    return member


def claim_organisation(
    session: Session, account: Account, organisation: Organisation, note: str, evidence: str
) -> Claim:
    """File a claim; at the organisation's web domain with a confirmed address, grant it at once."""
    if membership(session, account, organisation) is not None:
        raise Conflict(N_("You already manage this organisation."))
    waiting = session.scalar(
        select(Claim).where(
            Claim.account_id == account.id,
            Claim.organisation_id == organisation.id,
            Claim.status == PENDING,
        )
    )
    if waiting is not None:
        raise Conflict(N_("Your claim of this organisation is already waiting for a moderator."))
    claim = Claim(account=account, organisation=organisation, note=note, evidence=evidence)
    session.add(claim)
    session.flush()
    if account.is_confirmed and address_at_domain(account.email, organisation.website):
        _grant(session, claim, verified=True)
        audit.record(
            session, account, organisation, "claim", "Claim granted: address at the web domain"
        )
    session.flush()
    return claim


def grant_domain_claims(session: Session, account: Account) -> list[Organisation]:
    """After confirming an address, grant its waiting claims at the organisations' domains."""
    claims = session.scalars(
        select(Claim).where(Claim.account_id == account.id, Claim.status == PENDING)
    ).all()
    granted = []
    for claim in claims:
        if address_at_domain(account.email, claim.organisation.website):
            _grant(session, claim, verified=True)
            audit.record(
                session,
                account,
                claim.organisation,
                "claim",
                "Claim granted: confirmed address at the web domain",
            )
            granted.append(claim.organisation)
    session.flush()
    return granted


def decide_claim(
    session: Session, moderator: Account, claim: Claim, approve: bool, reason: str
) -> None:
    """Approve or reject a waiting claim; the reason is shown to the claimant."""
    if claim.status != PENDING:
        raise Conflict(N_("This claim has already been decided."))
    if not approve and not reason.strip():
        raise ValidationError(N_("Say why the claim is rejected."), {"reason": "Give a reason."})
    claim.reason = reason.strip()
    claim.decided_by_id = moderator.id
    if approve:
        _grant(session, claim, verified=False)
    else:
        claim.status = REJECTED
        claim.decided_at = utcnow()
    verdict = "approved" if approve else "rejected"
    audit.record(session, moderator, claim.organisation, "claim", f"Claim {verdict}")
    session.flush()


@dataclass(frozen=True)
class AccountOverview:
    """What the account page lists."""

    memberships: list[Membership]
    claims: list[Claim]
    changes: list[Change]
    tokens: list[ApiToken]


def memberships_of(session: Session, account: Account) -> list[Membership]:
    """The account's memberships, oldest first."""
    statement = select(Membership).where(Membership.account_id == account.id)
    return list(session.scalars(statement.order_by(Membership.id)))


def managed_organisation(session: Session, account: Account, ref: str) -> Organisation:
    """The organisation ``ref`` (whatever its status), if ``account`` manages it.

    Raises ``NotFound`` when there is none, ``PermissionDenied`` when it is someone else's.
    """
    organisation = session.scalar(select(Organisation).where(Organisation.ref == ref))
    if organisation is None:
        raise NotFound(f"There is no organisation with ref “{ref[:100]}”.")
    require_manager(session, account, organisation)
    return organisation


def managed_service(session: Session, account: Account, ref: str) -> Service:
    """The service ``ref`` (whatever its status), if ``account`` manages its organisation."""
    service = session.scalar(select(Service).where(Service.ref == ref))
    if service is None:
        raise NotFound(f"There is no service with ref “{ref[:100]}”.")
    require_manager(session, account, service.organisation)
    return service


def account_overview(session: Session, account: Account) -> AccountOverview:
    """The account's organisations, claims, recent changes and API tokens."""
    memberships = memberships_of(session, account)
    claims = session.scalars(
        select(Claim).where(Claim.account_id == account.id).order_by(Claim.id.desc())
    ).all()
    changes = session.scalars(
        select(Change).where(Change.account_id == account.id).order_by(Change.id.desc()).limit(50)
    ).all()
    tokens = session.scalars(
        select(ApiToken).where(ApiToken.account_id == account.id).order_by(ApiToken.id)
    ).all()
    return AccountOverview(list(memberships), list(claims), list(changes), list(tokens))


def new_membership(account: Account, organisation: Organisation) -> Membership:
    """The membership of the account that created the organisation (verified once approved)."""
    return Membership(account_id=account.id, organisation_id=organisation.id, verified=False)
