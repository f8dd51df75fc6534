"""The audit findings of a disclosure, filtered by severity, rule and project."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ...store import service
from ..deps import SessionDep, VisibleDep
from ..lookup import disclosure_row
from ..schemas import disclosure_out, finding_out
from .common import place_links, render

router = APIRouter()


@router.get(
    "/disclosures/{disclosure_id}/findings", name="findings_page", response_class=HTMLResponse
)
def findings(
    request: Request,
    disclosure_id: int,
    session: SessionDep,
    visible: VisibleDep,
    severity: Annotated[Literal["error", "warning", "info", ""] | None, Query()] = None,
    rule: Annotated[str | None, Query(max_length=100)] = None,
    project: Annotated[str | None, Query(max_length=10)] = None,
) -> HTMLResponse:
    meta = disclosure_out(disclosure_row(session, disclosure_id, visible))
    project_no = int(project) if project and project.isdigit() else None
    # One query for all findings: the filter menus and counts need them, and a disclosure
    # has at most a few hundred.
    rows = service.list_findings(session, disclosure_id)
    names = service.table_names(session, disclosure_id)
    everything = [finding_out(r) for r in rows]
    shown = [
        f
        for f in everything
        if (not severity or f.severity == severity)
        and (not rule or f.rule == rule)
        and (project_no is None or any(loc.project_no == project_no for loc in f.locations))
    ]
    context: dict[str, Any] = {
        "d": meta,
        "findings": shown,
        "total": len(everything),
        "counts": Counter(f.severity for f in everything),
        "rules": sorted(Counter(f.rule for f in everything).items()),
        "projects": sorted(
            {loc.project_no for f in everything for loc in f.locations if loc.project_no}
        ),
        "severity": severity or "",
        "rule": rule or "",
        "project": project_no,
        # TABLE-* and NARR-* findings: their rows and paragraphs.
        "links": {f.id: place_links(f, disclosure_id, names) for f in shown},
    }
    return render(request, "findings.html", context)
