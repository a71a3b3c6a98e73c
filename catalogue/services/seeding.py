"""Seeding: load the platform's starting content from the interchange files of seed_data/."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from catalogue.errors import ValidationError
from catalogue.services.interchange import (
    DocumentError,
    ImportSummary,
    Issue,
    import_catalogue,
    validate_document,
)
from catalogue.services.interchange.files import read_document
from catalogue.services.interchange.importing import Progress
from catalogue.services.interchange.schema import FORMAT, VERSION

LISTS = ("organisations", "practices", "events")
_LISTED_PATH = re.compile(r"(?P<key>\w+)\[(?P<index>\d+)\](?P<rest>.*)")


def _read_seed_files(seed_dir: Path) -> dict[str, Any]:
    """Read every ``*.json`` interchange file of ``seed_dir``, by file name, in name order."""
    paths = sorted(Path(seed_dir).glob("*.json"))
    if not paths:
        raise ValidationError(f"{seed_dir}: no *.json seed files")
    return {path.name: read_document(path) for path in paths}


def seed_catalogue(
    session: Session, seed_dir: Path, progress: Progress | None = None
) -> ImportSummary:
    """Import every ``*.json`` interchange file of ``seed_dir``, in name order, as one document.

    All files are validated before anything is written (all or nothing), references may point
    from one file to another, and seeding again changes nothing. Flushes, never commits.
    """
    documents = _read_seed_files(seed_dir)
    merged, origins, issues = _merge(documents)
    if not issues:
        try:
            return import_catalogue(session, merged, progress=progress)
        except DocumentError as error:
            content_issues = error.issues
    else:
        content_issues = validate_document(merged, session)
    located = issues + [_locate(issue, origins) for issue in content_issues]
    raise DocumentError(located, prefix="seed: ")


def _merge(documents: dict[str, Any]) -> tuple[dict, dict, list[Issue]]:
    """Concatenate the documents' lists; check each file's own header.

    Returns the merged document, where each merged list item came from (``origins[key][i]``
    is ``(file name, index)``), and the problems of the files' headers.
    """
    merged: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    origins: dict[str, list[tuple[str, int]]] = {key: [] for key in LISTS}
    issues: list[Issue] = []
    for name, document in documents.items():
        lists = {}
        if isinstance(document, dict):
            lists = {k: v for k, v in document.items() if k in LISTS and isinstance(v, list)}
            header = {k: v for k, v in document.items() if k not in lists}
        else:
            header = document
        issues += [Issue(f"{name}: {i.path}", i.problem) for i in validate_document(header)]
        for key, records in lists.items():
            merged.setdefault(key, []).extend(records)
            origins[key] += [(name, index) for index in range(len(records))]
    return merged, origins, issues


def _locate(issue: Issue, origins: dict[str, list[tuple[str, int]]]) -> Issue:
    """Rewrite a path of the merged document into the file and path it came from."""
    match = _LISTED_PATH.fullmatch(issue.path)
    if not match or match["key"] not in origins:
        return issue
    name, index = origins[match["key"]][int(match["index"])]
    return Issue(f"{name}: {match['key']}[{index}]{match['rest']}", issue.problem)
