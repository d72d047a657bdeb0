"""member erasure: when a member's personal data was erased on request

Revision ID: 0021
Revises: 0018
Create Date: 2026-11-25 21:40:00

A member erased on request (`spa_pos.services.privacy.erase`) keeps their row, anonymous,
with their balances: the ledger and every total stay. `erased_at` says so, so that the
row is never edited or sold to again. Nullable: the audit's row digests leave NULLs out,
so existing members hash as before.
"""
from alembic import op
import sqlalchemy as sa


revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('members', sa.Column('erased_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+): a batch rebuild of `members` would trip the
    # foreign keys every other table holds to it.
    op.drop_column('members', 'erased_at')
