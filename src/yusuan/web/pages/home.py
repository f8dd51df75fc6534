"""The start page: departments × years."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ...store import service
from ..deps import SessionDep, VisibleDep
from ..schemas import DepartmentOut, DisclosureOut, disclosure_out
from .common import render

router = APIRouter()


@router.get("/", name="home", response_class=HTMLResponse)
def home(request: Request, session: SessionDep, visible: VisibleDep) -> HTMLResponse:
    grid = service.departments_years(session, status=visible)
    years = sorted(grid.years, key=lambda y: -(y or 0))
    rows: list[tuple[DepartmentOut, list[list[DisclosureOut]]]] = []
    total = 0
    for dep in grid.departments:
        cells = [[disclosure_out(d) for d in grid.cells.get((dep.id or 0, y), [])] for y in years]
        total += sum(len(c) for c in cells)
        rows.append((DepartmentOut.model_validate(dep), cells))
    return render(request, "home.html", {"rows": rows, "years": years, "total": total})
