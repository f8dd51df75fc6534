"""The JSON API under `/api/v1`: one router per resource, every response in the envelope."""

from __future__ import annotations

from fastapi import APIRouter

from . import (
    disclosures,
    findings,
    health,
    narrative,
    projects,
    review,
    search,
    session,
    tables,
)

router = APIRouter(prefix="/api/v1")
for module in (health, session, disclosures, projects, tables, narrative, findings, review, search):
    router.include_router(module.router)

__all__ = ["router"]
