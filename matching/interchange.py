"""Reading organisations and services from catalogue interchange files (format version 1)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from matching.geography import country_code
from matching.records import OrganisationRecord, ServiceRecord


def load_records(paths: Iterable[Path]) -> list[OrganisationRecord]:
    """Read the organisations of every interchange file into Records (services included)."""
    records: list[OrganisationRecord] = []
    for path in sorted(paths):
        document = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(document, dict) or document.get("format") != "dih-catalogue":
            raise ValueError(f"{path}: not a dih-catalogue interchange document")
        for position, organisation in enumerate(document.get("organisations", [])):
            try:
                records.append(record_from_interchange(organisation))
            except (KeyError, TypeError, ValueError) as error:
                raise ValueError(f"{path}: organisations[{position}]: {error}") from error
    return records


def load_seed_dir(seed_dir: Path) -> list[OrganisationRecord]:
    """Read all ``*.json`` interchange files of a directory."""
    paths = sorted(Path(seed_dir).glob("*.json"))
    if not paths:
        raise ValueError(f"no interchange files (*.json) in {seed_dir}")
    return load_records(paths)


def record_from_interchange(organisation: dict[str, Any]) -> OrganisationRecord:
    """Convert one interchange organisation object into an OrganisationRecord."""
    services = tuple(
        ServiceRecord(
            id=service["ref"],
            title=service["title"],
            family=service["family"],
            description=service.get("description") or "",
            technologies=tuple(service.get("technologies") or ()),
            sectors=tuple(service.get("sectors") or ()),
            audiences=tuple(service.get("audiences") or ()),
        )
        for service in organisation.get("services") or ()
    )
    return OrganisationRecord(
        id=organisation["ref"],
        name=organisation["name"],
        kind=organisation.get("kind") or "other",
        description=organisation.get("description") or "",
        country=country_code(organisation.get("country")),
        technologies=tuple(organisation.get("technologies") or ()),
        sectors=tuple(organisation.get("sectors") or ()),
        languages=tuple(organisation.get("languages") or ()),
        services=services,
    )
