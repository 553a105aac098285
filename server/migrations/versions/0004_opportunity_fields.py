"""opportunities: contact, source, competitors, next step, lost reason and who won it

Revision ID: 0004
Revises: 0001
Create Date: 2026-12-04 12:04:19.602091
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op



revision = '0004'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # No batch copy of the table: quotes refer to opportunities, and SQLite (foreign
    # keys on) cannot drop a table others refer to. SQLite adds a column with its
    # named reference in place; PostgreSQL adds the constraint after.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE opportunity ADD COLUMN contact_id VARCHAR(36) "
            "CONSTRAINT fk_opportunity_contact_id_contact REFERENCES contact (id)"
        )
    else:
        op.add_column('opportunity', sa.Column('contact_id', sa.String(length=36), nullable=True))
        op.create_foreign_key(
            'fk_opportunity_contact_id_contact', 'opportunity', 'contact', ['contact_id'], ['id']
        )
    op.add_column('opportunity', sa.Column('source', sa.String(length=80), server_default='', nullable=False))
    op.add_column('opportunity', sa.Column('competitors', sa.Text(), server_default='', nullable=False))
    op.add_column('opportunity', sa.Column('next_step', sa.String(length=300), server_default='', nullable=False))
    op.add_column('opportunity', sa.Column('lost_reason', sa.Text(), server_default='', nullable=False))
    op.add_column('opportunity', sa.Column('lost_to', sa.String(length=200), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.drop_constraint('fk_opportunity_contact_id_contact', type_='foreignkey')
        batch_op.drop_column('lost_to')
        batch_op.drop_column('lost_reason')
        batch_op.drop_column('next_step')
        batch_op.drop_column('competitors')
        batch_op.drop_column('source')
        batch_op.drop_column('contact_id')
