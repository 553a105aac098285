"""Account plans (大客户计划): account_plan and plan_objective; a follow-up may be an
objective's action (task.objective_id).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desktop.domain.models.types


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def _row_columns() -> list[sa.Column]:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('version', sa.Integer(), server_default='0', nullable=False),
        sa.Column('field_versions', desktop.domain.models.types.JSONText(), nullable=False),
        sa.Column('deleted_at', desktop.domain.models.types.UTCDateTime(), nullable=True),
        sa.Column('created_at', desktop.domain.models.types.UTCDateTime(), nullable=False),
        sa.Column('created_by', sa.String(length=36), nullable=True),
        sa.Column('updated_at', desktop.domain.models.types.UTCDateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=36), nullable=True),
    ]


def upgrade() -> None:
    op.create_table('account_plan',
    sa.Column('account_id', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('strengths', sa.Text(), nullable=False),
    sa.Column('weaknesses', sa.Text(), nullable=False),
    sa.Column('opportunities', sa.Text(), nullable=False),
    sa.Column('threats', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    *_row_columns(),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_account_plan_account_id_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_plan'))
    )
    op.create_index('ix_account_plan_account_year', 'account_plan', ['account_id', 'year'], unique=False)
    op.create_table('plan_objective',
    sa.Column('plan_id', sa.String(length=36), nullable=False),
    sa.Column('account_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('target_value', desktop.domain.models.types.DecimalText(), nullable=True),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    *_row_columns(),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_plan_objective_account_id_account')),
    sa.ForeignKeyConstraint(['plan_id'], ['account_plan.id'], name=op.f('fk_plan_objective_plan_id_account_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_objective'))
    )
    op.create_index('ix_plan_objective_account_id', 'plan_objective', ['account_id'], unique=False)
    op.create_index('ix_plan_objective_plan_id', 'plan_objective', ['plan_id'], unique=False)
    # No batch copy of task: nothing refers to it today, but a plain ADD COLUMN keeps
    # every follow-up as it is. SQLite adds the column with its named reference in
    # place; PostgreSQL adds the constraint after.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE task ADD COLUMN objective_id VARCHAR(36) "
            "CONSTRAINT fk_task_objective_id_plan_objective REFERENCES plan_objective (id)"
        )
    else:
        op.add_column('task', sa.Column('objective_id', sa.String(length=36), nullable=True))
        op.create_foreign_key(
            'fk_task_objective_id_plan_objective', 'task', 'plan_objective', ['objective_id'], ['id']
        )
    op.create_index('ix_task_objective_id', 'task', ['objective_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_task_objective_id', table_name='task')
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_task_objective_id_plan_objective'), type_='foreignkey')
        batch_op.drop_column('objective_id')
    op.drop_index('ix_plan_objective_plan_id', table_name='plan_objective')
    op.drop_index('ix_plan_objective_account_id', table_name='plan_objective')
    op.drop_table('plan_objective')
    op.drop_index('ix_account_plan_account_year', table_name='account_plan')
    op.drop_table('account_plan')
