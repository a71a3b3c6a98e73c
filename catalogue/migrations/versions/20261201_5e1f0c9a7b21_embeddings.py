"""embeddings: content-addressed vectors of the matching index, and the index revision

Revision ID: 5e1f0c9a7b21
Revises: cb938a6a9d94
Create Date: 2026-12-01 08:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5e1f0c9a7b21'
down_revision = 'cb938a6a9d94'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('embeddings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('model', sa.String(length=100), nullable=False),
    sa.Column('vector', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_embeddings'))
    )
    with op.batch_alter_table('catalogue_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('index_revision', sa.Integer(), server_default='0', nullable=False))


def downgrade():
    with op.batch_alter_table('catalogue_state', schema=None) as batch_op:
        batch_op.drop_column('index_revision')
    op.drop_table('embeddings')
