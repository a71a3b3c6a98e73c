"""Browsing the published catalogue: the hub list's query, its facets and its pages."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, Protocol

import pycountry
from sqlalchemy import (
    ColumnElement,
    Select,
    Subquery,
    case,
    distinct,
    false,
    func,
    literal_column,
    select,
    union_all,
)
from sqlalchemy.orm import Session, lazyload, selectinload

from catalogue import vocabularies
from catalogue.models import DetectedTag, Organisation, Service, Tag, current_revision
from catalogue.models.search import ORGANISATIONS
from catalogue.models.tags import organisation_tags
from catalogue.services import duplicates, search
from catalogue.services import list_parameters as rules
from catalogue.services.list_parameters import Facet, FacetOption, MultiArgs
from catalogue.services.translatable import N_
from catalogue.vocabularies import PUBLISHED

SORTS: dict[str, str] = {
    "relevance": N_("Relevance"),
    "name": N_("Name"),
    "country": N_("Country"),
    "updated": N_("Recently changed here"),
}


class Memo(Protocol):
    """Where computed values are kept between requests: Flask-Caching's cache has it."""

    def get(self, key: str) -> Any: ...

    def set(self, key: str, value: Any) -> Any: ...


@dataclass(frozen=True)
class FacetSpec:
    """One facet of the hub list: its query parameter, its title and the values it accepts."""

    param: str
    title: str
    labels: Callable[[], Mapping[str, str]]


@cache
def _countries() -> dict[str, str]:
    codes = [c.alpha_2 for c in pycountry.countries]
    codes += list(vocabularies.EXTRA_COUNTRY_NAMES)
    return {code: vocabularies.country_name(code) for code in codes}


FACETS: tuple[FacetSpec, ...] = (
    FacetSpec("kind", N_("Kind of organisation"), lambda: vocabularies.ORGANISATION_KINDS),
    FacetSpec("country", N_("Country"), _countries),
    FacetSpec("family", N_("Service family"), lambda: vocabularies.SERVICE_FAMILIES),
    FacetSpec("technology", N_("Technology"), lambda: {t: t for t in vocabularies.TECHNOLOGIES}),
    FacetSpec("sector", N_("Sector"), lambda: {s: s for s in vocabularies.SECTORS}),
)


def facet_labels(param: str) -> Mapping[str, str]:
    """The values one facet of the hub list accepts, with their labels."""
    return next(spec.labels for spec in FACETS if spec.param == param)()


@dataclass(frozen=True)
class HubQuery:
    """A validated hub-list request: search words, facet selections, sort and page."""

    q: str = ""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20

    @property
    def order(self) -> str:
        """The order the list is shown in: relevance needs search words, else it is by name."""
        return "name" if self.sort == "relevance" and not self.q else self.sort

    def selected(self, param: str) -> tuple[str, ...]:
        """Return the values selected in one facet."""
        return self.filters.get(param, ())

    def to_args(self, *, page: int | None = None, drop: tuple[str, str] | None = None) -> dict:
        """Return query-string arguments that reproduce this query (optionally changed)."""
        args: dict[str, Any] = {"q": self.q} if self.q else {}
        for param, values in self.filters.items():
            kept = [v for v in values if (param, v) != drop]
            if kept:
                args[param] = kept
        if self.order != ("relevance" if self.q else "name"):  # not the default order
            args["sort"] = self.sort
        if (page or self.page) != 1 and drop is None:
            args["page"] = page or self.page
        return args

    def hidden_fields(self) -> list[tuple[str, str]]:
        """Return ``(name, value)`` pairs of the search words and filters, for a form to keep."""
        words = [("q", self.q)] if self.q else []
        return words + [(p, v) for p, values in self.filters.items() for v in values]

    def cleared(self) -> HubQuery:
        """Return this query without facet selections, back on page 1."""
        return replace(self, filters={}, page=1)

    def args_for_page(self, page: int) -> dict:
        """Query-string arguments of this query on another page."""
        return self.to_args(page=page)

    def args_without(self, param: str, value: str) -> dict:
        """Query-string arguments without one selected facet value, back on page 1."""
        return self.to_args(drop=(param, value))

    def args_cleared(self) -> dict:
        """Query-string arguments without facet selections, back on page 1."""
        return self.cleared().to_args()


@dataclass(frozen=True)
class HubPage:
    """One page of the hub list with the total and the facets' counts."""

    items: list[Organisation]
    total: int
    page: int
    per_page: int
    pages: int
    facets: list[Facet]


def parse_hub_query(
    args: MultiArgs, *, per_page: int = 20, max_search_length: int = 200
) -> HubQuery:
    """Validate hub-list query parameters; raise ``ValidationError`` naming each bad one."""
    problems: dict[str, str] = {}
    q = rules.read_search_text(args, max_search_length, problems)
    filters: dict[str, tuple[str, ...]] = {}
    for spec in FACETS:
        known = spec.labels()
        if values := rules.read_known_values(args, spec.param, known.__contains__, problems):
            filters[spec.param] = values
    sort = args.get("sort") or "relevance"
    if sort not in SORTS:
        problems["sort"] = f"must be one of {', '.join(SORTS)}"
    page = rules.read_page(args, problems)
    rules.refuse(problems, "hub list")
    return HubQuery(q=q, filters=filters, sort=sort, page=page, per_page=per_page)


def _search_condition(session: Session, query: HubQuery) -> ColumnElement | None:
    """Keep the hubs whose searchable text matches every search word (full-text, stemmed)."""
    if not query.q:
        return None
    terms = search.parse_search(query.q)
    if not terms:  # only punctuation or symbols: nothing can match
        return false()
    return Organisation.id.in_(search.matching_ids(session, ORGANISATIONS, terms))


def _conditions(
    query: HubQuery, search: ColumnElement | None, skip: str | None = None
) -> list[ColumnElement]:
    """Build the WHERE conditions of the query, leaving out one facet for its own counts."""
    conditions: list[ColumnElement] = [duplicates.is_listed()]
    if search is not None:
        conditions.append(search)
    for param, values in query.filters.items():
        if param != skip:
            conditions.append(_FILTERS[param](values))
    return conditions


# Facets whose values an organisation may declare (or offer, for families) or have detected.
DETECTABLE: tuple[str, ...] = ("family", "technology", "sector")


def _declared_or_detected(param: str) -> Subquery:
    """Rows (organisation_id, value, declared): what listed organisations declare, then detect.

    For families, "declared" means offering a published service in the family. What a duplicate
    record holds counts for the organisation it is listed as.
    """
    listing = duplicates.listing()
    if param == "family":
        declared = (
            select(*_declaring(listing.c.listed_id, Service.family))
            .join(Service, Service.organisation_id == listing.c.record_id)
            .where(Service.status == PUBLISHED)
        )
    else:
        declared = (
            select(*_declaring(listing.c.listed_id, Tag.label))
            .join(organisation_tags, organisation_tags.c.organisation_id == listing.c.record_id)
            .join(Tag, Tag.id == organisation_tags.c.tag_id)
            .where(Tag.vocabulary == param)
        )
    detected = (
        select(listing.c.listed_id, DetectedTag.label, literal_column("0"))
        .join(DetectedTag, DetectedTag.organisation_id == listing.c.record_id)
        .where(DetectedTag.vocabulary == param)
    )
    return union_all(declared, detected).subquery()


def _declaring(owner: ColumnElement, value: ColumnElement) -> tuple[ColumnElement, ...]:
    """The union's first part names its columns for both parts."""
    declared = literal_column("1").label("declared")
    return owner.label("organisation_id"), value.label("value"), declared


def _detectable_filter(param: str) -> Callable[[Iterable[str]], ColumnElement]:
    def condition(values: Iterable[str]) -> ColumnElement:
        rows = _declared_or_detected(param)
        matching = select(rows.c.organisation_id).where(rows.c.value.in_(list(values)))
        return Organisation.id.in_(matching)

    return condition


_FILTERS: dict[str, Callable[[Iterable[str]], ColumnElement]] = {
    "kind": lambda values: Organisation.kind.in_(list(values)),
    "country": lambda values: Organisation.country.in_(list(values)),
    **{param: _detectable_filter(param) for param in DETECTABLE},
}


def _count_statement(param: str, conditions: list[ColumnElement]) -> Select:
    """A GROUP BY query: per value of one facet, the matching hubs and the detected-only ones."""
    if param not in DETECTABLE:
        column = getattr(Organisation, param)
        return select(column, func.count(), literal_column("0")).where(*conditions).group_by(column)
    rows = _declared_or_detected(param)
    hubs = func.count(distinct(rows.c.organisation_id))
    declaring = func.count(distinct(case((rows.c.declared == 1, rows.c.organisation_id))))
    return (
        select(rows.c.value, hubs, hubs - declaring)
        .join(Organisation, Organisation.id == rows.c.organisation_id)
        .where(*conditions)
        .group_by(rows.c.value)
    )


def _facet(
    session: Session, spec: FacetSpec, query: HubQuery, search: ColumnElement | None
) -> Facet:
    conditions = _conditions(query, search, skip=spec.param)
    rows = session.execute(_count_statement(spec.param, conditions)).all()
    counts = {value: (count, detected) for value, count, detected in rows}
    labels = spec.labels()
    selected = query.selected(spec.param)
    values = [v for v in labels if v in counts or v in selected]
    if spec.param == "country":
        values.sort(key=lambda v: labels[v])
    options = []
    for value in values:
        count, detected = counts.get(value, (0, 0))
        options.append(FacetOption(value, labels[value], count, value in selected, detected))
    return Facet(spec.param, spec.title, options, spec.param in DETECTABLE)


_ORDER = {
    "name": (func.lower(Organisation.name), Organisation.id),
    "country": (Organisation.country.asc().nulls_last(), func.lower(Organisation.name)),
    "updated": (Organisation.updated_at.desc(), Organisation.id.desc()),
}


def list_hubs(session: Session, query: HubQuery, memo: Memo | None = None) -> HubPage:
    """Return one page of published hubs matching ``query``, with the facets' counts.

    With a ``memo``, the total and the facets' counts of each search and selection are
    computed once per revision.
    """
    search = duplicates.any_record_matches(_search_condition(session, query))
    conditions = _conditions(query, search)
    total, facets = _counts(session, query, search, memo)
    pages = rules.count_pages(query.page, total, query.per_page)
    items = session.scalars(
        _ordered(session, select(Organisation).where(*conditions), query)
        .limit(query.per_page)
        .offset((query.page - 1) * query.per_page)
        .options(selectinload(Organisation.tags), lazyload(Organisation.services))
    ).all()
    return HubPage(list(items), total, query.page, query.per_page, pages, facets)


def _counts(
    session: Session, query: HubQuery, search: ColumnElement | None, memo: Memo | None
) -> tuple[int, list[Facet]]:
    """The number of matching hubs and the facets' counts, from ``memo`` when this revision
    already computed them (they do not depend on the sort or the page)."""
    if memo is None:
        return _count_all(session, query, search)
    selection = (current_revision(session), query.q, sorted(query.filters.items()))
    key = "counts:" + hashlib.sha256(repr(selection).encode()).hexdigest()
    counts = memo.get(key)
    if counts is None:
        counts = _count_all(session, query, search)
        memo.set(key, counts)
    return counts


def _count_all(
    session: Session, query: HubQuery, search: ColumnElement | None
) -> tuple[int, list[Facet]]:
    conditions = _conditions(query, search)
    total = session.scalar(select(func.count()).select_from(Organisation).where(*conditions)) or 0
    return total, [_facet(session, spec, query, search) for spec in FACETS]


def _ordered(session: Session, statement: Select, query: HubQuery) -> Select:
    """Sort the page: by the database's relevance score (ties by name), or as chosen."""
    if query.order != "relevance":
        return statement.order_by(*_ORDER[query.order])
    terms = search.parse_search(query.q)
    if not terms:  # nothing matches: any order will do
        return statement.order_by(*_ORDER["name"])
    ranked = search.ranked_ids(session, ORGANISATIONS, terms).subquery()
    listing = duplicates.listing()
    best = (  # an organisation ranks as its best-matching record
        select(listing.c.listed_id, func.min(ranked.c.rank).label("rank"))
        .join(ranked, ranked.c.organisation_id == listing.c.record_id)
        .group_by(listing.c.listed_id)
        .subquery()
    )
    joined = statement.join(best, best.c.listed_id == Organisation.id)
    return joined.order_by(best.c.rank, *_ORDER["name"])
