"""Import an interchange document: validate it whole, then upsert every record by its ref."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from catalogue.models import Event, Organisation, Practice, Service
from catalogue.models.base import utcnow
from catalogue.services.interchange import records
from catalogue.services.interchange.agenda import sync_sessions
from catalogue.services.interchange.checking import checked_document
from catalogue.services.interchange.references import chunked, items
from catalogue.services.slugs import pick_unique_slug, taken_slugs

Progress = Callable[[int], Any]


@dataclass
class ImportSummary:
    """How many records (organisations, services, practices, events) an import touched."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    pruned: int = 0

    def __add__(self, other: ImportSummary) -> ImportSummary:
        return ImportSummary(
            *(getattr(self, f.name) + getattr(other, f.name) for f in fields(self))
        )

    def __str__(self) -> str:
        return (
            f"{self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.pruned} removed"
        )

    def count(self, created: bool, changed: bool) -> None:
        """Count one record as created, updated or unchanged."""
        if created:
            self.created += 1
        elif changed:
            self.updated += 1
        else:
            self.unchanged += 1


def import_catalogue(
    session: Session,
    document: Any,
    *,
    prune: bool = False,
    progress: Progress | None = None,
    analyze: bool = True,
) -> ImportSummary:
    """Validate ``document`` whole, then create or update its records by ref (flush, no commit).

    Raises DocumentError (a ValidationError) listing every problem before anything is written.
    An organisation's list of services is authoritative: services it no longer lists are
    removed, with or without ``prune``. With ``prune``, organisations, practices and events
    whose ``source.name`` is one the document uses (on any record), but whose ref it no longer
    holds, are removed too, unless the document still refers to them. Imported records are
    published; unchanged records are not touched (no version, timestamp or revision change).
    ``analyze=False`` leaves the planner statistics to the caller (a batched import).
    """
    cleaned = checked_document(session, document)
    importer = _Importer(session, cleaned, progress or (lambda n: None))
    importer.run()
    if prune:
        importer.prune()
    session.flush()
    if analyze:
        refresh_planner_statistics(session)
    return importer.summary


def refresh_planner_statistics(session: Session) -> None:
    """After a bulk write on PostgreSQL, let its planner see the new row counts at once.

    Until autovacuum gets to it, the planner takes freshly filled tables for nearly empty and
    picks nested loops: the hub list's facet counts on the seeded catalogue took 10-70 s each
    instead of 0.1 s. ``ANALYZE`` samples the tables (in the current transaction, so the rows
    just written count); SQLite needs nothing of the kind.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("ANALYZE"))


def load_by_ref(session: Session, model: type, refs: Collection[str]) -> dict[str, Any]:
    """Return the rows of ``model`` with these refs, keyed by ref, in a few queries."""
    found: dict[str, Any] = {}
    for chunk in chunked(refs):
        found.update(
            (row.ref, row) for row in session.scalars(select(model).where(model.ref.in_(chunk)))
        )
    return found


class _Importer:
    """One import's state: the rows it loaded, the slugs taken and what it counted."""

    def __init__(self, session: Session, cleaned: dict[str, Any], progress: Progress) -> None:
        self.session, self.cleaned, self.progress = session, cleaned, progress
        self.summary = ImportSummary()
        self.tags = records.TagCache(session)
        self.slugs = {
            model: taken_slugs(session, model) for model in (Organisation, Service, Practice, Event)
        }
        wanted = _wanted_refs(cleaned)
        self.organisations = load_by_ref(session, Organisation, wanted[Organisation])
        self.practices = load_by_ref(session, Practice, wanted[Practice])
        self.events = load_by_ref(session, Event, wanted[Event])

    def run(self) -> None:
        """Upsert organisations with their services, then practices, then events.

        Duplicates come after the other organisations, so the records they point to exist.
        """
        organisations = sorted(
            items(self.cleaned, "organisations"), key=lambda item: "duplicate_of" in item[1]
        )
        for _, data in organisations:
            self._organisation(data)
            self.progress(1 + len(data.get("services", [])))
        for _, data in items(self.cleaned, "practices"):
            self._practice(data)
            self.progress(1)
        for _, data in items(self.cleaned, "events"):
            self._event(data)
            self.progress(1)

    def _new(self, model: type, rows: dict[str, Any], data: dict[str, Any], text: str) -> Any:
        slug = pick_unique_slug(text, self.slugs[model], fallback=model.__name__.lower())
        self.slugs[model].add(slug)
        record = model(ref=data["ref"], slug=slug)
        rows[data["ref"]] = record
        self.session.add(record)
        return record

    def _organisation(self, data: dict[str, Any]) -> None:
        organisation = self.organisations.get(data["ref"])
        created = organisation is None
        if created:
            organisation = self._new(Organisation, self.organisations, data, data["name"])
        own = records.assign(organisation, records.organisation_values(data))
        duplicate_of = self.organisations.get(data.get("duplicate_of", ""))
        own |= records.assign(organisation, {"duplicate_of": duplicate_of})
        linked = records.replace_members(organisation, "tags", self.tags.for_record(data))
        self._settle(organisation, created, own, linked)
        self._services(organisation, data.get("services", []))

    def _services(self, organisation: Organisation, listed: list[dict[str, Any]]) -> None:
        existing = {service.ref: service for service in organisation.services}
        for position, data in enumerate(listed):
            service = existing.pop(data["ref"], None)
            created = service is None
            if created:
                service = self._new(Service, {}, data, data["title"])
                organisation.services.append(service)
            own = records.assign(service, records.service_values(data, position))
            linked = records.replace_members(service, "tags", self.tags.for_record(data))
            self._settle(service, created, own, linked)
        for service in existing.values():
            organisation.services.remove(service)
            self.summary.pruned += 1

    def _practice(self, data: dict[str, Any]) -> None:
        practice = self.practices.get(data["ref"])
        created = practice is None
        if created:
            practice = self._new(Practice, self.practices, data, data["title"])
        own = records.assign(practice, records.practice_values(data))
        linked = records.replace_members(practice, "tags", self.tags.for_record(data))
        refs = dict.fromkeys(data.get("organisations", []))
        organisations = [self.organisations[ref] for ref in refs]
        linked |= records.replace_members(practice, "organisations", organisations)
        self._settle(practice, created, own, linked)

    def _event(self, data: dict[str, Any]) -> None:
        event = self.events.get(data["ref"])
        created = event is None
        if created:
            event = self._new(Event, self.events, data, data["title"])
        own = records.assign(event, records.event_values(data))
        sessions = data.get("sessions", [])
        linked = sync_sessions(event, sessions, self.organisations, self.practices)
        self._settle(event, created, own, linked)

    def _settle(self, record: Any, created: bool, own: bool, linked: bool) -> None:
        """Count a record; when only its links changed, touch it so its version moves too."""
        if linked and not (own or created):
            record.updated_at = utcnow()
        self.summary.count(created, own or linked)

    def prune(self) -> None:
        """Remove records of the document's sources that it no longer holds or refers to."""
        names = {
            data["source"]["name"] for _, data in _all_records(self.cleaned) if "source" in data
        }
        if not names:
            return
        wanted = _wanted_refs(self.cleaned)
        for model in (Event, Practice, Organisation):
            for row in self.session.scalars(select(model).where(model.source_name.in_(names))):
                if row.ref not in wanted[model]:
                    self.session.delete(row)
                    self.summary.pruned += 1
        self.session.flush()
        # The database removed links to pruned rows (ON DELETE); reload what the session holds.
        self.session.expire_all()


def _all_records(cleaned: dict[str, Any]):
    for key in ("organisations", "practices", "events"):
        yield from items(cleaned, key)


def _wanted_refs(cleaned: dict[str, Any]) -> dict[type, set[str]]:
    """The refs of each table that the document holds or refers to."""
    wanted: dict[type, set[str]] = {
        model: {data["ref"] for _, data in items(cleaned, key)}
        for model, key in (
            (Organisation, "organisations"),
            (Practice, "practices"),
            (Event, "events"),
        )
    }
    for _, organisation in items(cleaned, "organisations"):
        if "duplicate_of" in organisation:
            wanted[Organisation].add(organisation["duplicate_of"])
    for _, practice in items(cleaned, "practices"):
        wanted[Organisation].update(practice.get("organisations", []))
    for _, event in items(cleaned, "events"):
        for block in event.get("sessions", []):
            for talk in block.get("talks", []):
                if "organisation" in talk:
                    wanted[Organisation].add(talk["organisation"])
                wanted[Practice].update(talk.get("practices", []))
    return wanted
