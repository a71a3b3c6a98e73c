"""The API's query parameters: paging, blank values, the services list's filters, one error."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from catalogue import vocabularies
from catalogue.errors import ValidationError
from catalogue.services import browse

MAX_PER_PAGE = 100
SERVICE_FILTERS: dict[str, Mapping[str, str]] = {
    "family": vocabularies.SERVICE_FAMILIES,
    "country": {},  # filled lazily from browse's country facet
    "technology": {t: t for t in vocabularies.TECHNOLOGIES},
}


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
