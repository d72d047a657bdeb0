"""staff accounts (员工): roles, PINs and lockouts

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-25 18:20:00

One row per person who may sign in: cashier (收银员), therapist (技师), manager (店长) or
owner (老板), the PIN as a self-describing scrypt string, and the count of wrong PINs in
a row with the time the account stays locked until (in the database, so a restart does
not lift a lockout).

Upgrade path for a clinic set up before staff accounts: the one manager PIN of the
settings (`manager_pin_hash`, "salt$hash" at the old scrypt cost) becomes the owner
account named 店长. Its old-format hash still checks, and is replaced by one at the
current cost the first time the PIN is typed right (`spa_pos.services.staff`). The
setting itself is left as it was (going down gives it back unchanged).
"""
import json
from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

OWNER_NAME = '店长'


def upgrade() -> None:
    op.create_table('staff',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('pin_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_count', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff')),
    sa.UniqueConstraint('name', name=op.f('uq_staff_name'))
    )
    conn = op.get_bind()
    raw = conn.execute(
        sa.text("SELECT value FROM settings WHERE key = 'manager_pin_hash'")
    ).scalar()
    pin_hash = json.loads(raw) if raw else ''
    if pin_hash:
        now = datetime.now(UTC).replace(tzinfo=None)
        conn.execute(
            sa.text(
                "INSERT INTO staff (name, role, pin_hash, active, failed_count, created_at) "
                "VALUES (:name, 'owner', :pin_hash, 1, 0, :now)"
            ),
            {"name": OWNER_NAME, "pin_hash": pin_hash, "now": f"{now:%Y-%m-%d %H:%M:%S.%f}"},
        )


def downgrade() -> None:
    op.drop_table('staff')
