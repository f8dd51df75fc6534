"""A disclosure's overview (income, expenditure, 三公, 机关运行经费, with charts) and the
comparison of two years of one department."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from ...model import Disclosure
from ...store import StoredFinding, service
from ...store.visibility import Visibility
from ..charts import bars, paired_bars
from ..deps import SessionDep, VisibleDep
from ..envelope import not_found
from ..lookup import disclosure_row
from ..schemas import DisclosureOut, ParagraphOut, disclosure_out, paragraph_out, table_out
from .common import SEVERITY_RANK, place_links, render

router = APIRouter()


def _three_public(d: Disclosure) -> list[tuple[str, Decimal | None]]:
    t = d.three_public
    return [
        ("因公出国（境）费", t.overseas),
        ("公务用车购置费", t.vehicle_purchase),
        ("公务用车运行费", t.vehicle_operation),
        ("公务接待费", t.reception),
    ]


def _expenditure(d: Disclosure) -> list[tuple[str, Decimal | None]]:
    e = d.expenditure
    return [
        ("基本支出 · 人员经费", e.basic.personnel),
        ("基本支出 · 日常公用经费", e.basic.public),
        ("项目支出 · 本级", e.project.own),
        ("项目支出 · 上年结转", e.project.carryover),
    ]


def _income(d: Disclosure) -> list[tuple[str, Decimal | None]]:
    return [(s.name, s.amount) for s in d.income.sources]


def _nonzero(items: list[tuple[str, Decimal | None]]) -> list[tuple[str, Decimal | None]]:
    """The items a chart draws: a printed 0 is listed under the chart instead of as a bar."""
    return [(label, v) for label, v in items if v is None or v != 0]


def _zero(items: list[tuple[str, Decimal | None]]) -> list[str]:
    return [label for label, v in items if v is not None and v == 0]


def _pairs_nonzero(
    items: list[tuple[str, Decimal | None, Decimal | None]],
) -> list[tuple[str, Decimal | None, Decimal | None]]:
    """Pairs a comparison chart draws: both years printing 0 is no news (the table has it)."""
    return [(label, x, y) for label, x, y in items if not (x == 0 and y == 0)]


def siblings(session: Session, row: DisclosureOut, visible: Visibility) -> list[DisclosureOut]:
    """The other visible disclosures of the same department (other years and versions)."""
    if row.department_id is None:
        return []
    rows, _ = service.list_disclosures(
        session, status=visible, department=row.department_id, limit=1000, offset=0
    )
    return [d for d in (disclosure_out(r) for r in rows) if d.id != row.id and d.kind == row.kind]


@router.get("/disclosures/{disclosure_id}", name="disclosure_page", response_class=HTMLResponse)
def overview(
    request: Request, disclosure_id: int, session: SessionDep, visible: VisibleDep
) -> HTMLResponse:
    meta = disclosure_out(disclosure_row(session, disclosure_id, visible))
    doc = service.export(session, disclosure_id)
    # One findings query serves the counts, the tables' and the paragraphs' findings.
    findings = service.list_findings(session, disclosure_id)
    counts = Counter(f.finding.severity for f in findings)
    # A budget without standard tables or 情况说明 (the seed) needs neither query: the
    # exported document already says whether there are any.
    names = service.table_names(session, disclosure_id) if doc.tables else []
    project_total = sum((p.amount for p in doc.projects if p.amount is not None), Decimal(0))
    others = siblings(session, meta, visible)
    compare_with = next((o for o in others if o.year != meta.year), None)
    context: dict[str, Any] = {
        "d": meta,
        "doc": doc,
        "counts": counts,
        "project_total": project_total,
        "others": others,
        "compare_with": compare_with,
        "income_chart": bars(_nonzero(_income(doc)), title="收入来源 income sources"),
        "income_zero": _zero(_income(doc)),
        "expenditure_chart": bars(_expenditure(doc), title="支出构成 expenditure split"),
        "three_public_chart": bars(
            _nonzero(_three_public(doc)), title="三公经费 three public costs"
        ),
        "three_public_zero": _zero(_three_public(doc)),
        "tables": [table_out(t) for t in service.list_tables(session, disclosure_id, findings)]
        if names
        else [],
        "narrative": _narrative(session, disclosure_id, names, findings) if doc.narrative else [],
    }
    return render(request, "overview.html", context)


_Shown = tuple[ParagraphOut, str | None, list[tuple[Any, Any, bool]], list[tuple[str, int]]]


def _narrative(
    session: Session, disclosure_id: int, names: list[str], findings: list[StoredFinding]
) -> list[_Shown]:
    """The 情况说明 paragraphs, each with its most severe finding's severity, its findings
    (finding, place links, whether this is the finding's first paragraph: its anchor) and the
    headings to print above it: those of its `parents` and `heading` not printed yet, each with
    its depth (0 for the outermost)."""
    paragraphs = [
        paragraph_out(p) for p in service.list_narrative(session, disclosure_id, findings)
    ]
    seen: set[int | None] = set()
    items: list[_Shown] = []
    printed: list[str] = []
    """The headings above the last paragraph, outermost first."""
    for p in paragraphs:
        path = [*p.parents, *([p.heading] if p.heading else [])]
        # Print from where this paragraph's headings part from the last one's.
        same = 0
        while same < min(len(path), len(printed)) and path[same] == printed[same]:
            same += 1
        titles = [(h, depth) for depth, h in enumerate(path) if depth >= same]
        printed = path
        found = []
        for f in p.findings:
            found.append((f, place_links(f, disclosure_id, names), f.id not in seen))
            seen.add(f.id)
        worst = min((f.severity for f in p.findings), key=SEVERITY_RANK.__getitem__, default=None)
        items.append((p, worst, found, titles))
    return items


def _rows(a: Disclosure, b: Disclosure) -> list[tuple[str, Decimal | None, Decimal | None]]:
    return [
        ("收入总计", a.income.total, b.income.total),
        ("支出总计", a.expenditure.total, b.expenditure.total),
        ("基本支出", a.expenditure.basic.amount, b.expenditure.basic.amount),
        ("项目支出", a.expenditure.project.amount, b.expenditure.project.amount),
        ("机关运行经费", a.operating_costs.amount, b.operating_costs.amount),
        ("三公经费", a.three_public.total, b.three_public.total),
        ("政府采购", a.procurement.total, b.procurement.total),
    ]


def _project_pairs(
    a: Disclosure, b: Disclosure
) -> list[tuple[str, Decimal | None, Decimal | None]]:
    """Projects matched by name (codes change between years); unmatched ones on their own."""
    by_name_b = {p.name: p for p in b.projects}
    out: list[tuple[str, Decimal | None, Decimal | None]] = []
    seen: set[str | None] = set()
    for p in a.projects:
        other = by_name_b.get(p.name)
        out.append((p.name or "—", p.amount, other.amount if other else None))
        seen.add(p.name)
    for p in b.projects:
        if p.name not in seen:
            out.append((p.name or "—", None, p.amount))
    return out


@router.get(
    "/disclosures/{disclosure_id}/compare", name="compare_page", response_class=HTMLResponse
)
def compare(
    request: Request,
    disclosure_id: int,
    session: SessionDep,
    visible: VisibleDep,
    other: Annotated[int | None, Query(alias="with")] = None,
) -> HTMLResponse:
    """Two years of one department, the earlier year first."""
    meta = disclosure_out(disclosure_row(session, disclosure_id, visible))
    others = siblings(session, meta, visible)
    candidates = [o for o in others if o.year != meta.year]
    if other is None:
        if not candidates:
            raise not_found("该部门没有可对比的其他年度", "no other year of this department")
        other = candidates[0].id
    second = next((o for o in others if o.id == other), None)
    if second is None:
        raise not_found("该部门没有这份公开文件", "no such disclosure of this department")
    first_meta, second_meta = sorted([meta, second], key=lambda d: (d.year or 0, d.id))
    a = service.export(session, first_meta.id)
    b = service.export(session, second_meta.id)
    series = (f"{first_meta.year} 年", f"{second_meta.year} 年")
    names = [s.name for s in a.income.sources] + [
        s.name for s in b.income.sources if s.name not in {x.name for x in a.income.sources}
    ]
    income_a = {s.name: s.amount for s in a.income.sources}
    income_b = {s.name: s.amount for s in b.income.sources}
    context: dict[str, Any] = {
        "a": first_meta,
        "b": second_meta,
        "d": meta,
        "candidates": candidates,
        "rows": _rows(a, b),
        "projects": _project_pairs(a, b),
        "project_counts": (len(a.projects), len(b.projects)),
        "income_chart": paired_bars(
            _pairs_nonzero([(n, income_a.get(n), income_b.get(n)) for n in names]),
            title="收入来源对比 income sources",
            series=series,
        ),
        "three_public_chart": paired_bars(
            _pairs_nonzero(
                [
                    (label, x, y)
                    for (label, x), (_, y) in zip(_three_public(a), _three_public(b), strict=True)
                ]
            ),
            title="三公经费对比 three public costs",
            series=series,
        ),
    }
    return render(request, "compare.html", context)
