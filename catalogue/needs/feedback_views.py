"""“Useful / not useful” on a result: on the needs page (the form carries the need) and on a
saved need's page. The rank and score stored are the engine's, from running the need again."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext
from werkzeug.datastructures import MultiDict

from catalogue.errors import ValidationError
from catalogue.extensions import db
from catalogue.needs.blueprint import bp
from catalogue.needs.results import NeedResult, need_results
from catalogue.services import feedback, needs
from catalogue.services.translatable import N_


def feedback_from_form(result: NeedResult, form: MultiDict) -> str | None:
    """Store the verdict a "Useful" / "Not useful" button of the needs page sent; return the
    hub's ref (None when no such button was pressed)."""
    pressed = form.get("feedback")
    if not pressed:
        return None
    ref, _, verdict = pressed.partition(" ")
    useful, reason = feedback.check_verdict(verdict, form.get(f"reason-{ref}"))
    text = result.values.text
    feedback.record_feedback(db.session, result.outcome, text, ref, useful, reason)
    db.session.commit()
    return ref


@bp.post("/saved/<token>/feedback")
def give_feedback(token: str):
    """A verdict on one result of a saved need."""
    need = needs.need_by_token(db.session, token)
    useful, reason = feedback.check_verdict(request.form.get("useful"), request.form.get("reason"))
    ref = request.form.get("ref") or ""
    if not ref:
        raise ValidationError(N_("Name the result."), {"ref": "is required"})
    result = need_results(needs.values_of(need))
    feedback.record_feedback(db.session, result.outcome, need.text, ref, useful, reason, need)
    db.session.commit()
    name = result.outcome.organisations[ref].name
    flash(gettext("Thank you: your verdict on %(name)s is stored.", name=name), "success")
    return redirect(url_for("needs.show_saved_need", token=token) + "#results-heading", 303)
