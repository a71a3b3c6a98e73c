"""Dates that sources give as a year, a month or a day: read, shown, and compared with a day."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_PARTIAL = re.compile(r"(?P<year>[0-9]{4})(-(?P<month>[0-9]{2})(-(?P<day>[0-9]{2}))?)?")


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year (``2022``), the month (``2022-02``) or the day (``2022-02-08``)."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str | None) -> PartialDate | None:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``None`` for anything else."""
        match = _PARTIAL.fullmatch(text or "")
        if match is None:
            return None
        year, month, day = (int(part) if part else None for part in match.group(1, 3, 5))
        try:
            date(year, month or 1, day or 1)
        except ValueError:
            return None
        return cls(year, month, day)

    def isoformat(self) -> str:
        """The date as written in the interchange format (and in HTML ``<time datetime>``)."""
        parts = [f"{self.year:04d}", *(f"{p:02d}" for p in (self.month, self.day) if p)]
        return "-".join(parts)

    def label(self) -> str:
        """The date for readers: ``2022``, ``February 2022`` or ``8 February 2022``."""
        if self.month is None:
            return str(self.year)
        month = date(self.year, self.month, 1).strftime("%B")
        return f"{self.day} {month} {self.year}" if self.day else f"{month} {self.year}"

    def is_after(self, day: date) -> bool | None:
        """Tell whether this date is surely after ``day``, surely not, or ``None`` if unknown.

        ``2020-05`` is after 30 April 2020, ``2020-04`` is not, ``2020`` could be either.
        """
        first = date(self.year, self.month or 1, self.day or 1)
        last = date(self.year, self.month or 12, self.day or _month_end(self.year, self.month))
        if first > day:
            return True
        if last <= day:
            return False
        return None


def _month_end(year: int, month: int | None) -> int:
    if month is None or month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days
