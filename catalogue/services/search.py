"""Full-text search of organisations and practices: a person's words, made into a safe query.

Words are taken apart in Python into letters and digits only, so nothing a person types reaches
the query syntax of FTS5 or ``tsquery``: on SQLite each word becomes a quoted FTS5 string, on
PostgreSQL a bound parameter of ``phraseto_tsquery``. Both databases stem (English) and ignore
case and accents. Every term must match; a term in double quotes is a phrase; the words of a
query found side by side rank higher. The same queries serve every search index
(``catalogue.models.search``: organisations, practices), each with its own columns' weights.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import reduce

from sqlalchemy import REAL, ColumnElement, Select, cast, column, func, literal, literal_column
from sqlalchemy import table as table_clause
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR
from sqlalchemy.orm import Session

from catalogue.models.search import TEXT_SEARCH_CONFIG, SearchIndex

_WORD = re.compile(r"[^\W_]+")
# Function words a search may leave out. Both databases index them (phrases stay exact).
# fmt: off
STOP_WORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into",
    "is", "it", "its", "of", "on", "or", "the", "their", "this", "to", "was", "were", "will",
    "with",
})
# fmt: on

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class SearchTerms:
    """What a search asks for: terms that must all match, each a phrase in one or more spellings.

    A word with letters the source data lost (it stripped every non-ASCII letter, so
    "Füzesgyarmat" is stored as "Fzesgyarmat") is also looked for without them.
    """

    terms: tuple[tuple[Phrase, ...], ...]
    nearby: Phrase = ()

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse_search(text: str) -> SearchTerms:
    """Split a person's search into terms: words, and phrases in double quotes."""
    pieces = unicodedata.normalize("NFKC", text).split('"')
    phrases: list[Phrase] = []
    loose: list[str] = []
    for index, piece in enumerate(pieces):
        words = tuple(_WORD.findall(piece))
        if index % 2 and index < len(pieces) - 1:  # between two quotes
            phrases += [words] if words else []
        else:
            loose += words
    content = [word for word in loose if word.casefold() not in STOP_WORDS]
    words = content or ([] if phrases else loose)  # a search of stop words only keeps them
    terms = [_spellings(phrase) for phrase in phrases] + [_spellings((w,)) for w in words]
    unique = tuple(dict.fromkeys(terms))
    # With loose words only, finding all of them side by side implies every term: rank it up.
    nearby = tuple(loose) if not phrases and len(unique) > 1 else ()
    return SearchTerms(unique, nearby)


def _spellings(words: Phrase) -> tuple[Phrase, ...]:
    stripped = tuple("".join(c for c in word if c.isascii()) for word in words)
    # A word of non-ASCII letters only would vanish, and a phrase would lose a word: keep it whole.
    return (words, stripped) if all(stripped) and stripped != words else (words,)


def matching_ids(session: Session, index: SearchIndex, terms: SearchTerms) -> Select:
    """A query of the ids (``index.key``) of the records whose text matches every term."""
    if _dialect(session) == "postgresql":
        return select_postgresql(index, terms, ranked=False)
    return select_sqlite(index, terms, ranked=False)


def ranked_ids(session: Session, index: SearchIndex, terms: SearchTerms) -> Select:
    """A query of ``index.key`` and ``rank`` (best first when sorted ascending)."""
    if _dialect(session) == "postgresql":
        return select_postgresql(index, terms, ranked=True)
    return select_sqlite(index, terms, ranked=True)


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def fts5_query(terms: SearchTerms) -> str:
    """The FTS5 query text: quoted strings only, joined by AND and OR."""
    groups = ["(" + " OR ".join(map(_fts5_string, spellings)) + ")" for spellings in terms.terms]
    query = " AND ".join(groups)
    return f"({query}) OR {_fts5_string(terms.nearby)}" if terms.nearby else query


def _fts5_string(words: Phrase) -> str:
    return '"' + " ".join(words).replace('"', '""') + '"'


def select_sqlite(index: SearchIndex, terms: SearchTerms, *, ranked: bool) -> Select:
    """Match (and rank by BM25) in the index's FTS5 table, whose rowid is the record's id."""
    fts = table_clause(index.fts_table, column("rowid"))
    match = literal_column(index.fts_table).op("MATCH")(literal(fts5_query(terms)))
    record_id = fts.c.rowid.label(index.key)
    if not ranked:
        return Select(record_id).where(match)
    rank = func.bm25(literal_column(index.fts_table), *index.weights.values())
    # LIMIT -1 (no limit) keeps SQLite from flattening this query into an outer join or
    # aggregate, where FTS5 can no longer evaluate bm25().
    return Select(record_id, rank.label("rank")).where(match).limit(-1)


def tsquery(terms: SearchTerms) -> ColumnElement:
    """The ``tsquery``: each phrase through ``phraseto_tsquery``, combined with && and ||."""
    config = literal_column(f"'{TEXT_SEARCH_CONFIG}'::regconfig")

    def phrase(words: Phrase) -> ColumnElement:
        return func.phraseto_tsquery(config, literal(" ".join(words)))

    # PostgreSQL reads these operators left to right; the precedences given to SQLAlchemy make
    # it bracket each term's alternatives (||) inside && and the whole query inside @@.
    def either(left: ColumnElement, right: ColumnElement) -> ColumnElement:
        return left.op("||", precedence=1)(right)

    def both(left: ColumnElement, right: ColumnElement) -> ColumnElement:
        return left.op("&&", precedence=2)(right)

    groups = [reduce(either, map(phrase, spellings)) for spellings in terms.terms]
    query = reduce(both, groups)
    return either(query, phrase(terms.nearby)) if terms.nearby else query


def select_postgresql(index: SearchIndex, terms: SearchTerms, *, ranked: bool) -> Select:
    """Match (and rank by cover density) with the index's GIN-indexed ``document`` column."""
    search = table_clause(index.table.name, column(index.key), column("document", TSVECTOR))
    record_id = search.c[index.key]
    match = search.c.document.op("@@", precedence=3)(tsquery(terms))
    if not ranked:
        return Select(record_id).where(match)
    # ts_rank_cd takes the weights of D, C, B, A; 1 divides by the log of the text's length.
    weights = cast(literal(list(reversed(index.weights.values()))), ARRAY(REAL))
    score = func.ts_rank_cd(weights, search.c.document, tsquery(terms), 1)
    return Select(record_id, (-score).label("rank")).where(match)
