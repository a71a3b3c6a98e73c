"""Pages for the public audience: home, the hub list, hub and service pages, about the data, the
accessibility statement."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, current_app, redirect, render_template, request, url_for

from catalogue.explanations import join
from catalogue.extensions import cache, db, match_index_holder
from catalogue.i18n import offered_languages
from catalogue.locale_format import language_name
from catalogue.page_cache import cached_page
from catalogue.public.data_sources import DATA_SOURCES
from catalogue.public.forms import HubSearchForm
from catalogue.services import browse, duplicates, hub_matching, hubs

bp = Blueprint("public", __name__)


@bp.get("/")
@cached_page
def show_home():
    """Say what the catalogue is and offer three ways in."""
    counts = hubs.catalogue_counts(db.session)
    return render_template("public/show_home.html", counts=counts)


@bp.get("/hubs/")
@cached_page
def list_hubs():
    """List published hubs with search, facets, sorting and pages."""
    query = browse.parse_hub_query(
        request.args,
        per_page=current_app.config["PAGE_SIZE"],
        max_search_length=current_app.config["MAX_SEARCH_LENGTH"],
    )
    page = browse.list_hubs(db.session, query, memo=cache)
    form = HubSearchForm.for_query(request.args, query)
    return render_template("public/list_hubs.html", page=page, query=query, form=form)


@bp.get("/hubs/<slug>")
@cached_page
def hub_detail(slug: str):
    """Show one published hub with its services, practices and talks, from all its records.

    Another source's record of a hub that is listed under a first one redirects to its page.
    """
    hub = hubs.find_hub(db.session, slug)
    shown = duplicates.shown_record(hub)
    if shown is not hub:
        return redirect(url_for("public.hub_detail", slug=shown.slug), 301)
    detail = hubs.hub_detail(db.session, hub)
    similar = hub_matching.similar_organisations(db.session, match_index_holder(), hub)
    return render_template("public/hub_detail.html", detail=detail, hub=hub, similar=similar)


@bp.get("/services/<slug>")
@cached_page
def service_detail(slug: str):
    """Show one published service and the organisation that offers it."""
    service = hubs.get_service(db.session, slug)
    listed = duplicates.shown_record(service.organisation)
    return render_template("public/service_detail.html", service=service, listed=listed)


@bp.get("/about/")
@cached_page
def show_about():
    """List every data source with its attribution and licence."""
    counts = hubs.count_by_source(db.session)
    return render_template("public/show_about.html", sources=DATA_SOURCES, counts=counts)


# When the accessibility statement was prepared (its own date, as the EU model statement asks).
ACCESSIBILITY_STATEMENT_DATE = date(2026, 12, 1)


@bp.get("/accessibility/")
@cached_page
def show_accessibility():
    """The accessibility statement, following the EU model (Implementing Decision 2018/1523)."""
    return render_template(
        "public/show_accessibility.html",
        prepared=ACCESSIBILITY_STATEMENT_DATE,
        contact=current_app.config["ACCESSIBILITY_CONTACT"],
        interface_languages=join([language_name(code) for code in offered_languages()]),
    )


@bp.get("/health")
def show_health():
    """Say the process serves: for load balancers, systemd and the load benchmark's ceiling."""
    return "ok\n", 200, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}
