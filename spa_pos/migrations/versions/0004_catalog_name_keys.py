"""catalog items keep their name's pinyin and initials

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 15:40:00

The checkout search matches items by pinyin; computing it at start-up loaded pypinyin
(about 0.3 s) before the window was usable. Existing items get their keys here.
"""
from alembic import op
import sqlalchemy as sa

from spa_pos.pinyin import pinyin_keys


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('catalog_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pinyin', sa.String(length=240), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('initials', sa.String(length=60), nullable=False,
                                      server_default=''))
    conn = op.get_bind()
    items = sa.table('catalog_items', sa.column('id', sa.Integer),
                     sa.column('name', sa.String), sa.column('pinyin', sa.String),
                     sa.column('initials', sa.String))
    for item_id, name in conn.execute(sa.select(items.c.id, items.c.name)).all():
        full, initials = pinyin_keys(name)
        conn.execute(items.update().where(items.c.id == item_id)
                     .values(pinyin=full, initials=initials))


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+): a batch copy of the table would have to drop it,
    # which the foreign keys that point at catalog_items refuse.
    op.drop_column('catalog_items', 'initials')
    op.drop_column('catalog_items', 'pinyin')
