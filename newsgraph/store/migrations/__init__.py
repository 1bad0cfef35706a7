"""Alembic migrations of the PostgreSQL store (see :mod:`newsgraph.store.postgres`).

The store runs them itself (``upgrade``) when it opens a database whose schema is older; to run
them by hand::

    alembic -c newsgraph/store/migrations/alembic.ini -x db=postgresql://user@host/dbname upgrade head
"""
