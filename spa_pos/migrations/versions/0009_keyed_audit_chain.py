"""audit rows carry the digest of the business rows they wrote; the clinic gets an id

Revision ID: 0009
Revises: 0004
Create Date: 2026-11-25 16:20:00

The audit chain becomes keyed (HMAC with a key outside the database, see
spa_pos.services.keys). Rows already in the chain keep their public SHA-256 hashes and an
empty `rows`; the keyring records how many there were when its key was made, and `audit
verify` checks those with the old formula (the first keyed row links to the last of them).
The random clinic id names this database's keyring file in the user's config folder.
"""
import json
import secrets

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rows', sa.Text(), nullable=False, server_default=''))
    settings = sa.table('settings', sa.column('key', sa.String), sa.column('value', sa.Text))
    conn = op.get_bind()
    exists = conn.execute(
        sa.select(settings.c.key).where(settings.c.key == 'clinic_id')
    ).first()
    if exists is None:
        conn.execute(settings.insert().values(key='clinic_id',
                                              value=json.dumps(secrets.token_hex(16))))


def downgrade() -> None:
    op.execute("DELETE FROM settings WHERE key = 'clinic_id'")
    op.drop_column('audit_log', 'rows')
