"""member care: more outbox kinds, one message per occasion, contact results, templates,
rescue (X5)

Revision ID: 0013
Revises: 0011
Create Date: 2026-11-25 19:00:00

The outbox gets `period` (the occasion a message is for, UNIQUE with member and kind),
the X5 rescue taken from a reminder, the statuses `failed` and `skipped`, and the kinds
潜在流失 win-back, 再积 N 分 and idle course sessions. `outbox_contacts` keeps each
contact's result and note (回访记录); `outbox_templates` the owner's wording.
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0011'
branch_labels = None
depends_on = None

OLD_KINDS = "kind in ('expiry_reminder', 'dormant', 'birthday')"
NEW_KINDS = (
    "kind in ('expiry_reminder', 'dormant', 'churn_risk', 'birthday', 'points_goal', "
    "'course_idle')"
)
OLD_STATUSES = "status in ('queued', 'printed', 'exported', 'sent')"
NEW_STATUSES = "status in ('queued', 'printed', 'exported', 'sent', 'failed', 'skipped')"


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('period', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('rescue', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('rescued_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('rescued_by', sa.String(length=40), nullable=True))
        batch_op.drop_constraint(op.f('ck_outbox_kind_known'), type_='check')
        batch_op.drop_constraint(op.f('ck_outbox_status_known'), type_='check')
        batch_op.create_check_constraint(op.f('ck_outbox_kind_known'), sa.text(NEW_KINDS))
        batch_op.create_check_constraint(op.f('ck_outbox_status_known'), sa.text(NEW_STATUSES))
        batch_op.create_check_constraint(
            op.f('ck_outbox_rescue_known'), sa.text("rescue in ('extend', 'bonus')")
        )
        batch_op.create_unique_constraint(
            op.f('uq_outbox_member_id'), ['member_id', 'kind', 'period']
        )
    op.create_table(
        'outbox_contacts',
        sa.Column('message_id', sa.Integer(), nullable=False),
        sa.Column('result', sa.String(length=10), nullable=False),
        sa.Column('note', sa.String(length=200), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('actor', sa.String(length=40), nullable=False),
        sa.Column('id', sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "result in ('sent', 'no_answer', 'came_back', 'failed', 'skipped')",
            name=op.f('ck_outbox_contacts_result_known'),
        ),
        sa.ForeignKeyConstraint(
            ['message_id'], ['outbox.id'], name=op.f('fk_outbox_contacts_message_id_outbox')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_contacts')),
    )
    with op.batch_alter_table('outbox_contacts', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_outbox_contacts_message_id'), ['message_id'], unique=False
        )
    op.create_table(
        'outbox_templates',
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=40), nullable=False),
        sa.Column('id', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_templates')),
        sa.UniqueConstraint('kind', name=op.f('uq_outbox_templates_kind')),
    )


def downgrade() -> None:
    op.drop_table('outbox_templates')
    with op.batch_alter_table('outbox_contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_contacts_message_id'))
    op.drop_table('outbox_contacts')
    op.execute(
        "DELETE FROM outbox WHERE kind IN ('churn_risk', 'points_goal', 'course_idle')"
    )
    op.execute("UPDATE outbox SET status = 'queued' WHERE status IN ('failed', 'skipped')")
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('uq_outbox_member_id'), type_='unique')
        batch_op.drop_constraint(op.f('ck_outbox_rescue_known'), type_='check')
        batch_op.drop_constraint(op.f('ck_outbox_status_known'), type_='check')
        batch_op.drop_constraint(op.f('ck_outbox_kind_known'), type_='check')
        batch_op.create_check_constraint(op.f('ck_outbox_kind_known'), sa.text(OLD_KINDS))
        batch_op.create_check_constraint(op.f('ck_outbox_status_known'), sa.text(OLD_STATUSES))
        batch_op.drop_column('rescued_by')
        batch_op.drop_column('rescued_at')
        batch_op.drop_column('rescue')
        batch_op.drop_column('period')
