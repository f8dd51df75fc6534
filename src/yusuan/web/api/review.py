"""Changes: the publication status of a disclosure, a reviewer's verdict on a finding, and
the audit log (admins). Each needs the session cookie and the `X-CSRF-Token` header."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from ...store import accounts
from ..actions import change_status, review_finding
from ..auth import require_role
from ..deps import SessionDep, UserDep, VisibleDep
from ..envelope import DecimalJSONResponse, Envelope, ErrorEnvelope, Meta, ok
from .params import DEFAULT_LIMIT, Limit, Offset

router = APIRouter()

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorEnvelope} for code in (401, 403, 404, 409, 422)
}


class StatusIn(BaseModel):
    status: Literal["submitted", "published", "draft"]


class StatusOut(BaseModel):
    id: int
    old: str
    status: str


class ReviewIn(BaseModel):
    status: Literal["open", "accepted", "disputed"]
    comment: str | None = Field(default=None, max_length=5000)


class ReviewOut(BaseModel):
    finding_id: int
    disclosure_id: int
    status: str
    comment: str | None
    reviewed_by: str | None
    reviewed_at: datetime | None


class AuditOut(BaseModel):
    id: int
    at: datetime
    user: str | None
    action: str
    object_type: str
    object_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@router.post(
    "/disclosures/{disclosure_id}/status",
    response_model=Envelope[StatusOut],
    responses=ERRORS,
    tags=["review"],
    summary="提交、公开或退回 submit, publish or send back",
)
def set_status(
    request: Request,
    disclosure_id: int,
    body: StatusIn,
    session: SessionDep,
    user: UserDep,
    visible: VisibleDep,
) -> DecimalJSONResponse:
    old, new = change_status(request, session, user, visible, disclosure_id, body.status)
    return ok(StatusOut(id=disclosure_id, old=old, status=new))


@router.post(
    "/disclosures/{disclosure_id}/findings/{finding_id}/review",
    response_model=Envelope[ReviewOut],
    responses=ERRORS,
    tags=["review"],
    summary="审核发现：认可或有异议 accept or dispute a finding",
)
def review(
    request: Request,
    disclosure_id: int,
    finding_id: int,
    body: ReviewIn,
    session: SessionDep,
    user: UserDep,
    visible: VisibleDep,
) -> DecimalJSONResponse:
    r = review_finding(
        request, session, user, visible, disclosure_id, finding_id, body.status, body.comment
    )
    return ok(
        ReviewOut(
            finding_id=r.finding_id,
            disclosure_id=r.disclosure_id,
            status=r.status,
            comment=r.comment,
            reviewed_by=r.reviewed_by,
            reviewed_at=r.reviewed_at,
        )
    )


@router.get(
    "/audit",
    response_model=Envelope[list[AuditOut]],
    responses=ERRORS,
    tags=["review"],
    summary="审计日志（管理员） the audit log (admins)",
)
def audit_log(
    request: Request,
    session: SessionDep,
    user: UserDep,
    object_type: Annotated[str | None, Query(max_length=40)] = None,
    object_id: Annotated[str | None, Query(max_length=200)] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> DecimalJSONResponse:
    require_role(request, user, "admin")
    rows, total = accounts.list_audit(
        session, object_type=object_type, object_id=object_id, limit=limit, offset=offset
    )
    data = [
        AuditOut(
            id=r.id,
            at=r.at,
            user=r.user_name,
            action=r.action,
            object_type=r.object_type,
            object_id=r.object_id,
            before=r.before,
            after=r.after,
        )
        for r in rows
    ]
    return ok(data, meta=Meta(total=total, limit=limit, offset=offset))
