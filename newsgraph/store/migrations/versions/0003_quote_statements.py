"""Schema version 6: ``quotes.statement``, the number of the statement a quote is part of in its
article (`"A," he said. "B."` is two quotes of one statement).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SCHEMA_VERSION = 6


def _execute(sql: str) -> None:
    op.get_bind().execution_options(no_parameters=True).exec_driver_sql(sql)


def upgrade() -> None:
    _execute("ALTER TABLE quotes ADD COLUMN IF NOT EXISTS statement INTEGER")
    _execute(f"UPDATE schema_version SET version = {SCHEMA_VERSION}")


def downgrade() -> None:
    _execute("ALTER TABLE quotes DROP COLUMN IF EXISTS statement; UPDATE schema_version SET version = 5")
