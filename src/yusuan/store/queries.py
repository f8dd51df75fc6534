"""Read-only queries across departments and years (lists, search, the grid).

Lists return (rows, total) so that the API can page them. Money is ordered with
`money_order` (SQLite stores money as text); amounts themselves stay exact `Decimal`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    Text,
    and_,
    bindparam,
    distinct,
    exists,
    func,
    or_,
    select,
)
from sqlalchemy.engine import Row
from sqlalchemy.orm import InstrumentedAttribute, Session

from .. import model as m
from . import load, sources
from . import tables as t
from .errors import NotFound
from .types import money_order
from .views import (
    DepartmentRef,
    DisclosureInfo,
    Grid,
    ProjectSummary,
    SearchHit,
    StoredFinding,
)
from .visibility import Visibility

Statuses = str | Collection[str] | Visibility | None

#: `list_projects(sort=...)`: a key, "-" in front for descending.
PROJECT_SORTS = ("no", "position", "amount", "name", "code", "findings")


def _in(column: InstrumentedAttribute[str], value: Statuses) -> ColumnElement[bool] | None:
    if value is None:
        return None
    if isinstance(value, Visibility):  # statuses plus a preparer's own department
        return value.clause()
    values = [value] if isinstance(value, str) else list(value)
    return column.in_(values)


def _like(text: str) -> str:
    """`text` as a LIKE pattern matching it anywhere, its wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _count(session: Session, stmt: Select[*tuple[Any, ...]]) -> int:
    return session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0


def disclosure_info(row: t.Disclosure | Row[Any]) -> DisclosureInfo:
    return DisclosureInfo(
        id=row.id,
        department_id=row.department_id,
        department=DepartmentRef(
            None, row.department_code, row.department_name, row.department_short_name
        ),
        year=row.year,
        kind=row.kind,
        title=row.title,
        status=row.status,
        version=row.version,
        content_hash=row.content_hash,
        file_name=row.file_name,
        imported_at=row.imported_at,
        imported_by=row.imported_by,
        status_changed_at=row.status_changed_at,
    )


_disclosures = t.Disclosure.__table__
#: What `disclosure_info` reads, built once (every route looks its disclosure up first).
_DISCLOSURE_INFO = select(
    *(
        _disclosures.c[name]
        for name in (
            "id",
            "department_id",
            "department_code",
            "department_name",
            "department_short_name",
            "year",
            "kind",
            "title",
            "status",
            "version",
            "content_hash",
            "file_name",
            "imported_at",
            "imported_by",
            "status_changed_at",
        )
    )
).where(_disclosures.c.id == bindparam("disclosure_id", type_=Integer))


def get_disclosure(session: Session, disclosure_id: int) -> DisclosureInfo:
    row = session.execute(_DISCLOSURE_INFO, {"disclosure_id": disclosure_id}).first()
    if row is None:
        raise NotFound(f"公开文件 {disclosure_id}", f"disclosure {disclosure_id}")
    return disclosure_info(row)


def _department_filter(department: str | int) -> ColumnElement[bool]:
    """A department by id, or by code, full name or short name."""
    if isinstance(department, int):
        return t.Disclosure.department_id == department
    return t.Disclosure.department_id.in_(
        select(t.Department.id).where(
            or_(
                t.Department.code == department,
                t.Department.name == department,
                t.Department.short_name == department,
            )
        )
    )


def list_disclosures(
    session: Session,
    *,
    status: Statuses = None,
    department: str | int | None = None,
    year: int | None = None,
    kind: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[DisclosureInfo], int]:
    """Newest year first, then department, kind and newest version."""
    conditions = [
        c
        for c in (
            _in(t.Disclosure.status, status),
            _department_filter(department) if department is not None else None,
            t.Disclosure.year == year if year is not None else None,
            t.Disclosure.kind == kind if kind is not None else None,
        )
        if c is not None
    ]
    stmt = (
        select(t.Disclosure)
        .join(t.Department)
        .where(*conditions)
        .order_by(
            t.Disclosure.year.desc().nulls_last(),
            t.Department.key,
            t.Disclosure.kind,
            t.Disclosure.version.desc(),
            t.Disclosure.id,
        )
    )
    rows = session.scalars(stmt.limit(limit).offset(offset)).all()
    return [disclosure_info(r) for r in rows], _count(session, stmt)


# The project list is asked for on every uncached page view: its statements are built once
# (per sort and with or without a filter) with bind parameters, so that SQLAlchemy neither
# rebuilds them nor computes their cache keys again, and they read plain columns (no ORM
# objects). The findings count of all projects is one grouped subquery, not one per project.
_projects = t.Project.__table__
_findings = t.Finding.__table__
_locations = t.FindingLocation.__table__
_disclosure_id = bindparam("disclosure_id", type_=Integer)
_pattern = bindparam("pattern", type_=Text)
_PROJECT_COLUMNS = (
    _projects.c.no,
    _projects.c.position,
    _projects.c.code,
    _projects.c.name,
    _projects.c.unit,
    _projects.c.amount,
    _projects.c.fiscal,
    _projects.c.other,
    _projects.c.plan_3,
    _projects.c.plan_6,
    _projects.c.plan_10,
    _projects.c.plan_12,
)


def _project_findings() -> Any:
    """Per project number: unsuppressed findings with any location naming it (as
    `list_findings`)."""
    return (
        select(
            _locations.c.project_no,
            func.count(distinct(_locations.c.finding_id)).label("findings"),
        )
        .join(_findings, _findings.c.id == _locations.c.finding_id)
        .where(_findings.c.disclosure_id == _disclosure_id, _findings.c.suppressed.is_(None))
        .group_by(_locations.c.project_no)
        .subquery("project_findings")
    )


def _project_order(sort: str, findings: Any) -> list[Any]:
    key = sort.removeprefix("-")
    if key not in PROJECT_SORTS:
        raise ValueError(f"sort must be one of {PROJECT_SORTS} (with - for descending)")
    column = {
        "no": _projects.c.no,
        "position": _projects.c.position,
        "amount": money_order(_projects.c.amount),
        "name": _projects.c.name,
        "code": _projects.c.code,
        "findings": findings,
    }[key]
    first = column.desc() if sort.startswith("-") else column.asc()
    return [first.nulls_last(), _projects.c.position]


def _project_text_filter(q: str) -> ColumnElement[bool]:
    return _project_text_match(_like(q))


def _project_text_match(pattern: Any) -> ColumnElement[bool]:
    """Name, code or purpose LIKE `pattern` (a string, or a bind parameter)."""
    return or_(
        _projects.c.name.ilike(pattern, escape="\\"),
        _projects.c.code.ilike(pattern, escape="\\"),
        _projects.c.purpose.ilike(pattern, escape="\\"),
    )


def _projects_where(filtered: bool) -> list[ColumnElement[bool]]:
    conditions = [_projects.c.disclosure_id == _disclosure_id]
    if filtered:
        conditions.append(_project_text_match(_pattern))
    return conditions


@cache
def _projects_statement(sort: str, filtered: bool) -> Select[Any]:
    """The page of projects, sorted by `sort`; binds `disclosure_id`, `limit`, `offset` and,
    when `filtered`, `pattern`."""
    counts = _project_findings()
    findings = func.coalesce(counts.c.findings, 0).label("findings")
    return (
        select(*_PROJECT_COLUMNS, findings)
        .select_from(_projects.outerjoin(counts, counts.c.project_no == _projects.c.no))
        .where(*_projects_where(filtered))
        .order_by(*_project_order(sort, findings))
        .limit(bindparam("limit", type_=Integer))
        .offset(bindparam("offset", type_=Integer))
    )


@cache
def _projects_count(filtered: bool) -> Select[int]:
    return select(func.count()).select_from(_projects).where(*_projects_where(filtered))


def list_projects(
    session: Session,
    disclosure_id: int,
    *,
    sort: str = "no",
    q: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[ProjectSummary], int]:
    """Projects of one disclosure; `q` filters on name, code and purpose."""
    if sort.removeprefix("-") not in PROJECT_SORTS:
        get_disclosure(session, disclosure_id)  # NotFound first, as for any unknown id
        raise ValueError(f"sort must be one of {PROJECT_SORTS} (with - for descending)")
    filtered = bool(q)
    params: dict[str, Any] = {"disclosure_id": disclosure_id, "limit": limit, "offset": offset}
    if filtered:
        params["pattern"] = _like(q or "")
    connection = session.connection()
    rows = connection.execute(_projects_statement(sort, filtered), params).all()
    if not rows:
        get_disclosure(session, disclosure_id)  # NotFound for an unknown id
    out = [
        ProjectSummary(
            no=no,
            position=position,
            code=code,
            name=name,
            unit=unit,
            amount=amount,
            fiscal=fiscal,
            other=other,
            plan={"3": plan_3, "6": plan_6, "10": plan_10, "12": plan_12},
            findings=findings,
        )
        for (
            no,
            position,
            code,
            name,
            unit,
            amount,
            fiscal,
            other,
            plan_3,
            plan_6,
            plan_10,
            plan_12,
            findings,
        ) in rows
    ]
    if len(rows) < limit and (rows or offset == 0):
        total = offset + len(rows)  # the last page: no need to count
    else:
        total = connection.execute(_projects_count(filtered), params).scalar_one()
    return out, total


def project_amount_total(session: Session, disclosure_id: int, *, q: str | None = None) -> Decimal:
    """The exact sum of the (filtered) projects' 预算数, summed as `Decimal`."""
    stmt = select(t.Project.amount).where(t.Project.disclosure_id == disclosure_id)
    if q:
        stmt = stmt.where(_project_text_filter(q))
    return sum((a for a in session.scalars(stmt) if a is not None), Decimal(0))


def get_project(session: Session, disclosure_id: int, no: int) -> m.Project:
    """The project numbered `no` (the first, if the document repeats a number) as the model,
    with its goals, indicators, discrepancies and source places."""
    p = session.scalars(
        select(t.Project)
        .where(t.Project.disclosure_id == disclosure_id, t.Project.no == no)
        .order_by(t.Project.position)
    ).first()
    if p is None:
        raise NotFound(f"项目 {no}", f"project {no}")
    goals = session.scalars(
        select(t.ProjectGoal)
        .where(t.ProjectGoal.project_id == p.id)
        .order_by(t.ProjectGoal.position)
    ).all()
    indicators = session.scalars(
        select(t.Indicator).where(t.Indicator.project_id == p.id).order_by(t.Indicator.position)
    ).all()
    discrepancies = session.scalars(
        select(t.Discrepancy)
        .where(t.Discrepancy.project_id == p.id)
        .order_by(t.Discrepancy.position)
    ).all()
    project = load.project(p, list(goals), list(indicators), list(discrepancies))
    prefix = f"projects[{p.position}]"
    places = session.scalars(
        select(t.SourcePlace).where(
            t.SourcePlace.disclosure_id == disclosure_id,
            or_(t.SourcePlace.path == prefix, t.SourcePlace.path.like(prefix + ".%")),
        )
    )
    for place in places:
        sources.attach(project, place.path.removeprefix(prefix), load.source_of(place))
    return project


def source_place(session: Session, disclosure_id: int, path: str) -> m.Source | None:
    """Where the object at `path` ("projects[3].plan") was read, if known."""
    place = session.scalars(
        select(t.SourcePlace).where(
            t.SourcePlace.disclosure_id == disclosure_id, t.SourcePlace.path == path
        )
    ).first()
    return load.source_of(place) if place else None


def list_findings(
    session: Session,
    disclosure_id: int,
    *,
    severity: Statuses = None,
    rule: str | None = None,
    project_no: int | None = None,
    include_suppressed: bool = False,
) -> list[StoredFinding]:
    """Findings in the order the audit reported them (most severe first)."""
    get_disclosure(session, disclosure_id)
    conditions = [
        c
        for c in (
            t.Finding.disclosure_id == disclosure_id,
            _in(t.Finding.severity, severity),
            t.Finding.rule == rule if rule is not None else None,
            None if include_suppressed else t.Finding.suppressed.is_(None),
        )
        if c is not None
    ]
    if project_no is not None:
        # Any location naming the project, not only the first one.
        conditions.append(
            exists().where(
                t.FindingLocation.finding_id == t.Finding.id,
                t.FindingLocation.project_no == project_no,
            )
        )
    rows = session.scalars(select(t.Finding).where(*conditions).order_by(t.Finding.position))
    findings = list(rows)
    locations = load.group_by(
        session.scalars(
            select(t.FindingLocation)
            .where(t.FindingLocation.finding_id.in_([f.id for f in findings]))
            .order_by(t.FindingLocation.position)
        ),
        "finding_id",
    )
    return [
        StoredFinding(f.id, load.finding(f, locations[f.id]), f.review_status, f.review_comment)
        for f in findings
    ]


def search(
    session: Session,
    q: str,
    limit: int = 100,
    offset: int = 0,
    *,
    status: Statuses = None,
) -> tuple[list[SearchHit], int]:
    """Projects whose name, code or purpose, or one of whose indicators (name, description,
    value), holds `q`; newest year first. Blank `q` finds nothing."""
    q = q.strip()
    if not q:
        return [], 0
    pattern = _like(q)
    indicator_text = or_(
        t.Indicator.name.ilike(pattern, escape="\\"),
        t.Indicator.description.ilike(pattern, escape="\\"),
        t.Indicator.value.ilike(pattern, escape="\\"),
    )
    indicator_hit = and_(t.Indicator.project_id == t.Project.id, indicator_text)
    conditions = [or_(_project_text_filter(q), exists().where(indicator_hit))]
    if (by_status := _in(t.Disclosure.status, status)) is not None:
        conditions.append(by_status)
    stmt = (
        select(t.Project, t.Disclosure)
        .join(t.Disclosure, t.Project.disclosure_id == t.Disclosure.id)
        .where(*conditions)
        .order_by(
            t.Disclosure.year.desc().nulls_last(),
            t.Disclosure.id.desc(),
            t.Project.position,
        )
    )
    rows = session.execute(stmt.limit(limit).offset(offset)).all()
    names = load.group_by(
        session.execute(
            select(t.Indicator.project_id, t.Indicator.name)
            .where(t.Indicator.project_id.in_([p.id for p, _ in rows]), indicator_text)
            .order_by(t.Indicator.position)
        ).all(),
        "project_id",
    )
    return [_hit(p, d, q, [n.name or "" for n in names[p.id]]) for p, d in rows], _count(
        session, stmt
    )


def _hit(p: t.Project, d: t.Disclosure, q: str, indicators: Sequence[str]) -> SearchHit:
    needle = q.casefold()
    fields = {"name": p.name, "code": p.code, "purpose": p.purpose}
    matched = [k for k, v in fields.items() if v and needle in v.casefold()]
    if indicators:
        matched.append("indicator")
    return SearchHit(
        disclosure_id=d.id,
        department=DepartmentRef(
            None, d.department_code, d.department_name, d.department_short_name
        ),
        year=d.year,
        kind=d.kind,
        status=d.status,
        project_no=p.no,
        project_code=p.code,
        project_name=p.name,
        amount=p.amount,
        matched=matched,
        indicators=list(indicators[:5]),
    )


def departments_years(session: Session, *, status: Statuses = None) -> Grid:
    """Every department × year with the newest version of each kind (among `status`)."""
    stmt = select(t.Disclosure)
    if (by_status := _in(t.Disclosure.status, status)) is not None:
        stmt = stmt.where(by_status)
    newest: dict[tuple[int, int | None, str], t.Disclosure] = {}
    for row in session.scalars(stmt):
        key = (row.department_id, row.year, row.kind)
        if key not in newest or row.version > newest[key].version:
            newest[key] = row
    ids = sorted({k[0] for k in newest})
    departments = [
        DepartmentRef(d.id, d.code, d.name, d.short_name)
        for d in session.scalars(
            select(t.Department).where(t.Department.id.in_(ids)).order_by(t.Department.key)
        )
    ]
    years = sorted({k[1] for k in newest}, key=lambda y: (y is None, y or 0))
    cells: dict[tuple[int, int | None], list[DisclosureInfo]] = {}
    for (dep, year, _kind), row in sorted(
        newest.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0, kv[0][2] != "budget")
    ):
        cells.setdefault((dep, year), []).append(disclosure_info(row))
    return Grid(departments=departments, years=years, cells=cells)
