"""therapists (技师): who served each service line and course session; commission rates

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-25 19:30:00

`sale_lines.therapist_id` and `course_uses.therapist_id` name the staff member who did the
service (nullable: older rows and products name nobody). `catalog_items.commission_rate_bp`
and `staff.commission_rate_bp` are commission rates (提成) in basis points; nullable, the
rule is the item's rate if set, else the therapist's, else 0
(`spa_pos.services.therapists`). The member's suggested therapist is computed from their
last service line, so it needs no column.

SQLite's own ADD/DROP COLUMN, not a batch copy: sale_lines and catalog_items are pointed
at by other tables' foreign keys, which refuse the copy's DROP TABLE. A foreign key given
on the column itself (not as a table constraint) may be dropped with the column.
"""
from alembic import op


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

_SERVED = ('sale_lines', 'course_uses')


def upgrade() -> None:
    for table in _SERVED:
        op.execute(f'ALTER TABLE {table} ADD COLUMN therapist_id INTEGER '
                   f'CONSTRAINT fk_{table}_therapist_id_staff REFERENCES staff (id)')
        op.execute(f'CREATE INDEX ix_{table}_therapist_id ON {table} (therapist_id)')
    for table in ('catalog_items', 'staff'):
        op.execute(f'ALTER TABLE {table} ADD COLUMN commission_rate_bp INTEGER')


def downgrade() -> None:
    for table in ('staff', 'catalog_items'):
        op.execute(f'ALTER TABLE {table} DROP COLUMN commission_rate_bp')
    for table in _SERVED:
        op.execute(f'DROP INDEX ix_{table}_therapist_id')
        op.execute(f'ALTER TABLE {table} DROP COLUMN therapist_id')
