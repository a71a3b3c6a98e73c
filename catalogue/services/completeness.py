"""How complete an organisation's profile is, with a hint for each missing part."""

from __future__ import annotations

from dataclasses import dataclass

from catalogue.models import Organisation
from catalogue.services.visibility import keep_public
from catalogue.vocabularies import SERVICE_FAMILIES

MIN_DESCRIPTION = 200


@dataclass(frozen=True)
class Completeness:
    """A score from 0 to 100 and what would raise it."""

    percent: int
    hints: list[str]


def _checks(organisation: Organisation) -> list[tuple[bool, str]]:
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
        checks.append(
            (
                family in families,
                f"Add a “{label}” service if you offer one: cities can ask for each of the four "
                "families in the need form, and a hub without one is not matched on it.",
            )
        )
    return checks


def score(organisation: Organisation) -> Completeness:
    """The share of checks the profile passes, and the hints of the failed ones."""
    checks = _checks(organisation)
    passed = sum(ok for ok, _ in checks)
    return Completeness(round(100 * passed / len(checks)), [hint for ok, hint in checks if not ok])
