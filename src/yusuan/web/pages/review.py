"""Review: drafts and submissions (all departments for a reviewer, its own for a preparer),
the status buttons (submit, publish, send back) and a reviewer's verdict on a finding."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ...store import service
from ...store.visibility import Visibility
from ..actions import change_status, review_finding
from ..auth import require_role
from ..deps import SessionDep, UserDep, VisibleDep
from ..schemas import disclosure_out
from .common import render

router = APIRouter()


@router.get("/review", name="review_page", response_class=HTMLResponse)
def review(request: Request, session: SessionDep, user: UserDep) -> HTMLResponse:
    account = require_role(request, user, "preparer", "reviewer", "admin")
    # Drafts and submissions only: of every department, or of the preparer's own.
    scope = Visibility(frozenset({"draft", "submitted"}))
    if account.role == "preparer":
        scope = Visibility(frozenset(), account.department)
    rows, _ = service.list_disclosures(session, status=scope, limit=1000, offset=0)
    items = [disclosure_out(r) for r in rows if r.status != "published"]
    context: dict[str, Any] = {
        "submitted": [d for d in items if d.status == "submitted"],
        "drafts": [d for d in items if d.status == "draft"],
    }
    return render(request, "review.html", context)


def _back(request: Request, disclosure_id: int, fallback: str) -> str:
    """Back to the page the form was on (same site only)."""
    referer = request.headers.get("referer", "")
    base = str(request.base_url)
    if referer.startswith(base):
        return "/" + referer[len(base) :]
    return fallback


@router.post("/disclosures/{disclosure_id}/status", name="status_submit")
def set_status(
    request: Request,
    disclosure_id: int,
    session: SessionDep,
    user: UserDep,
    visible: VisibleDep,
    status: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    change_status(request, session, user, visible, disclosure_id, status)
    target = request.app.url_path_for("disclosure_page", disclosure_id=disclosure_id)
    return RedirectResponse(_back(request, disclosure_id, target), status_code=303)


@router.post(
    "/disclosures/{disclosure_id}/findings/{finding_id}/review", name="finding_review_submit"
)
def review_submit(
    request: Request,
    disclosure_id: int,
    finding_id: int,
    session: SessionDep,
    user: UserDep,
    visible: VisibleDep,
    status: Annotated[str, Form(max_length=20)] = "",
    comment: Annotated[str, Form(max_length=5000)] = "",
) -> Response:
    review_finding(request, session, user, visible, disclosure_id, finding_id, status, comment)
    target = request.app.url_path_for("findings_page", disclosure_id=disclosure_id)
    return RedirectResponse(f"{target}#finding-{finding_id}", status_code=303)
