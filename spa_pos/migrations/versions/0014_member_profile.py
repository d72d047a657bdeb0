"""member care: consultation notes, visit feedback, event kinds

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-25 19:00:00

`member_notes`: consultation notes with author and time (health details, never in a
masked read model). `feedback`: satisfaction after a visit, once per sale, with the E4
points it earned. `events.kind`: lecture, salon, quiz, live or video ("lecture" for the
events made before).
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'member_notes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('author', sa.String(length=40), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ['member_id'], ['members.id'], name=op.f('fk_member_notes_member_id_members')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_member_notes')),
    )
    op.create_index(op.f('ix_member_notes_member_id'), 'member_notes', ['member_id'])
    op.create_table(
        'feedback',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('sale_id', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('score', sa.Integer(), nullable=False),
        sa.Column('comment', sa.Text(), nullable=False),
        sa.Column('points', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('actor', sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ['member_id'], ['members.id'], name=op.f('fk_feedback_member_id_members')
        ),
        sa.ForeignKeyConstraint(['sale_id'], ['sales.id'], name=op.f('fk_feedback_sale_id_sales')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback')),
        sa.UniqueConstraint('sale_id', name=op.f('uq_feedback_sale_id')),
    )
    op.create_index(op.f('ix_feedback_member_id'), 'feedback', ['member_id'])
    with op.batch_alter_table('events') as batch:
        batch.add_column(
            sa.Column('kind', sa.String(length=10), nullable=False, server_default='lecture')
        )


def downgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.drop_column('kind')
    op.drop_index(op.f('ix_feedback_member_id'), table_name='feedback')
    op.drop_table('feedback')
    op.drop_index(op.f('ix_member_notes_member_id'), table_name='member_notes')
    op.drop_table('member_notes')
