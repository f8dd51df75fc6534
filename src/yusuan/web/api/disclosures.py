"""Disclosures: the list, one disclosure as canonical JSON, and upload."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, UploadFile
from starlette.concurrency import run_in_threadpool

from ...export import to_dict
from ...store import service
from ..deps import SessionDep, SettingsDep, UserDep, VisibleDep
from ..envelope import DecimalJSONResponse, Envelope, ErrorEnvelope, Meta, ok
from ..lookup import disclosure_row
from ..schemas import DisclosureOut, UploadOut, disclosure_out
from ..upload import ingest
from .params import DEFAULT_LIMIT, Limit, Offset

router = APIRouter(prefix="/disclosures", tags=["disclosures"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorEnvelope}}


@router.get(
    "",
    response_model=Envelope[list[DisclosureOut]],
    summary="公开文件列表 list disclosures",
)
def list_disclosures(
    session: SessionDep,
    visible: VisibleDep,
    department: Annotated[str | None, Query(description="部门编码或名称")] = None,
    year: Annotated[int | None, Query(ge=1900, le=2200)] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> DecimalJSONResponse:
    rows, total = service.list_disclosures(
        session,
        status=visible,
        department=department,
        year=year,
        limit=limit,
        offset=offset,
    )
    return ok([disclosure_out(r) for r in rows], meta=Meta(total=total, limit=limit, offset=offset))


@router.get(
    "/{disclosure_id}",
    response_model=Envelope[dict[str, Any]],
    responses=NOT_FOUND,
    summary="一份公开文件的规范 JSON the canonical JSON (yusuan/disclosure@1)",
)
def get_disclosure(
    disclosure_id: int, session: SessionDep, visible: VisibleDep
) -> DecimalJSONResponse:
    disclosure_row(session, disclosure_id, visible)
    return ok(to_dict(service.export(session, disclosure_id)))


@router.post(
    "",
    status_code=201,
    response_model=Envelope[UploadOut],
    responses={code: {"model": ErrorEnvelope} for code in (401, 403, 413, 422)},
    summary="上传公开文件 upload a disclosure (multipart; logged in, X-CSRF-Token)",
)
async def upload(
    session: SessionDep,
    settings: SettingsDep,
    user: UserDep,
    file: Annotated[
        UploadFile,
        File(
            description="公开文件（文本、文字版 PDF 或规范 JSON） / the disclosure: text, "
            "a text-based PDF or canonical JSON"
        ),
    ],
    status: Annotated[
        str | None,
        Form(
            pattern="^(draft|published)$",
            description="默认：编制人员 draft，审核人员 published / default: draft for a "
            "preparer, published for a reviewer",
        ),
    ] = None,
) -> DecimalJSONResponse:
    data = await file.read(settings.max_upload_bytes + 1)
    # Reading and checking a file is CPU work: off the event loop, or it stalls every request.
    result = await run_in_threadpool(
        ingest,
        session,
        settings,
        user,
        file_name=file.filename or "upload.txt",
        data=data,
        status=status,
    )
    out = UploadOut(
        id=result.disclosure_id,
        created=result.created,
        version=result.version,
        status=result.status,
        findings=result.findings,
    )
    return ok(out, status_code=201 if result.created else 200)
