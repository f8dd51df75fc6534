"""The changes the API and the pages share, each checked for role, department and
visibility before the audited store function runs.

Publication: a preparer submits its own department's drafts (draft -> submitted); a reviewer
(or admin) submits, publishes (submitted -> published) or sends back (submitted -> draft).
Findings: a reviewer (or admin) marks one accepted, disputed (with a comment) or open again.
"""

from __future__ import annotations

from fastapi import Request
from sqlalchemy.orm import Session

from ..store import InvalidTransition, NotFound, accounts
from ..store.accounts import Account, AccountError, Review
from ..store.visibility import Visibility, department_code
from .auth import REVIEWERS, forbidden, require_user
from .envelope import APIError, not_found
from .lookup import disclosure_row

#: Who may move a disclosure into a status (besides the workflow's own rules).
STATUS_ROLES: dict[str, tuple[str, ...]] = {
    "submitted": ("preparer", "reviewer", "admin"),
    "published": REVIEWERS,
    "draft": REVIEWERS,
}


def may_change_status(user: Account | None, new: str) -> bool:
    return user is not None and user.role in STATUS_ROLES.get(new, ())


def change_status(
    request: Request,
    session: Session,
    user: Account | None,
    visible: Visibility,
    disclosure_id: int,
    status: str,
) -> tuple[str, str]:
    """Returns (old, new) status; 401 / 404 / 403 / 409 as the rules say."""
    account = require_user(request, user)
    row = disclosure_row(session, disclosure_id, visible)
    if status not in STATUS_ROLES:
        raise APIError(422, "validation_error", f"状态无效：{status} / bad status {status}")
    if account.role not in STATUS_ROLES[status]:
        raise forbidden()
    if account.role == "preparer" and department_code(session, row.department_id) != (
        account.department
    ):
        raise forbidden("只能提交本部门的草稿", "you submit your own department's drafts only")
    try:
        old = accounts.change_status(session, disclosure_id, status, actor=account.name)
    except InvalidTransition as exc:
        raise APIError(409, "invalid_transition", exc.one_line()) from exc
    return old, status


def review_finding(
    request: Request,
    session: Session,
    user: Account | None,
    visible: Visibility,
    disclosure_id: int,
    finding_id: int,
    status: str,
    comment: str | None,
) -> Review:
    account = require_user(request, user)
    disclosure_row(session, disclosure_id, visible)
    try:
        owner = accounts.finding_disclosure(session, finding_id)
    except NotFound:
        owner = None
    if owner != disclosure_id:
        raise not_found(f"公开文件 {disclosure_id} 中没有审核发现 {finding_id}", "no such finding")
    if account.role not in REVIEWERS:
        raise forbidden("只有审核人员可以审核发现", "only reviewers review findings")
    try:
        return accounts.review_finding(session, finding_id, status, comment, actor=account.name)
    except AccountError as exc:
        raise APIError(422, "validation_error", exc.one_line()) from exc
