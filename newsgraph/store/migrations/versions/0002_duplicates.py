"""Schema version 5: ``duplicates``, the articles that are near-copies of another (wire stories
reprinted with small edits), each with the canonical article of its cluster.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SCHEMA_VERSION = 5


def _execute(sql: str) -> None:
    op.get_bind().execution_options(no_parameters=True).exec_driver_sql(sql)


def upgrade() -> None:
    _execute("""
        CREATE TABLE IF NOT EXISTS duplicates (
            article_id   TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            canonical_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            similarity   DOUBLE PRECISION
        );
        CREATE INDEX IF NOT EXISTS duplicates_canonical ON duplicates(canonical_id);
    """)
    _execute(f"UPDATE schema_version SET version = {SCHEMA_VERSION}")


def downgrade() -> None:
    _execute("DROP TABLE IF EXISTS duplicates; UPDATE schema_version SET version = 4")
