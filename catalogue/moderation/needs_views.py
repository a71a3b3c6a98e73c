"""Moderation of cities' needs: reported public needs to hide or restore; feedback counts."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext
from sqlalchemy import select

from catalogue.accounts.auth import admin_required
from catalogue.errors import NotFound, ValidationError
from catalogue.extensions import db
from catalogue.models import Need
from catalogue.moderation.views import bp
from catalogue.services import feedback, needs
from catalogue.services.translatable import N_


@bp.get("/moderation/needs")
@admin_required
def list_reported_needs():
    """Public needs that visitors reported, or that a moderator hid."""
    return render_template(
        "moderation/list_reported_needs.html", needs=needs.reported_needs(db.session)
    )


@bp.post("/moderation/needs/<int:need_id>")
@admin_required
def decide_need(need_id: int):
    """Hide a reported need from the board, or put it back."""
    need = db.session.scalar(select(Need).where(Need.id == need_id))
    if need is None or need.visibility == "private":
        raise NotFound(N_("There is no such public need."))
    decision = request.form.get("decision")
    if decision not in ("hide", "restore"):
        raise ValidationError(N_("Choose hide or restore."), {"decision": "hide or restore"})
    needs.set_hidden(db.session, need, decision == "hide")
    db.session.commit()
    flash(
        gettext("The need is hidden from the board.")
        if decision == "hide"
        else gettext("The need is back on the board."),
        "success",
    )
    return redirect(url_for("moderation.list_reported_needs"), 303)


@bp.get("/moderation/feedback")
@admin_required
def show_feedback():
    """How often cities found each hub's and each family's results useful."""
    hubs, families = feedback.feedback_counts(db.session)
    return render_template("moderation/show_feedback.html", hubs=hubs, families=families)
