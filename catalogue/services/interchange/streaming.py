"""Import a large interchange file as a stream: checked whole, then written in batches.

A file of organisations (with their services) and nothing else is read with ijson, one batch
of organisations at a time, twice: the first pass checks every record (the same rules as a
whole-document import, the refs across batches too) and writes nothing; the second writes
each batch with the ordinary importer and lets the session forget it. Memory stays bounded by
the batch; the caller commits once at the end, so the import is still all or nothing. Files
that hold practices or events, or duplicates (``duplicate_of``), are imported whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import ijson
from sqlalchemy.orm import Session

from catalogue.errors import ValidationError
from catalogue.services.interchange.checking import DocumentError, validate_document
from catalogue.services.interchange.importing import (
    ImportSummary,
    Progress,
    import_catalogue,
    refresh_planner_statistics,
)
from catalogue.services.interchange.issues import Issue

MAX_DEPTH = 64  # as refuse_deep_nesting: deeper files go the whole-document way and fail there
BATCH = 1000  # organisations per batch: about 5,000 services in the benchmark's catalogue
STREAMABLE_KEYS = frozenset({"format", "version", "organisations"})
_ORGANISATION_PATH = re.compile(r"^organisations\[(\d+)\]")


@dataclass(frozen=True)
class StreamPlan:
    """What the first look at a file found: whether it can be streamed and how many records."""

    streamable: bool
    header: dict[str, Any]
    records: int


def _open(path: Path) -> IO[bytes]:
    stream = path.open("rb")
    if stream.read(3) != b"\xef\xbb\xbf":  # a byte-order mark is skipped, as in read_document
        stream.seek(0)
    return stream


def _invalid(path: Path, error: Exception) -> ValidationError:
    return ValidationError(f"{path}: not valid JSON ({error})")


def plan_stream(path: Path) -> StreamPlan:
    """Read ``path`` once without keeping it: its top-level keys, scalars and record count.

    A file that is not valid JSON, or nests deeper than ``MAX_DEPTH``, is not streamable: the
    whole-document import reports exactly what is wrong with it.
    """
    keys: set[str] = set()
    header: dict[str, Any] = {}
    records, duplicates = 0, False
    try:
        if _nests_too_deep(path):
            return StreamPlan(False, {}, 0)
        with _open(path) as stream:
            for prefix, event, value in ijson.parse(stream, use_float=True):
                if event in ("start_map", "start_array"):
                    records += event == "start_map" and prefix in _RECORD_PREFIXES
                elif prefix == "" and event == "map_key":
                    keys.add(value)
                elif prefix in ("format", "version") and event in ("string", "number"):
                    header[prefix] = value
                elif prefix == "organisations.item" and value == "duplicate_of":
                    duplicates = True
    except (ijson.JSONError, UnicodeDecodeError, ValueError):
        return StreamPlan(False, {}, 0)
    streamable = keys <= STREAMABLE_KEYS and "organisations" in keys and not duplicates
    return StreamPlan(streamable, header, records)


_RECORD_PREFIXES = frozenset({"organisations.item", "organisations.item.services.item"})


def _nests_too_deep(path: Path) -> bool:
    """Whether ``path`` nests deeper than ``MAX_DEPTH``, read without building prefixes.

    ``ijson.parse`` names each event by its whole path, so a file of 100,000 nested brackets
    costs it time quadratic in the depth (30 s here) before the first event arrives.
    """
    depth = 0
    with _open(path) as stream:
        for event, _ in ijson.basic_parse(stream, use_float=True):
            if event in ("start_map", "start_array"):
                depth += 1
                if depth > MAX_DEPTH:
                    return True
            elif event in ("end_map", "end_array"):
                depth -= 1
    return False


def _batches(path: Path, size: int) -> Iterator[tuple[int, list[Any]]]:
    """Yield ``(offset, organisations)`` of the file, ``size`` at a time."""
    batch: list[Any] = []
    offset = 0
    try:
        with _open(path) as stream:
            for organisation in ijson.items(stream, "organisations.item", use_float=True):
                batch.append(organisation)
                if len(batch) == size:
                    yield offset, batch
                    offset, batch = offset + size, []
    except (ijson.JSONError, UnicodeDecodeError) as error:
        raise _invalid(path, error) from error
    if batch:
        yield offset, batch


def _moved(issue: Issue, offset: int) -> Issue:
    """The issue of a batch, with the organisation's position in the whole file."""
    path = _ORGANISATION_PATH.sub(lambda m: f"organisations[{int(m[1]) + offset}]", issue.path)
    return Issue(path, issue.problem)


class _RefsSeen:
    """The refs of earlier batches, to report one used again in a later batch."""

    def __init__(self) -> None:
        self.organisations: dict[str, str] = {}
        self.services: dict[str, str] = {}

    def check(self, offset: int, batch: list[Any]) -> list[Issue]:
        issues: list[Issue] = []
        fresh_organisations: dict[str, str] = {}
        fresh_services: dict[str, str] = {}
        for i, organisation in enumerate(batch):
            if not isinstance(organisation, dict):
                continue
            path = f"organisations[{offset + i}]"
            self._note(organisation, path, self.organisations, fresh_organisations, issues)
            services = organisation.get("services")
            for s, service in enumerate(services if isinstance(services, list) else []):
                if isinstance(service, dict):
                    spath = f"{path}.services[{s}]"
                    self._note(service, spath, self.services, fresh_services, issues)
        self.organisations |= fresh_organisations
        self.services |= fresh_services
        return issues

    @staticmethod
    def _note(record, path, earlier, fresh, issues) -> None:
        ref = record.get("ref")
        if not isinstance(ref, str):
            return
        if ref in earlier:
            issues.append(Issue(f"{path}.ref", f"duplicate ref {ref!r} (first at {earlier[ref]})"))
        elif ref not in fresh:  # a repeat within the batch is the batch's own check
            fresh[ref] = f"{path}.ref"


def check_file_streamed(
    session: Session, path: Path, plan: StreamPlan, *, progress: Progress | None = None
) -> None:
    """Check every record of the file, batch by batch; write nothing.

    Raises DocumentError listing every problem, at its position in the whole file.
    """
    issues: list[Issue] = []
    seen = _RefsSeen()
    for offset, batch in _batches(path, BATCH):
        document = plan.header | {"organisations": batch}
        issues += [_moved(issue, offset) for issue in validate_document(document, session)]
        issues += seen.check(offset, batch)
        if progress is not None:
            progress(_records_in(batch))
    if issues:
        raise DocumentError(issues)


def write_file_streamed(
    session: Session, path: Path, plan: StreamPlan, *, progress: Progress | None = None
) -> ImportSummary:
    """Write a checked file batch by batch with the ordinary importer (flush, no commit)."""
    summary = ImportSummary()
    for _, batch in _batches(path, BATCH):
        document = plan.header | {"organisations": batch}
        summary += import_catalogue(session, document, progress=progress, analyze=False)
        session.expunge_all()  # written and flushed: the batch's rows need not stay in memory
    refresh_planner_statistics(session)
    return summary


def _records_in(batch: list[Any]) -> int:
    count = 0
    for organisation in batch:
        if isinstance(organisation, dict):
            services = organisation.get("services")
            count += 1 + (len(services) if isinstance(services, list) else 0)
    return count
