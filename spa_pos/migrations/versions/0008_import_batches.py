"""import batches: the files already imported

Revision ID: 0008
Revises: 0004
Create Date: 2026-11-25 16:10:00

A member or catalog file is imported once: its SHA-256 is kept with its kind, and a second
import of the same bytes is refused.
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'import_batches',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('rows', sa.Integer(), nullable=False),
        sa.Column('actor', sa.String(length=40), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batches')),
        sa.UniqueConstraint('kind', 'sha256', name=op.f('uq_import_batches_kind')),
    )


def downgrade() -> None:
    op.drop_table('import_batches')
