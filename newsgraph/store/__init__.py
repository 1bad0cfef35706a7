"""Storage of newsgraph records: one SQLite file with full-text search, or a PostgreSQL database.

:func:`open_store` opens either from what ``--db`` says: a ``postgresql://`` URL is a PostgreSQL
database (:mod:`newsgraph.store.postgres`), anything else a SQLite file (:mod:`newsgraph.store.sqlite`).
Both stores have the same methods and give the same results.
"""
from __future__ import annotations

import os
from pathlib import Path

from newsgraph.store.sqlite import SCHEMA_VERSION, Store, StoreError, fts_query, parse_since


def is_postgres_url(db: object) -> bool:
    """Whether ``db`` names a PostgreSQL database (``postgresql://...``, ``postgres://...``)."""
    from newsgraph.store.postgres import is_postgres_url as check

    return check(db)


def describe(db: str | os.PathLike[str]) -> str:
    """``db`` as messages show it (a URL without its password)."""
    from newsgraph.store.postgres import describe as name

    return name(os.fspath(db))


def open_store(db: str | os.PathLike[str], read_only: bool = False) -> Store:
    """The store that ``db`` names: a ``postgresql://user@host/dbname`` URL gives a
    :class:`~newsgraph.store.postgres.PostgresStore`, anything else the SQLite file at that path
    (created when missing, unless ``read_only``).

    ``read_only``: the store is not created nor migrated, and refuses writes. Raises
    :class:`StoreError` when the database cannot be used (no such file, cannot connect, not a
    newsgraph database, a newer schema).
    """
    if is_postgres_url(db):
        from newsgraph.store.postgres import PostgresStore

        return PostgresStore(str(db), read_only=read_only)
    path = os.fspath(db)
    if not read_only:
        return Store(path)
    if path != ":memory:" and not Path(path).is_file():
        raise StoreError(f"{path}: no such database (run `newsgraph ingest PATH...` first)")
    store = Store(path)
    store._conn.execute("PRAGMA query_only = ON")
    return store


__all__ = ["SCHEMA_VERSION", "Store", "StoreError", "describe", "fts_query", "is_postgres_url", "open_store",
           "parse_since"]
