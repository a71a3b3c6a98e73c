"""A hub's inbox: the messages cities sent it, read and answered by its managers."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext

from catalogue.accounts.auth import confirmed_required
from catalogue.errors import ValidationError
from catalogue.extensions import db
from catalogue.needs.forms import AnswerForm
from catalogue.publish.views import bp, managed_organisation, me
from catalogue.services import contacts
from catalogue.services.mail import MailSettings


@bp.get("/manage/<slug>/inbox")
@confirmed_required
def show_inbox(slug: str):
    """The organisation's contact requests, newest first, with their status."""
    organisation = managed_organisation(slug)
    messages = contacts.inbox(db.session, organisation)
    page = render_template("publish/show_inbox.html", organisation=organisation, messages=messages)
    return page


@bp.route("/manage/<slug>/inbox/<int:contact_id>", methods=["GET", "POST"])
@confirmed_required
def show_message(slug: str, contact_id: int):
    """One message: opening it marks it read; the form answers it."""
    organisation = managed_organisation(slug)
    contact = contacts.get_contact(db.session, organisation, contact_id)
    form = AnswerForm(formdata=request.form if request.method == "POST" else None)
    if form.validate_on_submit():
        settings = MailSettings.from_config(current_app.config)
        try:
            contacts.answer_contact(db.session, settings, me(), contact, form.answer.data)
        except ValidationError as error:
            db.session.rollback()
            form.answer.errors = [*form.answer.errors, *error.fields.values()]
        else:
            db.session.commit()
            flash(gettext("Your answer is stored and mailed to the city official."), "success")
            return redirect(url_for("publish.show_inbox", slug=slug), 303)
    elif request.method == "GET":
        contacts.mark_read(db.session, contact)
        db.session.commit()
    status = 400 if form.is_submitted() else 200
    page = render_template(
        "publish/show_message.html", organisation=organisation, contact=contact, form=form
    )
    return page, status
