"""sync issues keep the rule a rejection broke (protocol 3: a code and its parameters)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 09:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desktop.domain.models.types

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Issues recorded before keep their English reason and an empty code.
    with op.batch_alter_table('sync_issue', schema=None) as batch_op:
        batch_op.add_column(sa.Column('code', sa.String(length=40), server_default='', nullable=False))
        batch_op.add_column(sa.Column('params', desktop.domain.models.types.JSONText(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_issue', schema=None) as batch_op:
        batch_op.drop_column('params')
        batch_op.drop_column('code')
