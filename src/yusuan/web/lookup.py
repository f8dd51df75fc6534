"""The reads every route shares, each through the store service and the visibility rule:
a disclosure the user may not see is "not found" (404), never "forbidden"."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..model import Project
from ..store import DisclosureInfo, NotFound, service
from ..store.views import StoredTable
from ..store.visibility import Visibility
from .envelope import not_found


def disclosure_row(session: Session, disclosure_id: int, visible: Visibility) -> DisclosureInfo:
    """The disclosure, or 404 when it does not exist or the user may not see it."""
    try:
        row = service.get_disclosure(session, disclosure_id)
    except NotFound:
        row = None
    if row is None or not visible.allows(session, row.status, row.department_id):
        raise not_found(f"未找到公开文件 {disclosure_id}", f"no disclosure {disclosure_id}")
    return row


def project_row(session: Session, disclosure_id: int, no: int) -> Project:
    try:
        return service.get_project(session, disclosure_id, no)
    except NotFound:
        raise not_found(
            f"公开文件 {disclosure_id} 中没有项目 {no}", f"no project {no} in {disclosure_id}"
        ) from None


def table_row(session: Session, disclosure_id: int, no: int) -> StoredTable:
    try:
        return service.get_table(session, disclosure_id, no)
    except NotFound:
        raise not_found(
            f"公开文件 {disclosure_id} 中没有第 {no} 张标准表",
            f"no standard table {no} in {disclosure_id}",
        ) from None
