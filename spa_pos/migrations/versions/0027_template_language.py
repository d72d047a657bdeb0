"""template language: member care's templates kept per (kind, language)

Revision ID: 0027
Revises: 0022
Create Date: 2026-11-26 00:40:00

Member care's messages can be written in English as well as Chinese (the setting
`message_language`); the owner's wording of a kind is kept per language. The templates
edited so far were all Chinese: they become the zh_CN ones.
"""
from alembic import op
import sqlalchemy as sa


revision = '0027'
down_revision = '0026'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox_templates') as batch:
        batch.add_column(
            sa.Column('language', sa.String(length=10), server_default='zh_CN', nullable=False)
        )
        batch.drop_constraint('uq_outbox_templates_kind', type_='unique')
        batch.create_unique_constraint(
            'uq_outbox_templates_kind_language', ['kind', 'language']
        )


def downgrade() -> None:
    # One wording per kind again: the Chinese one, the language that was the only one.
    op.execute("DELETE FROM outbox_templates WHERE language <> 'zh_CN'")
    with op.batch_alter_table('outbox_templates') as batch:
        batch.drop_constraint('uq_outbox_templates_kind_language', type_='unique')
        batch.create_unique_constraint('uq_outbox_templates_kind', ['kind'])
        batch.drop_column('language')
