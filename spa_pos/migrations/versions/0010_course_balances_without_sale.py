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

The copy is written out rather than left to `batch_alter_table`: a batch copy lists the
foreign keys it reflected in no fixed order, and a restore compares a backup's schema,
statement by statement, with the one the migrations make.
"""

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_COLUMNS = ('member_id, course_item_id, service_item_id, sale_line_id, sessions_total, '
            'sessions_used, created_at, status, id, expires_on')


def _balances_sql(table: str, *, imported: bool) -> str:
    """The balances' table as the models define it (`imported`: from 0010 on) or before."""
    sale_line = 'sale_line_id INTEGER' if imported else 'sale_line_id INTEGER NOT NULL'
    note = ', note VARCHAR(20)' if imported else ''
    return f"""CREATE TABLE {table} (
	member_id INTEGER NOT NULL,
	course_item_id INTEGER NOT NULL,
	service_item_id INTEGER NOT NULL,
	{sale_line},
	sessions_total INTEGER NOT NULL,
	sessions_used INTEGER NOT NULL,
	created_at DATETIME NOT NULL,
	status VARCHAR(10) NOT NULL,
	id INTEGER NOT NULL, expires_on DATE{note},
	CONSTRAINT pk_course_balances PRIMARY KEY (id),
	CONSTRAINT fk_course_balances_course_item_id_catalog_items FOREIGN KEY(course_item_id) REFERENCES catalog_items (id),
	CONSTRAINT fk_course_balances_member_id_members FOREIGN KEY(member_id) REFERENCES members (id),
	CONSTRAINT fk_course_balances_sale_line_id_sale_lines FOREIGN KEY(sale_line_id) REFERENCES sale_lines (id),
	CONSTRAINT fk_course_balances_service_item_id_catalog_items FOREIGN KEY(service_item_id) REFERENCES catalog_items (id)
)"""


def _copy_balances(*, imported: bool) -> None:
    """Copy course_balances into its new definition, while nothing points at it."""
    op.execute('CREATE TABLE _course_uses_kept AS SELECT id, balance_id, used_at, actor '
               'FROM course_uses')
    op.execute('DROP TABLE course_uses')  # its index goes with it
    op.execute(_balances_sql('_course_balances_new', imported=imported))
    op.execute(f'INSERT INTO _course_balances_new ({_COLUMNS}) '
               f'SELECT {_COLUMNS} FROM course_balances')
    op.execute('DROP TABLE course_balances')
    op.execute('ALTER TABLE _course_balances_new RENAME TO course_balances')
    op.execute('CREATE INDEX ix_course_balances_member_id ON course_balances (member_id)')
    op.create_table('course_uses',
    sa.Column('balance_id', sa.Integer(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=40), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['balance_id'], ['course_balances.id'], name=op.f('fk_course_uses_balance_id_course_balances')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_course_uses'))
    )
    op.execute('CREATE INDEX ix_course_uses_balance_id ON course_uses (balance_id)')
    op.execute('INSERT INTO course_uses (id, balance_id, used_at, actor) '
               'SELECT id, balance_id, used_at, actor FROM _course_uses_kept')
    op.execute('DROP TABLE _course_uses_kept')


def _on_postgresql() -> bool:
    """PostgreSQL alters a column in place (and a copy written as SQLite SQL would lose the
    id's sequence): the same change, made with alembic's own operations."""
    return op.get_bind().dialect.name == 'postgresql'


def upgrade() -> None:
    if _on_postgresql():
        op.alter_column('course_balances', 'sale_line_id', nullable=True)
        op.add_column('course_balances', sa.Column('note', sa.String(length=20)))
        return
    _copy_balances(imported=True)


def downgrade() -> None:
    imported = op.get_bind().execute(
        sa.text('SELECT COUNT(*) FROM course_balances WHERE sale_line_id IS NULL')
    ).scalar()
    if imported:
        raise RuntimeError(
            f'{imported} course balances were imported without a sale: '
            'an older version cannot keep them'
        )
    if _on_postgresql():
        op.drop_column('course_balances', 'note')
        op.alter_column('course_balances', 'sale_line_id', nullable=False)
        return
    _copy_balances(imported=False)
