"""Search across project names, purposes and indicators of the disclosures the user may see."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ...store import service
from ..deps import SessionDep, VisibleDep
from ..envelope import DecimalJSONResponse, Envelope, Meta, ok
from ..schemas import SearchHit, search_hit
from .params import DEFAULT_LIMIT, Limit, Offset

router = APIRouter(tags=["search"])


@router.get("/search", response_model=Envelope[list[SearchHit]], summary="搜索 search")
def search(
    session: SessionDep,
    visible: VisibleDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="搜索词")],
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> DecimalJSONResponse:
    rows, total = service.search(session, q, status=visible, limit=limit, offset=offset)
    return ok([search_hit(r) for r in rows], meta=Meta(total=total, limit=limit, offset=offset))
