"""Record factory for the matching tests: defaults for every required field."""

from __future__ import annotations

from matching import Record


def make_record(id: str, name: str = "Hub", **fields: object) -> Record:
    """Build a Record with defaults for everything but the id."""
    return Record(id=id, name=name, **fields)  # type: ignore[arg-type]
