"""Checks for single values of an interchange document; each reports problems by JSON path."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email

from catalogue import vocabularies
from catalogue.services.source_dates import PartialDate

REF_PATTERN = re.compile(r"[A-Za-z0-9._:-]{1,100}")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
TEXT_LENGTH = 20_000


class Invalid:
    """The marker a check returns for a value it reported as a problem."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID = Invalid()


@dataclass(frozen=True)
class Issue:
    """One problem of a document: where (a JSON path) and what."""

    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


class Problems:
    """Collects the issues found while checking a document."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def add(self, path: str, problem: str) -> Invalid:
        """Record a problem at ``path`` and return the ``INVALID`` marker."""
        self.issues.append(Issue(path or "document", problem))
        return INVALID


Check = Callable[[Any, str, Problems], Any]


def json_type(value: Any) -> str:
    """Name the JSON type of a parsed value, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return {str: "string", list: "list", dict: "object"}.get(type(value), type(value).__name__)


def wrong_type(value: Any, path: str, problems: Problems, expected: str) -> Invalid:
    """Report that ``value`` is not of the ``expected`` JSON type."""
    return problems.add(path, f"expected {expected}, got {json_type(value)}")


def _is_text(value: Any, path: str, problems: Problems) -> bool:
    """Tell whether ``value`` is a string PostgreSQL can store; report it when not."""
    if not isinstance(value, str):
        wrong_type(value, path, problems, "a string")
        return False
    if "\x00" in value:
        problems.add(path, "contains a NUL character")
        return False
    return True


def string(max_length: int) -> Check:
    """A string of at most ``max_length`` characters (the database column's length)."""

    def check(value: Any, path: str, problems: Problems) -> Any:
        if not _is_text(value, path, problems):
            return INVALID
        if len(value) > max_length:
            return problems.add(
                path, f"too long: {len(value):,} characters (at most {max_length:,})"
            )
        return value

    return check


def name(value: Any, path: str, problems: Problems) -> Any:
    """A name or title: 1-300 characters after trimming; returned trimmed."""
    if not _is_text(value, path, problems):
        return INVALID
    trimmed = value.strip()
    if not 1 <= len(trimmed) <= 300:
        return problems.add(path, f"must be 1-300 characters after trimming (got {len(trimmed):,})")
    return trimmed


long_text = string(TEXT_LENGTH)


def ref(value: Any, path: str, problems: Problems) -> Any:
    """A publisher's identifier, ``[A-Za-z0-9._:-]{1,100}``."""
    if not isinstance(value, str):
        return wrong_type(value, path, problems, "a string")
    if not REF_PATTERN.fullmatch(value):
        return problems.add(path, f"invalid ref {value!r}: use 1-100 of A-Z a-z 0-9 . _ : -")
    return value


def choice(options: Iterable[str], what: str) -> Check:
    """One of ``options``; an unknown value is reported as ``unknown <what> '<value>'``."""
    allowed = tuple(options)

    def check(value: Any, path: str, problems: Problems) -> Any:
        if not isinstance(value, str):
            return wrong_type(value, path, problems, "a string")
        if value not in allowed:
            return problems.add(path, f"unknown {what} {value!r}")
        return value

    return check


def country(value: Any, path: str, problems: Problems) -> Any:
    """An ISO 3166-1 alpha-2 code or an English country name; returned as the code."""
    if not isinstance(value, str):
        return wrong_type(value, path, problems, "a string")
    code = vocabularies.normalise_country(value)
    return code or problems.add(path, f"unknown country {value!r}")


def url(value: Any, path: str, problems: Problems) -> Any:
    """An absolute http(s) URL that fits the database column."""
    if string(2000)(value, path, problems) is INVALID:
        return INVALID
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or re.search(r"\s", value):
        return problems.add(path, f"not an http(s) URL: {value!r}")
    return value


def email(value: Any, path: str, problems: Problems) -> Any:
    """An e-mail address (its syntax only; no DNS look-up)."""
    if string(320)(value, path, problems) is INVALID:
        return INVALID
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as error:
        return problems.add(path, f"invalid e-mail address {value!r}: {error}")
    return value


def number_in(low: float, high: float) -> Check:
    """A finite JSON number (not a boolean) between ``low`` and ``high``."""

    def check(value: Any, path: str, problems: Problems) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return wrong_type(value, path, problems, "a number")
        if not math.isfinite(value) or not low <= value <= high:
            return problems.add(path, f"out of range [{low:g}, {high:g}]: {value}")
        return value

    return check


def iso_date(value: Any, path: str, problems: Problems) -> Any:
    """A date written ``YYYY-MM-DD``; returned as a ``date``."""
    if not isinstance(value, str):
        return wrong_type(value, path, problems, "a string")
    try:
        if _DATE.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    return problems.add(path, f"expected a date YYYY-MM-DD, got {value!r}")


def month_or_date(value: Any, path: str, problems: Problems) -> Any:
    """``YYYY-MM`` or ``YYYY-MM-DD``; returned as written."""
    if not isinstance(value, str):
        return wrong_type(value, path, problems, "a string")
    month = _MONTH.fullmatch(value) and 1 <= int(value[5:]) <= 12
    if month or iso_date(value, path, Problems()) is not INVALID:
        return value
    return problems.add(path, f"expected YYYY-MM or YYYY-MM-DD, got {value!r}")


def partial_date(value: Any, path: str, problems: Problems) -> Any:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, a real date; returned as written."""
    if not isinstance(value, str):
        return wrong_type(value, path, problems, "a string")
    if PartialDate.parse(value) is None:
        return problems.add(path, f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return value


def boolean(value: Any, path: str, problems: Problems) -> Any:
    """``true`` or ``false`` (not ``1`` or ``"yes"``)."""
    return value if isinstance(value, bool) else wrong_type(value, path, problems, "a boolean")


def clock_time(value: Any, path: str, problems: Problems) -> Any:
    """A local time written ``HH:MM`` (00:00-23:59)."""
    if not isinstance(value, str):
        return wrong_type(value, path, problems, "a string")
    return value if _TIME.fullmatch(value) else problems.add(path, f"expected HH:MM, got {value!r}")


def language(value: Any, path: str, problems: Problems) -> Any:
    """An ISO 639-1 language code such as ``en``."""
    if not isinstance(value, str):
        return wrong_type(value, path, problems, "a string")
    if not vocabularies.is_language_code(value):
        return problems.add(path, f"unknown language code {value!r} (expected ISO 639-1)")
    return value


def non_empty(max_length: int) -> Check:
    """A string that is not blank, of at most ``max_length`` characters."""
    inner = string(max_length)

    def check(value: Any, path: str, problems: Problems) -> Any:
        if isinstance(value, str) and not value.strip():
            return problems.add(path, "expected a non-empty string")
        return inner(value, path, problems)

    return check


def list_of(item: Check) -> Check:
    """A list whose every item passes ``item``; items are reported as ``path[i]``.

    Items that fail stay in the list as ``INVALID`` so the others can still be cross-checked.
    """

    def check(value: Any, path: str, problems: Problems) -> Any:
        if not isinstance(value, list):
            return wrong_type(value, path, problems, "a list")
        return [item(element, f"{path}[{i}]", problems) for i, element in enumerate(value)]

    return check


def labels(vocabulary: str) -> Check:
    """Technology or sector labels, normalised onto the vocabulary: ``[(label, controlled)]``."""
    check_items = list_of(non_empty(300))

    def check(value: Any, path: str, problems: Problems) -> Any:
        items = check_items(value, path, problems)
        if items is INVALID or INVALID in items:
            return INVALID
        # Normalising only tidies spaces or maps onto a short vocabulary label: lengths hold.
        normalised = [vocabularies.normalise_label(item, vocabulary) for item in items]
        return list(dict.fromkeys(normalised))

    return check


def extra(value: Any, path: str, problems: Problems) -> Any:
    """An object kept as it is."""
    return value if isinstance(value, dict) else wrong_type(value, path, problems, "an object")
