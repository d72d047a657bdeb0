"""tills and branches: the till of every sale, refund and day close; one branch

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-25 21:30:00

`branches` holds the clinic as branch 1 (named after the clinic) and `tills` the tills
that have numbered a document, the default till "前台" as till 1 (its numbers carry no
till code, so a clinic with one till keeps numbering as before). Sales, refunds and day
closes get `till` and `branch_id`, members their home `branch_id`, all NULL for the
default till and branch 1, which is what the existing rows are: the audit trail holds a
digest of every business row and NULLs are left out of it, so the rows of an upgraded
clinic still verify (and a clinic with one till writes its rows as before). A day is now
closed per till: the unique key of `day_closes` becomes (business_date, till).

Sales, refunds and members get their columns by SQLite's own ADD/DROP COLUMN, not a batch
copy (other tables' foreign keys point at them and refuse the copy's DROP TABLE; see 0017).
"""
import json

from alembic import op
import sqlalchemy as sa


revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

DEFAULT_TILL = '前台'  # spa_pos.till.DEFAULT, as it was when this ran
DEFAULT_CLINIC = '理疗馆'  # the clinic_name setting's default


def _clinic_name() -> str:
    stored = op.get_bind().execute(
        sa.text("SELECT value FROM settings WHERE key = 'clinic_name'")
    ).scalar()
    name = json.loads(stored) if stored else ''
    return str(name or DEFAULT_CLINIC)[:40]


_ADDED = (('sales', True), ('refunds', True), ('members', False))  # (table, has a till)


def upgrade() -> None:
    branches = op.create_table(
        'branches',
        sa.Column('name', sa.String(length=40), nullable=False),
        sa.Column('id', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_branches')),
    )
    tills = op.create_table(
        'tills',
        sa.Column('name', sa.String(length=40), nullable=False),
        sa.Column('branch_id', sa.Integer(), nullable=False),
        sa.Column('id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['branch_id'], ['branches.id'], name=op.f('fk_tills_branch_id_branches')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_tills')),
        sa.UniqueConstraint('name', name=op.f('uq_tills_name')),
    )
    # Branch 1 and till 1 without an explicit id: a new table's first row is 1 on every
    # engine, and PostgreSQL's id sequence then moves on too (given the id, the sequence
    # would stay at 1 and the first till added later would collide with the default).
    op.bulk_insert(branches, [{'name': _clinic_name()}])
    op.bulk_insert(tills, [{'name': DEFAULT_TILL, 'branch_id': 1}])
    for table, has_till in _ADDED:
        if has_till:
            op.execute(f'ALTER TABLE {table} ADD COLUMN till VARCHAR(40)')
        op.execute(f'ALTER TABLE {table} ADD COLUMN branch_id INTEGER '
                   f'CONSTRAINT fk_{table}_branch_id_branches REFERENCES branches (id)')
    with op.batch_alter_table('day_closes') as batch:
        batch.add_column(sa.Column('till', sa.String(length=40), nullable=True))
        batch.add_column(sa.Column('branch_id', sa.Integer(), nullable=True))
        batch.create_foreign_key(
            'fk_day_closes_branch_id_branches', 'branches', ['branch_id'], ['id']
        )
        batch.drop_constraint('uq_day_closes_business_date', type_='unique')
        batch.create_unique_constraint(
            'uq_day_closes_business_date_till', ['business_date', 'till']
        )


def downgrade() -> None:
    with op.batch_alter_table('day_closes') as batch:
        batch.drop_constraint('uq_day_closes_business_date_till', type_='unique')
        batch.create_unique_constraint('uq_day_closes_business_date', ['business_date'])
        batch.drop_constraint('fk_day_closes_branch_id_branches', type_='foreignkey')
        batch.drop_column('branch_id')
        batch.drop_column('till')
    for table, has_till in reversed(_ADDED):
        op.execute(f'ALTER TABLE {table} DROP COLUMN branch_id')
        if has_till:
            op.execute(f'ALTER TABLE {table} DROP COLUMN till')
    op.drop_table('tills')
    op.drop_table('branches')
