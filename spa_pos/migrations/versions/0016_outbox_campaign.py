"""outbox: a campaign message queued from the member list

Revision ID: 0016
Revises: 0011

The outbox's kinds are a CHECK constraint; SQLite changes one only by making the table
again. It is made with explicit SQL, constraints in 0002's order, so that the table reads
the same whichever way a file came to this revision (new, upgraded, or down and up).
"""

from alembic import op

revision = "0016"
down_revision = "0011"
branch_labels = None
depends_on = None

OLD = "kind in ('expiry_reminder', 'dormant', 'birthday')"
NEW = "kind in ('expiry_reminder', 'dormant', 'birthday', 'campaign')"


def _rebuild(kinds: str) -> None:
    op.execute(
        "CREATE TABLE _outbox_new (member_id INTEGER NOT NULL, kind VARCHAR(20) NOT NULL, "
        "lot_id INTEGER, text TEXT NOT NULL, created_at DATETIME NOT NULL, "
        "status VARCHAR(10) NOT NULL, id INTEGER NOT NULL, "
        "CONSTRAINT pk_outbox PRIMARY KEY (id), "
        f"CONSTRAINT ck_outbox_kind_known CHECK ({kinds}), "
        "CONSTRAINT ck_outbox_status_known CHECK "
        "(status in ('queued', 'printed', 'exported', 'sent')), "
        "CONSTRAINT fk_outbox_lot_id_point_lots FOREIGN KEY(lot_id) REFERENCES point_lots (id), "
        "CONSTRAINT fk_outbox_member_id_members FOREIGN KEY(member_id) REFERENCES members (id), "
        "CONSTRAINT uq_outbox_kind UNIQUE (kind, lot_id))"
    )
    op.execute(
        "INSERT INTO _outbox_new (member_id, kind, lot_id, text, created_at, status, id) "
        "SELECT member_id, kind, lot_id, text, created_at, status, id FROM outbox"
    )
    op.execute("DROP TABLE outbox")
    op.execute("ALTER TABLE _outbox_new RENAME TO outbox")
    op.execute("CREATE INDEX ix_outbox_member_id ON outbox (member_id)")
    op.execute("CREATE INDEX ix_outbox_status_created ON outbox (status, created_at)")


def upgrade() -> None:
    _rebuild(NEW)


def downgrade() -> None:
    """Campaign messages go with the kind."""
    op.execute("DELETE FROM outbox WHERE kind = 'campaign'")
    _rebuild(OLD)
