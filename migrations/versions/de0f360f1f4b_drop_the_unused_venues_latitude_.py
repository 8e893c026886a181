"""drop the unused venues latitude longitude index

No statement reads venues by latitude and longitude: the search near a point measures an
in-process index of every venue (app/venues/nearby.py), built by `ORDER BY latitude, id`,
which PostgreSQL answers with a scan and a sort (the index covers latitude but not id);
lists go by id, type or community, each with its own index.

Revision ID: de0f360f1f4b
Revises: ecfd6e06eb03
Create Date: 2026-12-01 14:44:23.989370

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'de0f360f1f4b'
down_revision = 'ecfd6e06eb03'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('venues', schema=None) as batch_op:
        batch_op.drop_index('ix_venues_lat_lng')


def downgrade():
    with op.batch_alter_table('venues', schema=None) as batch_op:
        batch_op.create_index('ix_venues_lat_lng', ['latitude', 'longitude'], unique=False)
