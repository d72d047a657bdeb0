"""promotions (限时活动)

Revision ID: 0007
Revises: 0004
Create Date: 2026-11-25 16:20:00

Time-boxed points multipliers or bonus points on some items, a category or everything,
optionally only for members with a tag.
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('promotions',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('multiplier', sa.String(length=12), nullable=True),
    sa.Column('bonus_points', sa.Integer(), nullable=True),
    sa.Column('category', sa.String(length=30), nullable=True),
    sa.Column('tag', sa.String(length=32), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=40), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('ended_by', sa.String(length=40), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_promotions_ends_after_start')),
    sa.CheckConstraint('(multiplier IS NULL) <> (bonus_points IS NULL)',
                       name=op.f('ck_promotions_multiplier_or_bonus')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_promotions'))
    )
    with op.batch_alter_table('promotions', schema=None) as batch_op:
        batch_op.create_index('ix_promotions_period', ['starts_at', 'ends_at'], unique=False)

    op.create_table('promotion_items',
    sa.Column('promotion_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['catalog_items.id'],
                            name=op.f('fk_promotion_items_item_id_catalog_items')),
    sa.ForeignKeyConstraint(['promotion_id'], ['promotions.id'],
                            name=op.f('fk_promotion_items_promotion_id_promotions')),
    sa.PrimaryKeyConstraint('promotion_id', 'item_id', name=op.f('pk_promotion_items'))
    )


def downgrade() -> None:
    op.drop_table('promotion_items')
    with op.batch_alter_table('promotions', schema=None) as batch_op:
        batch_op.drop_index('ix_promotions_period')
    op.drop_table('promotions')
