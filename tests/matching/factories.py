"""Record factory for the matching tests: defaults for every required field."""

from __future__ import annotations

from matching import OrganisationRecord


def make_record(id: str, name: str = "Hub", **fields: object) -> OrganisationRecord:
    """Build an OrganisationRecord with defaults for everything but the id."""
    return OrganisationRecord(id=id, name=name, **fields)  # type: ignore[arg-type]
