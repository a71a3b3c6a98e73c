"""indexes for the sort orders of the hub list and the API's lists

Revision ID: 3b7e5d1f9c20
Revises: 7c41d2e9a0b3
Create Date: 2026-12-01 14:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3b7e5d1f9c20'
down_revision = '7c41d2e9a0b3'
branch_labels = None
depends_on = None

INDEXES = [
    ('ix_organisations_lower_name', 'organisations', [sa.text('lower(name)'), 'id']),
    ('ix_organisations_country_lower_name', 'organisations', ['country', sa.text('lower(name)')]),
    ('ix_organisations_updated_at', 'organisations', ['updated_at', 'id']),
    ('ix_services_lower_title', 'services', [sa.text('lower(title)'), 'id']),
    ('ix_practices_lower_title', 'practices', [sa.text('lower(title)'), 'id']),
    ('ix_events_date', 'events', ['date', 'id']),
]


def upgrade():
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade():
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
