"""account_health: each account's health score and ABC class as last computed (device
only, never synced), so the Accounts list sorts and filters by them in SQL. Starts empty: the app
fills it on a worker after it opens.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desktop.domain.models.types


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('account_health',
    sa.Column('account_id', sa.String(length=36), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('reasons', desktop.domain.models.types.JSONText(), nullable=False),
    sa.Column('basis', sa.String(length=40), nullable=False),
    sa.Column('computed_at', desktop.domain.models.types.UTCDateTime(), nullable=False),
    sa.Column('revenue', desktop.domain.models.types.Money(), nullable=False),
    sa.Column('abc', sa.String(length=1), nullable=True),
    sa.PrimaryKeyConstraint('account_id', name=op.f('pk_account_health'))
    )
    with op.batch_alter_table('account_health', schema=None) as batch_op:
        batch_op.create_index('ix_account_health_score', ['score', 'account_id'], unique=False)
        batch_op.create_index('ix_account_health_abc', ['abc', 'account_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('account_health', schema=None) as batch_op:
        batch_op.drop_index('ix_account_health_abc')
        batch_op.drop_index('ix_account_health_score')
    op.drop_table('account_health')
