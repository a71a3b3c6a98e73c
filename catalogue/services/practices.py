"""Browsing the practice library: search words, facets (country, technology, sector, status,
level of government) and pages of published practices.

Search reuses the hub search's parsing (``search.parse_search``: words and quoted phrases,
letters and digits only, spellings without the letters a source lost); each term must occur in
the practice's title, summary or lead organisation. A match in the title ranks first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import reduce

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from catalogue import vocabularies
from catalogue.models import Practice, Tag
from catalogue.models.tags import practice_tags
from catalogue.services import list_parameters as rules
from catalogue.services import search
from catalogue.services.list_parameters import Facet, FacetOption, MultiArgs
from catalogue.vocabularies import PUBLISHED

MAX_LABEL = 200
COLUMN_FACETS = {
    "country": Practice.country,
    "status": Practice.deployment_status,
    "level": Practice.government_level,
}
TAG_FACETS = {"technology": "technology", "sector": "sector"}
TITLES = {
    "country": "Country",
    "technology": "Technology",
    "sector": "Sector",
    "status": "Status",
    "level": "Level of government",
}
_LABELS: dict[str, Callable[[str], str]] = {
    "country": vocabularies.country_name,
    "status": lambda v: vocabularies.DEPLOYMENT_STATUSES.get(v, v),
    "level": lambda v: vocabularies.GOVERNMENT_LEVELS.get(v, v),
}
_CHECKS: dict[str, Callable[[str], bool]] = {
    "country": lambda v: vocabularies.normalise_country(v) == v,
    "status": lambda v: v in vocabularies.DEPLOYMENT_STATUSES,
    "level": lambda v: v in vocabularies.GOVERNMENT_LEVELS,
    "technology": lambda v: len(v) <= MAX_LABEL,
    "sector": lambda v: len(v) <= MAX_LABEL,
}


@dataclass(frozen=True)
class PracticeQuery:
    """A validated practice-list request."""

    q: str = ""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    page: int = 1
    per_page: int = 20

    def to_args(self, **changes) -> dict:
        """Query-string arguments for this query, with ``changes`` applied (``None`` drops)."""
        args: dict = {"q": self.q} if self.q else {}
        args |= {param: list(values) for param, values in self.filters.items()}
        if self.page != 1:
            args["page"] = self.page
        args |= changes
        return {key: value for key, value in args.items() if value not in (None, "", [])}

    def selected(self, param: str) -> tuple[str, ...]:
        """The values selected in one facet."""
        return self.filters.get(param, ())

    def args_for_page(self, page: int) -> dict:
        """Query-string arguments of this query on another page."""
        return self.to_args(page=None if page == 1 else page)

    def args_cleared(self) -> dict:
        """Query-string arguments with the search words only, on page 1."""
        return {"q": self.q} if self.q else {}

    def args_without(self, param: str, value: str) -> dict:
        """Query-string arguments without one selected facet value, back on page 1."""
        kept = [v for v in self.filters.get(param, ()) if v != value]
        return self.to_args(**{param: kept, "page": None})


@dataclass(frozen=True)
class PracticePage:
    """One page of the practice list, its total and its facets."""

    items: list[Practice]
    total: int
    page: int
    pages: int
    facets: list[Facet]


def parse_practice_query(args: MultiArgs, *, per_page: int, max_search_length: int):
    """Validate the practice list's parameters; raise ``ValidationError`` naming each bad one."""
    problems: dict[str, str] = {}
    q = rules.read_search_text(args, max_search_length, problems)
    filters: dict[str, tuple[str, ...]] = {}
    for param, check in _CHECKS.items():
        if values := rules.read_known_values(args, param, check, problems):
            filters[param] = values
    page = rules.read_page(args, problems)
    rules.refuse(problems, "practice list")
    return PracticeQuery(q=q, filters=filters, page=page, per_page=per_page)


def _tagged(vocabulary: str, labels: tuple[str, ...]) -> ColumnElement:
    ids = (
        select(practice_tags.c.practice_id)
        .join(Tag, Tag.id == practice_tags.c.tag_id)
        .where(Tag.vocabulary == vocabulary, Tag.label.in_(labels))
    )
    return Practice.id.in_(ids)


def _searched_text() -> ColumnElement:
    parts = (Practice.title, Practice.summary, func.coalesce(Practice.lead_organisation, ""))
    return func.lower(reduce(lambda a, b: a.concat(" ").concat(b), parts))


def _contains(text: ColumnElement, terms: search.SearchTerms) -> ColumnElement:
    """Every term (in one of its spellings) occurs in ``text``."""
    return and_(
        *(
            or_(*(text.contains(" ".join(p).casefold(), autoescape=True) for p in spellings))
            for spellings in terms.terms
        )
    )


def _conditions(query: PracticeQuery, skip: str | None = None) -> list[ColumnElement]:
    """The list's conditions; ``skip`` leaves one facet out (to count its own options)."""
    conditions = [Practice.status == PUBLISHED]
    terms = search.parse_search(query.q) if query.q else None
    if terms:
        conditions.append(_contains(_searched_text(), terms))
    for param, values in query.filters.items():
        if param == skip:
            continue
        if param in COLUMN_FACETS:
            conditions.append(COLUMN_FACETS[param].in_(values))
        else:
            conditions.append(_tagged(TAG_FACETS[param], values))
    return conditions


def _facet_counts(session: Session, query: PracticeQuery, param: str) -> list[FacetOption]:
    """The options of one facet, counted within the other facets' and the search's selection."""
    where = _conditions(query, skip=param)
    if param in COLUMN_FACETS:
        column = COLUMN_FACETS[param]
        statement: Select = select(column, func.count()).where(column.is_not(None), *where)
        statement = statement.group_by(column)
        label = _LABELS[param]
    else:
        statement = (
            select(Tag.label, func.count(func.distinct(Practice.id)))
            .join(practice_tags, practice_tags.c.tag_id == Tag.id)
            .join(Practice, Practice.id == practice_tags.c.practice_id)
            .where(Tag.vocabulary == TAG_FACETS[param], *where)
            .group_by(Tag.label)
        )
        label = str
    chosen = query.filters.get(param, ())
    options = [
        FacetOption(value, label(value), count, value in chosen)
        for value, count in session.execute(statement)
    ]
    return sorted(options, key=lambda o: (not o.selected, -o.count, o.label))


def list_practices(session: Session, query: PracticeQuery) -> PracticePage:
    """One page of published practices matching the query, with the facets' counts."""
    where = _conditions(query)
    total = session.scalar(select(func.count()).select_from(Practice).where(*where)) or 0
    pages = rules.count_pages(query.page, total, query.per_page)
    order = [Practice.title, Practice.id]
    terms = search.parse_search(query.q) if query.q else None
    if terms:
        in_title = _contains(func.lower(Practice.title), terms)
        order.insert(0, case((in_title, literal(0)), else_=literal(1)))
    items = session.scalars(
        select(Practice)
        .where(*where)
        .order_by(*order)
        .limit(query.per_page)
        .offset((query.page - 1) * query.per_page)
    ).all()
    facets = [Facet(p, TITLES[p], _facet_counts(session, query, p)) for p in TITLES]
    return PracticePage(list(items), total, query.page, pages, facets)
