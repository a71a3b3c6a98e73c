"""source dates: when the source last changed a record, beside when it was retrieved

Revision ID: 34f3cf6532f4
Revises: 1f32e3fd2324
Create Date: 2026-12-01 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '34f3cf6532f4'
down_revision = '1f32e3fd2324'
branch_labels = None
depends_on = None

SOURCED_TABLES = ('organisations', 'practices', 'events')


def upgrade():
    for table in SOURCED_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('source_updated', sa.String(length=10), nullable=True))


def downgrade():
    for table in SOURCED_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('source_updated')
