"""the clinic's own catalog and rewards: course validity, till order, stock history

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 16:10:00

Items get a till order and (courses) a number of valid days; a course balance keeps the
last day it may be used; every move of a reward's stock is kept with who, when and why.
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('catalog_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('valid_days', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('sort_order', sa.Integer(), nullable=False,
                                      server_default='0'))
    with op.batch_alter_table('course_balances', schema=None) as batch_op:
        batch_op.add_column(sa.Column('expires_on', sa.Date(), nullable=True))
    op.create_table('reward_stock_changes',
    sa.Column('reward_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('delta', sa.Integer(), nullable=False),
    sa.Column('stock_after', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=60), nullable=False),
    sa.Column('voucher_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['reward_id'], ['rewards.id'], name=op.f('fk_reward_stock_changes_reward_id_rewards')),
    sa.ForeignKeyConstraint(['voucher_id'], ['vouchers.id'], name=op.f('fk_reward_stock_changes_voucher_id_vouchers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reward_stock_changes'))
    )
    with op.batch_alter_table('reward_stock_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reward_stock_changes_reward_id'), ['reward_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('reward_stock_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reward_stock_changes_reward_id'))
    op.drop_table('reward_stock_changes')
    # SQLite's own DROP COLUMN: a batch copy of catalog_items is refused by the foreign
    # keys that point at it (as in 0004).
    op.drop_column('course_balances', 'expires_on')
    op.drop_column('catalog_items', 'sort_order')
    op.drop_column('catalog_items', 'valid_days')
