"""Audit findings of a disclosure, filtered by severity, rule and project."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from ...store import service
from ..deps import SessionDep, VisibleDep
from ..envelope import DecimalJSONResponse, Envelope, ErrorEnvelope, Meta, ok
from ..lookup import disclosure_row
from ..schemas import FindingOut, finding_out
from .params import DEFAULT_LIMIT, Limit, Offset

router = APIRouter(prefix="/disclosures/{disclosure_id}/findings", tags=["findings"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorEnvelope}}


@router.get(
    "",
    response_model=Envelope[list[FindingOut]],
    responses=NOT_FOUND,
    summary="审核发现 audit findings",
)
def list_findings(
    disclosure_id: int,
    session: SessionDep,
    visible: VisibleDep,
    severity: Annotated[Literal["error", "warning", "info"] | None, Query()] = None,
    rule: Annotated[str | None, Query(max_length=100)] = None,
    project_no: Annotated[int | None, Query(alias="project", ge=0)] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> DecimalJSONResponse:
    disclosure_row(session, disclosure_id, visible)
    rows = service.list_findings(
        session, disclosure_id, severity=severity, rule=rule, project_no=project_no
    )
    page = rows[offset : offset + limit]
    return ok(
        [finding_out(r) for r in page], meta=Meta(total=len(rows), limit=limit, offset=offset)
    )
