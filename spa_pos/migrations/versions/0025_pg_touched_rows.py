"""PostgreSQL: the audit notes which business rows a transaction wrote (issue #16)

Revision ID: 0025
Revises: 0022
Create Date: 2026-11-26 00:30:00

On SQLite every write transaction gives its connection TEMP triggers that note the key of
each row it inserts, updates or deletes, and the audit row of the transaction stores a
digest of those rows (`spa_pos.services.audit`). PostgreSQL has no temporary triggers on
permanent tables, so on a server this revision creates permanent ones, one set per tracked
table (every table with a one-column key but the audit trail itself, the queues and the
derived summaries: `audit.UNTRACKED_TABLES`, frozen here). They note a row only in a
transaction that asked for it (`SET LOCAL spa_pos.track = 'on'`, which the app's write
transactions do) and only into that connection's own temporary table: an edit made by
another program leaves no note anywhere, so `audit verify` finds it, as on SQLite.

A table added by a later revision needs its triggers from that revision
(`touch_triggers`). SQLite is left as it is.
"""
import sqlalchemy as sa
from alembic import op


revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None

_UNTRACKED = {
    'alembic_version', 'audit_log', 'print_jobs', 'job_runs', 'outbox', 'member_tags',
    'cart_drafts', 'quarter_totals', 'visit_days', 'member_stats',
}

_FUNCTION = """
CREATE OR REPLACE FUNCTION spa_pos_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('spa_pos.track', true) = 'on' THEN
        INSERT INTO pg_temp.spa_pos_touched (tbl, key)
        VALUES (TG_TABLE_NAME,
                CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ->> TG_ARGV[0]
                     ELSE to_jsonb(NEW) ->> TG_ARGV[0] END)
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$
"""


def _tracked() -> dict[str, str]:
    """{table: its key column} of the tables whose rows the audit digests."""
    inspector = sa.inspect(op.get_bind())
    tracked = {}
    for name in inspector.get_table_names():
        key = inspector.get_pk_constraint(name)['constrained_columns']
        if name not in _UNTRACKED and len(key) == 1:
            tracked[name] = key[0]
    return tracked


def touch_triggers(table: str, key: str) -> str:
    return (
        f'CREATE TRIGGER spa_pos_touch AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
        f"FOR EACH ROW EXECUTE FUNCTION spa_pos_touch('{key}')"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(_FUNCTION)
    for table, key in sorted(_tracked().items()):
        op.execute(touch_triggers(table, key))


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table in sorted(_tracked()):
        op.execute(f'DROP TRIGGER IF EXISTS spa_pos_touch ON "{table}"')
    op.execute('DROP FUNCTION IF EXISTS spa_pos_touch()')
