"""Projects of a disclosure: the list (sortable, filterable) and one project."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from sqlalchemy.orm import Session

from ...store import service
from ..deps import SessionDep, VisibleDep
from ..envelope import DecimalJSONResponse, Envelope, ErrorEnvelope, Meta, ok
from ..lookup import disclosure_row, project_row
from ..schemas import ProjectDetailOut, ProjectOut, finding_out, indicator_out, project_out
from .params import DEFAULT_LIMIT, Limit, Offset

router = APIRouter(prefix="/disclosures/{disclosure_id}/projects", tags=["projects"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorEnvelope}}
Sort = Literal[
    "no", "-no", "amount", "-amount", "name", "-name", "code", "-code", "findings", "-findings"
]


@router.get(
    "",
    response_model=Envelope[list[ProjectOut]],
    responses=NOT_FOUND,
    summary="项目列表 projects",
)
def list_projects(
    disclosure_id: int,
    session: SessionDep,
    visible: VisibleDep,
    sort: Annotated[Sort, Query(description="排序：no、amount、name、code，前加 - 为降序")] = "no",
    q: Annotated[str | None, Query(max_length=200, description="按名称、编码筛选")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> DecimalJSONResponse:
    disclosure_row(session, disclosure_id, visible)
    rows, total = service.list_projects(
        session, disclosure_id, sort=sort, q=q, limit=limit, offset=offset
    )
    return ok([project_out(r) for r in rows], meta=Meta(total=total, limit=limit, offset=offset))


def project_detail(session: Session, disclosure_id: int, no: int) -> ProjectDetailOut:
    row = project_row(session, disclosure_id, no)
    findings = service.list_findings(session, disclosure_id, project_no=no)
    base = project_out(row).model_dump(exclude={"finding_count"})
    return ProjectDetailOut(
        **base,
        finding_count=len(findings),
        purpose=row.purpose,
        goals=list(row.goals),
        indicators=[indicator_out(ind, i) for i, ind in enumerate(row.indicators, start=1)],
        findings=[finding_out(f) for f in findings],
    )


@router.get(
    "/{no}",
    response_model=Envelope[ProjectDetailOut],
    responses=NOT_FOUND,
    summary="一个项目及其绩效指标 a project with its indicators",
)
def get_project(
    disclosure_id: int, no: int, session: SessionDep, visible: VisibleDep
) -> DecimalJSONResponse:
    disclosure_row(session, disclosure_id, visible)
    return ok(project_detail(session, disclosure_id, no))
