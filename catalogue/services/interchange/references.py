"""Checks across a document: unique refs, and references that resolve in it or the database."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from catalogue.models import Organisation, Practice, Service
from catalogue.services.interchange.issues import Problems

# Stay well below the bound-parameter limits of SQLite and PostgreSQL.
CHUNK = 500


def chunked(values: Collection[str]) -> Iterator[list[str]]:
    """Split ``values`` (sorted, for repeatable queries) into lists of at most ``CHUNK``."""
    ordered = sorted(values)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def existing_refs(session: Session, model: type, refs: Collection[str]) -> set[str]:
    """Return which of ``refs`` the table of ``model`` holds."""
    found: set[str] = set()
    for chunk in chunked(refs):
        found.update(session.scalars(select(model.ref).where(model.ref.in_(chunk))))
    return found


def items(cleaned: dict[str, Any], key: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(path, record)`` for each well-formed record of a top-level list."""
    listed = cleaned.get(key)
    for i, item in enumerate(listed if isinstance(listed, list) else []):
        if isinstance(item, dict):
            yield f"{key}[{i}]", item


def services(cleaned: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """Yield ``(path, service, organisation)`` for each well-formed service of the document."""
    for path, organisation in items(cleaned, "organisations"):
        for i, service in enumerate(_list(organisation, "services")):
            if isinstance(service, dict):
                yield f"{path}.services[{i}]", service, organisation


def _list(record: dict[str, Any], key: str) -> list:
    value = record.get(key)
    return value if isinstance(value, list) else []


def _refs(paths_and_records: Iterator[tuple], problems: Problems) -> dict[str, str]:
    """Map each ref to where it first appears; report the ones that appear again."""
    seen: dict[str, str] = {}
    for path, record, *_ in paths_and_records:
        ref = record.get("ref")
        if not isinstance(ref, str):
            continue
        if ref in seen:
            problems.add(f"{path}.ref", f"duplicate ref {ref!r} (first at {seen[ref]})")
        else:
            seen[ref] = f"{path}.ref"
    return seen


def _references(cleaned: dict[str, Any]) -> Iterator[tuple[str, type, str]]:
    """Yield ``(path, model, ref)`` for every reference the document makes."""
    for path, organisation in items(cleaned, "organisations"):
        if "duplicate_of" in organisation:
            yield f"{path}.duplicate_of", Organisation, organisation["duplicate_of"]
    for path, practice in items(cleaned, "practices"):
        for i, ref in enumerate(_list(practice, "organisations")):
            yield f"{path}.organisations[{i}]", Organisation, ref
    for path, event in items(cleaned, "events"):
        for s, session in enumerate(_list(event, "sessions")):
            for t, talk in enumerate(_list(session, "talks") if isinstance(session, dict) else []):
                if not isinstance(talk, dict):
                    continue
                talk_path = f"{path}.sessions[{s}].talks[{t}]"
                if "organisation" in talk:
                    yield f"{talk_path}.organisation", Organisation, talk["organisation"]
                for i, ref in enumerate(_list(talk, "practices")):
                    yield f"{talk_path}.practices[{i}]", Practice, ref


def check_references(
    cleaned: dict[str, Any], problems: Problems, session: Session | None = None
) -> None:
    """Report duplicate refs and references that resolve neither in the document nor the database.

    Without a session, references must resolve within the document.
    """
    known = {
        Organisation: _refs(items(cleaned, "organisations"), problems),
        Practice: _refs(items(cleaned, "practices"), problems),
    }
    service_refs = _refs(services(cleaned), problems)
    _refs(items(cleaned, "events"), problems)
    missing = [(p, m, r) for p, m, r in _references(cleaned) if isinstance(r, str)]
    missing = [(p, m, r) for p, m, r in missing if r not in known[m]]
    in_database: dict[type, set[str]] = {Organisation: set(), Practice: set()}
    if session is not None:
        for model in in_database:
            wanted = {r for _, m, r in missing if m is model}
            in_database[model] = existing_refs(session, model, wanted)
        _check_service_owners(session, cleaned, service_refs, problems)
    for path, model, ref in missing:
        if ref not in in_database[model]:
            what = model.__name__.lower()
            problems.add(path, f"unknown {what} {ref!r} (not in the file or the catalogue)")
    _check_duplicate_chains(cleaned, problems, session)


def _check_duplicate_chains(
    cleaned: dict[str, Any], problems: Problems, session: Session | None
) -> None:
    """A duplicate points to the record that is shown, never to another duplicate.

    The document's own ``duplicate_of`` values win over the database's for the records it holds.
    """
    pointing = {
        record["ref"]: (path, record.get("duplicate_of"))
        for path, record in items(cleaned, "organisations")
        if isinstance(record.get("ref"), str)
    }
    stored = _stored_duplicates(session, pointing) if session is not None else {}
    current = {ref: target for ref, target in stored.items() if ref not in pointing}
    current |= {ref: target for ref, (_, target) in pointing.items() if isinstance(target, str)}
    for ref, (path, target) in pointing.items():
        if not isinstance(target, str) or target == ref:
            continue
        if target in current:
            problems.add(
                f"{path}.duplicate_of",
                f"{target!r} is itself a duplicate of {current[target]!r}: point to that record",
            )
        pointed_at = sorted(other for other, to in current.items() if to == ref)
        if pointed_at:
            problems.add(
                f"{path}.duplicate_of",
                f"records {pointed_at} are duplicates of this one, so it cannot be a duplicate",
            )


def _stored_duplicates(session: Session, pointing: dict[str, tuple]) -> dict[str, str]:
    """Map stored duplicates to their targets, for those involving the document's records."""
    refs = set(pointing) | {target for _, target in pointing.values() if isinstance(target, str)}
    target = aliased(Organisation)
    stored: dict[str, str] = {}
    for chunk in chunked(refs):
        query = (
            select(Organisation.ref, target.ref)
            .join(target, Organisation.duplicate_of)
            .where(or_(Organisation.ref.in_(chunk), target.ref.in_(chunk)))
        )
        stored.update((ref, target_ref) for ref, target_ref in session.execute(query))
    return stored


def _check_service_owners(
    session: Session, cleaned: dict[str, Any], service_refs: dict[str, str], problems: Problems
) -> None:
    """A service ref may not move from an organisation in the database to another one."""
    owners: dict[str, str] = {}
    for chunk in chunked(service_refs):
        query = (
            select(Service.ref, Organisation.ref)
            .join(Service.organisation)
            .where(Service.ref.in_(chunk))
        )
        owners.update((service, owner) for service, owner in session.execute(query))
    for path, service, organisation in services(cleaned):
        owner = owners.get(service.get("ref"))
        if owner is not None and owner != organisation.get("ref"):
            problems.add(
                f"{path}.ref",
                f"service {service['ref']!r} belongs to organisation {owner!r} in the catalogue",
            )
