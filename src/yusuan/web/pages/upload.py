"""Upload: a form; the file is read and audited and stored, or its error is shown clearly."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ..auth import require_user
from ..deps import SessionDep, SettingsDep, UserDep
from ..envelope import APIError
from ..upload import ingest
from .common import render

router = APIRouter()


@router.get("/upload", name="upload_form", response_class=HTMLResponse)
def upload_form(request: Request, user: UserDep) -> HTMLResponse:
    require_user(request, user)
    return render(request, "upload.html", {})


@router.post("/upload", name="upload_submit", response_class=HTMLResponse)
async def upload_submit(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    user: UserDep,
    file: Annotated[UploadFile | None, File()] = None,
    status: Annotated[str | None, Form()] = None,
) -> Response:
    require_user(request, user)
    if file is None or not file.filename:
        return render(
            request,
            "upload.html",
            {"error": "请选择要上传的文件 / choose a file to upload"},
            status_code=400,
        )
    data = await file.read(settings.max_upload_bytes + 1)
    try:
        # Reading and checking is CPU work: off the event loop, or it stalls every request.
        result = await run_in_threadpool(
            ingest, session, settings, user, file_name=file.filename, data=data, status=status
        )
    except APIError as exc:
        return render(
            request,
            "upload.html",
            {"error": exc.message, "details": exc.details, "file_name": file.filename},
            status_code=exc.status_code,
        )
    target = request.app.url_path_for("disclosure_page", disclosure_id=result.disclosure_id)
    flag = "new" if result.created else "same"
    return RedirectResponse(f"{target}?uploaded={flag}", status_code=303)
