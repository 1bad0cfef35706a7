"""``newsgraph serve``: the web app over a store, read-only, on 127.0.0.1 unless told otherwise.

The CLI adds the command with :func:`register`::

    from newsgraph.web.command import register
    register(app)   # app: the typer.Typer of newsgraph.cli
"""
from __future__ import annotations

import ipaddress
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

DEFAULT_DB = "newsgraph.db"


def _db_path(ctx: typer.Context, db: Optional[str]) -> str:
    """``--db`` of the command, else the CLI's global ``--db`` (its ``ctx.obj.db``), else the default:
    a SQLite file or a ``postgresql://`` URL (kept as it is: a path would fold its ``//``)."""
    if db is not None:
        return str(db)
    obj = ctx.obj if ctx is not None else None
    if obj is not None and getattr(obj, "db", None) is not None:
        return str(obj.db)
    return os.environ.get("NEWSGRAPH_DB") or DEFAULT_DB


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    ctx: typer.Context,
    db: Annotated[Optional[str], typer.Option(
        "--db", metavar="PATH|URL", help="Store to serve: a SQLite file or a postgresql:// URL (default: the "
        "CLI's --db, $NEWSGRAPH_DB, newsgraph.db).", show_default=False)] = None,
    host: Annotated[str, typer.Option(help="Address to bind: 127.0.0.1 keeps it on this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port (0: any free port).")] = 8000,
    open_browser: Annotated[bool, typer.Option("--open/--no-open", help="Open the app in a browser.")] = False,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes.")] = 1,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Serve the web app and JSON API over a store (read-only): search, articles with their quotes
    highlighted, people, figures, claims, events, and an analyze page for pasted text."""
    import uvicorn

    from newsgraph.store import StoreError, describe, is_postgres_url

    from .app import ENV_DB, create_app

    path = _db_path(ctx, db)
    try:
        app = create_app(path)
    except (StoreError, OSError) as exc:
        print(f"error: {' '.join(str(exc).split())}", file=sys.stderr, flush=True)
        raise typer.Exit(1) from None
    if not _is_loopback(host):
        print(f"warning: serving on {host}: other machines can reach the app", file=sys.stderr, flush=True)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown if host not in ('0.0.0.0', '::') else '127.0.0.1'}:{port}/"
    print(f"newsgraph: serving {describe(path)} read-only at {url} (Ctrl+C to stop)", flush=True)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, (url,)).start()
    if workers > 1:
        os.environ[ENV_DB] = path if is_postgres_url(path) else str(Path(path).resolve())
        uvicorn.run("newsgraph.web.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level=log_level, access_log=False)
    else:
        uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to a typer app (the ``newsgraph`` CLI)."""
    app.command(name="serve")(serve)
