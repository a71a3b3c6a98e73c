"""practice library: a practice's deployment status, level of government and lead organisation

Revision ID: 7c41d2e9a0b3
Revises: ff5348b82e0f
Create Date: 2026-12-01 11:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7c41d2e9a0b3'
down_revision = 'ff5348b82e0f'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('practices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deployment_status', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('government_level', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('lead_organisation', sa.String(length=300), nullable=True))
        batch_op.create_index(batch_op.f('ix_practices_deployment_status'), ['deployment_status'], unique=False)
        batch_op.create_index(batch_op.f('ix_practices_government_level'), ['government_level'], unique=False)


def downgrade():
    with op.batch_alter_table('practices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_practices_government_level'))
        batch_op.drop_index(batch_op.f('ix_practices_deployment_status'))
        batch_op.drop_column('lead_organisation')
        batch_op.drop_column('government_level')
        batch_op.drop_column('deployment_status')
