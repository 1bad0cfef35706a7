"""One read-only store connection per worker thread, shared caches for the whole app."""
from __future__ import annotations

import threading

from fastapi import Request

from .data import Cache, ReadOnlyStore


class Stores:
    """Read-only connections to one database: one per thread (SQLite connections are not shared
    between threads), all sharing one :class:`Cache`."""

    def __init__(self, path: str) -> None:
        self.path = str(path)
        self.cache = Cache(self.path)
        self._local = threading.local()
        self._all: list[ReadOnlyStore] = []
        self._lock = threading.Lock()

    def get(self) -> ReadOnlyStore:
        store = getattr(self._local, "store", None)
        if store is None:
            store = ReadOnlyStore(self.path, self.cache)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for s in self._all:
                try:
                    s.close()
                except Exception:  # noqa: BLE001 - closing at shutdown, from another thread
                    pass
            self._all.clear()


def store_dep(request: Request) -> ReadOnlyStore:
    return request.app.state.stores.get()
