"""How much each country has: listed organisations, published practices and public needs.

A public need counts in its country whether it names its city or not (anonymous needs give
only the country); a private need never counts, nor one a moderator hid or its city closed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalogue.models import Organisation, Practice
from catalogue.services import duplicates, needs
from catalogue.vocabularies import PUBLISHED, country_name

MEASURES = {"organisations": "Organisations", "practices": "Practices", "needs": "Public needs"}


@dataclass(frozen=True)
class CountryCount:
    """One country's counts."""

    code: str
    name: str
    organisations: int
    practices: int
    needs: int = 0

    def of(self, measure: str) -> int:
        """The count of one measure (a key of ``MEASURES``)."""
        return getattr(self, measure)


def count_by_country(session: Session) -> list[CountryCount]:
    """Listed organisations, published practices and public needs per country, by name.

    Records without a country (EU-wide networks, cases across countries) are not counted.
    """
    organisations = dict(
        session.execute(
            select(Organisation.country, func.count())
            .where(duplicates.is_listed(), Organisation.country.is_not(None))
            .group_by(Organisation.country)
        ).all()
    )
    practices = dict(
        session.execute(
            select(Practice.country, func.count())
            .where(Practice.status == PUBLISHED, Practice.country.is_not(None))
            .group_by(Practice.country)
        ).all()
    )
    public = needs.public_needs().subquery()
    asked = dict(
        session.execute(
            select(public.c.country, func.count())
            .where(public.c.country.is_not(None))
            .group_by(public.c.country)
        ).all()
    )
    codes = set(organisations) | set(practices) | set(asked)
    rows = [
        CountryCount(
            code,
            country_name(code),
            organisations.get(code, 0),
            practices.get(code, 0),
            asked.get(code, 0),
        )
        for code in codes
    ]
    return sorted(rows, key=lambda row: row.name)
