"""visits: when a visit that had already happened was recorded (recorded_after_at)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 12:29:57.079673
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desktop.domain.models.types


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN, no batch copy: follow-ups (task.visit_id) refer to visits, and
    # SQLite (foreign keys on) cannot drop a table others refer to.
    op.add_column('visit', sa.Column('recorded_after_at', desktop.domain.models.types.UTCDateTime(), nullable=True))


def downgrade() -> None:
    op.drop_column('visit', 'recorded_after_at')
