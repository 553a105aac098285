"""contract links: orders placed under a contract (sales_order.contract_id) and the
competitors bidding against a quote (quote.competitors)

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # No batch copy: deliveries, payments and complaints refer to orders, and SQLite
    # (foreign keys on) cannot drop a table others refer to. SQLite adds the column with
    # its named reference in place; PostgreSQL adds the constraint after.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE sales_order ADD COLUMN contract_id VARCHAR(36) "
            "CONSTRAINT fk_sales_order_contract_id_contract REFERENCES contract (id)"
        )
    else:
        op.add_column('sales_order', sa.Column('contract_id', sa.String(length=36), nullable=True))
        op.create_foreign_key(
            'fk_sales_order_contract_id_contract', 'sales_order', 'contract', ['contract_id'], ['id']
        )
    op.create_index('ix_sales_order_contract_id', 'sales_order', ['contract_id'], unique=False)
    op.add_column('quote', sa.Column('competitors', sa.Text(), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('quote', schema=None) as batch_op:
        batch_op.drop_column('competitors')
    op.drop_index('ix_sales_order_contract_id', table_name='sales_order')
    with op.batch_alter_table('sales_order', schema=None) as batch_op:
        batch_op.drop_constraint('fk_sales_order_contract_id_contract', type_='foreignkey')
        batch_op.drop_column('contract_id')
