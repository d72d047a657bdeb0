"""outbox: a campaign message queued from the member list

Revision ID: 0015
Revises: 0014

The outbox's kinds are a CHECK constraint; SQLite changes one only by making the table
again. It is made with explicit SQL in the shape 0013 gave it, constraint for constraint,
so that the table reads the same whichever way a file came to this revision (new,
upgraded, or down and up). Nothing points at the outbox but `outbox_contacts`, which is
set aside while the table is copied.
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_COLUMNS = "member_id, kind, lot_id, text, created_at, status, id, period, rescue, rescued_at, rescued_by"
_CARE_KINDS = "'expiry_reminder', 'dormant', 'churn_risk', 'birthday', 'points_goal', 'course_idle'"


def _outbox_sql(table: str, kinds: str) -> str:
    statuses = "'queued', 'printed', 'exported', 'sent', 'failed', 'skipped'"
    return f"""CREATE TABLE {table} (
\tmember_id INTEGER NOT NULL, 
\tkind VARCHAR(20) NOT NULL, 
\tlot_id INTEGER, 
\ttext TEXT NOT NULL, 
\tcreated_at DATETIME NOT NULL, 
\tstatus VARCHAR(10) NOT NULL, 
\tid INTEGER NOT NULL, 
\tperiod VARCHAR(40), 
\trescue VARCHAR(10), 
\trescued_at DATETIME, 
\trescued_by VARCHAR(40), 
\tCONSTRAINT pk_outbox PRIMARY KEY (id), 
\tCONSTRAINT ck_outbox_kind_known CHECK (kind in ({kinds})), 
\tCONSTRAINT ck_outbox_status_known CHECK (status in ({statuses})), 
\tCONSTRAINT ck_outbox_rescue_known CHECK (rescue in ('extend', 'bonus')), 
\tCONSTRAINT fk_outbox_lot_id_point_lots FOREIGN KEY(lot_id) REFERENCES point_lots (id), 
\tCONSTRAINT fk_outbox_member_id_members FOREIGN KEY(member_id) REFERENCES members (id), 
\tCONSTRAINT uq_outbox_kind UNIQUE (kind, lot_id), 
\tCONSTRAINT uq_outbox_member_id UNIQUE (member_id, kind, period)
)"""  # noqa: W291 (the trailing spaces are SQLAlchemy's, kept so the schemas compare equal)


def _rebuild(kinds: str) -> None:
    if op.get_bind().dialect.name == "postgresql":  # changes a CHECK in place
        op.drop_constraint(op.f("ck_outbox_kind_known"), "outbox", type_="check")
        op.create_check_constraint(op.f("ck_outbox_kind_known"), "outbox", f"kind in ({kinds})")
        return
    # outbox_contacts refers to the table copied: its references are checked at commit,
    # when the copy (same ids) stands in the old table's place
    op.execute("PRAGMA defer_foreign_keys = ON")
    op.execute(_outbox_sql("_outbox_new", kinds))
    op.execute(f"INSERT INTO _outbox_new ({_COLUMNS}) SELECT {_COLUMNS} FROM outbox")
    op.execute("DROP TABLE outbox")  # its indexes go with it
    op.execute("ALTER TABLE _outbox_new RENAME TO outbox")
    op.execute("CREATE INDEX ix_outbox_member_id ON outbox (member_id)")
    op.execute("CREATE INDEX ix_outbox_status_created ON outbox (status, created_at)")


def upgrade() -> None:
    _rebuild(_CARE_KINDS + ", 'campaign'")


def downgrade() -> None:
    """Campaign messages go with the kind (and any contact recorded for one)."""
    op.execute(
        "DELETE FROM outbox_contacts WHERE message_id IN "
        "(SELECT id FROM outbox WHERE kind = 'campaign')"
    )
    op.execute("DELETE FROM outbox WHERE kind = 'campaign'")
    _rebuild(_CARE_KINDS)
