"""`GET /api/v1/health`: the app answers and its database too."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from ... import __version__
from ..deps import SessionDep
from ..envelope import DecimalJSONResponse, Envelope, ok
from ..schemas import HealthOut

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Envelope[HealthOut], summary="健康检查 health check")
def health(session: SessionDep) -> DecimalJSONResponse:
    session.execute(text("SELECT 1"))
    return ok(HealthOut(version=__version__, database=session.get_bind().dialect.name))
