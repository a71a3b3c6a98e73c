"""Saved needs: create with a private link, reopen, edit, mark what is new, the public board."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from catalogue.errors import NotFound, ValidationError
from catalogue.models import Need
from catalogue.models.base import utcnow
from catalogue.models.needs import CLOSED, OPEN
from catalogue.services import list_parameters as rules
from catalogue.services.mail import MailSettings, send_mail
from catalogue.services.need_values import NeedValues, validate_need
from catalogue.services.translatable import N_, gettext
from catalogue.vocabularies import TECHNOLOGIES
from matching import detect_language
from matching.tagging import detect_labels

PUBLIC_VISIBILITIES = ("public", "anonymous")
MAX_BOARD_QUERY = 200
BOARD_PAGE_SIZE = 20


def token_hash(token: str) -> str:
    """What is stored of a private link's token: its SHA-256 in hex."""
    return hashlib.sha256(token.encode()).hexdigest()


def _technologies(text: str, language: str) -> list[str]:
    labels = detect_labels(text, language)
    return [label.label for label in labels if label.vocabulary == "technology"]


def _apply(need: Need, values: NeedValues) -> None:
    need.text = values.text
    need.municipality = values.municipality
    need.country = values.country
    need.population = values.population
    need.families = list(values.families)
    need.families_only = values.families_only
    need.language = values.language
    need.detected_language = values.language or detect_language(values.text)
    need.scope = values.scope
    need.kinds = list(values.kinds)
    need.visibility = values.visibility
    need.technologies = _technologies(values.text, need.detected_language)
    if values.email:
        need.email = values.email


def create_need(session: Session, values: NeedValues) -> tuple[Need, str]:
    """Store a need; return it with the private link's token (only its hash is kept)."""
    if not values.email:
        raise ValidationError(N_("An e-mail address is needed."), {"email": "Give your e-mail."})
    token = secrets.token_urlsafe(24)
    need = Need(token_hash=token_hash(token), public_ref=secrets.token_urlsafe(9))
    _apply(need, values)
    session.add(need)
    session.flush()
    return need, token


def mail_link(session: Session, settings: MailSettings, need: Need, link: str) -> None:
    """Mail the official the private link of their need."""
    body = gettext(
        "Your need is saved on Hubs for Cities. Open it again, edit it and see what is new, and "
        "read the hubs' answers, with this private link:\n%(link)s\n\n"
        "Anyone with the link can see and edit the need: share it only with colleagues.",
        link=link,
    )
    subject = gettext("Your saved need and its private link")
    send_mail(session, settings, need.email, subject, body)


def resend_links(session: Session, settings: MailSettings, email: str, link_for) -> int:
    """Mail new private links of every need saved with ``email``; the old links stop working.

    ``link_for(token)`` builds a link. Returns how many needs were found (the page says the
    same either way: nobody learns which addresses saved needs).
    """
    saved = list(
        session.scalars(
            select(Need).where(func.lower(Need.email) == email.strip().lower()).order_by(Need.id)
        )
    )
    if not saved:
        return 0
    lines = []
    for need in saved:
        token = secrets.token_urlsafe(24)
        need.token_hash = token_hash(token)
        lines.append(f"- {need.text[:120]}\n  {link_for(token)}")
    body = gettext(
        "You asked for new links to the needs saved with this address on Hubs for Cities. "
        "The earlier links no longer work.\n\n%(links)s",
        links="\n".join(lines),
    )
    subject = gettext("New links to your saved needs")
    send_mail(session, settings, saved[0].email, subject, body)
    session.flush()
    return len(saved)


def need_by_token(session: Session, token: str) -> Need:
    """The need a private link opens, or ``NotFound`` (the same for every wrong token)."""
    need = session.scalar(select(Need).where(Need.token_hash == token_hash(token)))
    if need is None:
        raise NotFound(N_("No saved need has this link. Check that the whole link was copied."))
    return need


def update_need(session: Session, need: Need, form_values: dict) -> Need:
    """Edit a saved need with the rules of the needs form (the e-mail stays when left empty)."""
    values = validate_need(form_values | {"email": form_values.get("email") or need.email})
    _apply(need, values)
    session.flush()
    return need


def values_of(need: Need) -> NeedValues:
    """The need's stored values, checked again as a match request."""
    return validate_need(form_data(need))


def form_data(need: Need) -> dict:
    """The need as the needs form's fields."""
    names = ("text", "municipality", "country", "population", "families", "families_only")
    names += ("language", "scope", "kinds", "email", "visibility")
    return {name: getattr(need, name) for name in names}


def record_visit(session: Session, need: Need, refs: Iterable[str]) -> set[str] | None:
    """Remember the results seen now; return those new since the last visit (None: first)."""
    refs = list(refs)
    new = None if need.last_visit_at is None else set(refs) - set(need.seen_refs or ())
    need.seen_refs = sorted(set(need.seen_refs or ()) | set(refs))
    need.last_visit_at = utcnow()
    session.flush()
    return new


def set_status(session: Session, need: Need, status: str | None) -> None:
    """The official closes the need (it leaves the board and hubs' lists) or opens it again."""
    if status not in (OPEN, CLOSED):
        raise ValidationError(N_("Choose open or closed."), {"status": "open or closed"})
    need.status = status
    session.flush()


def needs_state(session: Session) -> str:
    """A text that changes whenever any need is saved, changed or deleted (for page caches)."""
    count, latest = session.execute(select(func.count(Need.id), func.max(Need.updated_at))).one()
    return f"{count}:{latest}"


def public_needs() -> Select:
    """The statement of every need anyone may see: public or anonymous, open, not hidden."""
    return select(Need).where(
        Need.visibility.in_(PUBLIC_VISIBILITIES), Need.hidden.is_(False), Need.status == OPEN
    )


@dataclass(frozen=True)
class BoardQuery:
    """The needs board's search and filters, checked."""

    q: str = ""
    country: str | None = None
    family: str | None = None
    technology: str | None = None
    page: int = 1


def check_board_query(args: dict, countries: Iterable[str], families: Iterable[str]) -> BoardQuery:
    """Check the board's parameters with the rules every list shares (``list_parameters``)."""
    problems: dict[str, str] = {}
    q = rules.read_search_text(args, MAX_BOARD_QUERY, problems)
    known: dict[str, frozenset[str]] = {
        "country": frozenset(countries),
        "family": frozenset(families),
        "technology": frozenset(TECHNOLOGIES),
    }
    chosen: dict[str, str | None] = {}
    for name, values in known.items():
        picked = rules.read_known_values(args, name, values.__contains__, problems)
        if len(picked) > 1:
            problems[name] = "choose one value"
        chosen[name] = picked[0] if picked else None
    page = rules.read_page(args, problems)
    rules.refuse(problems, "needs board")
    return BoardQuery(q=q, page=page, **chosen)


def _contains(column, value: str):
    return func.lower(column).contains(value.lower(), autoescape=True)


def board(session: Session, query: BoardQuery) -> tuple[list[Need], int]:
    """The public needs matching the board's query, newest first, one page; and their count."""
    statement = public_needs()
    if query.q:
        words = query.q.split()
        statement = statement.where(*(_contains(Need.text, word) for word in words))
    if query.country:
        statement = statement.where(Need.country == query.country)
    needs = list(session.scalars(statement.order_by(Need.created_at.desc(), Need.id.desc())))
    if query.family:
        needs = [n for n in needs if query.family in (n.families or ())]
    if query.technology:
        needs = [n for n in needs if query.technology in (n.technologies or ())]
    rules.count_pages(query.page, len(needs), BOARD_PAGE_SIZE)
    start = (query.page - 1) * BOARD_PAGE_SIZE
    return needs[start : start + BOARD_PAGE_SIZE], len(needs)


def public_need(session: Session, public_ref: str) -> Need:
    """A need of the board by its public reference, or ``NotFound`` (private ones included)."""
    need = session.scalar(public_needs().where(Need.public_ref == public_ref))
    if need is None:
        raise NotFound(N_("There is no public need with this reference."))
    return need


def report_need(session: Session, need: Need) -> None:
    """A visitor reports a public need as spam or abuse: it is flagged for the moderators, who
    hide it (a visitor alone cannot take another city's need off the board)."""
    need.reports += 1
    session.flush()


def set_hidden(session: Session, need: Need, hidden: bool) -> None:
    """A moderator hides a need from the board, or puts it back (reports start again)."""
    need.hidden = hidden
    if not hidden:
        need.reports = 0
    session.flush()


def reported_needs(session: Session) -> list[Need]:
    """Public needs with reports or hidden by a moderator, for the moderators' page."""
    statement = select(Need).where(
        Need.visibility.in_(PUBLIC_VISIBILITIES), or_(Need.reports > 0, Need.hidden.is_(True))
    )
    return list(session.scalars(statement.order_by(Need.id)))
