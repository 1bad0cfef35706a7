"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}
"""
from alembic import op

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}

# the newsgraph schema version this revision brings the store to (newsgraph.store.SCHEMA_VERSION)
SCHEMA_VERSION = None


def _execute(sql: str) -> None:
    """Run a script as it is (no parameters: a ``%`` is a plain character)."""
    op.get_bind().execution_options(no_parameters=True).exec_driver_sql(sql)


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}
    _execute(f"UPDATE schema_version SET version = {SCHEMA_VERSION}")


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
