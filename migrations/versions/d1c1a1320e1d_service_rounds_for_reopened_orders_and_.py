"""service rounds for reopened orders and internal order notes

Staff may reopen a completed or rated order after an unsatisfied follow-up call; it is then
served again. `orders.service_round` counts the rounds (0 for every existing order), and the
points ledger's one-credit-per-order constraint becomes one credit per order and round
(existing entries are round 0, so nothing already credited changes). Follow-up calls keep
the round they were made in. `order_notes` holds staff's internal notes.

Downgrading refuses (the old unique constraint fails) once an order was credited twice.

Revision ID: d1c1a1320e1d
Revises: 4d4f4fd47dbd
Create Date: 2026-12-01 16:24:04.846892

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd1c1a1320e1d'
down_revision = '4d4f4fd47dbd'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('order_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.String(length=1000), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_order_notes_author_id_users')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_notes_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_notes'))
    )
    with op.batch_alter_table('order_notes', schema=None) as batch_op:
        batch_op.create_index('ix_order_notes_order_id', ['order_id', 'id'], unique=False)

    with op.batch_alter_table('follow_ups', schema=None) as batch_op:
        batch_op.add_column(sa.Column('service_round', sa.Integer(), server_default='0', nullable=False))

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('service_round', sa.Integer(), server_default='0', nullable=False))

    with op.batch_alter_table('points_entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('service_round', sa.Integer(), server_default='0', nullable=False))
        batch_op.drop_constraint(batch_op.f('uq_points_entries_order_id_reason'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_points_entries_order_id_reason_service_round'), ['order_id', 'reason', 'service_round'])



def downgrade():
    with op.batch_alter_table('points_entries', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_points_entries_order_id_reason_service_round'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_points_entries_order_id_reason'), ['order_id', 'reason'])
        batch_op.drop_column('service_round')

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_column('service_round')

    with op.batch_alter_table('follow_ups', schema=None) as batch_op:
        batch_op.drop_column('service_round')

    with op.batch_alter_table('order_notes', schema=None) as batch_op:
        batch_op.drop_index('ix_order_notes_order_id')

    op.drop_table('order_notes')
