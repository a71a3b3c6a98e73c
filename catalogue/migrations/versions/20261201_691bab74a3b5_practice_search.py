"""full-text search over practices

One row of searchable text per practice (``practice_search``), indexed as the organisations'
rows are (migration 9a58fd6d82b5): on SQLite an external-content FTS5 table kept current by
triggers, on PostgreSQL a generated ``tsvector`` column with a GIN index, through the text
search configuration ``catalogue_search`` that migration created. The application writes the
rows; this migration fills them from the practices that already exist.

On SQLite, a later migration that rebuilds ``practice_search`` in batch mode drops the
triggers with the old table and must create them again.

Revision ID: 691bab74a3b5
Revises: 38d16da4425b
Create Date: 2026-12-01 17:00:00

"""
from alembic import op
import sqlalchemy as sa

from catalogue.vocabularies import (
    DEPLOYMENT_STATUSES,
    GOVERNMENT_LEVELS,
    country_codes,
    country_search_words,
)

# revision identifiers, used by Alembic.
revision = '691bab74a3b5'
down_revision = '38d16da4425b'
branch_labels = None
depends_on = None

TABLE = 'practice_search'
KEY = 'practice_id'
COLUMNS = ('title', 'labels', 'body', 'organisation')
FTS = 'practice_search_fts'
CONFIG = 'catalogue_search'


def upgrade():
    op.create_table(
        TABLE,
        sa.Column(KEY, sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Text(), nullable=False) for name in COLUMNS),
        sa.ForeignKeyConstraint(
            [KEY], ['practices.id'],
            name=op.f('fk_practice_search_practice_id_practices'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint(KEY, name=op.f('pk_practice_search')),
    )
    dialect = op.get_context().dialect.name
    if dialect == 'sqlite':
        _create_fts5_index()
    elif dialect == 'postgresql':
        _create_tsvector_index()
    _fill_from_existing_rows()


def downgrade():
    if op.get_context().dialect.name == 'sqlite':
        for action in ('insert', 'delete', 'update'):
            op.execute(f'DROP TRIGGER IF EXISTS {FTS}_{action}')
        op.execute(f'DROP TABLE IF EXISTS {FTS}')
    op.drop_table(TABLE)


def _create_fts5_index():
    """An FTS5 table over practice_search's text (porter stemming, no diacritics)."""
    listed = ', '.join(COLUMNS)
    new = ', '.join(f'new.{name}' for name in COLUMNS)
    old = ', '.join(f'old.{name}' for name in COLUMNS)
    op.execute(
        f"CREATE VIRTUAL TABLE {FTS} USING fts5({listed}, content='{TABLE}', "
        f"content_rowid='{KEY}', tokenize='porter unicode61 remove_diacritics 2')"
    )
    insert = f'INSERT INTO {FTS}(rowid, {listed}) VALUES (new.{KEY}, {new});'
    delete = f"INSERT INTO {FTS}({FTS}, rowid, {listed}) VALUES ('delete', old.{KEY}, {old});"
    for action, body in (('insert', insert), ('delete', delete), ('update', delete + insert)):
        op.execute(
            f'CREATE TRIGGER {FTS}_{action} AFTER {action.upper()} ON {TABLE} BEGIN {body} END'
        )


def _create_tsvector_index():
    """A generated weighted tsvector (title A, labels B, body C, organisation D) and its GIN
    index, written through at once (no pending list: see migration 9a58fd6d82b5)."""
    weighted = ' || '.join(
        f"setweight(to_tsvector('{CONFIG}'::regconfig, {name}), '{weight}')"
        for name, weight in zip(COLUMNS, 'ABCD')
    )
    op.execute(
        f'ALTER TABLE {TABLE} ADD COLUMN document tsvector GENERATED ALWAYS AS ({weighted}) STORED'
    )
    op.execute(
        f'CREATE INDEX ix_{TABLE}_document ON {TABLE} USING gin (document) '
        'WITH (fastupdate = off)'
    )


def _fill_from_existing_rows():
    """One row per existing practice, composed as the application composes it."""
    text = sa.Text()
    practices = sa.table(
        'practices',
        sa.column('id', sa.Integer()),
        *(
            sa.column(name, text)
            for name in (
                'title', 'summary', 'city', 'country', 'deployment_status', 'government_level',
                'lead_organisation',
            )
        ),
    )
    tags = sa.table('tags', sa.column('id', sa.Integer()), sa.column('label', text))
    links = sa.table(
        'practice_tags', sa.column('practice_id', sa.Integer()), sa.column('tag_id', sa.Integer())
    )
    tag_labels = (
        sa.select(sa.func.aggregate_strings(tags.c.label, ' '))
        .select_from(links.join(tags, tags.c.id == links.c.tag_id))
        .where(links.c.practice_id == practices.c.id)
        .scalar_subquery()
    )
    country = sa.case(
        {code: country_search_words(code) for code in country_codes()},
        value=practices.c.country,
        else_=sa.func.coalesce(practices.c.country, ''),
    )
    status = sa.case(DEPLOYMENT_STATUSES, value=practices.c.deployment_status, else_='')
    level = sa.case(GOVERNMENT_LEVELS, value=practices.c.government_level, else_='')
    place = [practices.c.city, country, status, level, tag_labels]
    rows = sa.select(
        practices.c.id,
        practices.c.title,
        sa.func.trim(_joined(place)),
        sa.func.coalesce(practices.c.summary, ''),
        sa.func.coalesce(practices.c.lead_organisation, ''),
    )
    target = sa.table(TABLE, *(sa.column(c) for c in (KEY, *COLUMNS)))
    op.execute(target.insert().from_select([KEY, *COLUMNS], rows))


def _joined(parts):
    """Concatenate text expressions with spaces, treating NULL as empty."""
    joined = sa.func.coalesce(parts[0], '')
    for part in parts[1:]:
        joined = joined + ' ' + sa.func.coalesce(part, '')
    return joined
