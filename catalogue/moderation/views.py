"""Moderation pages: decide claims and changes with a reason; read the outbox."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from catalogue.accounts.auth import admin_required
from catalogue.errors import ValidationError
from catalogue.extensions import db
from catalogue.services import mail, moderation, needs, publishing
from catalogue.services.translatable import N_

bp = Blueprint("moderation", __name__)


def _decision() -> tuple[bool, str]:
    """The submitted decision: ``approve`` or ``reject``, and the reason (at most 2,000 chars)."""
    decision = request.form.get("decision")
    if decision not in ("approve", "reject"):
        raise ValidationError(N_("Choose approve or reject."), {"decision": "approve or reject"})
    reason = request.form.get("reason", "")
    if len(reason) > 2000:
        raise ValidationError(
            N_("The reason is too long."), {"reason": "At most 2,000 characters."}
        )
    return decision == "approve", reason


@bp.get("/moderation/")
@admin_required
def show_queue():
    """Claims, new organisations and changes waiting, then live changes to review."""
    queue = moderation.moderation_queue(db.session)
    reported = sum(1 for need in needs.reported_needs(db.session) if not need.hidden)
    return render_template("moderation/show_queue.html", queue=queue, reported=reported)


@bp.post("/moderation/claims/<int:claim_id>")
@admin_required
def decide_claim(claim_id: int):
    """Approve or reject a claim."""
    claim = moderation.get_claim(db.session, claim_id)
    approve, reason = _decision()
    publishing.decide_claim(db.session, current_user._get_current_object(), claim, approve, reason)
    db.session.commit()
    flash(
        gettext("The claim is decided; the claimant sees the decision on their account page."),
        "success",
    )
    return redirect(url_for("moderation.show_queue"), 303)


@bp.post("/moderation/changes/<int:change_id>")
@admin_required
def decide_change(change_id: int):
    """Approve or reject a change (a rejected live change is undone)."""
    change = moderation.get_change(db.session, change_id)
    approve, reason = _decision()
    moderation.decide_change(
        db.session, current_user._get_current_object(), change, approve, reason
    )
    db.session.commit()
    flash(
        gettext("The change is decided; its author sees the decision on their account page."),
        "success",
    )
    return redirect(url_for("moderation.show_queue"), 303)


@bp.get("/moderation/outbox")
@admin_required
def show_outbox():
    """The mail the platform has sent or, without an SMTP server, kept."""
    messages = mail.list_outbox(db.session)
    delivers = mail.MailSettings.from_config(current_app.config).delivers
    return render_template("moderation/show_outbox.html", messages=messages, delivers=delivers)
