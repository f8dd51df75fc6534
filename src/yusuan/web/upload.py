"""An upload, for the API and the upload page alike: read the file, audit it, store it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..errors import YusuanError
from ..readers import read
from ..store import StoreError, accounts, service
from ..store.accounts import Account
from .auth import forbidden
from .envelope import APIError, bad_file
from .settings import Settings


@dataclass
class Uploaded:
    disclosure_id: int
    created: bool
    version: int | None
    status: str
    findings: dict[str, int]
    """Counts of the stored audit findings by severity."""


def ingest(
    session: Session,
    settings: Settings,
    user: Account | None,
    *,
    file_name: str,
    data: bytes,
    status: str | None = None,
) -> Uploaded:
    """Read `data` (raises the `bad_file` APIError with the reader's bilingual one-line message
    when it is not a disclosure) and import it: the store audits it and keeps the findings,
    all in one transaction, with a `disclosure.upload` row in the audit log.

    Who may: a preparer uploads drafts of its own department only (a file printing another
    department's code is refused, 403); reviewers and admins upload drafts or published
    disclosures. `status` None: draft for a preparer, published for the others.
    """
    if user is None:
        raise APIError(401, "unauthorized", "上传需要登录 / log in to upload")
    if status is None:
        status = "draft" if user.role == "preparer" else "published"
    if status not in ("draft", "published"):  # the store's own check, said for the web
        raise APIError(
            422,
            "validation_error",
            "status 只能是 draft 或 published / status must be draft or published",
        )
    if user.role == "preparer" and status != "draft":
        raise forbidden("编制人员只能上传草稿", "a preparer uploads drafts only")
    if len(data) > settings.max_upload_bytes:
        raise APIError(
            413,
            "too_large",
            f"{file_name}: 文件过大（上限 {settings.max_upload_bytes} 字节） / "
            f"the file is too large (limit {settings.max_upload_bytes} bytes)",
        )
    try:
        disclosure = read(data, name=file_name)
    except YusuanError as exc:
        raise bad_file(exc) from exc
    own = user.department if user.role == "preparer" else None
    if own is not None and disclosure.department.code not in (None, own):
        raise forbidden(
            f"文件属于部门 {disclosure.department.code}，你只能上传部门 {own} 的文件",
            f"the file is department {disclosure.department.code}'s; you upload {own}'s only",
        )
    try:
        result = accounts.import_audited(
            session,
            disclosure,
            data=data,
            file_name=file_name,
            status="draft" if status == "draft" else "published",
            actor=user.name,
            department_code=own,
        )
    except StoreError as exc:
        raise APIError(422, "store_error", exc.one_line()) from exc
    row = service.get_disclosure(session, result.disclosure_id)
    if not user.visibility.allows(session, row.status, row.department_id):
        # The same bytes were stored before, under a department this user may not see.
        raise forbidden(
            "同一文件已由其他部门上传", "the same file was uploaded by another department"
        )
    findings = service.list_findings(session, result.disclosure_id)
    return Uploaded(
        disclosure_id=result.disclosure_id,
        created=result.created,
        version=result.version,
        status=row.status,
        findings=dict(Counter(f.finding.severity for f in findings)),
    )
