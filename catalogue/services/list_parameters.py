"""The rules every list of the catalogue shares, on its pages and in the API.

One function per rule: the search text and its length, the values a filter knows, a whole
number such as ``page``, the page past the end, and the one error naming every bad parameter;
and the facet shapes that ``templates/_lists.html`` shows.
The hub list (``browse``), the practice list (``practices``), the needs board (``needs``) and
the API (``api.parameters``) read their parameters through these: a rule changes in one place.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from catalogue.errors import NotFound, ValidationError
from catalogue.services.translatable import N_, Nn_

MAX_PAGE = 10_000


class MultiArgs(Protocol):
    """What the readers need from a query string: Werkzeug's MultiDict has it."""

    def getlist(self, key: str) -> list[str]: ...

    def get(self, key: str, default: Any = None) -> Any: ...


Problems = dict[str, str]


class FacetOption(NamedTuple):
    """One value of a facet, with the number of records that selecting it would give.

    ``detected`` of them (hubs) only have the value detected in their description: they neither
    declare it nor (for a family) offer a published service in it.
    """

    value: str
    label: str
    count: int
    selected: bool
    detected: int = 0


@dataclass(frozen=True)
class Facet:
    """A facet's options, ready to show as checkboxes."""

    param: str
    title: str
    options: list[FacetOption]
    detectable: bool = False


def read_search_text(args: MultiArgs, limit: int, problems: Problems) -> str:
    """The search words of ``q`` with runs of spaces folded; at most ``limit`` characters."""
    text = " ".join(str(args.get("q", "") or "").split())
    if len(text) > limit:
        problems["q"] = f"is {len(text)} characters long; the limit is {limit}"
    return text


def read_known_values(
    args: MultiArgs, param: str, is_known: Callable[[str], bool], problems: Problems
) -> tuple[str, ...]:
    """The distinct non-blank values of a filter, in order; a problem names unknown ones."""
    values = tuple(dict.fromkeys(v.strip() for v in args.getlist(param) if v.strip()))
    unknown = [value for value in values if not is_known(value)]
    if unknown:
        problems[param] = f"unknown value {', '.join(repr(v[:60]) for v in unknown[:3])}"
        return ()
    return values


def read_whole_number(
    args: MultiArgs, name: str, default: int, highest: int, problems: Problems
) -> int:
    """A whole number from 1 to ``highest`` (``default`` when absent or empty)."""
    raw = args.get(name)
    if raw is None or raw == "":
        return default
    text = str(raw).strip()
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= highest:
        problems[name] = f"must be a whole number from 1 to {highest}"
        return default
    return int(text)


def read_page(args: MultiArgs, problems: Problems) -> int:
    """The ``page`` parameter: 1 to ``MAX_PAGE``, 1 when absent."""
    return read_whole_number(args, "page", 1, MAX_PAGE, problems)


def count_pages(page: int, total: int, per_page: int) -> int:
    """How many pages ``total`` rows fill; a page past the last one is not found."""
    pages = max(1, math.ceil(total / per_page))
    if page > pages:
        raise NotFound(
            f"Page {page} does not exist: this list has {pages} page(s).",
            fields={"page": f"must be at most {pages}"},
            wording=(
                Nn_(
                    "Page %(page)s does not exist: this list has %(num)s page.",
                    "Page %(page)s does not exist: this list has %(num)s pages.",
                ),
                {"page": page, "num": pages},
            ),
        )
    return pages


# The pages' wording of a refused list, per list (the API's lists keep the English message).
REFUSALS = {
    "hub list": (
        N_("The hub list could not be shown: check the parameter %(names)s."),
        N_("The hub list could not be shown: check the parameters %(names)s and %(last)s."),
    ),
    "practice list": (
        N_("The practice list could not be shown: check the parameter %(names)s."),
        N_("The practice list could not be shown: check the parameters %(names)s and %(last)s."),
    ),
    "needs board": (
        N_("The needs board could not be shown: check the parameter %(names)s."),
        N_("The needs board could not be shown: check the parameters %(names)s and %(last)s."),
    ),
}


def refuse(problems: Problems, what: str) -> None:
    """Raise one ``ValidationError`` naming every bad parameter of the list ``what``."""
    if not problems:
        return
    names = [f"“{name}”" for name in problems]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    plural = "s" if len(names) > 1 else ""
    wording = None
    if what in REFUSALS:
        msgid = REFUSALS[what][len(names) > 1]
        wording = (msgid, {"names": ", ".join(names[:-1] or names), "last": names[-1]})
    raise ValidationError(
        f"The {what} could not be shown: check the parameter{plural} {listed}.",
        fields=problems,
        wording=wording,
    )
