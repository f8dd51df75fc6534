"""Rows -> model: a stored disclosure rebuilt exactly as it was imported.

One SELECT per table, ordered by `position`; the model objects are built with
`model_construct`: every value comes from a typed column and was validated when the model was
imported, and validating ~1,500 objects again would double the time of an export. The
round-trip tests check that the result equals the imported model. Source places are attached
by path last.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Literal, TypeVar, cast

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from .. import model as m
from ..audit import Evidence, Finding, Location
from . import sources
from . import tables as t

T = TypeVar("T")


def _all(session: Session, stmt: Select[T]) -> Sequence[T]:
    """The rows `stmt` selects, as plain result rows rather than ORM objects.

    The attribute names are the same (every mapped attribute is named as its column), and
    skipping the identity map makes export three times faster.
    """
    entity = stmt.column_descriptions[0]["entity"]
    core = stmt.with_only_columns(*entity.__table__.c)
    return cast(Sequence[T], session.execute(core).all())


def group_by(rows: Iterable[T], key: str) -> dict[Any, list[T]]:
    out: dict[Any, list[T]] = defaultdict(list)
    for row in rows:
        out[getattr(row, key)].append(row)
    return out


def load_disclosure(session: Session, row: t.Disclosure) -> m.Disclosure:
    did = row.id
    texts = group_by(
        _all(
            session,
            select(t.TextItem)
            .where(t.TextItem.disclosure_id == did)
            .order_by(t.TextItem.kind, t.TextItem.position),
        ),
        "kind",
    )
    figures = {
        f.figure_set: f
        for f in _all(session, select(t.Figures).where(t.Figures.disclosure_id == did))
    }
    income_rows = group_by(
        _all(
            session,
            select(t.IncomeSource)
            .join(t.Figures)
            .where(t.Figures.disclosure_id == did)
            .order_by(t.IncomeSource.position),
        ),
        "figures_id",
    )
    reported = figures["reported"]
    budget = None
    if row.has_budget_figures:
        b = figures["budget"]
        budget = m.BudgetFigures.model_construct(
            income=_income(b, income_rows[b.id]) if b.has_income else None,
            expenditure=_expenditure(b) if b.has_expenditure else None,
            operating_costs=_operating(b) if b.has_operating_costs else None,
            three_public=_three_public(b) if b.has_three_public else None,
        )
    projects, discrepancies = _projects(session, did)
    d = m.Disclosure.model_construct(
        schema_=row.schema_id,
        title=row.title,
        kind=cast(Literal["budget", "final"], row.kind),
        year=row.year,
        department=m.Department.model_construct(
            name=row.department_name,
            short_name=row.department_short_name,
            code=row.department_code,
        ),
        currency_unit=cast(Literal["万元"], row.currency_unit),
        duties=[x.text for x in texts["duties"]],
        units=[
            m.Unit.model_construct(name=u.name, nature=u.nature, level=u.level, funding=u.funding)
            for u in _rows_of(session, t.Unit, did)
        ],
        income=_income(reported, income_rows[reported.id]),
        expenditure=_expenditure(reported),
        operating_costs=_operating(reported),
        three_public=_three_public(reported),
        performance=m.Performance.model_construct(
            overall_goal=row.overall_goal,
            goals=[
                m.Goal.model_construct(
                    no=g.no, title=g.title, goal=g.goal, indicators_text=g.indicators_text
                )
                for g in _rows_of(session, t.PerformanceGoal, did)
            ],
            safeguards=[x.text for x in texts["safeguards"]],
        ),
        projects=projects,
        procurement=_procurement(session, did),
        assets=_assets(session, did),
        glossary=[
            m.GlossaryEntry.model_construct(term=g.term, definition=g.definition)
            for g in _rows_of(session, t.GlossaryEntry, did)
        ],
        notes=[x.text for x in texts["notes"]],
        tables=_tables(session, did),
        discrepancies=discrepancies,
        budget_figures=budget,
        narrative=[
            m.Paragraph.model_construct(
                parents=list(p.parents or []), heading=p.heading, text=p.text
            )
            for p in _rows_of(session, t.NarrativeParagraph, did)
        ],
    )
    _attach_sources(session, did, d)
    return d


TRow = TypeVar("TRow", bound=t.Base)


def _rows_of(session: Session, table: type[TRow], did: int) -> Sequence[TRow]:
    """The rows of a per-disclosure list table in printed order."""
    cols = table.__table__.c
    return _all(session, select(table).where(cols.disclosure_id == did).order_by(cols.position))


def _income(f: t.Figures, rows: list[t.IncomeSource]) -> m.Income:
    return m.Income.model_construct(
        total=f.income_total,
        change=f.income_change,
        growth_pct=f.income_growth_pct,
        sources=[
            m.IncomeSource.model_construct(
                key=cast(m.finance.IncomeKey, s.key),
                name=s.name,
                amount=s.amount,
                change=s.change,
                growth_pct=s.growth_pct,
                share_pct=s.share_pct,
            )
            for s in rows
        ],
    )


def _expenditure(f: t.Figures) -> m.Expenditure:
    return m.Expenditure.model_construct(
        total=f.expenditure_total,
        basic=m.BasicExpenditure.model_construct(
            amount=f.basic_amount,
            share_pct=f.basic_share_pct,
            change=f.basic_change,
            personnel=f.basic_personnel,
            public=f.basic_public,
        ),
        project=m.ProjectExpenditure.model_construct(
            amount=f.project_amount,
            share_pct=f.project_share_pct,
            change=f.project_change,
            own=f.project_own,
            carryover=f.project_carryover,
        ),
    )


def _operating(f: t.Figures) -> m.OperatingCosts:
    return m.OperatingCosts.model_construct(amount=f.operating_amount, change=f.operating_change)


def _three_public(f: t.Figures) -> m.ThreePublic:
    return m.ThreePublic.model_construct(
        total=f.three_public_total,
        change=f.three_public_change,
        overseas=f.overseas,
        vehicle_total=f.vehicle_total,
        vehicle_purchase=f.vehicle_purchase,
        vehicle_operation=f.vehicle_operation,
        reception=f.reception,
    )


def _procurement(session: Session, did: int) -> m.Procurement:
    summary = session.scalars(
        select(t.ProcurementSummary).where(t.ProcurementSummary.disclosure_id == did)
    ).one()
    items = _rows_of(session, t.ProcurementItem, did)
    funds = group_by(
        _all(
            session,
            select(t.ProcurementItemFund)
            .join(t.ProcurementItem)
            .where(t.ProcurementItem.disclosure_id == did)
            .order_by(t.ProcurementItemFund.position),
        ),
        "item_id",
    )
    return m.Procurement.model_construct(
        total=summary.total,
        count=summary.count,
        by_category={
            cast(m.finance.ProcurementCategory, c.category): m.CategoryTotal.model_construct(
                count=c.count, amount=c.amount
            )
            for c in _rows_of(session, t.ProcurementCategory, did)
        },
        items=[
            m.ProcurementItem.model_construct(
                source_project=it.source_project,
                source_budget=it.source_budget,
                item=it.item,
                catalog_code=it.catalog_code,
                unit=it.unit,
                quantity=it.quantity,
                unit_price=it.unit_price,
                amount=it.amount,
                general_budget=it.general_budget,
                other_funds={f.column_name: f.amount for f in funds[it.id]},
            )
            for it in items
        ],
    )


def _assets(session: Session, did: int) -> m.Assets:
    summary = session.scalars(
        select(t.AssetSummary).where(t.AssetSummary.disclosure_id == did)
    ).one()
    return m.Assets.model_construct(
        total=summary.total,
        as_of=summary.as_of,
        categories={c.name: c.amount for c in _rows_of(session, t.AssetCategory, did)},
        planned_purchase=summary.planned_purchase,
        table=[
            m.AssetRow.model_construct(item=r.item, quantity=r.quantity, value=r.value)
            for r in _rows_of(session, t.AssetRow, did)
        ],
    )


def _number_or_text(number: Decimal | None, text: str | None) -> Decimal | str | None:
    return text if text is not None else number


def discrepancy(x: t.Discrepancy) -> m.Discrepancy:
    return m.Discrepancy.model_construct(
        field=x.field,
        table=_number_or_text(x.table_number, x.table_text),
        prose=_number_or_text(x.prose_number, x.prose_text),
        shifted=_number_or_text(x.shifted_number, x.shifted_text),
    )


def indicator(x: t.Indicator) -> m.Indicator:
    parsed = None
    if x.parsed_kind is not None:
        parsed = m.ParsedValue.model_construct(
            kind=cast(m.indicator.ValueKind, x.parsed_kind),
            comparator=cast(m.indicator.Comparator | None, x.parsed_comparator),
            number=x.parsed_number,
            unit=x.parsed_unit,
        )
    return m.Indicator.model_construct(
        level1=x.level1,
        level2=x.level2,
        name=x.name,
        description=x.description,
        value=x.value,
        basis=x.basis,
        parsed=parsed,
    )


def project(
    p: t.Project,
    goals: list[t.ProjectGoal],
    indicators: list[t.Indicator],
    discrepancies: list[t.Discrepancy],
) -> m.Project:
    return m.Project.model_construct(
        no=p.no,
        code=p.code,
        name=p.name,
        unit=p.unit,
        amount=p.amount,
        fiscal=p.fiscal,
        other=p.other,
        purpose=p.purpose,
        plan=m.Plan.model_construct(m3=p.plan_3, m6=p.plan_6, m10=p.plan_10, m12=p.plan_12),
        goals=[g.text for g in goals],
        indicators=[indicator(x) for x in indicators],
        discrepancies=[discrepancy(x) for x in discrepancies],
    )


def _projects(session: Session, did: int) -> tuple[list[m.Project], list[m.Discrepancy]]:
    """The projects, and the document's own discrepancies (those of no project)."""
    rows = _rows_of(session, t.Project, did)
    in_disclosure = select(t.Project.id).where(t.Project.disclosure_id == did)
    goals = group_by(
        _all(
            session,
            select(t.ProjectGoal)
            .where(t.ProjectGoal.project_id.in_(in_disclosure))
            .order_by(t.ProjectGoal.position),
        ),
        "project_id",
    )
    indicators = group_by(
        _all(
            session,
            select(t.Indicator)
            .where(t.Indicator.project_id.in_(in_disclosure))
            .order_by(t.Indicator.position),
        ),
        "project_id",
    )
    discrepancies = group_by(_rows_of(session, t.Discrepancy, did), "project_id")
    projects = [project(p, goals[p.id], indicators[p.id], discrepancies[p.id]) for p in rows]
    return projects, [discrepancy(x) for x in discrepancies[None]]


def _tables(session: Session, did: int) -> list[m.StandardTable]:
    rows = _rows_of(session, t.StandardTable, did)
    if not rows:
        return []
    in_disclosure = select(t.StandardTable.id).where(t.StandardTable.disclosure_id == did)
    pages = group_by(
        _all(
            session,
            select(t.TablePage)
            .where(t.TablePage.table_id.in_(in_disclosure))
            .order_by(t.TablePage.position),
        ),
        "table_id",
    )
    headers = group_by(
        _all(
            session,
            select(t.TableHeaderCell)
            .where(t.TableHeaderCell.table_id.in_(in_disclosure))
            .order_by(t.TableHeaderCell.column, t.TableHeaderCell.level),
        ),
        "table_id",
    )
    table_rows = group_by(
        _all(
            session,
            select(t.TableRow)
            .where(t.TableRow.table_id.in_(in_disclosure))
            .order_by(t.TableRow.position),
        ),
        "table_id",
    )
    cells = group_by(
        _all(
            session,
            select(t.TableCell)
            .join(t.TableRow)
            .where(t.TableRow.table_id.in_(in_disclosure))
            .order_by(t.TableCell.column),
        ),
        "row_id",
    )
    out = []
    for tb in rows:
        columns: list[list[str]] = [[] for _ in range(tb.column_count)]
        for h in headers[tb.id]:
            columns[h.column].append(h.text)
        out.append(
            m.StandardTable.model_construct(
                name=tb.name,
                title=tb.title,
                unit=cast(m.tables.TableUnit | None, tb.unit),
                pages=[p.page for p in pages[tb.id]],
                empty=tb.empty,
                columns=columns,
                rows=[
                    m.TableRow.model_construct(
                        code=r.code, label=r.label, values=[c.value for c in cells[r.id]]
                    )
                    for r in table_rows[tb.id]
                ],
            )
        )
    return out


def bbox(row: t.SourcePlace | t.FindingLocation) -> list[float] | None:
    box = [row.bbox_x0, row.bbox_top, row.bbox_x1, row.bbox_bottom]
    return None if any(v is None for v in box) else cast(list[float], box)


def source_of(place: t.SourcePlace) -> m.Source:
    return m.Source.model_construct(
        file=place.file, line=place.line, page=place.page, bbox=bbox(place)
    )


def _attach_sources(session: Session, did: int, d: m.Disclosure) -> None:
    for place in _all(session, select(t.SourcePlace).where(t.SourcePlace.disclosure_id == did)):
        sources.attach(d, place.path, source_of(place))


def finding(f: t.Finding, locations: list[t.FindingLocation]) -> Finding:
    return Finding(
        rule=f.rule,
        severity=cast(Any, f.severity),
        category=cast(Any, f.category),
        message=f.message,
        message_en=f.message_en,
        locations=[
            Location(
                line=loc.line,
                page=loc.page,
                bbox=bbox(loc),
                section=loc.section,
                project_no=loc.project_no,
                project_code=loc.project_code,
                indicator=loc.indicator,
            )
            for loc in locations
        ],
        evidence=Evidence(
            quote=f.evidence_quote,
            stated=f.evidence_stated,
            computed=f.evidence_computed,
            formula=f.evidence_formula,
        ),
        hint=f.hint,
        hint_en=f.hint_en,
        suppressed=f.suppressed,
    )
