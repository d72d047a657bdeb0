"""sale and refund numbers on PostgreSQL: compared byte by byte, like the member lookup

Revision ID: 0026
Revises: 0022
Create Date: 2026-11-26 00:45:00

A till's next number is the largest of its day's (`spa_pos.services.numbering`): a range
of `sale_no` (or `refund_no`) compared code point by code point (`COLLATE "C"`,
`spa_pos.db.bytewise`), since a language's collation (en_US.UTF-8, zh_CN.UTF-8) sorts
`-` and `:` otherwise. On a server made with such a collation the columns' unique indexes
are in the language's order, so they could not serve that range: every sale would read
every number ever made. On PostgreSQL the two columns are given the "C" collation (their
unique indexes are rebuilt with it, as 0019 did for the member lookup), so the range walks
the index; a lookup by number (equality) is the same in either order. SQLite always
compares code point by code point: it is left as it is.
"""
from alembic import op
import sqlalchemy as sa


revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None

_NUMBERS = {'sales': 'sale_no', 'refunds': 'refund_no'}


def _collate(collation: str) -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table, column in _NUMBERS.items():
        op.alter_column(
            table, column, type_=sa.String(length=20, collation=collation),
            existing_nullable=False,
        )


def upgrade() -> None:
    _collate('C')


def downgrade() -> None:
    _collate('default')
