"""The values of the interchange format, each a typed, checked type with its JSON Schema."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints

from catalogue import vocabularies
from catalogue.contracts.problems import json_type, problem
from catalogue.services.source_dates import PartialDate

# A publisher's identifier: the one definition, used by the import, the API's paths and OpenAPI.
REF_PATTERN = "^[A-Za-z0-9._:-]{1,100}$"
REF_RULE = "1-100 of A-Z a-z 0-9 . _ : -"
_REF = re.compile(REF_PATTERN)
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
TEXT_LENGTH = 20_000
NAME_LENGTH = 300


def schema(**extra: Any) -> Any:
    """JSON Schema keywords for a value whose check is a validator (pattern, format, enum...)."""
    return Field(json_schema_extra=extra)


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise problem("contains a NUL character")
    return value


def text(max_length: int) -> Any:
    """A string of at most ``max_length`` characters (the database column's length)."""
    return Annotated[str, StringConstraints(max_length=max_length), AfterValidator(_no_nul)]


def _checked(check: Callable[[str], Any], **json_schema: Any) -> Any:
    """A string, free of NUL, that ``check`` accepts (and may normalise)."""
    return Annotated[str, AfterValidator(_no_nul), AfterValidator(check), schema(**json_schema)]


def _trimmed_name(value: str) -> str:
    trimmed = value.strip()
    if not 1 <= len(trimmed) <= NAME_LENGTH:
        raise problem(f"must be 1-300 characters after trimming (got {len(trimmed):,})")
    return trimmed


def _ref(value: str) -> str:
    if not _REF.fullmatch(value):
        raise problem(f"invalid ref {value!r}: use {REF_RULE}")
    return value


def choice(options: Iterable[str], what: str) -> Any:
    """One of ``options``; an unknown value is reported as ``unknown <what> '<value>'``."""
    allowed = tuple(options)

    def check(value: str) -> str:
        if value not in allowed:
            raise problem(f"unknown {what} {value!r}")
        return value

    return Annotated[str, AfterValidator(check), schema(enum=list(allowed))]


def _country(value: str) -> str:
    code = vocabularies.normalise_country(value)
    if code is None:
        raise problem(f"unknown country {value!r}")
    return code


def _url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or re.search(r"\s", value):
        raise problem(f"not an http(s) URL: {value!r}")
    return value


def _email(value: str) -> str:
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as error:
        raise problem(f"invalid e-mail address {value!r}: {error}") from error
    return value


def _language(value: str) -> str:
    if not vocabularies.is_language_code(value):
        raise problem(f"unknown language code {value!r} (expected ISO 639-1)")
    return value


def _iso_date(value: Any) -> date:
    if not isinstance(value, str):
        raise problem(f"expected a string, got {json_type(value)}")
    try:
        if _DATE.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise problem(f"expected a date YYYY-MM-DD, got {value!r}")


def _month_or_date(value: str) -> str:
    month = _MONTH.fullmatch(value) and 1 <= int(value[5:]) <= 12
    if month or (_DATE.fullmatch(value) and PartialDate.parse(value)):
        return value
    raise problem(f"expected YYYY-MM or YYYY-MM-DD, got {value!r}")


def _partial_date(value: str) -> str:
    if PartialDate.parse(value) is None:
        raise problem(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return value


def _clock_time(value: str) -> str:
    if not _TIME.fullmatch(value):
        raise problem(f"expected HH:MM, got {value!r}")
    return value


def _non_empty(value: str) -> str:
    if not value.strip():
        raise problem("expected a non-empty string")
    return value


def non_empty(max_length: int) -> Any:
    """A string that is not blank, of at most ``max_length`` characters."""
    return Annotated[
        str,
        StringConstraints(max_length=max_length),
        AfterValidator(_no_nul),
        AfterValidator(_non_empty),
        schema(pattern=r"\S"),
    ]


def number_in(low: float, high: float) -> Any:
    """A finite JSON number (not a boolean) from ``low`` to ``high``."""

    def check(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise problem(f"expected a number, got {json_type(value)}")
        if not math.isfinite(value) or not low <= value <= high:
            raise problem(f"out of range [{low:g}, {high:g}]: {value}")
        return value

    return Annotated[float, BeforeValidator(check), schema(minimum=low, maximum=high)]


def constant(expected: Any) -> Any:
    """Exactly ``expected``: ``True`` and ``1.0`` do not pass for ``1``."""

    def check(value: Any) -> Any:
        if type(value) is type(expected) and value == expected:
            return value
        raise problem(f"expected {expected!r}, got {value!r}")

    return Annotated[Literal[expected], BeforeValidator(check)]  # type: ignore[valid-type]


def labels(vocabulary: str) -> Any:
    """Technology or sector labels, mapped onto the vocabulary, tidied and without duplicates."""

    def normalise(values: list[str]) -> list[str]:
        normalised = [vocabularies.normalise_label(value, vocabulary)[0] for value in values]
        return list(dict.fromkeys(normalised))

    return Annotated[list[non_empty(NAME_LENGTH)], AfterValidator(normalise)]


Ref = _checked(_ref, pattern=REF_PATTERN)
Name = _checked(_trimmed_name, pattern=r"\S", description="1-300 characters once trimmed.")
LongText = text(TEXT_LENGTH)
Country = _checked(
    _country, description="An ISO 3166-1 alpha-2 code in any case, or an English country name."
)
Url = Annotated[
    str,
    StringConstraints(max_length=2000),
    AfterValidator(_no_nul),
    AfterValidator(_url),
    schema(format="uri", pattern="^https?://"),
]
Email = Annotated[
    str,
    StringConstraints(max_length=320),
    AfterValidator(_no_nul),
    AfterValidator(_email),
    schema(format="email"),
]
Language = _checked(_language, enum=vocabularies.language_codes())
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
MonthOrDate = _checked(_month_or_date, pattern="^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$")
PartialDateText = _checked(_partial_date, pattern="^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
ClockTime = _checked(_clock_time, pattern="^([01][0-9]|2[0-3]):[0-5][0-9]$")
Extra = dict[str, Any]
