"""Projects: the list (sortable, filterable, with totals) and one project."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ...store import service
from ..api.projects import Sort, project_detail
from ..charts import plan_curve
from ..deps import SessionDep, VisibleDep
from ..lookup import disclosure_row
from ..schemas import IndicatorOut, ProjectOut, disclosure_out, project_out
from .common import render

router = APIRouter()

COLUMNS = [("no", "序号"), ("name", "项目名称"), ("amount", "预算数")]


def _total(projects: list[ProjectOut], field: str) -> Decimal | None:
    values = [getattr(p, field) for p in projects if getattr(p, field) is not None]
    return sum(values, Decimal(0)) if values else None


@router.get(
    "/disclosures/{disclosure_id}/projects", name="projects_page", response_class=HTMLResponse
)
def projects(
    request: Request,
    disclosure_id: int,
    session: SessionDep,
    visible: VisibleDep,
    sort: Sort = "no",
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    meta = disclosure_out(disclosure_row(session, disclosure_id, visible))
    q = (q or "").strip() or None
    rows, total = service.list_projects(
        session, disclosure_id, sort=sort, q=q, limit=10000, offset=0
    )
    items = [project_out(r) for r in rows]
    context: dict[str, Any] = {
        "d": meta,
        "projects": items,
        "count": total,
        "sort": sort,
        "q": q or "",
        "columns": COLUMNS,
        "totals": {f: _total(items, f) for f in ("amount", "fiscal", "other")},
    }
    # htmx asks for the table alone when the filter changes.
    name = "_projects_table.html" if request.headers.get("HX-Request") else "projects.html"
    return render(request, name, context)


def indicator_groups(
    indicators: list[IndicatorOut],
) -> list[tuple[str, list[tuple[str, list[IndicatorOut]]]]]:
    """The indicator tree: 一级指标 -> 二级指标 -> rows, in printed order (a level repeated
    later in the table starts a new group, so nothing moves)."""
    tree: list[tuple[str, list[tuple[str, list[IndicatorOut]]]]] = []
    for ind in indicators:
        l1, l2 = ind.level1 or "—", ind.level2 or "—"
        if not tree or tree[-1][0] != l1:
            tree.append((l1, []))
        level2 = tree[-1][1]
        if not level2 or level2[-1][0] != l2:
            level2.append((l2, []))
        level2[-1][1].append(ind)
    return tree


@router.get(
    "/disclosures/{disclosure_id}/projects/{no}",
    name="project_page",
    response_class=HTMLResponse,
)
def project(
    request: Request, disclosure_id: int, no: int, session: SessionDep, visible: VisibleDep
) -> HTMLResponse:
    meta = disclosure_out(disclosure_row(session, disclosure_id, visible))
    detail = project_detail(session, disclosure_id, no)
    by_indicator: dict[int, list[Any]] = {}
    for f in detail.findings:
        for loc in f.locations:
            if loc.indicator is not None:
                by_indicator.setdefault(loc.indicator, []).append(f)
                break
    context: dict[str, Any] = {
        "d": meta,
        "p": detail,
        "tree": indicator_groups(detail.indicators),
        "by_indicator": by_indicator,
        "plan_chart": plan_curve(list(detail.plan.items())),
    }
    return render(request, "project.html", context)
