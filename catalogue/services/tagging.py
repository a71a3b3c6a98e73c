"""Detected tags: the labels an organisation's own name and description reveal, kept current.

They are derived data, kept apart from the tags a source or a hub declares: the matching
library's ``tagging`` finds them, a ``before_flush`` listener re-derives them whenever a name or
description changes on any write path (imports, NGSI-LD, API, forms), and nothing exports them.
"""

from __future__ import annotations

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from catalogue.models import DetectedTag, Organisation
from matching.tagging import VOCABULARIES, detect_organisation_labels

_TEXT_FIELDS = ("name", "description")


def derive_detected_tags(organisation: Organisation) -> bool:
    """Make ``organisation.detected`` hold what its name and description reveal.

    Rows that stay are kept (their words updated), so an unchanged result writes nothing.
    Returns whether anything changed.
    """
    found = detect_organisation_labels(organisation.name or "", organisation.description or "")
    wanted = {(d.vocabulary, d.label): list(d.words) for d in found}
    changed = False
    for tag in list(organisation.detected):
        words = wanted.pop((tag.vocabulary, tag.label), None)
        if words is None:
            organisation.detected.remove(tag)
            changed = True
        elif tag.words != words:
            tag.words = words
            changed = True
    for (vocabulary, label), words in wanted.items():
        organisation.detected.append(DetectedTag(vocabulary=vocabulary, label=label, words=words))
        changed = True
    return changed


def _text_changed(new: set, organisation: Organisation) -> bool:
    if organisation in new:
        return True
    state = inspect(organisation)
    return any(state.attrs[name].history.has_changes() for name in _TEXT_FIELDS)


def rederive_before_flush(session: Session, flush_context: object, instances: object) -> None:
    """Re-derive the detected tags of new organisations and of those whose text changed.

    Registered as a ``before_flush`` listener, so no write path can leave them stale.
    """
    new = set(session.new)  # built once: a batch of an import holds thousands of records
    for record in (*new, *session.dirty):
        if isinstance(record, Organisation) and _text_changed(new, record):
            derive_detected_tags(record)


def rederive_all(session: Session) -> int:
    """Re-derive every organisation's detected tags (after the vocabulary or table changed).

    Returns how many organisations' tags changed. Flushes, never commits.
    """
    organisations = session.scalars(select(Organisation)).all()
    changed = sum(derive_detected_tags(organisation) for organisation in organisations)
    session.flush()
    return changed


def undeclared_detected(
    organisation: Organisation, offered_families: set[str]
) -> dict[str, list[DetectedTag]]:
    """The detected tags an organisation does not declare, by vocabulary (empty ones left out).

    A family counts as declared when the organisation offers a published service in it.
    """
    declared = {
        "technology": set(organisation.technologies),
        "sector": set(organisation.sectors),
        "family": offered_families,
    }
    groups = {
        vocabulary: [
            tag
            for tag in organisation.detected
            if tag.vocabulary == vocabulary and tag.label not in declared[vocabulary]
        ]
        for vocabulary in VOCABULARIES
    }
    return {vocabulary: tags for vocabulary, tags in groups.items() if tags}
