"""“Contact this hub”: a city official writes to a hub from a saved need."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext

from catalogue.errors import TooMany, ValidationError
from catalogue.extensions import db
from catalogue.links import shared_url
from catalogue.needs.blueprint import HONEYPOT_MESSAGE, bp, mail_settings, personal
from catalogue.needs.forms import ContactForm
from catalogue.services import contacts, needs


class InboxLinks:
    """Absolute links into a hub's inbox, for the mails."""

    def inbox_message(self, organisation, contact) -> str:
        """The page of one contact request in the hub's inbox, in the manager's language."""
        return shared_url("publish.show_message", slug=organisation.slug, contact_id=contact.id)


def _sent_message(addresses: list[str]) -> str:
    """Say truthfully where the message went."""
    if not addresses:
        return gettext(
            "Your message is stored. This hub has no managers on the platform and no public "
            "e-mail address yet, so nobody has been mailed: its managers see it in their inbox "
            "when they join."
        )
    if mail_settings().delivers:
        return gettext("Your message is sent to the hub; its answer comes to your e-mail address.")
    return gettext(
        "Your message is stored and shown in the hub's inbox when it has managers. This platform "
        "has no mail server yet: the mail to the hub waits in the outbox that administrators see."
    )


def _send(form: ContactForm, need, organisation) -> tuple[list[str] | None, int]:
    """Send the submitted message; return the addresses mailed (None: refused) and a status."""
    if form.homepage.data:
        form.form_errors.append(gettext(HONEYPOT_MESSAGE))
        return None, 400
    limit = current_app.config["MAX_CONTACTS_PER_NEED_PER_DAY"]
    try:
        values = contacts.check_contact(form.values())
        _, addresses = contacts.send_contact(
            db.session, mail_settings(), InboxLinks(), need, organisation, values, limit
        )
    except ValidationError as error:
        db.session.rollback()
        for name, problem in error.fields.items():
            form[name].errors = [*form[name].errors, problem]
        return None, 400
    except TooMany as error:
        db.session.rollback()
        form.form_errors.append(error.message)
        return None, 429
    db.session.commit()
    return addresses, 200


@bp.route("/saved/<token>/contact/<slug>", methods=["GET", "POST"])
def contact_hub(token: str, slug: str):
    """Write to a hub about a saved need: the message starts from the need."""
    need = needs.need_by_token(db.session, token)
    organisation = contacts.listed_organisation(db.session, slug)
    form = ContactForm(formdata=request.form if request.method == "POST" else None)
    if request.method == "GET":
        message = contacts.prefilled_message(need, organisation)
        form.process(data={"email": need.email, "message": message})
    status = 400 if form.is_submitted() else 200
    if form.validate_on_submit():
        addresses, status = _send(form, need, organisation)
        if addresses is not None:
            flash(_sent_message(addresses), "success")
            target = url_for("needs.show_saved_need", token=token) + "#conversations"
            return redirect(target, 303)
    context = {"form": form, "need": need, "token": token, "organisation": organisation}
    return personal(render_template("needs/contact_hub.html", **context), status)
