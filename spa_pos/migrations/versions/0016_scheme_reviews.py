"""scheme reviews: the owner's monthly review of the points scheme, with its figures

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-25 19:00:00

One row per review written: the month, the owner's conclusions, who wrote them and when,
and the month's figures as a JSON snapshot.
"""
from alembic import op
import sqlalchemy as sa


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'scheme_reviews',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('month', sa.String(length=7), nullable=False),
        sa.Column('conclusions', sa.Text(), nullable=False),
        sa.Column('author', sa.String(length=40), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('figures', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_scheme_reviews')),
    )
    op.create_index(op.f('ix_scheme_reviews_month'), 'scheme_reviews', ['month'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_scheme_reviews_month'), table_name='scheme_reviews')
    op.drop_table('scheme_reviews')
