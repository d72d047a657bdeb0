"""member_stats: an index on the tier points (issue #14)

Revision ID: 0023
Revises: 0022
Create Date: 2026-11-26 00:45:00

The member list filters by tier and sorts by it through the stored `earned` column of
the members' rows (`spa_pos.services.member_list`), as it does by spend and favourite
through the indexes 0022 made.
"""
from alembic import op


revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_member_stats_earned', 'member_stats', ['earned'])


def downgrade() -> None:
    op.drop_index('ix_member_stats_earned', table_name='member_stats')
