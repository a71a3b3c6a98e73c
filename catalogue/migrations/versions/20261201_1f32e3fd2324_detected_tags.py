"""detected tags: labels found in each organisation's name and description

Revision ID: 1f32e3fd2324
Revises: 9a58fd6d82b5
Create Date: 2026-12-01 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

from matching.tagging import detect_organisation_labels


# revision identifiers, used by Alembic.
revision = '1f32e3fd2324'
down_revision = '9a58fd6d82b5'
branch_labels = None
depends_on = None


def upgrade():
    detected = op.create_table('organisation_detected_tags',
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('vocabulary', sa.String(length=20), nullable=False),
    sa.Column('label', sa.String(length=100), nullable=False),
    sa.Column('words', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_organisation_detected_tags_organisation_id_organisations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('organisation_id', 'vocabulary', 'label', name=op.f('pk_organisation_detected_tags'))
    )
    with op.batch_alter_table('organisation_detected_tags', schema=None) as batch_op:
        batch_op.create_index('ix_organisation_detected_tags_vocabulary_label', ['vocabulary', 'label'], unique=False)

    # Derived data: fill it for the organisations already there, as every later write will.
    organisations = sa.table('organisations', sa.column('id'), sa.column('name'), sa.column('description'))
    rows = op.get_bind().execute(sa.select(organisations.c.id, organisations.c.name, organisations.c.description))
    op.bulk_insert(detected, [
        {'organisation_id': id, 'vocabulary': found.vocabulary, 'label': found.label, 'words': list(found.words)}
        for id, name, description in rows.all()
        for found in detect_organisation_labels(name or '', description or '')
    ])


def downgrade():
    with op.batch_alter_table('organisation_detected_tags', schema=None) as batch_op:
        batch_op.drop_index('ix_organisation_detected_tags_vocabulary_label')

    op.drop_table('organisation_detected_tags')
