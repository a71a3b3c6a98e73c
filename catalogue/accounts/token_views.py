"""API token pages: make a token (shown once), list and revoke them."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from catalogue.accounts.auth import confirmed_required
from catalogue.accounts.forms import TokenForm
from catalogue.accounts.views import bp
from catalogue.extensions import db
from catalogue.services import api_tokens


@bp.route("/account/tokens", methods=["GET", "POST"])
@confirmed_required
def list_tokens():
    """The account's API tokens; a new one is shown once, right after it is made."""
    account = current_user._get_current_object()
    form = TokenForm(formdata=request.form if request.method == "POST" else None)
    shown = None
    if form.validate_on_submit():
        token, shown = api_tokens.create_token(db.session, account, form.name.data)
        db.session.commit()
        form = TokenForm(formdata=None)
    status = 400 if form.errors else 200
    tokens = api_tokens.list_tokens(db.session, account)
    page = render_template("accounts/list_tokens.html", form=form, tokens=tokens, shown=shown)
    return page, status, {"Cache-Control": "no-store"}


@bp.post("/account/tokens/<int:token_id>/revoke")
@confirmed_required
def revoke_token(token_id: int):
    """Revoke one of the account's tokens."""
    token = api_tokens.revoke_token(db.session, current_user._get_current_object(), token_id)
    db.session.commit()
    flash(gettext("The token “%(name)s” is revoked.", name=token.name), "success")
    return redirect(url_for("accounts.list_tokens"), 303)
