"""A city's need as typed in the needs form: its rules, checked in one place for every screen."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from email_validator import EmailNotValidError, validate_email

from catalogue.contracts.match import MatchRequest
from catalogue.errors import ValidationError
from catalogue.services import hub_matching
from catalogue.services.translatable import N_
from catalogue.vocabularies import (
    NEED_SCOPES,
    NEED_VISIBILITIES,
    ORGANISATION_KINDS,
    POPULATION_BANDS,
)
from matching.geography import NEIGHBOURS

MAX_MUNICIPALITY_LENGTH = 200
MAX_EMAIL_LENGTH = 320
EMAIL_NEEDED = N_(
    "Give your e-mail address to save the need or contact a hub: the link goes there."
)
# The match request's keys -> the form field that set them.
REQUEST_FIELDS = {"filters": "families_only"}


@dataclass(frozen=True)
class NeedValues:
    """A checked need: the text, who asks, what is wanted, filters and who may see it."""

    text: str
    municipality: str | None = None
    country: str | None = None
    population: str | None = None
    families: tuple[str, ...] = ()
    families_only: bool = False
    language: str | None = None
    scope: str = "anywhere"
    kinds: tuple[str, ...] = ()
    email: str | None = None
    visibility: str = "private"
    request: MatchRequest | None = field(default=None, compare=False)

    def match_request(self) -> MatchRequest:
        """The match request these values make (filters included)."""
        assert self.request is not None
        return self.request


def _filters(values: Mapping[str, Any], country: str | None) -> dict[str, Any] | None:
    filters: dict[str, Any] = {}
    if values.get("families_only"):
        filters["families"] = list(values.get("families") or [])
    scope = values.get("scope") or "anywhere"
    if country and scope == "country":
        filters["countries"] = [country]
    elif country and scope == "neighbours":
        filters["countries"] = [country, *sorted(NEIGHBOURS.get(country, ()))]
    if values.get("kinds"):
        filters["kinds"] = list(values["kinds"])
    return filters or None


def one_line(value: Any, limit: int) -> str | None:
    """A line of text, stripped (None when empty); ``ValueError`` when too long or not one line."""
    text = (value or "").strip() if isinstance(value, str) else value
    if text is None or text == "":
        return None
    if not isinstance(text, str):
        raise ValueError("must be text")
    if len(text) > limit:
        raise ValueError(f"is {len(text)} characters long; at most {limit:,} are allowed")
    if any(ord(c) < 32 for c in text):
        raise ValueError("must be one line of text")
    return text


def _choice(value: Any, choices: Mapping[str, str], what: str) -> str | None:
    if value in (None, ""):
        return None
    if value not in choices:
        raise ValueError(f"{value!r} is not a {what}; choose one of the list")
    return value


def email_address(value: Any, required: bool) -> str | None:
    """A normalised e-mail address (None when empty and not required), else ``ValueError``."""
    address = one_line(value, MAX_EMAIL_LENGTH)
    if address is None:
        if required:
            raise ValueError(EMAIL_NEEDED)
        return None
    try:
        return validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise ValueError(
            f"is not an e-mail address ({error}); write it like name@city.eu"
        ) from None


def _own_fields(values: Mapping[str, Any], require_email: bool) -> tuple[dict, dict[str, str]]:
    """The fields the match request does not know, checked; and the problems found."""
    checked: dict[str, Any] = {}
    problems: dict[str, str] = {}
    checks = {
        "municipality": lambda v: one_line(v, MAX_MUNICIPALITY_LENGTH),
        "population": lambda v: _choice(v, POPULATION_BANDS, "population band"),
        "scope": lambda v: _choice(v, NEED_SCOPES, "choice of where hubs may be") or "anywhere",
        "visibility": lambda v: _choice(v, NEED_VISIBILITIES, "visibility") or "private",
        "email": lambda v: email_address(v, require_email),
    }
    for name, check in checks.items():
        try:
            checked[name] = check(values.get(name))
        except ValueError as error:
            problems[name] = str(error)
    kinds = list(values.get("kinds") or [])
    unknown = [kind for kind in kinds if kind not in ORGANISATION_KINDS]
    if unknown:
        problems["kinds"] = f"{unknown[0]!r} is not a kind of organisation; choose from the list"
    checked["kinds"] = tuple(dict.fromkeys(kinds))
    if checked.get("scope", "anywhere") != "anywhere" and not values.get("country"):
        problems["scope"] = N_("Choose your city's country to see only hubs there or nearby.")
    return checked, problems


def validate_need(values: Mapping[str, Any], require_email: bool = False) -> NeedValues:
    """Check every field of a need (the match request's rules included); raise
    ``ValidationError`` naming each offending field, as the form shows them."""
    own, problems = _own_fields(values, require_email)
    payload = {
        "text": values.get("text") or "",
        "country": values.get("country") or None,
        "families": list(values.get("families") or []) or None,
        "language": values.get("language") or None,
        "filters": None if problems else _filters(values, values.get("country") or None),
    }
    request = None
    try:
        request = hub_matching.validate_match_request(payload)
    except ValidationError as error:
        for name, problem in error.fields.items():
            problems.setdefault(REQUEST_FIELDS.get(name, name), problem)
    if values.get("families_only") and not values.get("families"):
        problems["families_only"] = N_(
            "Tick at least one kind of help to show only hubs offering it."
        )
    if problems or request is None:
        first = min(problems)
        raise ValidationError(f"{first}: {problems[first]}", dict(sorted(problems.items())))
    return NeedValues(
        text=request.text,
        country=request.country,
        families=tuple(request.families or ()),
        families_only=bool(values.get("families_only")),
        language=request.language,
        request=request,
        **own,
    )
