"""What the CLI and the web call: import, export, publication status, and the queries.

Functions that write commit the session on success and roll it back on any failure, so an
import is one transaction: the disclosure, every row it holds and its findings, or nothing.

Publication workflow (`set_status`): draft -> submitted -> published; a reviewer who rejects
a submission sends it back to draft (submitted -> draft). Published is final: a correction is
imported as a new version beside it, and readers see the newest published one.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from .. import model as m
from ..audit import Config, check
from . import load, mapping
from . import tables as t
from .errors import InvalidTransition, NotFound, StoreError
from .printed import Place, get_table, list_narrative, list_tables, places_of, table_names
from .queries import (
    departments_years,
    disclosure_info,
    get_disclosure,
    get_project,
    list_disclosures,
    list_findings,
    list_projects,
    project_amount_total,
    search,
    source_place,
)
from .views import ImportResult

__all__ = [
    "TRANSITIONS",
    "Place",
    "content_hash",
    "departments_years",
    "disclosure_info",
    "export",
    "get_disclosure",
    "get_project",
    "get_table",
    "import_disclosure",
    "list_disclosures",
    "list_findings",
    "list_narrative",
    "list_projects",
    "list_tables",
    "places_of",
    "project_amount_total",
    "search",
    "set_status",
    "source_place",
    "table_names",
]

#: Allowed status changes: status -> the statuses it may become.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("submitted",),
    "submitted": ("published", "draft"),
    "published": (),
}

# Two imports racing on the same department and year both take version n+1; the loser's
# unique-constraint error is retried with a fresh look at the database.
_ATTEMPTS = 3


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def import_disclosure(
    session: Session,
    disclosure: m.Disclosure,
    *,
    data: bytes,
    file_name: str | None = None,
    status: Literal["published", "draft"] = "published",
    department_code: str | None = None,
    imported_by: str | None = None,
    config: Config | None = None,
) -> ImportResult:
    """Store `disclosure` (read from `data`) with its findings, in one transaction.

    The same bytes again change nothing and give the stored id (`created` False). Another
    file for the same department, year and kind becomes version n+1 beside the others.
    `department_code` files it under that department; a file printing another code is refused.
    """
    if status not in ("published", "draft"):
        raise StoreError(f"导入状态只能是 published 或 draft：{status}", f"bad status {status}")
    printed = disclosure.department.code
    if department_code is not None and printed is not None and printed != department_code:
        raise StoreError(
            f"文件中的部门代码 {printed} 与指定的部门 {department_code} 不符",
            f"the file's department code {printed} is not {department_code}",
        )
    digest = content_hash(data)
    report = None
    for attempt in range(_ATTEMPTS):
        existing = _by_hash(session, digest)
        if existing is not None:
            return ImportResult(existing.id, False, existing.version)
        # The audit reads the model only: once, before any row is written, even on a retry.
        if report is None:
            report = check(disclosure, config)
        try:
            row = _new_disclosure(
                session, disclosure, digest, file_name, status, department_code, imported_by
            )
            mapping.insert_disclosure(session, row.id, disclosure)
            mapping.insert_findings(session, row.id, report)
            session.commit()
            return ImportResult(row.id, True, row.version)
        except IntegrityError:
            session.rollback()
            if attempt == _ATTEMPTS - 1:
                raise
        except DBAPIError as exc:
            # E.g. PostgreSQL refusing a NUL character in text: one clear error, nothing kept.
            session.rollback()
            raise StoreError(
                f"数据库拒绝了这次导入：{exc.orig}", f"the database refused the import: {exc.orig}"
            ) from exc
        except BaseException:
            # KeyboardInterrupt included: an interrupted import leaves nothing behind.
            session.rollback()
            raise
    raise AssertionError("unreachable")  # pragma: no cover


def _by_hash(session: Session, digest: str) -> t.Disclosure | None:
    return session.scalars(select(t.Disclosure).where(t.Disclosure.content_hash == digest)).first()


def _new_disclosure(
    session: Session,
    d: m.Disclosure,
    digest: str,
    file_name: str | None,
    status: str,
    department_code: str | None,
    imported_by: str | None,
) -> t.Disclosure:
    department = _department(session, d.department, department_code)
    same = (
        t.Disclosure.department_id == department.id,
        t.Disclosure.kind == d.kind,
        t.Disclosure.year.is_(None) if d.year is None else t.Disclosure.year == d.year,
    )
    latest = session.scalar(select(func.max(t.Disclosure.version)).where(*same))
    now = datetime.now(UTC)
    row = t.Disclosure(
        department_id=department.id,
        version=(latest or 0) + 1,
        status=status,
        content_hash=digest,
        file_name=file_name,
        imported_at=now,
        imported_by=imported_by,
        status_changed_at=now,
        **mapping.disclosure_columns(d),
    )
    session.add(row)
    session.flush()
    return row


def _department(session: Session, printed: m.Department, code: str | None) -> t.Department:
    """The department row: by code, else by full name (then short name)."""
    code = code or printed.code
    if code:
        key = f"code:{code}"
    elif printed.name:
        key = f"name:{printed.name}"
    elif printed.short_name:
        key = f"short:{printed.short_name}"
    else:
        key = "unknown"
    row = session.scalars(select(t.Department).where(t.Department.key == key)).first()
    if row is None and code and printed.name:
        # A department first stored from a file that printed no code gets its code now.
        row = session.scalars(
            select(t.Department).where(t.Department.key == f"name:{printed.name}")
        ).first()
        if row is not None:
            row.key, row.code = key, code
    if row is None:
        row = t.Department(key=key, code=code, name=printed.name, short_name=printed.short_name)
        session.add(row)
    else:
        row.name = row.name or printed.name
        row.short_name = row.short_name or printed.short_name
    session.flush()
    return row


def _disclosure_row(session: Session, disclosure_id: int, *, lock: bool = False) -> t.Disclosure:
    # `lock`: two reviewers changing one status at once are serialised (PostgreSQL).
    row = session.get(t.Disclosure, disclosure_id, with_for_update=lock)
    if row is None:
        raise NotFound(f"公开文件 {disclosure_id}", f"disclosure {disclosure_id}")
    return row


def export(session: Session, disclosure_id: int) -> m.Disclosure:
    """The stored disclosure as the model: `yusuan.dumps` gives the imported JSON exactly."""
    return load.load_disclosure(session, _disclosure_row(session, disclosure_id))


def set_status(session: Session, disclosure_id: int, status: str) -> str:
    """Move a disclosure along the workflow (see `TRANSITIONS`); returns the old status."""
    row = _disclosure_row(session, disclosure_id, lock=True)
    old = row.status
    if status not in TRANSITIONS.get(old, ()):
        session.rollback()  # release the row lock
        raise InvalidTransition(old, status)
    try:
        row.status = status
        row.status_changed_at = datetime.now(UTC)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return old
