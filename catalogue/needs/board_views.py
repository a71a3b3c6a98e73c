"""The needs board: public needs anyone may browse, search and filter; anonymous ones unnamed."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext

from catalogue.errors import ValidationError
from catalogue.extensions import db
from catalogue.needs.blueprint import bp
from catalogue.services import needs
from catalogue.vocabularies import EUROPEAN_COUNTRIES, SERVICE_FAMILIES, TECHNOLOGIES


@bp.get("/board")
def list_needs():
    """Public needs, newest first, searched by words and filtered by country, family, technology."""
    try:
        query = needs.check_board_query(request.args, EUROPEAN_COUNTRIES, SERVICE_FAMILIES)
    except ValidationError as error:
        page = render_template(
            "needs/list_needs.html", query=needs.BoardQuery(), found=[], total=0, error=error
        )
        return page, 400
    found, total = needs.board(db.session, query)
    return render_template(
        "needs/list_needs.html",
        query=query,
        found=found,
        total=total,
        error=None,
        countries=sorted(EUROPEAN_COUNTRIES),
        technologies=TECHNOLOGIES,
        page_size=needs.BOARD_PAGE_SIZE,
    )


@bp.get("/board/<public_ref>")
def need_detail(public_ref: str):
    """One public need (an anonymous one without the city's name)."""
    need = needs.public_need(db.session, public_ref)
    return render_template("needs/need_detail.html", need=need)


@bp.post("/board/<public_ref>/report")
def report_need(public_ref: str):
    """Report a public need as spam or abuse: the moderators see it flagged."""
    need = needs.public_need(db.session, public_ref)
    needs.report_need(db.session, need)
    db.session.commit()
    flash(gettext("Thank you: the moderators will look at this need."), "success")
    return redirect(url_for("needs.need_detail", public_ref=public_ref), 303)
