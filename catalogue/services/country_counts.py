"""How much of the catalogue each country has: listed organisations and published practices."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalogue.models import Organisation, Practice
from catalogue.services import duplicates
from catalogue.vocabularies import PUBLISHED, country_name

MEASURES = {"organisations": "Organisations", "practices": "Practices"}


@dataclass(frozen=True)
class CountryCount:
    """One country's counts."""

    code: str
    name: str
    organisations: int
    practices: int

    def of(self, measure: str) -> int:
        """The count of one measure (a key of ``MEASURES``)."""
        return getattr(self, measure)


def count_by_country(session: Session) -> list[CountryCount]:
    """Listed organisations and published practices per country, by country name.

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
    codes = set(organisations) | set(practices)
    rows = [
        CountryCount(code, country_name(code), organisations.get(code, 0), practices.get(code, 0))
        for code in codes
    ]
    return sorted(rows, key=lambda row: row.name)
