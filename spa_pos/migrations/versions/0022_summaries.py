"""summaries: money and points per quarter hour, and the visit days (issue #14)

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-25 21:40:00

Also the members' 12-month figures (tier points, spend, favourite category) the
member list filters and sorts by, and indexes for its other filters.

The owner's dashboard summed a year of sales, refunds and a million ledger rows on every
opening. From here on every sale, refund, course session and ledger entry also adds to
these tables in its own transaction (`spa_pos.services.summaries`); this revision creates
them and fills them from the facts already there, with the same function the test suite
checks them against (`summaries.rebuild_totals`). That function reads only columns that exist at
this revision; if one of them is ever dropped, freeze a copy of it here.
"""
import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session


revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'quarter_totals',
        sa.Column('quarter', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('sales_fen', sa.Integer(), nullable=False),
        sa.Column('member_sales_fen', sa.Integer(), nullable=False),
        sa.Column('discount_fen', sa.Integer(), nullable=False),
        sa.Column('refunds_fen', sa.Integer(), nullable=False),
        sa.Column('member_refunds_fen', sa.Integer(), nullable=False),
        sa.Column('points_net', sa.Integer(), nullable=False),
        sa.Column('points_issued', sa.Integer(), nullable=False),
        sa.Column('points_redeemed', sa.Integer(), nullable=False),
        sa.Column('points_expired', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('quarter', name=op.f('pk_quarter_totals')),
    )
    op.create_table(
        'visit_days',
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('day', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('prev_day', sa.Integer(), nullable=True),
        sa.Column('next_day', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ['member_id'], ['members.id'], name=op.f('fk_visit_days_member_id_members')
        ),
        sa.PrimaryKeyConstraint('member_id', 'day', name=op.f('pk_visit_days')),
    )
    op.create_index('ix_visit_days_day', 'visit_days', ['day', 'prev_day', 'next_day'])
    op.create_table(
        'member_stats',
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('since', sa.DateTime(), nullable=False),
        sa.Column('earned', sa.Integer(), nullable=False),
        sa.Column('spend_fen', sa.Integer(), nullable=False),
        sa.Column('favourite', sa.String(length=30), nullable=True),
        sa.ForeignKeyConstraint(
            ['member_id'], ['members.id'], name=op.f('fk_member_stats_member_id_members')
        ),
        sa.PrimaryKeyConstraint('member_id', name=op.f('pk_member_stats')),
    )
    op.create_index('ix_member_stats_spend', 'member_stats', ['spend_fen'])
    op.create_index('ix_member_stats_favourite', 'member_stats', ['favourite'])
    op.create_index('ix_members_joined_at', 'members', ['joined_at'])
    op.create_index('ix_members_last_visit_at', 'members', ['last_visit_at'])

    from spa_pos.services import summaries

    conn = op.get_bind()
    stored = conn.execute(sa.text("SELECT value FROM settings WHERE key = 'timezone'")).scalar()
    tz = json.loads(stored) if stored else 'Asia/Shanghai'
    with Session(bind=conn) as session:
        summaries.rebuild_totals(session, tz)
        summaries.rebuild_members(session, datetime.now(UTC))
        session.flush()


def downgrade() -> None:
    op.drop_index('ix_members_last_visit_at', table_name='members')
    op.drop_index('ix_members_joined_at', table_name='members')
    op.drop_index('ix_member_stats_favourite', table_name='member_stats')
    op.drop_index('ix_member_stats_spend', table_name='member_stats')
    op.drop_table('member_stats')
    op.drop_index('ix_visit_days_day', table_name='visit_days')
    op.drop_table('visit_days')
    op.drop_table('quarter_totals')
