"""talk identifications: whether a talk's organisation is confirmed by a source

Revision ID: 56e392b8c1f3
Revises: 34f3cf6532f4
Create Date: 2026-12-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '56e392b8c1f3'
down_revision = '34f3cf6532f4'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('talks', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                'organisation_verified', sa.Boolean(), server_default=sa.true(), nullable=False
            )
        )


def downgrade():
    with op.batch_alter_table('talks', schema=None) as batch_op:
        batch_op.drop_column('organisation_verified')
