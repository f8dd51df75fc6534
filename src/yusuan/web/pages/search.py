"""Search across project names, purposes and indicators."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ...store import service
from ..deps import SessionDep, VisibleDep
from ..schemas import search_hit
from .common import render

router = APIRouter()

PAGE = 50


@router.get("/search", name="search_page", response_class=HTMLResponse)
def search(
    request: Request,
    session: SessionDep,
    visible: VisibleDep,
    q: Annotated[str | None, Query(max_length=200)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    q = (q or "").strip()
    hits: list[Any] = []
    total = 0
    if q:
        rows, total = service.search(session, q, status=visible, limit=PAGE, offset=offset)
        hits = [search_hit(r) for r in rows]
    context: dict[str, Any] = {
        "q": q,
        "hits": hits,
        "total": total,
        "offset": offset,
        "page": PAGE,
    }
    return render(request, "search.html", context)
