"""The read endpoints of /api/v1: organisations, services, practices and events."""

from __future__ import annotations

from flask import current_app, redirect, request, url_for

from catalogue.api import parameters
from catalogue.api import serializers as s
from catalogue.api.blueprint import bp
from catalogue.contracts import api
from catalogue.errors import ValidationError
from catalogue.extensions import cache, db
from catalogue.models import Need
from catalogue.page_cache import cached_page
from catalogue.services import browse, duplicates, needs, published
from catalogue.services import list_parameters as rules

PAGING = ("page", "per_page")
HUB_FILTERS = tuple(spec.param for spec in browse.FACETS)


def _default_per_page() -> int:
    return current_app.config["PAGE_SIZE"]


def _hub_page(args) -> tuple[browse.HubQuery, browse.HubPage]:
    """Parse the browse page's filters plus ``per_page``, then list that page."""
    problems: dict[str, str] = {}
    parameters.refuse_blank_values(args, (*HUB_FILTERS, "sort", *PAGING), problems)
    per_page = parameters.read_per_page(args, _default_per_page(), problems)  # page: the hub list's
    query = browse.HubQuery()
    try:
        query = browse.parse_hub_query(
            args, per_page=per_page, max_search_length=current_app.config["MAX_SEARCH_LENGTH"]
        )
    except ValidationError as error:
        problems = error.fields | problems
    rules.refuse(problems, "organisations")
    return query, browse.list_hubs(db.session, query, memo=cache)


@bp.get("/organisations")
@cached_page
def list_organisations():
    """Published organisations with the browse page's filters, sorting, facets and pages."""
    query, page = _hub_page(request.args)
    ids = [organisation.id for organisation in page.items]
    families = published.families_of(db.session, ids)
    others = published.other_records_of(db.session, ids)
    items = [
        s.serialize_organisation(o, families.get(o.id, []), others.get(o.id, []))
        for o in page.items
    ]
    args = {key: value for key, value in query.to_args().items() if key != "page"}
    body = api.OrganisationPage(
        items=items, **s.page_fields(page, args), facets=s.serialize_facets(page.facets)
    )
    return s.as_json(body)


@bp.get("/organisations/<ref>")
@cached_page
def organisation_detail(ref: str):
    """One published organisation with its published services; a duplicate record redirects."""
    organisation = published.get_organisation(db.session, ref)
    shown = duplicates.shown_record(organisation)
    if shown is not organisation:
        return redirect(url_for("api.organisation_detail", ref=shown.ref), 301)
    return s.as_json(s.serialize_organisation_detail(organisation))


@bp.get("/services")
@cached_page
def list_services():
    """Published services of published organisations, filtered by family, country, technology."""
    problems: dict[str, str] = {}
    parameters.refuse_blank_values(request.args, (*parameters.SERVICE_FILTERS, *PAGING), problems)
    filters = parameters.parse_service_filters(request.args, problems)
    page_number, per_page = parameters.parse_paging(request.args, _default_per_page(), problems)
    rules.refuse(problems, "services")
    statement = published.services_statement(filters)
    page = published.paginate(db.session, statement, page_number, per_page)
    items = [s.serialize_service(service) for service in page.items]
    args = {key: list(values) for key, values in filters.items()}
    return s.as_json(api.ServicePage(items=items, **s.page_fields(page, args)))


@bp.get("/services/<ref>")
@cached_page
def service_detail(ref: str):
    """One published service with the organisation offering it."""
    return s.as_json(s.serialize_service(published.get_service(db.session, ref)))


def _plain_page(what: str, statement, serialize, model: type[api.Page]) -> dict:
    """A page of records that take only the paging parameters."""
    problems: dict[str, str] = {}
    parameters.refuse_blank_values(request.args, PAGING, problems)
    page_number, per_page = parameters.parse_paging(request.args, _default_per_page(), problems)
    rules.refuse(problems, what)
    page = published.paginate(db.session, statement, page_number, per_page)
    items = [serialize(record) for record in page.items]
    return s.as_json(model(items=items, **s.page_fields(page, {})))


@bp.get("/practices")
@cached_page
def list_practices():
    """Published good practices, by title."""
    return _plain_page(
        "practices", published.practices_statement(), s.serialize_practice, api.PracticePage
    )


@bp.get("/practices/<ref>")
@cached_page
def practice_detail(ref: str):
    """One published practice."""
    return s.as_json(s.serialize_practice(published.get_practice(db.session, ref)))


@bp.get("/needs")
def list_needs():
    """Open public needs of cities, newest first (not cached: a need is no catalogue change)."""
    statement = needs.public_needs().order_by(Need.created_at.desc(), Need.id.desc())
    return _plain_page("needs", statement, s.serialize_need, api.NeedPage)


@bp.get("/events")
@cached_page
def list_events():
    """Published events, newest first (each event's agenda is on its own resource)."""
    return _plain_page("events", published.events_statement(), s.serialize_event, api.EventPage)


@bp.get("/events/<ref>")
@cached_page
def event_detail(ref: str):
    """One published event with its sessions and talks."""
    return s.as_json(s.serialize_event_detail(published.get_event(db.session, ref)))
