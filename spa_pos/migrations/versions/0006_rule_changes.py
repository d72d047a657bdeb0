"""loyalty rules in force from a chosen time

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-25 16:20:00

The loyalty rules leave the `settings` table for `rule_changes` (appended, each in force
from its time on). A value a clinic had already stored becomes a change in force from the
beginning, so nothing earned or computed before changes.
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# The keys of `spa_pos.services.settings.LOYALTY_KEYS` at this revision (a migration does
# not import the code it may outlive).
LOYALTY_KEYS = (
    'earn_rate_per_yuan', 'course_bonus_min_sessions', 'course_bonus_percent',
    'referral_referrer_points', 'referral_new_member_points', 'streak_months',
    'streak_min_visit_days', 'streak_bonus', 'birthday_multiplier', 'tiers',
    'adjust_manager_limit', 'points_validity_months', 'reminder_window_days',
    'rescue_min_points', 'voucher_valid_days', 'high_value_top_percent', 'dormant_days',
    'birthday_soon_days',
)
BEGINNING = '1970-01-01 00:00:00'


def upgrade() -> None:
    op.create_table('rule_changes',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('effective_from', sa.DateTime(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=40), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rule_changes'))
    )
    with op.batch_alter_table('rule_changes', schema=None) as batch_op:
        batch_op.create_index('ix_rule_changes_effective_from', ['effective_from'], unique=False)
    keys = ', '.join(f"'{k}'" for k in LOYALTY_KEYS)
    op.execute(
        "INSERT INTO rule_changes (key, value, effective_from, recorded_at, actor) "
        f"SELECT key, value, '{BEGINNING}', '{BEGINNING}', 'migration' FROM settings "
        f"WHERE key IN ({keys})"
    )
    op.execute(f"DELETE FROM settings WHERE key IN ({keys})")


def downgrade() -> None:
    # The value in force last (by time, then by order recorded) goes back to `settings`.
    last = ("SELECT key, value FROM rule_changes AS r WHERE r.id = ("
            "SELECT id FROM rule_changes AS l WHERE l.key = r.key "
            "ORDER BY effective_from DESC, id DESC LIMIT 1)")
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(f"INSERT INTO settings (key, value) {last} "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    else:
        op.execute(f"INSERT OR REPLACE INTO settings (key, value) {last}")
    with op.batch_alter_table('rule_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_rule_changes_effective_from')
    op.drop_table('rule_changes')
