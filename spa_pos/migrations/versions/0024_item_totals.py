"""item totals: sale lines per item and quarter hour (issue #14)

Revision ID: 0024
Revises: 0022
Create Date: 2026-11-26 00:30:00

The dashboard's top services summed a year of sale lines on every opening. From here on
every sale and refund also adds its lines to (or takes them off) these totals in its own
transaction (`spa_pos.services.summaries`); this revision creates the table and fills it
from the sale lines already there, with the function the test suite checks it against
(`summaries.rebuild_items`). That function reads only columns that exist at this
revision; if one of them is ever dropped, freeze a copy of it here.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'item_totals',
        sa.Column('quarter', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('qty', sa.Integer(), nullable=False),
        sa.Column('net_fen', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['item_id'], ['catalog_items.id'], name=op.f('fk_item_totals_item_id_catalog_items')
        ),
        sa.PrimaryKeyConstraint('quarter', 'item_id', name=op.f('pk_item_totals')),
    )

    from spa_pos.services import summaries

    with Session(bind=op.get_bind()) as session:
        summaries.rebuild_items(session)
        session.flush()


def downgrade() -> None:
    op.drop_table('item_totals')
