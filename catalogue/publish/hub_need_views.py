"""The public needs that fit a hub, for its managers: answer them or mark them "not for us"."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext

from catalogue.accounts.auth import confirmed_required
from catalogue.errors import ValidationError
from catalogue.extensions import db, match_index_holder
from catalogue.needs.forms import ContactForm
from catalogue.publish.views import bp, managed_organisation, me
from catalogue.services import contacts, hub_needs, needs
from catalogue.services.mail import MailSettings


@bp.get("/manage/<slug>/needs")
@confirmed_required
def list_fitting_needs(slug: str):
    """Open public needs whose results include this hub, best fit first, with the reasons."""
    organisation = managed_organisation(slug)
    fits = hub_needs.fitting_needs(db.session, match_index_holder(), organisation)
    return render_template("publish/list_fitting_needs.html", organisation=organisation, fits=fits)


@bp.post("/manage/<slug>/needs/<public_ref>/decline")
@confirmed_required
def decline_need(slug: str, public_ref: str):
    """“Not for us”: the need leaves this hub's list and digests."""
    organisation = managed_organisation(slug)
    hub_needs.decline_need(db.session, organisation, public_ref)
    db.session.commit()
    flash(gettext("The need is marked “not for us” and no longer listed here."), "success")
    return redirect(url_for("publish.list_fitting_needs", slug=slug), 303)


@bp.route("/manage/<slug>/needs/<public_ref>/answer", methods=["GET", "POST"])
@confirmed_required
def answer_need(slug: str, public_ref: str):
    """Write to the city that posted a public need (its address stays hidden from the hub)."""
    organisation = managed_organisation(slug)
    need = needs.public_need(db.session, public_ref)
    form = ContactForm(formdata=request.form if request.method == "POST" else None)
    if request.method == "GET":
        form.process(data={"name": organisation.name, "email": me().email})
    if form.validate_on_submit():
        try:
            values = contacts.check_contact(form.values())
        except ValidationError as error:
            for name, problem in error.fields.items():
                form[name].errors = [*form[name].errors, problem]
        else:
            settings = MailSettings.from_config(current_app.config)
            hub_needs.answer_need(db.session, settings, organisation, public_ref, values)
            db.session.commit()
            flash(gettext("Your message is stored on the need and mailed to the city."), "success")
            return redirect(url_for("publish.list_fitting_needs", slug=slug), 303)
    status = 400 if form.is_submitted() else 200
    context = {"organisation": organisation, "need": need, "form": form}
    return render_template("publish/answer_need.html", **context), status
