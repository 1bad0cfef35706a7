"""Storage of newsgraph records: one SQLite file with full-text search."""
from newsgraph.store.sqlite import SCHEMA_VERSION, Store, StoreError, fts_query, parse_since

__all__ = ["SCHEMA_VERSION", "Store", "StoreError", "fts_query", "parse_since"]
