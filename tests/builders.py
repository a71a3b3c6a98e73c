"""Test builders: valid catalogue rows with defaults for every required field."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.models import (
    Account,
    Event,
    EventSession,
    Membership,
    Organisation,
    Practice,
    Service,
    Tag,
    Talk,
)
from catalogue.models.base import utcnow
from catalogue.services.api_tokens import create_token
from catalogue.services.passwords import hash_password

_numbers = itertools.count(1)


class Builders:
    """Create and commit rows; every keyword overrides a default."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _save(self, record: Any) -> Any:
        self.session.add(record)
        self.session.commit()
        return record

    def tag(self, vocabulary: str, label: str, controlled: bool = True) -> Tag:
        """Return the tag with that label, creating it when needed."""
        found = self.session.scalar(
            select(Tag).where(Tag.vocabulary == vocabulary, Tag.label == label)
        )
        return found or Tag(vocabulary=vocabulary, label=label, controlled=controlled)

    def _tags(self, technologies=(), sectors=()) -> list[Tag]:
        with self.session.no_autoflush:  # the record being built is not complete yet
            return [self.tag("technology", t) for t in technologies] + [
                self.tag("sector", s) for s in sectors
            ]

    def organisation(self, technologies=(), sectors=(), **fields: Any) -> Organisation:
        """A published organisation (a DIH in Belgium unless told otherwise)."""
        n = next(_numbers)
        defaults = {
            "ref": f"org-{n}",
            "slug": f"hub-{n}",
            "name": f"Hub {n}",
            "kind": "dih",
            "country": "BE",
            "description": "Helps public administrations adopt digital technologies.",
            "status": "published",
        }
        organisation = Organisation(**(defaults | fields))
        organisation.tags = self._tags(technologies, sectors)
        return self._save(organisation)

    def service(self, organisation: Organisation, technologies=(), sectors=(), **fields) -> Service:
        """A published service of ``organisation`` (test before invest unless told otherwise)."""
        n = next(_numbers)
        defaults = {
            "ref": f"svc-{n}",
            "slug": f"service-{n}",
            "title": f"Service {n}",
            "family": "test_before_invest",
            "description": "Try a digital solution before buying it.",
            "status": "published",
            "position": len(organisation.services),
        }
        service = Service(organisation=organisation, **(defaults | fields))
        service.tags = self._tags(technologies, sectors)
        return self._save(service)

    def practice(self, organisations=(), **fields: Any) -> Practice:
        """A published practice linked to ``organisations``."""
        n = next(_numbers)
        defaults = {"ref": f"prac-{n}", "slug": f"practice-{n}", "title": f"Practice {n}"}
        practice = Practice(**(defaults | fields))
        practice.organisations = list(organisations)
        return self._save(practice)

    def event(self, sessions: list[dict] | None = None, **fields: Any) -> Event:
        """A published event; ``sessions`` is a list of ``{title, start, end, talks: [...]}``."""
        n = next(_numbers)
        defaults = {"ref": f"event-{n}", "slug": f"event-{n}", "title": f"Event {n}"}
        event = Event(date=fields.pop("date", date(2020, 4, 30)), **(defaults | fields))
        for position, block in enumerate(sessions or []):
            talks = [Talk(position=i, **talk) for i, talk in enumerate(block.get("talks", []))]
            event.sessions.append(
                EventSession(
                    position=position,
                    title=block["title"],
                    start=block.get("start"),
                    end=block.get("end"),
                    talks=talks,
                )
            )
        return self._save(event)

    def api_token(self, organisation: Organisation, email: str, name: str = "test token") -> str:
        """The secret of an API token of a new confirmed account, a verified manager of
        ``organisation``."""
        account = Account(email=email, password_hash=hash_password("x" * 16), is_admin=False)
        account.confirmed_at = utcnow()
        self.session.add(account)
        self.session.flush()
        self.session.add(
            Membership(account_id=account.id, organisation_id=organisation.id, verified=True)
        )
        _, secret = create_token(self.session, account, name)
        self.session.commit()
        return secret
