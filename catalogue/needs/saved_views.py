"""Saved needs: the private page a link opens, editing it, and saving from the needs form."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext

from catalogue.extensions import db
from catalogue.links import external_url
from catalogue.models import Need
from catalogue.needs.blueprint import (
    bp,
    checked_values,
    form_for_request,
    mail_settings,
    personal,
    where_mail_went,
)
from catalogue.needs.forms import LostLinkForm, NeedForm
from catalogue.needs.results import need_results
from catalogue.services import needs
from catalogue.services.need_values import NeedValues, email_address


def private_link(token: str) -> str:
    """The absolute private link of a saved need."""
    return external_url("needs.show_saved_need", token=token)


def save_new_need(values: NeedValues) -> tuple[Need, str]:
    """Store the need, mail its private link; the caller commits."""
    need, token = needs.create_need(db.session, values)
    needs.mail_link(db.session, mail_settings(), need, private_link(token))
    return need, token


def save_from_form(form: NeedForm):
    """The needs form's "save" and "contact this hub" buttons: save, then go on (or None)."""
    contact = request.form.get("contact")
    if request.form.get("action") != "save" and not contact:
        return None
    values = checked_values(form, require_email=True)
    if values is None:
        return None
    need, token = save_new_need(values)
    db.session.commit()
    flash(
        gettext("Your need is saved and its private link mailed.")
        + " "
        + where_mail_went(need.email),
        "success",
    )
    if contact:
        return redirect(url_for("needs.contact_hub", token=token, slug=contact), 303)
    return redirect(url_for("needs.show_saved_need", token=token), 303)


@bp.get("/saved/<token>")
def show_saved_need(token: str):
    """A saved need and its results now, marking the hubs new since the last visit."""
    need = needs.need_by_token(db.session, token)
    result = need_results(needs.values_of(need))
    new_refs = needs.record_visit(db.session, need, (m.id for m in result.outcome.matches))
    db.session.commit()
    page = render_template(
        "needs/show_saved_need.html", need=need, token=token, result=result, new_refs=new_refs
    )
    return personal(page)


@bp.route("/saved/<token>/edit", methods=["GET", "POST"])
def edit_saved_need(token: str):
    """Edit a saved need; its results are run again on the new text and filters."""
    need = needs.need_by_token(db.session, token)
    form = form_for_request()
    if request.method == "GET":
        form.process(data=needs.form_data(need))
    values = checked_values(form)
    if values is not None:
        needs.update_need(db.session, need, form.values())
        db.session.commit()
        flash(gettext("Your need is updated; the results below are run on it again."), "success")
        return redirect(url_for("needs.show_saved_need", token=token), 303)
    status = 400 if form.is_submitted() else 200
    page = render_template("needs/edit_saved_need.html", form=form, need=need, token=token)
    return personal(page, status)


@bp.post("/saved/<token>/status")
def change_need_status(token: str):
    """Close a saved need (found help, or no longer needed) or open it again."""
    need = needs.need_by_token(db.session, token)
    needs.set_status(db.session, need, request.form.get("status"))
    db.session.commit()
    closed = need.status == "closed"
    flash(
        gettext("The need is closed: it is off the needs board and hubs no longer see it.")
        if closed
        else gettext("The need is open again."),
        "success",
    )
    return redirect(url_for("needs.show_saved_need", token=token), 303)


@bp.route("/lost-link", methods=["GET", "POST"])
def resend_links():
    """Mail new private links of the needs saved with an address (the old ones stop working)."""
    form = LostLinkForm(formdata=request.form if request.method == "POST" else None)
    if form.validate_on_submit():
        try:
            email = email_address(form.email.data, required=True)
        except ValueError as error:
            form.email.errors = [*form.email.errors, str(error)]
        else:
            needs.resend_links(db.session, mail_settings(), email, private_link)
            db.session.commit()
            flash(
                gettext(
                    "If needs were saved with this address, new links to them are mailed there "
                    "and the earlier links no longer work."
                )
                + " "
                + where_mail_went(email),
                "success",
            )
            return redirect(url_for("needs.resend_links"), 303)
    status = 400 if form.is_submitted() else 200
    return render_template("needs/resend_links.html", form=form), status
