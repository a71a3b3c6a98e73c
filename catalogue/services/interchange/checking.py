"""Validate a whole interchange document and turn its problems into one ValidationError."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError as InvalidShape
from sqlalchemy.orm import Session

from catalogue.contracts.interchange import InterchangeDocument
from catalogue.contracts.problems import problems_of
from catalogue.errors import ValidationError
from catalogue.services.interchange.issues import Issue, Problems
from catalogue.services.interchange.references import check_references

# Past this many, listing more problems helps nobody; the total is still reported.
MAX_LISTED = 200


class DocumentError(ValidationError):
    """An interchange document with problems; ``fields`` lists the first ``MAX_LISTED``."""

    def __init__(self, issues: list[Issue], prefix: str = "") -> None:
        listed = issues[:MAX_LISTED]
        fields: dict[str, str] = {}
        for issue in listed:
            known = fields.get(issue.path)
            fields[issue.path] = f"{known}; {issue.problem}" if known else issue.problem
        noun = "problem" if len(issues) == 1 else "problems"
        super().__init__(f"{prefix}{len(issues)} {noun} found; nothing was imported", fields)
        self.issues = issues
        self.unlisted = len(issues) - len(listed)

    def lines(self) -> list[str]:
        """The listed problems as ``path: problem`` lines, then ``... and N more``."""
        lines = [str(issue) for issue in self.issues[:MAX_LISTED]]
        if self.unlisted:
            lines.append(f"... and {self.unlisted} more")
        return lines


def validate_document(document: Any, session: Session | None = None) -> list[Issue]:
    """Return every problem of ``document`` (an empty list when it can be imported).

    With a session, references to records outside the document are looked up in the
    database, and services may not belong to another organisation there; without one,
    references must resolve within the document.
    """
    return _check(document, session)[1]


def checked_document(session: Session, document: Any) -> dict[str, Any]:
    """Return the cleaned form of ``document``, or raise DocumentError listing its problems."""
    cleaned, issues = _check(document, session)
    if issues:
        raise DocumentError(issues)
    return cleaned


def _check(document: Any, session: Session | None) -> tuple[dict[str, Any], list[Issue]]:
    """Check the shape and values with the typed models, then the refs across records.

    References are checked even when the shape is not right, on the raw document's records,
    so that one run reports every problem.
    """
    problems = Problems()
    try:
        cleaned = InterchangeDocument.model_validate(document).model_dump(exclude_unset=True)
    except InvalidShape as error:
        for path, problem in problems_of(error, InterchangeDocument):
            problems.add(path, problem)
        cleaned = document if isinstance(document, dict) else {}
    check_references(cleaned, problems, session)
    return cleaned, problems.issues
