"""outbox: a campaign message queued from the member list

Revision ID: 0016
Revises: 0011
"""

from alembic import op

revision = "0016"
down_revision = "0011"
branch_labels = None
depends_on = None

OLD = "kind in ('expiry_reminder', 'dormant', 'birthday')"
NEW = "kind in ('expiry_reminder', 'dormant', 'birthday', 'campaign')"


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_constraint("ck_outbox_kind_known", type_="check")
        batch_op.create_check_constraint("kind_known", NEW)


def downgrade() -> None:
    op.execute("DELETE FROM outbox WHERE kind = 'campaign'")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_constraint("ck_outbox_kind_known", type_="check")
        batch_op.create_check_constraint("kind_known", OLD)
