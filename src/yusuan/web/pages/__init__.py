"""Server-rendered pages in Chinese: one router per page group."""

from __future__ import annotations

from fastapi import APIRouter

from . import (
    account,
    admin,
    disclosures,
    findings,
    home,
    projects,
    review,
    search,
    tables,
    upload,
)

router = APIRouter(include_in_schema=False)
for module in (
    home,
    disclosures,
    projects,
    tables,
    findings,
    search,
    upload,
    account,
    review,
    admin,
):
    router.include_router(module.router)

__all__ = ["router"]
