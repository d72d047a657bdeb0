"""ledger time index: the ledger read by time (dashboard, tiers, member list)

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-25 19:55:00

The owner's dashboard sums the whole ledger by time (points issued, redeemed and expired,
the balance at every trend point) and counts every member's tier spend over 12 months.
Without an index on `created_at` each of those read every row of the table; this one
holds the columns those sums read, so they are answered from the index alone.
"""
from alembic import op


revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        'ix_ledger_created', 'ledger_entries', ['created_at', 'kind', 'member_id', 'points']
    )


def downgrade() -> None:
    op.drop_index('ix_ledger_created', table_name='ledger_entries')
