"""The API's own query parameters: ``per_page``, blank values, the services list's filters.

What the API shares with the HTML lists (search text, known values, page numbers, the error)
is in ``catalogue.services.list_parameters``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from catalogue.services import browse
from catalogue.services import list_parameters as rules

MAX_PER_PAGE = 100
SERVICE_FILTERS = ("family", "country", "technology")  # the hub list's values for each


def refuse_blank_values(args: Any, names: tuple[str, ...], problems: dict[str, str]) -> None:
    """Record a problem for empty or space-padded values, which the HTML forms tolerate."""
    for name in names:
        if any(not value or value != value.strip() for value in args.getlist(name)):
            problems[name] = "must not be empty or padded with spaces"


def read_per_page(args: Mapping[str, Any], default: int, problems: dict[str, str]) -> int:
    """Read ``per_page`` (1 to 100), the API's own paging parameter."""
    return rules.read_whole_number(
        args, "per_page", min(default, MAX_PER_PAGE), MAX_PER_PAGE, problems
    )


def parse_paging(
    args: Mapping[str, Any], default: int, problems: dict[str, str]
) -> tuple[int, int]:
    """Read ``page`` (1 to 10,000, as on the browse page) and ``per_page`` (1 to 100)."""
    return rules.read_page(args, problems), read_per_page(args, default, problems)


def parse_service_filters(args: Any, problems: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Read the services list's ``family``, ``country`` and ``technology`` filters."""
    filters: dict[str, tuple[str, ...]] = {}
    for param in SERVICE_FILTERS:
        known = browse.facet_labels(param)
        if values := rules.read_known_values(args, param, known.__contains__, problems):
            filters[param] = values
    return filters
