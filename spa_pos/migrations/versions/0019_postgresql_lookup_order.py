"""member lookup on PostgreSQL: the looked-up columns compare byte by byte

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-25 21:30:00

The member lookup finds "starts with" matches as a range of its column (`name >= '张'
AND name < '张' || U+10FFFF`, `spa_pos.services.members.search`), which is right, and
served by the column's index, only when the column compares code point by code point, as
SQLite always does. A PostgreSQL database made with a language's collation (en_US.UTF-8,
zh_CN.UTF-8) compares linguistically: the range could miss members, and the index could
not serve it. On PostgreSQL the four looked-up columns are given the "C" collation
(byte order, which for UTF-8 is code point order), and their indexes are rebuilt with
it; their ORDER BY is then SQLite's too. SQLite is left as it is.

No trigram (pg_trgm) index: the lookup matches exactly or by prefix, never inside a
name, and a B-tree in byte order serves both; a trigram index would serve no query.
"""
from alembic import op
import sqlalchemy as sa


revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

_LOOKED_UP = {'name': 40, 'phone': 11, 'pinyin': 120, 'initials': 40}


def _collate(collation: str | None) -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for column, length in _LOOKED_UP.items():
        op.alter_column(
            'members', column, type_=sa.String(length=length, collation=collation),
            existing_nullable=False,
        )


def upgrade() -> None:
    _collate('C')


def downgrade() -> None:
    _collate('default')
