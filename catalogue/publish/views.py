"""Publishing pages: claim an organisation, add one, edit its profile and services, history."""

from __future__ import annotations

from functools import partial

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user
from sqlalchemy import select

from catalogue.accounts.auth import attach_errors, confirmed_required
from catalogue.errors import NotFound, ValidationError
from catalogue.extensions import db
from catalogue.models import Organisation, Service
from catalogue.publish.forms import ClaimForm, ProfileForm, ServiceForm
from catalogue.services import (
    audit,
    completeness,
    contacts,
    editing,
    freshness,
    hubs,
    publishing,
)
from catalogue.services.translatable import N_

bp = Blueprint("publish", __name__)

SAVED_MESSAGES = {
    "live": lazy_gettext("Saved and published. A moderator reviews the change afterwards."),
    "pending": lazy_gettext("Saved. A moderator checks the change before it is published."),
    "saved": lazy_gettext("Saved. It is published when a moderator approves the organisation."),
    "unchanged": lazy_gettext("Nothing was changed."),
}


def me():
    """The logged-in account itself (not Flask-Login's proxy), for the services."""
    return current_user._get_current_object()


def _form(form_class, **kwargs):
    return form_class(formdata=request.form if request.method == "POST" else None, **kwargs)


def managed_organisation(slug: str) -> Organisation:
    """An organisation the current account manages (any status), else 404 or 403."""
    organisation = db.session.scalar(select(Organisation).where(Organisation.slug == slug))
    if organisation is None:
        raise NotFound(N_("There is no such organisation."))
    publishing.require_manager(db.session, me(), organisation)
    return organisation


def managed_service(organisation: Organisation, service_slug: str) -> Service:
    """A service of the organisation, else 404."""
    for service in organisation.services:
        if service.slug == service_slug:
            return service
    raise NotFound(N_("This organisation has no such service."))


def form_values(form, names) -> dict:
    """The fields' values as the services take them: text stripped, empty text as None."""
    values = {}
    for name in names:
        data = form[name].data
        if isinstance(data, str):
            data = data.strip() or (None if name not in ("description",) else "")
        values[name] = data if data is not None or name not in ("languages",) else []
    for name in ("name", "title", "description"):
        if name in values and values[name] is None:
            values[name] = ""
    return values


def version_of(form) -> int | None:
    """The record version the form was opened on."""
    try:
        return int(form.version.data)
    except (TypeError, ValueError):
        return None


@bp.route("/hubs/<slug>/claim", methods=["GET", "POST"])
@confirmed_required
def claim_organisation(slug: str):
    """“This is my organisation”: claim a published hub, with a note and evidence."""
    hub = hubs.find_hub(db.session, slug)
    form = _form(ClaimForm)
    if form.validate_on_submit():
        claim = publishing.claim_organisation(
            db.session, me(), hub, form.note.data.strip(), (form.evidence.data or "").strip()
        )
        db.session.commit()
        granted = claim.status == "approved"
        flash(
            gettext("Your address is at the organisation's web domain: you now manage it.")
            if granted
            else gettext("Your claim is filed; a moderator decides on it."),
            "success",
        )
        return redirect(url_for("accounts.show_account"), 303)
    status = 400 if form.is_submitted() else 200
    return render_template("publish/claim_organisation.html", form=form, hub=hub), status


@bp.route("/account/organisations/new", methods=["GET", "POST"])
@confirmed_required
def new_organisation():
    """Add an organisation that is not in the catalogue; it waits for a moderator."""
    form = _form(ProfileForm)
    if form.validate_on_submit():
        values = form_values(form, editing.PROFILE_FIELDS)
        organisation = editing.create_organisation(db.session, me(), values)
        db.session.commit()
        flash(
            gettext("The organisation is saved; it is published when a moderator approves it."),
            "success",
        )
        return redirect(url_for("publish.manage_organisation", slug=organisation.slug), 303)
    status = 400 if form.is_submitted() else 200
    return render_template("publish/edit_profile.html", form=form, organisation=None), status


@bp.get("/manage/<slug>/")
@confirmed_required
def manage_organisation(slug: str):
    """An organisation's page for its managers: completeness, services, verification."""
    organisation = managed_organisation(slug)
    score = completeness.score(organisation, completeness.family_demand(db.session))
    stale = freshness.is_stale(organisation)
    unread = contacts.unread_count(db.session, organisation)
    return render_template(
        "publish/manage_organisation.html",
        organisation=organisation,
        score=score,
        stale=stale,
        unread=unread,
    )


@bp.post("/manage/<slug>/verify")
@confirmed_required
def verify_organisation(slug: str):
    """One click: the managers confirm that the profile and services are still correct."""
    organisation = managed_organisation(slug)
    freshness.renew(db.session, me(), organisation)
    db.session.commit()
    flash(
        gettext("Thank you: the profile and its services are marked as verified today."), "success"
    )
    return redirect(url_for("publish.manage_organisation", slug=slug), 303)


def _edit(form, record, names, save, template, **context):
    """Shared by the profile and service editors: save, or show why not (409 on a lost update)."""
    conflict = None
    if record is not None:
        form.keep_given_values(editing.current_values(record))
    if form.validate_on_submit():
        values = form_values(form, names)
        try:
            saved = save(values, version_of(form))
        except editing.StaleEdit as error:
            db.session.rollback()
            conflict = {
                "message": error.for_people(),
                "changes": editing.differences(values, error.current),
            }
            form.version.data = str(error.version)
        except ValidationError as error:
            db.session.rollback()
            attach_errors(form, error)
        else:
            db.session.commit()
            flash(str(SAVED_MESSAGES[saved.outcome]), "success")
            return None
    elif request.method == "GET" and record is not None:
        form.process(data=editing.pending_or_current(db.session, me(), record))
        form.version.data = str(record.version)
    status = 409 if conflict else (400 if form.is_submitted() else 200)
    return render_template(template, form=form, conflict=conflict, **context), status


@bp.route("/manage/<slug>/profile", methods=["GET", "POST"])
@confirmed_required
def edit_profile(slug: str):
    """Edit the organisation's profile."""
    organisation = managed_organisation(slug)
    form = _form(ProfileForm)
    save = partial(editing.save_profile, db.session, me(), organisation)
    page = _edit(
        form,
        organisation,
        editing.PROFILE_FIELDS,
        save,
        "publish/edit_profile.html",
        organisation=organisation,
    )
    return page or redirect(url_for("publish.manage_organisation", slug=slug), 303)


@bp.route("/manage/<slug>/services/new", methods=["GET", "POST"])
@confirmed_required
def new_service(slug: str):
    """Add a service to the organisation."""
    organisation = managed_organisation(slug)
    form = _form(ServiceForm)
    if form.validate_on_submit():
        values = form_values(form, editing.SERVICE_FIELDS)
        saved = editing.add_service(db.session, me(), organisation, values)
        db.session.commit()
        flash(str(SAVED_MESSAGES[saved.outcome]), "success")
        return redirect(url_for("publish.manage_organisation", slug=slug), 303)
    status = 400 if form.is_submitted() else 200
    return render_template(
        "publish/edit_service.html",
        form=form,
        organisation=organisation,
        service=None,
        conflict=None,
    ), status


@bp.route("/manage/<slug>/services/<service_slug>", methods=["GET", "POST"])
@confirmed_required
def edit_service(slug: str, service_slug: str):
    """Edit one service of the organisation."""
    organisation = managed_organisation(slug)
    service = managed_service(organisation, service_slug)
    form = _form(ServiceForm)
    save = partial(editing.save_service, db.session, me(), service)
    page = _edit(
        form,
        service,
        editing.SERVICE_FIELDS,
        save,
        "publish/edit_service.html",
        organisation=organisation,
        service=service,
    )
    return page or redirect(url_for("publish.manage_organisation", slug=slug), 303)


@bp.get("/hubs/<slug>/history")
def hub_history(slug: str):
    """Who changed a published hub's record, what and when."""
    hub = hubs.find_hub(db.session, slug)
    entries = audit.history(db.session, hub)
    return render_template("publish/hub_history.html", hub=hub, entries=entries)
