"""Explainable, cross-lingual matching of city needs to Digital Innovation Hubs and services."""

from matching.analysis import need_spans
from matching.index import MatchIndex
from matching.language import detect_language
from matching.records import (
    FAMILIES,
    Match,
    MatchedTerm,
    OrganisationRecord,
    ServiceMatch,
    ServiceRecord,
)

__all__ = [
    "FAMILIES",
    "Match",
    "MatchIndex",
    "MatchedTerm",
    "OrganisationRecord",
    "ServiceMatch",
    "ServiceRecord",
    "detect_language",
    "need_spans",
]
