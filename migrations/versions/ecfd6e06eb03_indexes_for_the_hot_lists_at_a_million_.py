"""indexes for the hot lists at a million orders

Each list's WHERE and ORDER BY id DESC get a composite index: a resident's orders, a
community's, a community's by status (the tab counts read the index alone), and the
dashboard's recent orders by creation time. ix_orders_resident_id and the two-column
ix_orders_community_status are left out: the new ones begin with the same columns.
order_events gets its order's community (copied here for the events already written), so
the dashboard counts a community's completions and ratings of a period through an index.

Revision ID: ecfd6e06eb03
Revises: a51ecde70deb
Create Date: 2026-12-01 12:04:23.528948

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'ecfd6e06eb03'
down_revision = 'a51ecde70deb'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('order_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('community_id', sa.Integer(), nullable=True))
    op.execute(
        "UPDATE order_events SET community_id = "
        "(SELECT orders.community_id FROM orders WHERE orders.id = order_events.order_id)"
    )
    with op.batch_alter_table('order_events', schema=None) as batch_op:
        batch_op.alter_column('community_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_index('ix_order_events_community_action_at',
                              ['community_id', 'action', 'at'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_order_events_community_id_communities'),
                                    'communities', ['community_id'], ['id'])

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_orders_community_status'))
        batch_op.drop_index(batch_op.f('ix_orders_resident_id'))
        batch_op.create_index('ix_orders_community_created', ['community_id', 'created_at'],
                              unique=False)
        batch_op.create_index('ix_orders_community_newest', ['community_id', 'id'], unique=False)
        batch_op.create_index('ix_orders_community_status_id', ['community_id', 'status', 'id'],
                              unique=False)
        batch_op.create_index('ix_orders_resident_newest', ['resident_id', 'id'], unique=False)


def downgrade():
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index('ix_orders_resident_newest')
        batch_op.drop_index('ix_orders_community_status_id')
        batch_op.drop_index('ix_orders_community_newest')
        batch_op.drop_index('ix_orders_community_created')
        batch_op.create_index(batch_op.f('ix_orders_resident_id'), ['resident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_community_status'), ['community_id', 'status'],
                              unique=False)

    with op.batch_alter_table('order_events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_order_events_community_id_communities'),
                                 type_='foreignkey')
        batch_op.drop_index('ix_order_events_community_action_at')
        batch_op.drop_column('community_id')
