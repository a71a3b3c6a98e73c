"""duplicate records: a second source's record of an organisation points to the one shown

Revision ID: cb938a6a9d94
Revises: 56e392b8c1f3
Create Date: 2026-12-01 11:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'cb938a6a9d94'
down_revision = '56e392b8c1f3'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('duplicate_of_id', sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f('ix_organisations_duplicate_of_id'), ['duplicate_of_id'], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f('fk_organisations_duplicate_of_id_organisations'),
            'organisations',
            ['duplicate_of_id'],
            ['id'],
            ondelete='SET NULL',
        )


def downgrade():
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f('fk_organisations_duplicate_of_id_organisations'), type_='foreignkey'
        )
        batch_op.drop_index(batch_op.f('ix_organisations_duplicate_of_id'))
        batch_op.drop_column('duplicate_of_id')
