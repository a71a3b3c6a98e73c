"""Hard filters a city asks for: only hubs offering a family, in some countries, of some kinds."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from matching.ranked import Result
from matching.records import COUNTRY_PATTERN, OrganisationRecord
from matching.vocabulary import FAMILIES

if TYPE_CHECKING:
    from matching.index import MatchIndex

# Organisations a filtered answer draws from: enough that a filter rarely empties the list, few
# enough that explaining them stays cheap.
FILTER_POOL = 200


@dataclass(frozen=True)
class Filters:
    """What every returned organisation must satisfy; an empty tuple filters nothing.

    ``families``: it offers a service in one of them, or its profile states it; ``countries``:
    it is based in one of them (EU-wide organisations have no country); ``kinds``: its kind is
    one of them.
    """

    families: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for family in self.families:
            if family not in FAMILIES:
                expected = ", ".join(FAMILIES)
                raise ValueError(f"unknown family {family!r}, expected one of {expected}")
        for country in self.countries:
            if not isinstance(country, str) or not COUNTRY_PATTERN.match(country):
                raise ValueError(f"country must be an ISO 3166-1 alpha-2 code, got {country!r}")

    def __bool__(self) -> bool:
        return bool(self.families or self.countries or self.kinds)


def offered_families(index: MatchIndex, record_id: str) -> frozenset[str]:
    """The families an organisation offers a service in or its own profile states.

    Read from the fitted index (``org_family_mask_``), which learnt them when it analysed the
    texts, so the filter and the explanation's families follow the same rule.
    """
    mask = index.org_family_mask_[index.record_index_[record_id]]
    return frozenset(family for family, on in zip(FAMILIES, mask, strict=True) if on)


def record_of(index: MatchIndex, record_id: str) -> OrganisationRecord:
    """The record the index ranked under ``record_id``."""
    return index.records_[index.record_index_[record_id]]


def satisfies(index: MatchIndex, record_id: str, filters: Filters) -> bool:
    """Tell whether the organisation ``record_id`` passes every given filter."""
    record = record_of(index, record_id)
    if filters.countries and record.country not in filters.countries:
        return False
    if filters.kinds and record.kind not in filters.kinds:
        return False
    return not filters.families or bool(offered_families(index, record_id) & set(filters.families))


def keep_satisfying(index: MatchIndex, matches: Iterable[Result], filters: Filters) -> list[Result]:
    """The matches whose organisation passes the filters, in their order."""
    if not filters:
        return list(matches)
    return [match for match in matches if satisfies(index, match.id, filters)]
