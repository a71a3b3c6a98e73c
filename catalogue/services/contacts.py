"""Contact requests: a city official writes to a hub about a need; the hub reads and answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalogue.errors import NotFound, TooMany, ValidationError
from catalogue.models import Account, ContactRequest, Membership, Need, Organisation
from catalogue.models.base import utcnow
from catalogue.models.needs import ANSWERED, READ, SENT
from catalogue.services import duplicates
from catalogue.services.mail import MailSettings, send_mail
from catalogue.services.need_values import email_address, one_line
from catalogue.services.translatable import N_, gettext, in_language

MAX_NAME_LENGTH = 200
MAX_MESSAGE_LENGTH = 5000
STATUS_LABELS = {
    SENT: N_("Sent, not read yet"),
    READ: N_("Read by the hub"),
    ANSWERED: N_("Answered"),
}


class Links(Protocol):
    """Absolute addresses the mails point to (the web layer builds them)."""

    def inbox_message(self, organisation: Organisation, contact: ContactRequest) -> str: ...


@dataclass(frozen=True)
class ContactValues:
    """A checked contact request."""

    name: str
    role: str
    email: str
    message: str


def _message(value: Any, field: str) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise ValueError("must not be empty")
    if len(text) > MAX_MESSAGE_LENGTH:
        raise ValueError(f"is {len(text)} characters long; at most {MAX_MESSAGE_LENGTH:,} allowed")
    return text


def check_contact(values: dict) -> ContactValues:
    """Check a contact request's fields; ``ValidationError`` names each offending one."""
    checks = {
        "name": lambda v: one_line(v, MAX_NAME_LENGTH) or _missing(),
        "role": lambda v: one_line(v, MAX_NAME_LENGTH) or "",
        "email": lambda v: email_address(v, required=True),
        "message": lambda v: _message(v, "message"),
    }
    checked, problems = {}, {}
    for name, check in checks.items():
        try:
            checked[name] = check(values.get(name))
        except ValueError as error:
            problems[name] = str(error)
    if problems:
        first = min(problems)
        raise ValidationError(f"{first}: {problems[first]}", dict(sorted(problems.items())))
    return ContactValues(**checked)


def _missing() -> str:
    raise ValueError("must not be empty")


def prefilled_message(need: Need, organisation: Organisation) -> str:
    """The message the contact form starts with: a greeting and the need in the city's words."""
    city = need.municipality or "our city"
    return (
        f"Hello {organisation.name},\n\nWe found you on Hubs for Cities. This is what {city} "
        f"needs:\n\n{need.text}\n\nCould you help us? We look forward to your answer."
    )[:MAX_MESSAGE_LENGTH]


def listed_organisation(session: Session, slug: str) -> Organisation:
    """A listed (published, not duplicate) organisation by slug, or ``NotFound``."""
    organisation = session.scalar(
        select(Organisation).where(Organisation.slug == slug, duplicates.is_listed())
    )
    if organisation is None:
        raise NotFound(N_("There is no published hub with this address."))
    return organisation


def managers_of(session: Session, organisation: Organisation) -> list[Account]:
    """The confirmed accounts that manage the organisation."""
    statement = (
        select(Account)
        .join(Membership, Membership.account_id == Account.id)
        .where(Membership.organisation_id == organisation.id, Account.confirmed_at.is_not(None))
        .order_by(Account.id)
    )
    return list(session.scalars(statement))


def recipients(organisation: Organisation, managers: list[Account]) -> list[str]:
    """Who is mailed about a contact: the managers when there are, else the public address."""
    if managers:
        return [account.email for account in managers]
    return [organisation.email] if organisation.email else []


def need_languages(need: Need | None) -> list[str | None]:
    """The languages to write to a need's official in: the one chosen, then the need's own."""
    return [need.language, need.detected_language] if need is not None else []


def contacts_today(session: Session, need: Need) -> int:
    """How many contact requests the need sent in the last 24 hours."""
    since = utcnow() - timedelta(days=1)
    statement = select(func.count(ContactRequest.id)).where(
        ContactRequest.need_id == need.id, ContactRequest.created_at >= since
    )
    return session.scalar(statement) or 0


def send_contact(
    session: Session,
    settings: MailSettings,
    links: Links,
    need: Need,
    organisation: Organisation,
    values: ContactValues,
    max_per_day: int,
) -> tuple[ContactRequest, list[str]]:
    """Store the request and mail it to the hub; return it with the addresses mailed."""
    if contacts_today(session, need) >= max_per_day:
        raise TooMany(
            f"This need has already contacted {max_per_day} hubs today; wait until tomorrow "
            "to contact more, or wait for the answers."
        )
    contact = ContactRequest(need=need, organisation=organisation, **values.__dict__, status=SENT)
    session.add(contact)
    session.flush()
    managers = managers_of(session, organisation)
    addresses = recipients(organisation, managers)
    with in_language(organisation.languages or ()):  # the hub's, not the city's
        subject = gettext("A city asks %(organisation)s for help", organisation=organisation.name)
        subject = subject[:300]
        who = values.name + (f" ({values.role})" if values.role else "")
        body = gettext(
            "%(who)s <%(email)s> wrote through Hubs for Cities:\n\n%(message)s\n",
            who=who,
            email=values.email,
            message=values.message,
        )
        if managers:
            link = links.inbox_message(organisation, contact)
            body += "\n" + gettext("Read and answer it in your inbox: %(link)s", link=link)
        else:
            body += "\n" + gettext("Answer by writing to %(email)s.", email=values.email)
    for address in addresses:
        send_mail(session, settings, address, subject, body)
    return contact, addresses


def inbox(session: Session, organisation: Organisation) -> list[ContactRequest]:
    """The contact requests cities sent the organisation, newest first."""
    statement = (
        select(ContactRequest)
        .where(
            ContactRequest.organisation_id == organisation.id, ContactRequest.from_hub.is_(False)
        )
        .order_by(ContactRequest.created_at.desc(), ContactRequest.id.desc())
    )
    return list(session.scalars(statement))


def unread_count(session: Session, organisation: Organisation) -> int:
    """How many messages of cities in the organisation's inbox no manager has opened yet."""
    statement = select(func.count(ContactRequest.id)).where(
        ContactRequest.organisation_id == organisation.id,
        ContactRequest.from_hub.is_(False),
        ContactRequest.status == SENT,
    )
    return session.scalar(statement) or 0


def get_contact(session: Session, organisation: Organisation, contact_id: int) -> ContactRequest:
    """One of the organisation's contact requests, or ``NotFound``."""
    contact = session.get(ContactRequest, contact_id)
    if contact is None or contact.organisation_id != organisation.id:
        raise NotFound(N_("There is no such message in this inbox."))
    return contact


def mark_read(session: Session, contact: ContactRequest) -> None:
    """A manager opened the message."""
    if contact.status == SENT:
        contact.status = READ
        contact.read_at = utcnow()
        session.flush()


def answer_contact(
    session: Session, settings: MailSettings, manager: Account, contact: ContactRequest, text: Any
) -> None:
    """The hub answers: stored on the request (the need's page shows it) and mailed."""
    try:
        answer = _message(text, "answer")
    except ValueError as error:
        raise ValidationError(f"answer: {error}", {"answer": str(error)}) from None
    contact.answer = answer
    contact.status = ANSWERED
    contact.answered_at = utcnow()
    contact.answered_by_id = manager.id
    contact.read_at = contact.read_at or contact.answered_at
    with in_language(need_languages(contact.need)):  # the city's, not the hub's
        body = gettext(
            "%(organisation)s answered your message on Hubs for Cities:\n\n%(answer)s\n\n"
            "Write to them at %(email)s. The answer is also on your need's page (open it "
            "with the private link we sent when you saved the need).",
            organisation=contact.organisation.name,
            answer=answer,
            email=manager.email,
        )
        subject = gettext("%(organisation)s answered you", organisation=contact.organisation.name)
        subject = subject[:300]
    send_mail(session, settings, contact.email, subject, body)
    session.flush()
