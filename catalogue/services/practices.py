"""Browsing the practice library: search words, facets (country, technology, sector, status,
level of government), sorting and pages of published practices.

Search is the hub search's full-text search (``search``, on the practices' own index
``practice_search``): stemmed, accents ignored, every term must match, quoted phrases. With
search words the list is by relevance (a match in the title counts most) unless sorted by title.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Select, false, func, select
from sqlalchemy.orm import Session

from catalogue import vocabularies
from catalogue.models import Practice, Tag
from catalogue.models.search import PRACTICES
from catalogue.models.tags import practice_tags
from catalogue.services import list_parameters as rules
from catalogue.services import search
from catalogue.services.list_parameters import Facet, FacetOption, MultiArgs
from catalogue.services.translatable import N_
from catalogue.vocabularies import PUBLISHED

MAX_LABEL = 200
SORTS: dict[str, str] = {"relevance": N_("Relevance"), "title": N_("Title")}
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
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20

    @property
    def order(self) -> str:
        """The order the list is shown in: relevance needs search words, else it is by title."""
        return "title" if self.sort == "relevance" and not self.q else self.sort

    def to_args(self, **changes) -> dict:
        """Query-string arguments for this query, with ``changes`` applied (``None`` drops)."""
        args: dict = {"q": self.q} if self.q else {}
        args |= {param: list(values) for param, values in self.filters.items()}
        if self.order != ("relevance" if self.q else "title"):  # not the default order
            args["sort"] = self.sort
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
        """Query-string arguments with the search words (and order) only, on page 1."""
        return self.to_args(**{param: None for param in self.filters}, page=None)

    def hidden_fields(self) -> list[tuple[str, str]]:
        """``(name, value)`` pairs of the search words and filters, for the sort form to keep."""
        words = [("q", self.q)] if self.q else []
        return words + [(p, v) for p, values in self.filters.items() for v in values]

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
    sort = args.get("sort") or "relevance"
    if sort not in SORTS:
        problems["sort"] = f"must be one of {', '.join(SORTS)}"
    page = rules.read_page(args, problems)
    rules.refuse(problems, "practice list")
    return PracticeQuery(q=q, filters=filters, sort=sort, page=page, per_page=per_page)


def _tagged(vocabulary: str, labels: tuple[str, ...]) -> ColumnElement:
    ids = (
        select(practice_tags.c.practice_id)
        .join(Tag, Tag.id == practice_tags.c.tag_id)
        .where(Tag.vocabulary == vocabulary, Tag.label.in_(labels))
    )
    return Practice.id.in_(ids)


def _search_condition(session: Session, query: PracticeQuery) -> ColumnElement | None:
    """Keep the practices whose searchable text matches every search word (full-text)."""
    if not query.q:
        return None
    terms = search.parse_search(query.q)
    if not terms:  # only punctuation or symbols: nothing can match
        return false()
    return Practice.id.in_(search.matching_ids(session, PRACTICES, terms))


def _conditions(
    query: PracticeQuery, matched: ColumnElement | None, skip: str | None = None
) -> list[ColumnElement]:
    """The list's conditions; ``skip`` leaves one facet out (to count its own options)."""
    conditions = [Practice.status == PUBLISHED]
    if matched is not None:
        conditions.append(matched)
    for param, values in query.filters.items():
        if param == skip:
            continue
        if param in COLUMN_FACETS:
            conditions.append(COLUMN_FACETS[param].in_(values))
        else:
            conditions.append(_tagged(TAG_FACETS[param], values))
    return conditions


def _facet_counts(
    session: Session, query: PracticeQuery, matched: ColumnElement | None, param: str
) -> list[FacetOption]:
    """The options of one facet, counted within the other facets' and the search's selection."""
    where = _conditions(query, matched, skip=param)
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
    matched = _search_condition(session, query)
    where = _conditions(query, matched)
    total = session.scalar(select(func.count()).select_from(Practice).where(*where)) or 0
    pages = rules.count_pages(query.page, total, query.per_page)
    items = session.scalars(
        _ordered(session, select(Practice).where(*where), query)
        .limit(query.per_page)
        .offset((query.page - 1) * query.per_page)
    ).all()
    facets = [Facet(p, TITLES[p], _facet_counts(session, query, matched, p)) for p in TITLES]
    return PracticePage(list(items), total, query.page, pages, facets)


_BY_TITLE = (Practice.title, Practice.id)


def _ordered(session: Session, statement: Select, query: PracticeQuery) -> Select:
    """Sort the page: by the database's relevance score (ties by title), or by title."""
    terms = search.parse_search(query.q) if query.order == "relevance" else None
    if not terms:  # by title, or nothing can match
        return statement.order_by(*_BY_TITLE)
    ranked = search.ranked_ids(session, PRACTICES, terms).subquery()
    joined = statement.join(ranked, ranked.c.practice_id == Practice.id)
    return joined.order_by(ranked.c.rank, *_BY_TITLE)
