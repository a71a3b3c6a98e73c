"""Pages of the practice library: one page per practice, with hubs and similar practices."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request, url_for

from catalogue.extensions import db, match_index_holder, practice_index_holder
from catalogue.page_cache import cached_page
from catalogue.practices.forms import PracticeSortForm
from catalogue.services import practice_matching, practices, workshop

bp = Blueprint("practices", __name__)


@bp.get("/")
@cached_page
def list_practices():
    """List the published practices with search, facets, sorting and pages."""
    query = practices.parse_practice_query(
        request.args,
        per_page=current_app.config["PAGE_SIZE"],
        max_search_length=current_app.config["MAX_SEARCH_LENGTH"],
    )
    page = practices.list_practices(db.session, query)
    form = PracticeSortForm.for_query(request.args, query)
    return render_template("practices/list_practices.html", page=page, query=query, form=form)


@bp.get("/<slug>")
@cached_page
def practice_detail(slug: str):
    """Show a practice, its source, the hubs that could help do the same and similar practices."""
    detail = workshop.get_practice(db.session, slug)
    practice = detail.practice
    hubs = practice_matching.hubs_for_practice(db.session, match_index_holder(), practice)
    similar = practice_matching.similar_practices(db.session, practice_index_holder(), practice)
    start_need = url_for("needs.describe_need", text=practice_matching.need_text(practice))
    return render_template(
        "practices/practice_detail.html",
        detail=detail,
        hubs=hubs,
        similar=similar,
        start_need=start_need,
    )
