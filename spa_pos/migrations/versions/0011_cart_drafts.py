"""cart drafts: the open cart of a till, kept across a restart or a crash

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-25 18:15:00

One row per till (`till` defaults to 'main'): the member's card, the lines and the
vouchers of the cart the cashier is ringing up, restored when the window opens again.
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'cart_drafts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('till', sa.String(length=20), nullable=False),
        sa.Column('member_card', sa.String(length=20), nullable=True),
        sa.Column('lines', sa.Text(), nullable=False),
        sa.Column('vouchers', sa.Text(), nullable=False),
        sa.Column('saved_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_cart_drafts')),
        sa.UniqueConstraint('till', name=op.f('uq_cart_drafts_till')),
    )


def downgrade() -> None:
    op.drop_table('cart_drafts')
