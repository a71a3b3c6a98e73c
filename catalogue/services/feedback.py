"""Feedback on matches: "useful / not useful" on a result, counted for administrators, exported."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from catalogue.errors import NotFound, ValidationError
from catalogue.models import MatchFeedback, Need, Organisation
from catalogue.services.hub_matching import MatchOutcome
from catalogue.services.translatable import N_

MAX_REASON_LENGTH = 500
EXPORT_FIELDS = (
    "created_at", "need_id", "language", "organisation_ref", "family", "rank", "score", "useful",
    "reason", "need_text",
)  # fmt: skip


@dataclass(frozen=True)
class FeedbackCount:
    """How often results of one hub (or one family) were found useful and not useful."""

    label: str
    useful: int
    not_useful: int


def check_verdict(useful: str | None, reason: str | None) -> tuple[bool, str]:
    """The verdict (``yes``/``no``) and the optional reason, checked."""
    if useful not in ("yes", "no"):
        raise ValidationError(N_("Say whether the result was useful."), {"useful": "yes or no"})
    reason = (reason or "").strip()
    if len(reason) > MAX_REASON_LENGTH:
        problem = f"is {len(reason)} characters long; at most {MAX_REASON_LENGTH} are allowed"
        raise ValidationError(f"reason: {problem}", {"reason": problem})
    return useful == "yes", reason


def record_feedback(
    session: Session,
    outcome: MatchOutcome,
    text: str,
    ref: str,
    useful: bool,
    reason: str,
    need: Need | None = None,
) -> MatchFeedback:
    """Store a verdict on the result ``ref`` of ``outcome`` with the rank and score it had."""
    match = next((m for m in outcome.matches if m.id == ref), None)
    if match is None:
        raise NotFound(N_("This hub is not among the results of the need."))
    organisation = outcome.organisations[ref]
    feedback = MatchFeedback(
        need_id=need.id if need else None,
        need_text=text,
        language=outcome.language,
        organisation_id=organisation.id,
        organisation_ref=ref,
        family=match.services[0].family if match.services else None,
        rank=match.rank,
        score=match.score,
        useful=useful,
        reason=reason,
    )
    session.add(feedback)
    session.flush()
    return feedback


def _counts(session: Session, column) -> list[tuple[str | None, int, int]]:
    useful = func.sum(case((MatchFeedback.useful.is_(True), 1), else_=0))
    not_useful = func.sum(case((MatchFeedback.useful.is_(False), 1), else_=0))
    statement = select(column, useful, not_useful).group_by(column).order_by(column)
    return [(label, int(u or 0), int(n or 0)) for label, u, n in session.execute(statement)]


def feedback_counts(session: Session) -> tuple[list[FeedbackCount], list[FeedbackCount]]:
    """The verdicts per hub (by name) and per service family of the result."""
    names = dict(session.execute(select(Organisation.ref, Organisation.name)).all())
    hubs = [
        FeedbackCount(names.get(ref, ref), u, n)
        for ref, u, n in _counts(session, MatchFeedback.organisation_ref)
    ]
    families = [
        FeedbackCount(family or "", u, n) for family, u, n in _counts(session, MatchFeedback.family)
    ]
    return hubs, families


def export_rows(session: Session) -> Iterator[dict]:
    """Every verdict, oldest first, as rows for evaluating the engine."""
    statement = select(MatchFeedback).order_by(MatchFeedback.id)
    for feedback in session.scalars(statement):
        row = {name: getattr(feedback, name) for name in EXPORT_FIELDS}
        row["created_at"] = feedback.created_at.isoformat()
        yield row
