"""Helpers of the matching tests: a record factory with defaults for every required field, and
the concept terms a text is analysed into."""

from __future__ import annotations

from matching import OrganisationRecord
from matching.analysis import analyze
from matching.concepts import CONCEPT_PREFIX


def make_record(id: str, name: str = "Hub", **fields: object) -> OrganisationRecord:
    """Build an OrganisationRecord with defaults for everything but the id."""
    return OrganisationRecord(id=id, name=name, **fields)  # type: ignore[arg-type]


def concept_terms(text: str, language: str = "en") -> set[str]:
    """The concept terms ("#parking") that the analysis of ``text`` in ``language`` yields."""
    return {term for term in analyze(text, language) if term.startswith(CONCEPT_PREFIX)}
