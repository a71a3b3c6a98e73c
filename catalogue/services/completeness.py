"""How complete an organisation's profile is, with a hint for each missing part.

A missing service family's hint says how many of the needs cities saved here asked for that
family, once there are ``MIN_NEEDS_FOR_SHARES`` of them (fewer say nothing reliable). Only the
count per family is read: no need's text, place or address reaches a hub this way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.models import Need, Organisation
from catalogue.services.visibility import keep_public
from catalogue.vocabularies import SERVICE_FAMILIES

MIN_DESCRIPTION = 200
MIN_NEEDS_FOR_SHARES = 20


@dataclass(frozen=True)
class FamilyDemand:
    """How many saved needs there are, and how many asked for each service family."""

    needs: int
    asking: dict[str, int]

    def share(self, family: str) -> int | None:
        """The percentage of needs asking for ``family``; ``None`` below the minimum count."""
        if self.needs < MIN_NEEDS_FOR_SHARES:
            return None
        return round(100 * self.asking.get(family, 0) / self.needs)


def family_demand(session: Session) -> FamilyDemand:
    """Count the saved needs (those a moderator hid as abuse left out) asking for each family."""
    chosen = session.scalars(select(Need.families).where(Need.hidden.is_(False))).all()
    asking = Counter(family for families in chosen for family in set(families or ()))
    return FamilyDemand(len(chosen), dict(asking))


@dataclass(frozen=True)
class Completeness:
    """A score from 0 to 100 and what would raise it."""

    percent: int
    hints: list[str]


def _family_hint(label: str, share: int | None) -> str:
    if share is None:
        return (
            f"Add a “{label}” service if you offer one: cities can ask for each of the four "
            "families in the need form, and a hub without one is not matched on it."
        )
    return (
        f"Add a “{label}” service if you offer one: {share} % of the needs cities saved here "
        "ask for one, and a hub without one is not matched on it."
    )


def _checks(organisation: Organisation, demand: FamilyDemand) -> list[tuple[bool, str]]:
    tags = {t.vocabulary for t in organisation.tags}
    services = keep_public(organisation.services)
    families = {s.family for s in services}
    checks = [
        (
            len(organisation.description or "") >= MIN_DESCRIPTION,
            f"Describe what you do for cities in at least {MIN_DESCRIPTION} characters: matching "
            "reads the description's words.",
        ),
        (bool(organisation.website), "Add your website, so cities can read more."),
        (bool(organisation.email), "Add a contact e-mail, so cities can reach you."),
        (
            bool(organisation.country),
            "Say which country you are in: cities' own country comes first.",
        ),
        (bool(organisation.languages), "List the languages you work in."),
        ("technology" in tags, "Choose the technologies you work with from the EU's list."),
        (
            "sector" in tags,
            "Choose the sectors you serve, e.g. Public administration or Smart City.",
        ),
        (bool(services), "Add your services: cities are matched to services first."),
    ]
    for family, label in SERVICE_FAMILIES.items():
        checks.append((family in families, _family_hint(label, demand.share(family))))
    return checks


def score(organisation: Organisation, demand: FamilyDemand) -> Completeness:
    """The share of checks the profile passes, and the hints of the failed ones."""
    checks = _checks(organisation, demand)
    passed = sum(ok for ok, _ in checks)
    return Completeness(round(100 * passed / len(checks)), [hint for ok, hint in checks if not ok])
