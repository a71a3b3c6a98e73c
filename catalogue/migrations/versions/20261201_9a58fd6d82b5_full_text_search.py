"""full-text search over organisations

One row of searchable text per organisation (``organisation_search``), indexed by the database:
on SQLite an external-content FTS5 table kept current by triggers, on PostgreSQL a generated
``tsvector`` column (English stemming, accents removed by ``unaccent``) with a GIN index.
The application writes the rows; this migration fills them from the rows that already exist.

PostgreSQL needs the ``unaccent`` extension: it is a trusted extension, so the database owner
can create it; where the migration's user may not, an administrator runs
``CREATE EXTENSION unaccent`` once beforehand (see docs/search.md).

On SQLite, a later migration that rebuilds ``organisation_search`` in batch mode drops the
triggers with the old table and must create them again.

Revision ID: 9a58fd6d82b5
Revises: 0261b7a98e3e
Create Date: 2026-12-01 10:00:00

"""
from alembic import op
import sqlalchemy as sa

from catalogue.vocabularies import country_codes, country_search_words

# revision identifiers, used by Alembic.
revision = '9a58fd6d82b5'
down_revision = '0261b7a98e3e'
branch_labels = None
depends_on = None

COLUMNS = ('name', 'labels', 'body', 'services')
FTS = 'organisation_search_fts'
CONFIG = 'catalogue_search'
STEMMER = 'catalogue_english_stem'


def upgrade():
    op.create_table(
        'organisation_search',
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Text(), nullable=False) for name in COLUMNS),
        sa.ForeignKeyConstraint(
            ['organisation_id'], ['organisations.id'],
            name=op.f('fk_organisation_search_organisation_id_organisations'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('organisation_id', name=op.f('pk_organisation_search')),
    )
    dialect = op.get_context().dialect.name
    if dialect == 'sqlite':
        _create_fts5_index()
    elif dialect == 'postgresql':
        _create_tsvector_index()
    _fill_from_existing_rows()


def downgrade():
    dialect = op.get_context().dialect.name
    if dialect == 'sqlite':
        for action in ('insert', 'delete', 'update'):
            op.execute(f'DROP TRIGGER IF EXISTS {FTS}_{action}')
        op.execute(f'DROP TABLE IF EXISTS {FTS}')
    op.drop_table('organisation_search')
    if dialect == 'postgresql':
        # The unaccent extension stays: other objects of the database may use it.
        op.execute(f'DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}')
        op.execute(f'DROP TEXT SEARCH DICTIONARY IF EXISTS {STEMMER}')


def _create_fts5_index():
    """An FTS5 table over organisation_search's text (porter stemming, no diacritics)."""
    listed = ', '.join(COLUMNS)
    new = ', '.join(f'new.{name}' for name in COLUMNS)
    old = ', '.join(f'old.{name}' for name in COLUMNS)
    op.execute(
        f"CREATE VIRTUAL TABLE {FTS} USING fts5({listed}, content='organisation_search', "
        "content_rowid='organisation_id', tokenize='porter unicode61 remove_diacritics 2')"
    )
    insert = f'INSERT INTO {FTS}(rowid, {listed}) VALUES (new.organisation_id, {new});'
    delete = (
        f"INSERT INTO {FTS}({FTS}, rowid, {listed}) VALUES ('delete', old.organisation_id, {old});"
    )
    for action, body in (('insert', insert), ('delete', delete), ('update', delete + insert)):
        op.execute(
            f'CREATE TRIGGER {FTS}_{action} AFTER {action.upper()} ON organisation_search '
            f'BEGIN {body} END'
        )


def _create_tsvector_index():
    """English stemming with unaccent, a generated weighted tsvector and its GIN index.

    The stemmer keeps stop words, as SQLite's FTS5 does, so both databases index the same
    words and phrases with "of" or "the" match as written; the application leaves common
    function words out of a search instead.
    """
    op.execute('CREATE EXTENSION IF NOT EXISTS unaccent')
    op.execute(f'CREATE TEXT SEARCH DICTIONARY {STEMMER} (TEMPLATE = snowball, Language = english)')
    op.execute(f'CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.english)')
    op.execute(
        f'ALTER TEXT SEARCH CONFIGURATION {CONFIG} '
        f'ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH {STEMMER}'
    )
    op.execute(
        f'ALTER TEXT SEARCH CONFIGURATION {CONFIG} '
        f'ALTER MAPPING FOR word, hword, hword_part WITH unaccent, {STEMMER}'
    )
    op.execute(  # words with digits ("Industrie4", "5G") are not stemmed, but lose accents too
        f'ALTER TEXT SEARCH CONFIGURATION {CONFIG} '
        'ALTER MAPPING FOR numword, numhword, hword_numpart WITH unaccent, simple'
    )
    weighted = ' || '.join(
        f"setweight(to_tsvector('{CONFIG}'::regconfig, {name}), '{weight}')"
        for name, weight in zip(COLUMNS, 'ABCD')
    )
    op.execute(
        'ALTER TABLE organisation_search ADD COLUMN document tsvector '
        f'GENERATED ALWAYS AS ({weighted}) STORED'
    )
    # Without fastupdate every write goes straight into the index: writes are rare and small,
    # and searches never wait for a pending list that only (auto)vacuum would merge.
    op.execute(
        'CREATE INDEX ix_organisation_search_document ON organisation_search '
        'USING gin (document) WITH (fastupdate = off)'
    )


def _fill_from_existing_rows():
    """One row per existing organisation, composed as the application composes it."""
    text = sa.Text()
    organisations = sa.table(
        'organisations',
        *(sa.column(name, text) for name in ('name', 'description', 'city', 'region', 'country')),
        sa.column('id', sa.Integer()),
    )
    tags = sa.table('tags', sa.column('id', sa.Integer()), sa.column('label', text))
    links = sa.table(
        'organisation_tags',
        sa.column('organisation_id', sa.Integer()),
        sa.column('tag_id', sa.Integer()),
    )
    services = sa.table(
        'services',
        *(sa.column(name, text) for name in ('title', 'description', 'status')),
        sa.column('organisation_id', sa.Integer()),
    )
    tag_labels = (
        sa.select(sa.func.aggregate_strings(tags.c.label, ' '))
        .select_from(links.join(tags, tags.c.id == links.c.tag_id))
        .where(links.c.organisation_id == organisations.c.id)
        .scalar_subquery()
    )
    service_texts = (
        sa.select(
            sa.func.aggregate_strings(services.c.title + ' ' + services.c.description, ' ')
        )
        .where(
            services.c.organisation_id == organisations.c.id,
            services.c.status == 'published',
        )
        .scalar_subquery()
    )
    country = sa.case(
        {code: country_search_words(code) for code in country_codes()},
        value=organisations.c.country,
        else_=sa.func.coalesce(organisations.c.country, ''),
    )
    place = [organisations.c.city, organisations.c.region, country, tag_labels]
    labels = sa.func.trim(_joined(place))
    rows = sa.select(
        organisations.c.id,
        organisations.c.name,
        labels,
        organisations.c.description,
        sa.func.coalesce(service_texts, ''),
    )
    target = sa.table('organisation_search', *(sa.column(c) for c in ('organisation_id', *COLUMNS)))
    op.execute(target.insert().from_select(['organisation_id', *COLUMNS], rows))


def _joined(parts):
    """Concatenate text expressions with spaces, treating NULL as empty."""
    joined = sa.func.coalesce(parts[0], '')
    for part in parts[1:]:
        joined = joined + ' ' + sa.func.coalesce(part, '')
    return joined
