"""Token-authenticated writes of /api/v1: a hub's own profile and services, moderated as forms."""

from __future__ import annotations

import json
from typing import Any

from flask import request, url_for

from catalogue.api.blueprint import bp
from catalogue.contracts import writes
from catalogue.errors import Conflict
from catalogue.extensions import db
from catalogue.services import api_tokens, editing, publishing


def token_account():
    """The account of the request's API token (never the session cookie), else 401."""
    account = api_tokens.account_for_header(db.session, request.headers.get("Authorization"))
    db.session.commit()  # the token's last-used date, whatever the request's outcome
    return account


def _body() -> object:
    return request.get_json(silent=True) if request.is_json else None


def _outcome(saved: editing.Saved) -> dict:
    record = saved.record
    return writes.WriteOutcome(
        outcome=saved.outcome,
        ref=record.ref,
        status=record.status,
        version=record.version,
        values=editing.current_values(record),
    ).model_dump(mode="json")


def _stale(error: editing.StaleEdit, sent: dict[str, Any], version: int) -> Conflict:
    """The 409 of a stale ``version``: each field sent whose saved value is now different."""
    fields = {
        name: f"is now {json.dumps(error.current[name], ensure_ascii=False)}"
        for name, value in sent.items()
        if name in error.current and error.current[name] != value
    }
    fields["version"] = f"is {error.version} now, not {version}"
    return Conflict(
        f"The record changed since version {version} (it is at version {error.version} now): "
        "nothing was saved. Read it again, apply your change to what it holds now and send it "
        "with the new version.",
        fields=fields,
    )


def _save_or_refuse(save, account, record, values: dict[str, Any]) -> editing.Saved:
    """Apply ``values`` over the record's current ones at the version sent, or answer 409.

    ``save`` is ``editing.save_profile`` or ``editing.save_service``.
    """
    version = values.pop("version")
    try:
        return save(db.session, account, record, editing.current_values(record) | values, version)
    except editing.StaleEdit as error:
        raise _stale(error, values, version) from error


@bp.get("/me")
def show_me():
    """The token's account and the organisations it manages."""
    account = token_account()
    organisations = [
        writes.ManagedOrganisation(
            ref=m.organisation.ref,
            name=m.organisation.name,
            status=m.organisation.status,
            version=m.organisation.version,
            verified_manager=m.verified,
        )
        for m in publishing.memberships_of(db.session, account)
    ]
    return writes.Me(email=account.email, organisations=organisations).model_dump(mode="json")


@bp.patch("/organisations/<ref>")
def update_profile(ref: str):
    """Change the profile of an organisation the token's account manages."""
    account = token_account()
    organisation = publishing.managed_organisation(db.session, account, ref)
    values = writes.parse(writes.ProfileWrite, _body())
    saved = _save_or_refuse(editing.save_profile, account, organisation, values)
    db.session.commit()
    return _outcome(saved)


@bp.post("/organisations/<ref>/services")
def create_service(ref: str):
    """Add a service to an organisation the token's account manages."""
    account = token_account()
    organisation = publishing.managed_organisation(db.session, account, ref)
    values = writes.parse(writes.ServiceCreate, _body())
    saved = editing.add_service(db.session, account, organisation, values)
    db.session.commit()
    location = url_for("api.service_detail", ref=saved.record.ref)
    return _outcome(saved), 201, {"Location": location}


@bp.patch("/services/<ref>")
def update_service(ref: str):
    """Change a service of an organisation the token's account manages."""
    account = token_account()
    service = publishing.managed_service(db.session, account, ref)
    values = writes.parse(writes.ServiceWrite, _body())
    saved = _save_or_refuse(editing.save_service, account, service, values)
    db.session.commit()
    return _outcome(saved)
