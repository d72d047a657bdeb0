"""member care: more outbox kinds, one message per occasion, contact results, templates,
rescue (X5)

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-25 19:00:00

The outbox gets `period` (the occasion a message is for, UNIQUE with member and kind),
the X5 rescue taken from a reminder, the statuses `failed` and `skipped`, and the kinds
潜在流失 win-back, 再积 N 分 and idle course sessions. `outbox_contacts` keeps each
contact's result and note (回访记录); `outbox_templates` the owner's wording.

The outbox is copied by hand, like 0010 does: a batch copy lists the foreign keys it
reflected in no fixed order, and a restore compares a backup's schema statement by
statement with the one the migrations make. Nothing points at the outbox while it is
copied (`outbox_contacts` is made after it, and dropped before it going down).
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

_COLUMNS = 'member_id, kind, lot_id, text, created_at, status, id'


def _outbox_sql(table: str, *, care: bool) -> str:
    """The outbox's table as the models define it (`care`: from 0013 on) or as 0002 made
    it, constraint for constraint."""
    if care:
        kinds = ("'expiry_reminder', 'dormant', 'churn_risk', 'birthday', 'points_goal', "
                 "'course_idle'")
        statuses = "'queued', 'printed', 'exported', 'sent', 'failed', 'skipped'"
        columns = ('\n\tperiod VARCHAR(40), \n\trescue VARCHAR(10), \n\trescued_at DATETIME, '
                   '\n\trescued_by VARCHAR(40), ')
        extra = (", \n\tCONSTRAINT ck_outbox_rescue_known CHECK (rescue in ('extend', 'bonus')), "
                 "\n\tCONSTRAINT uq_outbox_member_id UNIQUE (member_id, kind, period)")
    else:
        kinds = "'expiry_reminder', 'dormant', 'birthday'"
        statuses = "'queued', 'printed', 'exported', 'sent'"
        columns, extra = '', ''
    return f"""CREATE TABLE {table} (
\tmember_id INTEGER NOT NULL, 
\tkind VARCHAR(20) NOT NULL, 
\tlot_id INTEGER, 
\ttext TEXT NOT NULL, 
\tcreated_at DATETIME NOT NULL, 
\tstatus VARCHAR(10) NOT NULL, 
\tid INTEGER NOT NULL, {columns}
\tCONSTRAINT pk_outbox PRIMARY KEY (id), 
\tCONSTRAINT ck_outbox_kind_known CHECK (kind in ({kinds})), 
\tCONSTRAINT ck_outbox_status_known CHECK (status in ({statuses})), 
\tCONSTRAINT fk_outbox_lot_id_point_lots FOREIGN KEY(lot_id) REFERENCES point_lots (id), 
\tCONSTRAINT fk_outbox_member_id_members FOREIGN KEY(member_id) REFERENCES members (id), 
\tCONSTRAINT uq_outbox_kind UNIQUE (kind, lot_id){extra}
)"""


def _alter_outbox(*, care: bool) -> None:
    """PostgreSQL alters the outbox in place (a copy written as SQLite SQL would lose the
    id's sequence): the same columns and constraints, made with alembic's operations."""
    kinds: tuple[str, ...] = ('expiry_reminder', 'dormant', 'birthday')
    statuses: tuple[str, ...] = ('queued', 'printed', 'exported', 'sent')
    if care:
        kinds += ('churn_risk', 'points_goal', 'course_idle')
        statuses += ('failed', 'skipped')
    op.drop_constraint(op.f('ck_outbox_kind_known'), 'outbox', type_='check')
    op.drop_constraint(op.f('ck_outbox_status_known'), 'outbox', type_='check')
    op.create_check_constraint(op.f('ck_outbox_kind_known'), 'outbox', f'kind in {kinds!r}')
    op.create_check_constraint(op.f('ck_outbox_status_known'), 'outbox', f'status in {statuses!r}')
    if care:
        op.add_column('outbox', sa.Column('period', sa.String(length=40)))
        op.add_column('outbox', sa.Column('rescue', sa.String(length=10)))
        op.add_column('outbox', sa.Column('rescued_at', sa.DateTime()))
        op.add_column('outbox', sa.Column('rescued_by', sa.String(length=40)))
        op.create_check_constraint(
            op.f('ck_outbox_rescue_known'), 'outbox', "rescue in ('extend', 'bonus')"
        )
        op.create_unique_constraint(
            op.f('uq_outbox_member_id'), 'outbox', ['member_id', 'kind', 'period']
        )
    else:
        op.drop_constraint(op.f('uq_outbox_member_id'), 'outbox', type_='unique')
        op.drop_constraint(op.f('ck_outbox_rescue_known'), 'outbox', type_='check')
        for column in ('rescued_by', 'rescued_at', 'rescue', 'period'):
            op.drop_column('outbox', column)


def _copy_outbox(*, care: bool) -> None:
    if op.get_bind().dialect.name == 'postgresql':
        _alter_outbox(care=care)
        return
    op.execute(_outbox_sql('_outbox_new', care=care))
    op.execute(f'INSERT INTO _outbox_new ({_COLUMNS}) SELECT {_COLUMNS} FROM outbox')
    op.execute('DROP TABLE outbox')  # its indexes go with it
    op.execute('ALTER TABLE _outbox_new RENAME TO outbox')
    op.execute('CREATE INDEX ix_outbox_member_id ON outbox (member_id)')
    op.execute('CREATE INDEX ix_outbox_status_created ON outbox (status, created_at)')


def upgrade() -> None:
    _copy_outbox(care=True)
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
    _copy_outbox(care=False)
