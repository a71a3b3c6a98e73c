"""The results of a need as its pages show them: the ranked hubs, the marked need, practices."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from catalogue.extensions import db, match_index_holder, practice_index_holder
from catalogue.needs.highlight import highlight_need
from catalogue.services import hub_matching, practice_matching
from catalogue.services.need_values import NeedValues
from catalogue.vocabularies import ORGANISATION_KINDS, SERVICE_FAMILIES, country_name


@dataclass(frozen=True)
class NeedResult:
    """What the results section shows."""

    values: NeedValues
    outcome: hub_matching.MatchOutcome
    marked_need: Markup
    similar: list
    filters: list[str]


def filter_descriptions(values: NeedValues) -> list[str]:
    """The hard filters in words, to say what the results leave out."""
    described = []
    if values.families_only:
        described.append(" or ".join(SERVICE_FAMILIES[f] for f in values.families))
    if values.scope != "anywhere" and values.country:
        country = country_name(values.country)
        neighbours = " and its neighbours" if values.scope == "neighbours" else ""
        described.append(f"hubs in {country}{neighbours}")
    if values.kinds:
        described.append(", ".join(ORGANISATION_KINDS[k] for k in values.kinds))
    return described


def need_results(values: NeedValues) -> NeedResult:
    """Run the need through the engine and the practice library."""
    outcome = hub_matching.find_matches(db.session, match_index_holder(), values.match_request())
    similar = practice_matching.closest_practices(
        db.session, practice_index_holder(), values.text, outcome.language
    )
    marked = highlight_need(values.text, outcome.language, outcome.matches)
    return NeedResult(values, outcome, marked, similar, filter_descriptions(values))
