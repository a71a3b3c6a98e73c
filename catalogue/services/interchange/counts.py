"""Counting the records of an interchange document, for progress bars and summaries."""

from __future__ import annotations

from typing import Any


def _records(document: Any, key: str) -> list[dict[str, Any]]:
    listed = document.get(key) if isinstance(document, dict) else None
    return [item for item in listed if isinstance(item, dict)] if isinstance(listed, list) else []


def _counts(document: Any) -> dict[str, int]:
    organisations = _records(document, "organisations")
    return {
        "organisation": len(organisations),
        "service": sum(len(_records(o, "services")) for o in organisations),
        "practice": len(_records(document, "practices")),
        "event": len(_records(document, "events")),
    }


def count_records(document: Any) -> int:
    """Count the organisations, services, practices and events of a (parsed) document."""
    return sum(_counts(document).values())


def describe_counts(document: Any) -> str:
    """Say what a document holds: ``"701 organisations, 0 services, 0 practices, 1 event"``."""
    return ", ".join(
        f"{count} {noun}{'' if count == 1 else 's'}" for noun, count in _counts(document).items()
    )
