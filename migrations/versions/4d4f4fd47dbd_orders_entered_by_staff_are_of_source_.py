"""orders entered by staff are of source desk, as the contract names it

Revision ID: 4d4f4fd47dbd
Revises: f8b68239a76a
Create Date: 2026-12-01 16:37:39.609132

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4d4f4fd47dbd'
down_revision = 'f8b68239a76a'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("UPDATE orders SET source = 'desk' WHERE source = 'console'")


def downgrade():
    op.execute("UPDATE orders SET source = 'console' WHERE source = 'desk'")
