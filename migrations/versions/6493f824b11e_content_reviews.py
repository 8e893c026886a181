"""content reviews

Residents' texts that WeChat's content check marked for review, or could not check, wait
here for staff to clear or hide them; the original text is kept whatever they decide.

Revision ID: 6493f824b11e
Revises: 384b766aa093
Create Date: 2026-12-01 16:25:28.753391

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6493f824b11e'
down_revision = '384b766aa093'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('content_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('subject_kind', sa.String(length=30), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("(status = 'pending') = (decided_at IS NULL)", name=op.f('ck_content_reviews_decided_unless_pending')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_content_reviews_author_id_users')),
    sa.ForeignKeyConstraint(['community_id'], ['communities.id'], name=op.f('fk_content_reviews_community_id_communities')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_content_reviews_decided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_content_reviews'))
    )
    with op.batch_alter_table('content_reviews', schema=None) as batch_op:
        batch_op.create_index('ix_content_reviews_community_status_id', ['community_id', 'status', 'id'], unique=False)
        batch_op.create_index('ix_content_reviews_subject', ['subject_kind', 'subject_id'], unique=False)



def downgrade():
    with op.batch_alter_table('content_reviews', schema=None) as batch_op:
        batch_op.drop_index('ix_content_reviews_subject')
        batch_op.drop_index('ix_content_reviews_community_status_id')

    op.drop_table('content_reviews')
