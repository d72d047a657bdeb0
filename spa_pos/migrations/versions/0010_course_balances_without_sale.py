"""a course balance may come without a sale: sessions left brought in by an import

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 17:40:00

`course_balances.sale_line_id` becomes nullable and a balance gets a `note` (期初导入 for
the sessions a clinic brings from its old records). SQLite changes a column's NULL-ness
only by copying the table, and with foreign keys on (as every connection of the till
has them, inside the migration's transaction where the pragma cannot be turned off)
dropping `course_balances` while `course_uses` points at it fails at commit. So the uses
are set aside in a plain table, their table dropped, the balances copied, and the uses
table built again with the same rows and ids.
"""
from collections.abc import Callable

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def _without_uses(change: Callable[[], None]) -> None:
    """Run `change` on course_balances while nothing points at it."""
    op.execute('CREATE TABLE _course_uses_kept AS SELECT id, balance_id, used_at, actor '
               'FROM course_uses')
    with op.batch_alter_table('course_uses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_course_uses_balance_id'))
    op.drop_table('course_uses')
    change()
    op.create_table('course_uses',
    sa.Column('balance_id', sa.Integer(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=40), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['balance_id'], ['course_balances.id'], name=op.f('fk_course_uses_balance_id_course_balances')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_course_uses'))
    )
    with op.batch_alter_table('course_uses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_course_uses_balance_id'), ['balance_id'], unique=False)
    op.execute('INSERT INTO course_uses (id, balance_id, used_at, actor) '
               'SELECT id, balance_id, used_at, actor FROM _course_uses_kept')
    op.drop_table('_course_uses_kept')


def upgrade() -> None:
    def change() -> None:
        with op.batch_alter_table('course_balances', schema=None, recreate='always') as batch_op:
            batch_op.alter_column('sale_line_id', existing_type=sa.Integer(), nullable=True)
            batch_op.add_column(sa.Column('note', sa.String(length=20), nullable=True))

    _without_uses(change)


def downgrade() -> None:
    imported = op.get_bind().execute(
        sa.text('SELECT COUNT(*) FROM course_balances WHERE sale_line_id IS NULL')
    ).scalar()
    if imported:
        raise RuntimeError(
            f'{imported} course balances were imported without a sale: '
            'an older version cannot keep them'
        )

    def change() -> None:
        with op.batch_alter_table('course_balances', schema=None, recreate='always') as batch_op:
            batch_op.drop_column('note')
            batch_op.alter_column('sale_line_id', existing_type=sa.Integer(), nullable=False)

    _without_uses(change)
