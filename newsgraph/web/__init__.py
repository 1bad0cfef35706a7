"""newsgraph's web app and HTTP API: ``newsgraph serve`` (see :mod:`newsgraph.web.command`).

:func:`create_app` gives the ASGI app over one store, opened read-only.
"""
from __future__ import annotations


def create_app(db, warm: bool = True):
    """The FastAPI app over the store at ``db`` (see :func:`newsgraph.web.app.create_app`)."""
    from .app import create_app as _create_app

    return _create_app(db, warm=warm)


__all__ = ["create_app"]
