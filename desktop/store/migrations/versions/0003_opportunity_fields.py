"""opportunities: contact, source, competitors, next step, lost reason and who won it;
the shared competitor list and the incumbents of each account; contracts

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 12:04:18.574099
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desktop.domain.models.types



revision = '0003'
down_revision = '0002'
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

    # The shared competitor list and each account's incumbents.
    op.create_table('competitor',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('strengths', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), server_default='0', nullable=False),
    sa.Column('field_versions', desktop.domain.models.types.JSONText(), nullable=False),
    sa.Column('deleted_at', desktop.domain.models.types.UTCDateTime(), nullable=True),
    sa.Column('created_at', desktop.domain.models.types.UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', desktop.domain.models.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_competitor'))
    )
    op.create_table('incumbent',
    sa.Column('account_id', sa.String(length=36), nullable=False),
    sa.Column('competitor_id', sa.String(length=36), nullable=False),
    sa.Column('supplies', sa.String(length=300), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), server_default='0', nullable=False),
    sa.Column('field_versions', desktop.domain.models.types.JSONText(), nullable=False),
    sa.Column('deleted_at', desktop.domain.models.types.UTCDateTime(), nullable=True),
    sa.Column('created_at', desktop.domain.models.types.UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', desktop.domain.models.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_incumbent_account_id_account')),
    sa.ForeignKeyConstraint(['competitor_id'], ['competitor.id'], name=op.f('fk_incumbent_competitor_id_competitor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incumbent'))
    )
    with op.batch_alter_table('incumbent', schema=None) as batch_op:
        batch_op.create_index('ix_incumbent_account_id', ['account_id'], unique=False)

    # Contracts.
    op.create_table('contract',
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=36), nullable=False),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('quote_id', sa.String(length=36), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('start_on', sa.Date(), nullable=True),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('value', desktop.domain.models.types.Money(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('payment_terms', sa.Text(), nullable=False),
    sa.Column('decided_by', sa.String(length=36), nullable=True),
    sa.Column('decided_at', desktop.domain.models.types.UTCDateTime(), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), server_default='0', nullable=False),
    sa.Column('field_versions', desktop.domain.models.types.JSONText(), nullable=False),
    sa.Column('deleted_at', desktop.domain.models.types.UTCDateTime(), nullable=True),
    sa.Column('created_at', desktop.domain.models.types.UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', desktop.domain.models.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_contract_account_id_account')),
    sa.ForeignKeyConstraint(['owner_id'], ['user.id'], name=op.f('fk_contract_owner_id_user')),
    sa.ForeignKeyConstraint(['quote_id'], ['quote.id'], name=op.f('fk_contract_quote_id_quote')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contract'))
    )
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.create_index('ix_contract_account_id', ['account_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.drop_index('ix_contract_account_id')

    op.drop_table('contract')
    with op.batch_alter_table('incumbent', schema=None) as batch_op:
        batch_op.drop_index('ix_incumbent_account_id')

    op.drop_table('incumbent')
    op.drop_table('competitor')
    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.drop_constraint('fk_opportunity_contact_id_contact', type_='foreignkey')
        batch_op.drop_column('lost_to')
        batch_op.drop_column('lost_reason')
        batch_op.drop_column('next_step')
        batch_op.drop_column('competitors')
        batch_op.drop_column('source')
        batch_op.drop_column('contact_id')
