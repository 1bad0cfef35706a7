"""The newsgraph web app: HTML pages and their JSON twins over one store, read-only.

    from newsgraph.web import create_app
    app = create_app("newsgraph.db")        # an ASGI app: uvicorn, TestClient, ...

Nothing is loaded from the internet: templates, CSS, JS and the world outline are files of this
package, and FastAPI's own docs pages (which would fetch scripts from a CDN) are turned off; the
schema is at ``/openapi.json`` and described for people at ``/api``.
"""
from __future__ import annotations

import os
import threading
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import api, pages
from .data import ReadOnlyStore
from .deps import Stores

HERE = Path(__file__).resolve().parent
ENV_DB = "NEWSGRAPH_WEB_DB"

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413, whether or not they declare their length.

    The body is read here (up to the limit) before the app sees the request, then handed on."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_bytes
                except ValueError:
                    too_big = True
                if too_big:
                    await _too_large(scope, receive, send, self.max_bytes)
                    return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                await _too_large(scope, receive, send, self.max_bytes)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        whole = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": whole, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    response = JSONResponse({"detail": f"request body over {limit:,} bytes"}, status_code=413)
    await response(scope, receive, send)


class SecurityHeaders:
    """No inline script or style may run, no framing, no MIME sniffing, no referrer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def add(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                for k, v in ((b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                             (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")):
                    if k not in names:
                        headers.append((k, v))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, add)


def _warm(stores: Stores) -> None:
    """Compute the whole-store values (people, organisations, claims, facets...) before the first
    request needs them."""
    store = ReadOnlyStore(stores.path, stores.cache)
    try:
        store.stats()
        store.article_index()
        store.search_articles(None, facets=True, limit=1)
        store.all_figure_groups()
        store.all_claims()
    except Exception:  # noqa: BLE001 - a request will compute (and report) it again
        pass
    finally:
        store.close()


def create_app(db: str | os.PathLike[str], warm: bool = True) -> FastAPI:
    """The web app over the store at ``db`` (opened read-only; checked now, so a bad path fails here).
    With ``warm``, the whole-store values that pages share are computed in the background at start."""
    path = str(db)
    ReadOnlyStore(path).close()  # fails early: no such file, not a newsgraph store, wrong schema
    stores = Stores(path)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if warm:
            threading.Thread(target=_warm, args=(stores,), name="newsgraph-warm", daemon=True).start()
        yield
        stores.close()

    app = FastAPI(
        title="newsgraph",
        version="1",
        summary="Who said what, to whom, according to whom: articles, quotes, people, figures, claims "
                "and events extracted from news pages.",
        docs_url=None, redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.db = path
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        return pages.error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        if _wants_json(request):
            from fastapi.encoders import jsonable_encoder

            return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
        problems = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', ())[1:])}: {e.get('msg')}"
                             for e in exc.errors())
        return pages.error_page(request, 422, problems or "invalid request")

    app.add_middleware(BodyLimit, max_bytes=api.MAX_ANALYZE_BYTES)
    app.add_middleware(SecurityHeaders)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def app_from_env() -> FastAPI:
    """The app over the store named by ``$NEWSGRAPH_WEB_DB`` (for ``uvicorn --factory`` and workers)."""
    return create_app(os.environ.get(ENV_DB) or os.environ.get("NEWSGRAPH_DB") or "newsgraph.db")
