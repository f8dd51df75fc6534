"""The web app: `create_app(settings)` wires settings, database, routers, static files and the
exception handlers (the error envelope under `/api/`, an error page elsewhere).

Run it for a quick look::

    YUSUAN_DATABASE_URL=sqlite:////tmp/yusuan.db YUSUAN_DEMO=1 \\
        .venv/bin/uvicorn --factory yusuan.web.app:create_app --port 8000
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import Session, sessionmaker

from .. import __version__
from ..store import db, service
from ..store.errors import NotFound
from . import api, cache, csrf, pages
from .envelope import DecimalJSONResponse, error_response, install_handlers, is_api
from .pages.common import error_page, templates
from .paths import PathFor
from .settings import Settings

log = logging.getLogger("yusuan.web")

STATIC = Path(__file__).resolve().parent / "static"
SEED_FILE = "seed-2021-shijiazhuang-gaoxin-keji.txt"

DESCRIPTION = """\
部门预算信息公开的 JSON 接口 / JSON API of department budget disclosures.

Every response is one envelope: `{"ok": true, "data": …, "meta": {"total", "limit",
"offset"}}` or `{"ok": false, "error": {"code", "message"}}`. Money is in 万元 as JSON numbers
exactly as printed (42.40 stays 42.40). Lists take `limit` (default 100) and `offset`.
Anonymous visitors see published disclosures only; a draft they may not see is 404.

Logging in (`POST /api/v1/session`) sets the same HttpOnly session cookie a browser gets; every
POST/PUT/PATCH/DELETE then carries the session's CSRF token in the `X-CSRF-Token` header
(`GET /api/v1/session` gives it, also the anonymous one the login itself needs). Roles:
preparer (its department's drafts), reviewer (all departments; publishes, reviews findings),
admin (also users and the audit log).
"""


#: What `--demo` (and a first start) loads: the seed budget, and the fictional 决算 whose
#: standard tables and 情况说明 show the table pages.
DEMO_FILES = (SEED_FILE, "final-demo.json")


def load_demo(sessions: sessionmaker[Session]) -> None:
    """Import the bundled samples as published (once: the same bytes again change nothing)."""
    from ..readers import read

    for name in DEMO_FILES:
        data = (files("yusuan") / "data" / name).read_bytes()
        with sessions() as session:
            service.import_disclosure(session, read(data, name=name), data=data, file_name=name)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    engine = db.make_engine(settings.database_url)
    db.upgrade(engine)
    sessions = db.make_sessionmaker(engine)
    log.info("yusuan web: database %s", db.describe(engine.url))
    if settings.demo:
        load_demo(sessions)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="yusuan 预算公开 API",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url="/api/v1/redoc",
        default_response_class=DecimalJSONResponse,
        lifespan=lifespan,
        # CSRF: every POST/PUT/PATCH/DELETE of every route carries the token (see csrf.py).
        dependencies=[Depends(csrf.protect)],
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = sessions

    install_handlers(app, error_page)

    async def store_not_found(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, NotFound)
        message = exc.one_line()
        if is_api(request):
            return error_response(404, "not_found", message)
        return error_page(request, 404, message)

    app.add_exception_handler(NotFound, store_not_found)

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # Links as paths (no scheme or host): right behind any proxy, and usable in macros.
    templates.env.globals["path_for"] = PathFor(app)
    # Last, so it is the outermost layer: the public's responses of published disclosures.
    cache.install(app, sessions, settings.cache_seconds)
    return app
