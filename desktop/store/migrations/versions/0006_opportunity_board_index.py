"""opportunity: an index for the board (each stage's soonest to close)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 16:00:00
"""

from __future__ import annotations

from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_opportunity_board', 'opportunity', ['stage', 'close_date', 'name'])


def downgrade() -> None:
    op.drop_index('ix_opportunity_board', table_name='opportunity')
