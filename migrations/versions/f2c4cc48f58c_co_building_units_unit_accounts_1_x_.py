"""Co-building units, unit accounts, 1+X commitments

Revision ID: f2c4cc48f58c
Revises: 668160f43833
Create Date: 2026-12-01 19:41:33.830592

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f2c4cc48f58c'
down_revision = '668160f43833'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('co_building_units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('contact_name', sa.String(length=50), nullable=False),
    sa.Column('contact_phone', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_co_building_units')),
    sa.UniqueConstraint('name', name=op.f('uq_co_building_units_name'))
    )
    op.create_table('unit_accounts',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['co_building_units.id'], name=op.f('fk_unit_accounts_unit_id_co_building_units'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_unit_accounts_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_unit_accounts'))
    )
    with op.batch_alter_table('unit_accounts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_accounts_unit_id'), ['unit_id'], unique=False)

    op.create_table('commitment_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=50), nullable=False),
    sa.Column('target', sa.Integer(), nullable=False),
    sa.Column('is_active', sa.Boolean(), server_default=sa.true(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('target >= 1', name=op.f('ck_commitment_items_item_target_positive')),
    sa.ForeignKeyConstraint(['community_id'], ['communities.id'], name=op.f('fk_commitment_items_community_id_communities')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_commitment_items_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitment_items')),
    sa.UniqueConstraint('community_id', 'title', name=op.f('uq_commitment_items_community_id_title'))
    )
    with op.batch_alter_table('commitment_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitment_items_community_id'), ['community_id'], unique=False)

    op.create_table('unit_communities',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['communities.id'], name=op.f('fk_unit_communities_community_id_communities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['co_building_units.id'], name=op.f('fk_unit_communities_unit_id_co_building_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('unit_id', 'community_id', name=op.f('pk_unit_communities'))
    )
    op.create_table('commitments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('target', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('target >= 1', name=op.f('ck_commitments_commitment_target_positive')),
    sa.ForeignKeyConstraint(['community_id'], ['communities.id'], name=op.f('fk_commitments_community_id_communities')),
    sa.ForeignKeyConstraint(['item_id'], ['commitment_items.id'], name=op.f('fk_commitments_item_id_commitment_items')),
    sa.ForeignKeyConstraint(['member_id'], ['users.id'], name=op.f('fk_commitments_member_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitments')),
    sa.UniqueConstraint('member_id', 'year', 'key', name=op.f('uq_commitments_member_id_year_key'))
    )
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.create_index('ix_commitments_year_member', ['year', 'member_id'], unique=False)

    op.create_table('commitment_marks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('commitment_id', sa.Integer(), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=True),
    sa.Column('marked_by_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['commitment_id'], ['commitments.id'], name=op.f('fk_commitment_marks_commitment_id_commitments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['marked_by_id'], ['users.id'], name=op.f('fk_commitment_marks_marked_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitment_marks'))
    )
    with op.batch_alter_table('commitment_marks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commitment_marks_commitment_id'), ['commitment_id'], unique=False)

    with op.batch_alter_table('member_profiles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unit_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_member_profiles_unit_id'), ['unit_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_member_profiles_unit_id_co_building_units'), 'co_building_units', ['unit_id'], ['id'], ondelete='SET NULL')



def downgrade():
    with op.batch_alter_table('member_profiles', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_member_profiles_unit_id_co_building_units'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_member_profiles_unit_id'))
        batch_op.drop_column('unit_id')

    with op.batch_alter_table('commitment_marks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitment_marks_commitment_id'))

    op.drop_table('commitment_marks')
    with op.batch_alter_table('commitments', schema=None) as batch_op:
        batch_op.drop_index('ix_commitments_year_member')

    op.drop_table('commitments')
    op.drop_table('unit_communities')
    with op.batch_alter_table('commitment_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitment_items_community_id'))

    op.drop_table('commitment_items')
    with op.batch_alter_table('unit_accounts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_accounts_unit_id'))

    op.drop_table('unit_accounts')
    op.drop_table('co_building_units')
