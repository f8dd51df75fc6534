"""Model -> rows: one disclosure written into the relational schema with bulk inserts.

Every list keeps its printed order in `position`; every dict its key order. Children are
inserted with `RETURNING id` in parameter order, so that one statement per table suffices
(the seed is ~1,500 rows: one ORM object per row would cost more than the whole import).
`load.py` is the other direction.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from .. import model as m
from ..audit import Finding, Location, Report
from . import faults, sources
from . import tables as t
from .errors import StoreError

Row = dict[str, Any]


# Core inserts (`__table__`), not ORM bulk inserts: the ORM would process every row again.


def _core(table: type[t.Base]) -> Table:
    return cast(Table, table.__table__)


def _insert(session: Session, table: type[t.Base], rows: Sequence[Row]) -> None:
    if rows:
        session.execute(insert(_core(table)), list(rows))


def _insert_ids(session: Session, table: type[t.Base], rows: Sequence[Row]) -> list[int]:
    """Insert `rows` and return their new ids in the order of `rows`."""
    if not rows:
        return []
    core = _core(table)
    stmt = insert(core).returning(core.c.id, sort_by_parameter_order=True)
    return list(session.scalars(stmt, list(rows)))


def disclosure_columns(d: m.Disclosure) -> Row:
    """The root's own values, for the `disclosures` row the service creates."""
    return {
        "schema_id": d.schema_,
        "title": d.title,
        "kind": d.kind,
        "year": d.year,
        "department_name": d.department.name,
        "department_short_name": d.department.short_name,
        "department_code": d.department.code,
        "currency_unit": d.currency_unit,
        "overall_goal": d.performance.overall_goal,
        "has_budget_figures": d.budget_figures is not None,
    }


def insert_disclosure(session: Session, disclosure_id: int, d: m.Disclosure) -> None:
    """Every row of `d` below its `disclosures` row (which must exist)."""
    _insert_texts(session, disclosure_id, d)
    _insert_narrative(session, disclosure_id, d)
    _insert_figures(
        session,
        disclosure_id,
        "reported",
        d.income,
        d.expenditure,
        d.operating_costs,
        d.three_public,
    )
    if d.budget_figures is not None:
        b = d.budget_figures
        _insert_figures(
            session,
            disclosure_id,
            "budget",
            b.income,
            b.expenditure,
            b.operating_costs,
            b.three_public,
        )
    _insert_procurement(session, disclosure_id, d.procurement)
    _insert_assets(session, disclosure_id, d.assets)
    _insert_projects(session, disclosure_id, d.projects, d.discrepancies)
    faults.pause("projects")  # the crash test's kill lands here (no-op unless it asks)
    _insert_tables(session, disclosure_id, d.tables)
    _insert_sources(session, disclosure_id, d)


def _insert_texts(session: Session, disclosure_id: int, d: m.Disclosure) -> None:
    lists = {"duties": d.duties, "safeguards": d.performance.safeguards, "notes": d.notes}
    rows = [
        {"disclosure_id": disclosure_id, "kind": kind, "position": i, "text": text}
        for kind, items in lists.items()
        for i, text in enumerate(items)
    ]
    _insert(session, t.TextItem, rows)


def _insert_narrative(session: Session, disclosure_id: int, d: m.Disclosure) -> None:
    base = {"disclosure_id": disclosure_id}
    _insert(
        session,
        t.Unit,
        [
            {
                **base,
                "position": i,
                "name": u.name,
                "nature": u.nature,
                "level": u.level,
                "funding": u.funding,
            }
            for i, u in enumerate(d.units)
        ],
    )
    _insert(
        session,
        t.PerformanceGoal,
        [
            {
                **base,
                "position": i,
                "no": g.no,
                "title": g.title,
                "goal": g.goal,
                "indicators_text": g.indicators_text,
            }
            for i, g in enumerate(d.performance.goals)
        ],
    )
    _insert(
        session,
        t.GlossaryEntry,
        [
            {**base, "position": i, "term": e.term, "definition": e.definition}
            for i, e in enumerate(d.glossary)
        ],
    )
    _insert(
        session,
        t.NarrativeParagraph,
        [
            {
                **base,
                "position": i,
                "parents": list(p.parents) or None,
                "heading": p.heading,
                "text": p.text,
            }
            for i, p in enumerate(d.narrative)
        ],
    )


def _insert_figures(
    session: Session,
    disclosure_id: int,
    figure_set: str,
    income: m.Income | None,
    expenditure: m.Expenditure | None,
    operating: m.OperatingCosts | None,
    three: m.ThreePublic | None,
) -> None:
    row: Row = {"disclosure_id": disclosure_id, "figure_set": figure_set}
    # A section a budget set lacks is stored as its empty form, flagged by `has_*`.
    i = income or m.Income()
    o = operating or m.OperatingCosts()
    row.update(
        has_income=income is not None,
        income_total=i.total,
        income_change=i.change,
        income_growth_pct=i.growth_pct,
        has_expenditure=expenditure is not None,
        has_operating_costs=operating is not None,
        operating_amount=o.amount,
        operating_change=o.change,
        has_three_public=three is not None,
    )
    e = expenditure or m.Expenditure()
    row.update(
        expenditure_total=e.total,
        basic_amount=e.basic.amount,
        basic_share_pct=e.basic.share_pct,
        basic_change=e.basic.change,
        basic_personnel=e.basic.personnel,
        basic_public=e.basic.public,
        project_amount=e.project.amount,
        project_share_pct=e.project.share_pct,
        project_change=e.project.change,
        project_own=e.project.own,
        project_carryover=e.project.carryover,
    )
    p = three or m.ThreePublic()
    row.update(
        three_public_total=p.total,
        three_public_change=p.change,
        overseas=p.overseas,
        vehicle_total=p.vehicle_total,
        vehicle_purchase=p.vehicle_purchase,
        vehicle_operation=p.vehicle_operation,
        reception=p.reception,
    )
    (figures_id,) = _insert_ids(session, t.Figures, [row])
    if income is not None:
        _insert(
            session,
            t.IncomeSource,
            [
                {
                    "figures_id": figures_id,
                    "position": i,
                    "key": s.key,
                    "name": s.name,
                    "amount": s.amount,
                    "change": s.change,
                    "growth_pct": s.growth_pct,
                    "share_pct": s.share_pct,
                }
                for i, s in enumerate(income.sources)
            ],
        )


def _insert_procurement(session: Session, disclosure_id: int, p: m.Procurement) -> None:
    base = {"disclosure_id": disclosure_id}
    _insert(session, t.ProcurementSummary, [{**base, "total": p.total, "count": p.count}])
    _insert(
        session,
        t.ProcurementCategory,
        [
            {**base, "position": i, "category": name, "count": c.count, "amount": c.amount}
            for i, (name, c) in enumerate(p.by_category.items())
        ],
    )
    ids = _insert_ids(
        session,
        t.ProcurementItem,
        [
            {
                **base,
                "position": i,
                "source_project": it.source_project,
                "source_budget": it.source_budget,
                "item": it.item,
                "catalog_code": it.catalog_code,
                "unit": it.unit,
                "quantity": it.quantity,
                "unit_price": it.unit_price,
                "amount": it.amount,
                "general_budget": it.general_budget,
            }
            for i, it in enumerate(p.items)
        ],
    )
    _insert(
        session,
        t.ProcurementItemFund,
        [
            {"item_id": item_id, "position": k, "column_name": name, "amount": amount}
            for item_id, it in zip(ids, p.items, strict=True)
            for k, (name, amount) in enumerate(it.other_funds.items())
        ],
    )


def _insert_assets(session: Session, disclosure_id: int, a: m.Assets) -> None:
    base = {"disclosure_id": disclosure_id}
    _insert(
        session,
        t.AssetSummary,
        [{**base, "total": a.total, "as_of": a.as_of, "planned_purchase": a.planned_purchase}],
    )
    _insert(
        session,
        t.AssetCategory,
        [
            {**base, "position": i, "name": name, "amount": amount}
            for i, (name, amount) in enumerate(a.categories.items())
        ],
    )
    _insert(
        session,
        t.AssetRow,
        [
            {**base, "position": i, "item": r.item, "quantity": r.quantity, "value": r.value}
            for i, r in enumerate(a.table)
        ],
    )


def _insert_projects(
    session: Session,
    disclosure_id: int,
    projects: list[m.Project],
    discrepancies: list[m.Discrepancy],
) -> None:
    ids = _insert_ids(
        session,
        t.Project,
        [
            {
                "disclosure_id": disclosure_id,
                "position": i,
                "no": p.no,
                "code": p.code,
                "name": p.name,
                "unit": p.unit,
                "amount": p.amount,
                "fiscal": p.fiscal,
                "other": p.other,
                "purpose": p.purpose,
                "plan_3": p.plan.m3,
                "plan_6": p.plan.m6,
                "plan_10": p.plan.m10,
                "plan_12": p.plan.m12,
            }
            for i, p in enumerate(projects)
        ],
    )
    pairs = list(zip(ids, projects, strict=True))
    _insert(
        session,
        t.ProjectGoal,
        [
            {"project_id": pid, "position": k, "text": goal}
            for pid, p in pairs
            for k, goal in enumerate(p.goals)
        ],
    )
    _insert_indicators(session, pairs)
    # The document's own discrepancies (no project) and every project's, in one statement.
    rows = _discrepancy_rows(disclosure_id, None, discrepancies)
    for pid, p in pairs:
        rows.extend(_discrepancy_rows(disclosure_id, pid, p.discrepancies))
    _insert(session, t.Discrepancy, rows)


def _insert_indicators(session: Session, pairs: list[tuple[int, m.Project]]) -> None:
    rows = []
    for pid, p in pairs:
        for k, ind in enumerate(p.indicators):
            parsed = ind.parsed
            rows.append(
                {
                    "project_id": pid,
                    "position": k,
                    "level1": ind.level1,
                    "level2": ind.level2,
                    "name": ind.name,
                    "description": ind.description,
                    "value": ind.value,
                    "basis": ind.basis,
                    "parsed_kind": parsed.kind if parsed else None,
                    "parsed_comparator": parsed.comparator if parsed else None,
                    "parsed_number": parsed.number if parsed else None,
                    "parsed_unit": parsed.unit if parsed else None,
                }
            )
    _insert(session, t.Indicator, rows)


def _split(value: Decimal | str | None) -> tuple[Decimal | None, str | None]:
    """A number-or-text value as its (number, text) column pair."""
    if isinstance(value, str):
        return None, value
    return value, None


def _discrepancy_rows(
    disclosure_id: int, project_id: int | None, items: list[m.Discrepancy]
) -> list[Row]:
    rows = []
    for i, x in enumerate(items):
        row: Row = {
            "disclosure_id": disclosure_id,
            "project_id": project_id,
            "position": i,
            "field": x.field,
        }
        for name in ("table", "prose", "shifted"):
            row[f"{name}_number"], row[f"{name}_text"] = _split(getattr(x, name))
        rows.append(row)
    return rows


def _insert_tables(session: Session, disclosure_id: int, tables: list[m.StandardTable]) -> None:
    ids = _insert_ids(
        session,
        t.StandardTable,
        [
            {
                "disclosure_id": disclosure_id,
                "position": i,
                "name": tb.name,
                "title": tb.title,
                "unit": tb.unit,
                "empty": tb.empty,
                "column_count": len(tb.columns),
            }
            for i, tb in enumerate(tables)
        ],
    )
    pairs = list(zip(ids, tables, strict=True))
    _insert(
        session,
        t.TablePage,
        [
            {"table_id": tid, "position": k, "page": page}
            for tid, tb in pairs
            for k, page in enumerate(tb.pages)
        ],
    )
    _insert(
        session,
        t.TableHeaderCell,
        [
            {"table_id": tid, "column": c, "level": level, "text": text}
            for tid, tb in pairs
            for c, cells in enumerate(tb.columns)
            for level, text in enumerate(cells)
        ],
    )
    row_ids = _insert_ids(
        session,
        t.TableRow,
        [
            {"table_id": tid, "position": k, "code": r.code, "label": r.label}
            for tid, tb in pairs
            for k, r in enumerate(tb.rows)
        ],
    )
    all_rows = [r for tb in tables for r in tb.rows]
    _insert(
        session,
        t.TableCell,
        [
            {"row_id": rid, "column": c, "value": value}
            for rid, r in zip(row_ids, all_rows, strict=True)
            for c, value in enumerate(r.values)
        ],
    )


def _bbox(bbox: list[float] | None, where: str) -> Row:
    if bbox is None:
        return {"bbox_x0": None, "bbox_top": None, "bbox_x1": None, "bbox_bottom": None}
    if len(bbox) != 4:
        raise StoreError(
            f"{where} 的 bbox 应为 4 个数 [x0, top, x1, bottom]，实为 {len(bbox)} 个",
            f"the bbox of {where} must be 4 numbers [x0, top, x1, bottom], not {len(bbox)}",
        )
    x0, top, x1, bottom = bbox
    return {"bbox_x0": x0, "bbox_top": top, "bbox_x1": x1, "bbox_bottom": bottom}


def _insert_sources(session: Session, disclosure_id: int, d: m.Disclosure) -> None:
    rows = [
        {
            "disclosure_id": disclosure_id,
            "path": path,
            "file": s.file,
            "line": s.line,
            "page": s.page,
            **_bbox(s.bbox, path or "_source"),
        }
        for path, s in sources.places(d)
    ]
    _insert(session, t.SourcePlace, rows)


def _first_project(locations: list[Location]) -> int | None:
    return next((loc.project_no for loc in locations if loc.project_no is not None), None)


def insert_findings(session: Session, disclosure_id: int, report: Report) -> None:
    """The report's findings, then its suppressed findings (`suppressed` set)."""
    findings: list[Finding] = [*report.findings, *report.suppressed]
    ids = _insert_ids(
        session,
        t.Finding,
        [
            {
                "disclosure_id": disclosure_id,
                "position": i,
                "rule": f.rule,
                "severity": f.severity,
                "category": f.category,
                "message": f.message,
                "message_en": f.message_en,
                "hint": f.hint,
                "hint_en": f.hint_en,
                "suppressed": f.suppressed,
                "evidence_quote": f.evidence.quote,
                "evidence_stated": f.evidence.stated,
                "evidence_computed": f.evidence.computed,
                "evidence_formula": f.evidence.formula,
                "project_no": _first_project(f.locations),
                "review_status": "open",
            }
            for i, f in enumerate(findings)
        ],
    )
    _insert(
        session,
        t.FindingLocation,
        [
            {
                "finding_id": fid,
                "position": k,
                "line": loc.line,
                "page": loc.page,
                **_bbox(loc.bbox, f"finding {f.rule}"),
                "section": loc.section,
                "project_no": loc.project_no,
                "project_code": loc.project_code,
                "indicator": loc.indicator,
            }
            for fid, f in zip(ids, findings, strict=True)
            for k, loc in enumerate(f.locations)
        ],
    )
