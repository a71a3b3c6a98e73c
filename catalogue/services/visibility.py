"""What the public sees: one rule for a published record and for a service on offer.

A record is public when its status is ``published``. A service is on offer when it is public
and so is the organisation offering it. Every list, page, count and API answer asks these.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import Select, select

from catalogue.models import Organisation, Service
from catalogue.vocabularies import PUBLISHED

Record = TypeVar("Record")


def is_public(record: Any) -> bool:
    """Whether ``record`` (an organisation, service, practice, event...) is published."""
    return record is not None and record.status == PUBLISHED


def keep_public(records: Iterable[Record | None]) -> list[Record]:
    """The published records of a relationship, in their order."""
    return [record for record in records if is_public(record)]


def services_on_offer(*columns: Any) -> Select:
    """``SELECT`` the services on offer (``columns``, or whole services), joined to the offerer."""
    return (
        select(*(columns or (Service,)))
        .join(Organisation, Organisation.id == Service.organisation_id)
        .where(Service.status == PUBLISHED, Organisation.status == PUBLISHED)
    )
