"""API schemas (pydantic): what the API and the pages show, separate from the database tables.

Each is validated from what the store service returns (`from_attributes`: ORM rows, dataclasses
or model objects alike), so the pages and the API never touch a table class.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..audit.finding import Finding
from ..model import ParsedValue
from ..store.views import ProjectSummary, StoredParagraph, StoredTable, TableSummary

Status = Literal["draft", "submitted", "published"]


class Schema(BaseModel):
    model_config = ConfigDict(from_attributes=True, populate_by_name=True)


class DepartmentOut(Schema):
    name: str | None = None
    short_name: str | None = None
    code: str | None = None


class DisclosureOut(Schema):
    """One stored disclosure (a department's year, in one version)."""

    id: int
    department: DepartmentOut
    department_id: int | None = None
    """The stored department across years (its printed name may change)."""
    year: int | None = None
    kind: str = "budget"
    status: str = "published"
    title: str | None = None
    version: int | None = None
    file_name: str | None = None
    imported_at: dt.datetime | None = None
    project_count: int | None = None

    @property
    def label(self) -> str:
        name = self.department.short_name or self.department.name or "—"
        return f"{name} {self.year or ''} 年{'决算' if self.kind == 'final' else '预算'}"


class FindingOut(Finding):
    """A stored finding: the audit's finding plus its id and a reviewer's verdict."""

    id: int | None = None
    review_status: str = "open"
    review_comment: str | None = None


class ProjectOut(Schema):
    """A project in a list: its number, code, name, money and spending plan."""

    no: int
    code: str | None = None
    name: str | None = None
    unit: str | None = None
    amount: Decimal | None = None
    fiscal: Decimal | None = None
    other: Decimal | None = None
    plan: dict[str, Decimal | None] = Field(default_factory=dict)
    finding_count: int | None = None
    """Unsuppressed audit findings that point at this project."""


class IndicatorOut(Schema):
    no: int
    """1-based row of the project's indicator table (findings point at it)."""
    level1: str | None = None
    level2: str | None = None
    name: str | None = None
    description: str | None = None
    value: str | None = None
    basis: str | None = None
    parsed: ParsedValue | None = None


class ProjectDetailOut(ProjectOut):
    purpose: str | None = None
    goals: list[str] = Field(default_factory=list)
    indicators: list[IndicatorOut] = Field(default_factory=list)
    findings: list[FindingOut] = Field(default_factory=list)


class TableOut(Schema):
    """A standard table in the list (`GET …/tables`): `no` is 1-based in printed order."""

    no: int
    path: str
    """The model path findings use: `tables[0]` is table 1."""
    name: str
    """The standard name (收入支出决算总表 …)."""
    title: str | None = None
    """As printed."""
    unit: str | None = None
    """元 or 万元: the table's own unit; its values are in it."""
    pages: list[int] = Field(default_factory=list)
    empty: bool = False
    """本表无数据, or no figure at all."""
    row_count: int = 0
    finding_count: int = 0
    """Unsuppressed audit findings with a location in this table."""


class TableRowOut(Schema):
    no: int
    """1-based row (`rows[no - 1]`)."""
    path: str
    """`tables[0].rows[12]`, as in the findings' locations."""
    code: str | None = None
    """功能分类 / 经济分类 code."""
    label: str | None = None
    values: list[Decimal | None] = Field(default_factory=list)
    """One per data column, exact, in the table's unit; null for a blank cell."""
    page: int | None = None
    bbox: list[float] | None = None
    findings: list[int] = Field(default_factory=list)
    """Ids of the table's `findings` that point at this row."""


class TableDetailOut(TableOut):
    columns: list[list[str]] = Field(default_factory=list)
    """Header cells of each data column, top row first."""
    rows: list[TableRowOut] = Field(default_factory=list)
    findings: list[FindingOut] = Field(default_factory=list)
    """Every unsuppressed finding pointing at this table: its rows, title or columns."""


class ParagraphOut(Schema):
    """A paragraph of the narrative (情况说明)."""

    no: int
    """1-based (`narrative[no - 1]`)."""
    path: str
    parents: list[str] = Field(default_factory=list)
    """The headings that enclose `heading`, outermost first (`第三部分 …`, `五、…`)."""
    heading: str | None = None
    text: str
    page: int | None = None
    bbox: list[float] | None = None
    findings: list[FindingOut] = Field(default_factory=list)


class SearchHit(Schema):
    """A project whose name, code, purpose or indicators hold the words."""

    disclosure_id: int
    department: DepartmentOut
    year: int | None = None
    kind: str = "budget"
    project_no: int
    project_code: str | None = None
    project_name: str | None = None
    amount: Decimal | None = None
    matched: list[str] = Field(default_factory=list)
    """Which fields hold the words: `name`, `code`, `purpose`, `indicator`."""
    indicators: list[str] = Field(default_factory=list)
    """The names of the matching indicators (at most five)."""


class UploadOut(Schema):
    id: int
    created: bool
    version: int | None = None
    status: str
    findings: dict[str, int] = Field(default_factory=dict)
    """Counts by severity of the audit run on the uploaded file."""


class HealthOut(Schema):
    status: Literal["ok"] = "ok"
    version: str
    database: str


def plan_dict(plan: Any) -> dict[str, Decimal | None]:
    """A plan as `{"3": pct, "6": pct, "10": pct, "12": pct}` from a model `Plan`, a mapping
    or an object with `m3` … `m12`."""
    if plan is None:
        return {m: None for m in ("3", "6", "10", "12")}
    if isinstance(plan, dict):
        return {m: plan.get(m) for m in ("3", "6", "10", "12")}
    return {m: getattr(plan, f"m{m}", None) for m in ("3", "6", "10", "12")}


# --------------------------------------------------------------------------------------------
# From what the store service returns (table rows or model objects) to the schemas above.


def _get(obj: Any, *names: str) -> Any:
    for name in names:
        if isinstance(obj, dict) and name in obj:
            return obj[name]
        if not isinstance(obj, dict) and hasattr(obj, name):
            return getattr(obj, name)
    return None


def disclosure_out(row: Any) -> DisclosureOut:
    department = _get(row, "department")
    if department is None or isinstance(department, int):
        department = DepartmentOut(
            name=_get(row, "department_name"),
            short_name=_get(row, "department_short_name"),
            code=_get(row, "department_code"),
        )
    else:
        department = DepartmentOut.model_validate(department)
    return DisclosureOut(
        id=_get(row, "id", "disclosure_id"),
        department=department,
        department_id=_get(row, "department_id"),
        year=_get(row, "year"),
        kind=_get(row, "kind") or "budget",
        status=_get(row, "status") or "published",
        title=_get(row, "title"),
        version=_get(row, "version"),
        file_name=_get(row, "file_name"),
        imported_at=_get(row, "imported_at"),
        project_count=_get(row, "project_count"),
    )


def project_plan(row: Any) -> dict[str, Decimal | None]:
    plan = _get(row, "plan")
    if plan is not None:
        return plan_dict(plan)
    return {m: _get(row, f"plan_{m}") for m in ("3", "6", "10", "12")}


def project_out(row: Any) -> ProjectOut:
    if isinstance(row, ProjectSummary):
        # The store's list rows are typed already: no validation, no attribute probing (a
        # project list has hundreds of them).
        return ProjectOut.model_construct(
            no=row.no,
            code=row.code,
            name=row.name,
            unit=row.unit,
            amount=row.amount,
            fiscal=row.fiscal,
            other=row.other,
            plan=plan_dict(row.plan),
            finding_count=row.findings,
        )
    return ProjectOut(
        no=_get(row, "no"),
        code=_get(row, "code"),
        name=_get(row, "name"),
        unit=_get(row, "unit"),
        amount=_get(row, "amount"),
        fiscal=_get(row, "fiscal"),
        other=_get(row, "other"),
        plan=project_plan(row),
        finding_count=_get(row, "findings") if isinstance(_get(row, "findings"), int) else None,
    )


def indicator_out(row: Any, no: int) -> IndicatorOut:
    parsed = _get(row, "parsed")
    if parsed is None and _get(row, "parsed_kind") is not None:
        parsed = ParsedValue(
            kind=_get(row, "parsed_kind"),
            comparator=_get(row, "parsed_comparator"),
            number=_get(row, "parsed_number"),
            unit=_get(row, "parsed_unit"),
        )
    return IndicatorOut(
        no=no,
        level1=_get(row, "level1"),
        level2=_get(row, "level2"),
        name=_get(row, "name"),
        description=_get(row, "description"),
        value=_get(row, "value"),
        basis=_get(row, "basis"),
        parsed=ParsedValue.model_validate(parsed, from_attributes=True) if parsed else None,
    )


def finding_out(row: Any) -> FindingOut:
    """From a stored finding (`StoredFinding`: id, finding, review) or a bare `Finding`."""
    finding = _get(row, "finding")
    if not isinstance(finding, Finding):
        finding = row if isinstance(row, Finding) else Finding.model_validate(row)
    return FindingOut(
        **finding.model_dump(),
        id=_get(row, "id"),
        review_status=_get(row, "review_status") or "open",
        review_comment=_get(row, "review_comment"),
    )


def search_hit(row: Any) -> SearchHit:
    return SearchHit(
        disclosure_id=_get(row, "disclosure_id"),
        department=DepartmentOut.model_validate(_get(row, "department")),
        year=_get(row, "year"),
        kind=_get(row, "kind") or "budget",
        project_no=_get(row, "project_no"),
        project_code=_get(row, "project_code"),
        project_name=_get(row, "project_name"),
        amount=_get(row, "amount"),
        matched=list(_get(row, "matched") or []),
        indicators=list(_get(row, "indicators") or []),
    )


def table_out(row: TableSummary) -> TableOut:
    return TableOut(
        no=row.no,
        path=f"tables[{row.no - 1}]",
        name=row.name,
        title=row.title,
        unit=row.unit,
        pages=list(row.pages),
        empty=row.empty,
        row_count=row.row_count,
        finding_count=row.findings,
    )


def table_detail_out(table: StoredTable) -> TableDetailOut:
    return TableDetailOut(
        no=table.no,
        path=table.path,
        name=table.name,
        title=table.title,
        unit=table.unit,
        pages=list(table.pages),
        empty=table.empty,
        row_count=len(table.rows),
        finding_count=len(table.findings),
        columns=[list(c) for c in table.columns],
        rows=[
            TableRowOut(
                no=r.no,
                path=r.path,
                code=r.code,
                label=r.label,
                values=list(r.values),
                page=r.page,
                bbox=r.bbox,
                findings=list(r.finding_ids),
            )
            for r in table.rows
        ],
        findings=[finding_out(f) for f in table.findings],
    )


def paragraph_out(p: StoredParagraph) -> ParagraphOut:
    return ParagraphOut(
        no=p.no,
        path=p.path,
        parents=list(p.parents),
        heading=p.heading,
        text=p.text,
        page=p.page,
        bbox=p.bbox,
        findings=[finding_out(f) for f in p.findings],
    )
