"""Validation and normalisation of the records and query options MatchIndex receives."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from matching.language import SAMPLE_LENGTH, detect_language, language_by_words
from matching.records import COUNTRY_PATTERN, FAMILIES, OrganisationRecord


def check_records(records: Iterable[OrganisationRecord]) -> list[OrganisationRecord]:
    """Validate records and sort them (and their services) by id, so input order is irrelevant."""
    ordered = sorted(records, key=lambda r: r.id) if records is not None else []
    seen_records: set[str] = set()
    seen_services: set[str] = set()
    for record in ordered:
        if not isinstance(record, OrganisationRecord):
            raise ValueError(
                f"records must be matching.OrganisationRecord objects, got {type(record)!r}"
            )
        if record.id in seen_records:
            raise ValueError(f"duplicate record id {record.id!r}")
        seen_records.add(record.id)
        for service in record.services:
            if service.id in seen_services:
                raise ValueError(f"duplicate service id {service.id!r}")
            seen_services.add(service.id)
    if not ordered:
        raise ValueError("cannot fit a MatchIndex on an empty catalogue")
    return [_sorted_services(record) for record in ordered]


def _sorted_services(record: OrganisationRecord) -> OrganisationRecord:
    """Return the record with its services in id order."""
    services = tuple(sorted(record.services, key=lambda s: s.id))
    if services == record.services:
        return record
    return OrganisationRecord(**{**record.__dict__, "services": services})


def record_language(record: OrganisationRecord) -> str:
    """Detect the language a record is written in from the start of its texts."""
    parts = [record.description] + [s.title + " " + s.description for s in record.services]
    sample = " ".join(parts).strip()[:SAMPLE_LENGTH]
    if not sample:  # a name alone is mostly proper nouns: only its clear words tell
        return language_by_words(record.name)
    return detect_language(sample)


def check_options(
    country: str | None, families: Iterable[str] | None, limit: int
) -> tuple[str | None, np.ndarray, int]:
    """Validate the query options and return them normalised."""
    if country is not None and (not isinstance(country, str) or not COUNTRY_PATTERN.match(country)):
        raise ValueError(f"country must be an ISO 3166-1 alpha-2 code like 'BE', got {country!r}")
    if isinstance(families, str):
        raise ValueError("families must be a list of family names, not a single string")
    preferred = np.zeros(len(FAMILIES), dtype=bool)
    for family in families or ():
        if family not in FAMILIES:
            raise ValueError(f"unknown family {family!r}, expected one of {', '.join(FAMILIES)}")
        preferred[FAMILIES.index(family)] = True
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError(f"limit must be a positive integer, got {limit!r}")
    return country, preferred, limit


def check_share(value: object, name: str) -> float:
    """Validate a parameter that must be a number in [0, 1]."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be a number in [0, 1], got {value!r}")
    return float(value)
