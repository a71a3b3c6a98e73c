"""Published records for the API: parameter parsing, paginated lists and lookups by ref."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from catalogue import vocabularies
from catalogue.errors import NotFound, ValidationError
from catalogue.models import Event, Organisation, Practice, Service, Tag
from catalogue.models.tags import service_tags
from catalogue.services import browse
from catalogue.vocabularies import PUBLISHED

MAX_PER_PAGE = 100
SERVICE_FILTERS: dict[str, Mapping[str, str]] = {
    "family": vocabularies.SERVICE_FAMILIES,
    "country": {},  # filled lazily from browse's country facet
    "technology": {t: t for t in vocabularies.TECHNOLOGIES},
}


@dataclass(frozen=True)
class Page:
    """One page of a list: its items, the total and where it sits."""

    items: list[Any]
    total: int
    page: int
    per_page: int
    pages: int
    args: dict[str, Any] = field(default_factory=dict)


def parse_number(
    args: Mapping[str, Any], name: str, default: int, highest: int, problems: dict[str, str]
) -> int:
    """Read a whole-number parameter from 1 to ``highest``; record a problem otherwise."""
    raw = args.get(name)
    if raw is None or raw == "":
        return default
    text = str(raw).strip()
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= highest:
        problems[name] = f"must be a whole number from 1 to {highest}"
        return default
    return int(text)


def refuse_blank_values(args: Any, names: tuple[str, ...], problems: dict[str, str]) -> None:
    """Record a problem for empty or space-padded values, which the HTML forms tolerate."""
    for name in names:
        if any(not value or value != value.strip() for value in args.getlist(name)):
            problems[name] = "must not be empty or padded with spaces"


def parse_paging(
    args: Mapping[str, Any], default: int, problems: dict[str, str]
) -> tuple[int, int]:
    """Read ``page`` (1 to 10,000, as on the browse page) and ``per_page`` (1 to 100)."""
    page = parse_number(args, "page", 1, browse.MAX_PAGE, problems)
    return page, parse_number(args, "per_page", min(default, MAX_PER_PAGE), MAX_PER_PAGE, problems)


def raise_problems(problems: dict[str, str], what: str) -> None:
    """Raise one ``ValidationError`` naming every bad parameter."""
    if problems:
        names = ", ".join(f"“{name}”" for name in problems)
        raise ValidationError(f"The {what} could not be listed: check {names}.", fields=problems)


def parse_service_filters(args: Any, problems: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Read the services list's ``family``, ``country`` and ``technology`` filters."""
    countries = next(spec.labels for spec in browse.FACETS if spec.param == "country")
    filters: dict[str, tuple[str, ...]] = {}
    for param, known in SERVICE_FILTERS.items():
        known = known or countries()
        values = tuple(dict.fromkeys(v.strip() for v in args.getlist(param) if v.strip()))
        unknown = [v for v in values if v not in known]
        if unknown:
            problems[param] = f"unknown value {', '.join(repr(v[:60]) for v in unknown[:3])}"
        elif values:
            filters[param] = values
    return filters


def paginate(session: Session, statement: Select, page: int, per_page: int) -> Page:
    """Run ``statement`` for one page; a page past the last one is not found."""
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    pages = max(1, math.ceil(total / per_page))
    if page > pages:
        raise NotFound(f"Page {page} does not exist: this list has {pages} page(s).")
    items = session.scalars(statement.limit(per_page).offset((page - 1) * per_page)).all()
    return Page(list(items), total, page, per_page, pages)


def services_statement(filters: Mapping[str, tuple[str, ...]]) -> Select:
    """Published services of published organisations, filtered, in a stable order."""
    statement = (
        select(Service)
        .join(Service.organisation)
        .where(Service.status == PUBLISHED, Organisation.status == PUBLISHED)
    )
    if families := filters.get("family"):
        statement = statement.where(Service.family.in_(families))
    if countries := filters.get("country"):
        statement = statement.where(Organisation.country.in_(countries))
    if technologies := filters.get("technology"):
        tagged = (
            select(service_tags.c.service_id)
            .join(Tag, Tag.id == service_tags.c.tag_id)
            .where(Tag.vocabulary == "technology", Tag.label.in_(technologies))
        )
        statement = statement.where(Service.id.in_(tagged))
    return statement.order_by(func.lower(Service.title), Service.id)


def get_organisation(session: Session, ref: str) -> Organisation:
    """Return the published organisation with this ref, or raise ``NotFound``."""
    statement = select(Organisation).where(Organisation.ref == ref)
    return _published_one(session, statement.where(Organisation.status == PUBLISHED), ref)


def get_service(session: Session, ref: str) -> Service:
    """Return the published service (of a published organisation) with this ref."""
    statement = services_statement({}).where(Service.ref == ref)
    return _published_one(session, statement, ref)


def practices_statement() -> Select:
    """Published practices by title."""
    statement = select(Practice).where(Practice.status == PUBLISHED)
    return statement.order_by(func.lower(Practice.title), Practice.id)


def get_practice(session: Session, ref: str) -> Practice:
    """Return the published practice with this ref, or raise ``NotFound``."""
    return _published_one(session, practices_statement().where(Practice.ref == ref), ref)


def events_statement() -> Select:
    """Published events, newest first."""
    statement = select(Event).where(Event.status == PUBLISHED)
    return statement.order_by(Event.date.desc(), Event.id)


def get_event(session: Session, ref: str) -> Event:
    """Return the published event with this ref, or raise ``NotFound``."""
    return _published_one(session, events_statement().where(Event.ref == ref), ref)


def _published_one(session: Session, statement: Select, ref: str) -> Any:
    record = session.scalar(statement)
    if record is None:
        raise NotFound(f"There is no published record with ref “{ref[:100]}”.")
    return record


def published(records: list[Any]) -> list[Any]:
    """Keep the published records of a relationship."""
    return [record for record in records if record is not None and record.status == PUBLISHED]
