"""Alembic environment of the newsgraph PostgreSQL store.

newsgraph runs the migrations itself (:func:`newsgraph.store.postgres.upgrade`) and hands its
connection over in ``config.attributes["connection"]``. Run by hand, the database is ``-x db=URL``
or ``$NEWSGRAPH_DB``. Migrations run in one transaction under an advisory lock, so that several
processes opening a new store at once migrate it once.
"""
from __future__ import annotations

import os

from alembic import context

from newsgraph.store.postgres import MIGRATION_LOCK, sqlalchemy_engine

config = context.config


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=None, transactional_ddl=True)
    with context.begin_transaction():
        # waits for another process that is migrating; it then finds the store up to date
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("newsgraph migrations need a database connection (no --sql mode)")

connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("db") or os.environ.get("NEWSGRAPH_DB")
    if not url:
        raise SystemExit("which database? pass -x db=postgresql://... or set NEWSGRAPH_DB")
    engine = sqlalchemy_engine(url)
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()
