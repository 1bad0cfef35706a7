"""Schema version 7: ``quotes.speaker_phrase`` with its offsets, the whole phrase that names the speaker
at the attribution (`Woodrow Benford, 58, who lives outside Minneapolis`).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SCHEMA_VERSION = 7


def _execute(sql: str) -> None:
    op.get_bind().execution_options(no_parameters=True).exec_driver_sql(sql)


def upgrade() -> None:
    _execute("ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_phrase TEXT, "
             "ADD COLUMN IF NOT EXISTS speaker_phrase_start INTEGER, "
             "ADD COLUMN IF NOT EXISTS speaker_phrase_end INTEGER")
    _execute(f"UPDATE schema_version SET version = {SCHEMA_VERSION}")


def downgrade() -> None:
    _execute("ALTER TABLE quotes DROP COLUMN IF EXISTS speaker_phrase, DROP COLUMN IF EXISTS speaker_phrase_start, "
             "DROP COLUMN IF EXISTS speaker_phrase_end; UPDATE schema_version SET version = 6")
