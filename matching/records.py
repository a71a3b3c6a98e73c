"""Input records and explained results exchanged with the matching library."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matching.vocabulary import FAMILIES, FAMILY_LABELS
from matching.wording import N_

__all__ = [
    "FAMILIES",
    "FAMILY_LABELS",
    "Match",
    "MatchedTerm",
    "OrganisationRecord",
    "ServiceMatch",
]

COUNTRY_PATTERN = re.compile(r"^[A-Z]{2}$")

# Kinds that connect cities with providers (programmes, networks) rather than delivering services.
INTERMEDIARY_KINDS: frozenset[str] = frozenset({"network"})
INTERMEDIARY_NOTE = N_(
    "It is a network or initiative: it connects cities with the hubs and programmes that "
    "deliver services rather than delivering them itself."
)


@dataclass(frozen=True)
class ServiceRecord:
    """A concrete service an organisation offers, in one of the four EDIH families."""

    id: str
    title: str
    family: str
    description: str = ""
    technologies: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _require_text(self.id, "service id")
        _require_text(self.title, f"service {self.id!r} title")
        if self.family not in FAMILIES:
            raise ValueError(
                f"service {self.id!r}: unknown family {self.family!r}, expected one of "
                + ", ".join(FAMILIES)
            )


@dataclass(frozen=True)
class OrganisationRecord:
    """An organisation (hub, lab, network...) with its profile and services."""

    id: str
    name: str
    kind: str = "other"
    description: str = ""
    country: str | None = None
    technologies: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    services: tuple[ServiceRecord, ...] = ()

    def __post_init__(self) -> None:
        _require_text(self.id, "record id")
        _require_text(self.name, f"record {self.id!r} name")
        if self.country is not None and not COUNTRY_PATTERN.match(self.country):
            raise ValueError(
                f"record {self.id!r}: country must be an ISO 3166-1 alpha-2 code like 'BE', "
                f"got {self.country!r}"
            )


@dataclass(frozen=True)
class MatchedTerm:
    """A term that contributed to a match, the field it came from and its share of the score.

    ``keys`` are the analysed terms (stems, concept tokens such as "#air_quality") shown under
    ``term``: each is in the named field's text, and ``matching.need_spans`` finds the words
    of the need that produced them.
    """

    term: str
    field: str
    weight: float
    keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class ServiceMatch:
    """A service that carried an organisation's match."""

    id: str
    title: str
    family: str
    score: float


@dataclass(frozen=True)
class Match:
    """One ranked organisation with the evidence for its rank."""

    id: str
    score: float
    rank: int
    services: list[ServiceMatch] = field(default_factory=list)
    matched_terms: list[MatchedTerm] = field(default_factory=list)
    families: list[str] = field(default_factory=list)
    location: str = ""
    summary: str = ""
    language: str = "en"
    semantic: float | None = None  # share of the score from meaning; None: shared words only
    kind: str = "other"  # the organisation's kind, as its record gives it


def _require_text(value: object, what: str) -> None:
    """Raise ValueError unless ``value`` is a non-blank string."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} must be a non-empty string, got {value!r}")
