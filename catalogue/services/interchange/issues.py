"""The problems found in an interchange document: each one a JSON path and what is wrong there."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Issue:
    """One problem of a document: where (a JSON path) and what."""

    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


class Problems:
    """Collects the issues found while checking a document."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def add(self, path: str, problem: str) -> None:
        """Record a problem at ``path`` (the document itself when empty)."""
        self.issues.append(Issue(path or "document", problem))
