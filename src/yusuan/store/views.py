"""Plain values the store's functions return: no ORM object leaves the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from ..audit import Finding


@dataclass(frozen=True, slots=True)
class ImportResult:
    disclosure_id: int
    created: bool
    """False when the same bytes were imported before (nothing changed)."""
    version: int


@dataclass(frozen=True, slots=True)
class DepartmentRef:
    """A department as stored across years (`id`), or as a disclosure printed it (`id` None)."""

    id: int | None
    code: str | None
    name: str | None
    short_name: str | None


@dataclass(frozen=True, slots=True)
class DisclosureInfo:
    id: int
    department_id: int
    department: DepartmentRef
    """As this disclosure prints it (API: `department` {name, short_name, code})."""
    year: int | None
    kind: str
    title: str | None
    status: str
    version: int
    content_hash: str
    file_name: str | None
    imported_at: datetime
    imported_by: str | None
    status_changed_at: datetime | None


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    no: int
    position: int
    """0-based place in the document (`no` is as printed and may repeat)."""
    code: str | None
    name: str | None
    unit: str | None
    amount: Decimal | None
    fiscal: Decimal | None
    other: Decimal | None
    plan: dict[str, Decimal | None]
    """{"3": pct, "6": pct, "10": pct, "12": pct} as in the canonical JSON."""
    findings: int
    """Unsuppressed findings that point at this project."""


@dataclass(frozen=True, slots=True)
class StoredFinding:
    id: int
    finding: Finding
    review_status: str
    review_comment: str | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    disclosure_id: int
    department: DepartmentRef
    year: int | None
    kind: str
    status: str
    project_no: int
    project_code: str | None
    project_name: str | None
    amount: Decimal | None
    matched: list[str]
    """Which fields hold the words: "name", "code", "purpose", "indicator"."""
    indicators: list[str] = field(default_factory=list)
    """The names of the matching indicators (at most five)."""


@dataclass(frozen=True, slots=True)
class Grid:
    """Departments × years: the newest version of each kind, among the statuses asked for."""

    departments: list[DepartmentRef]
    years: list[int | None]
    cells: dict[tuple[int, int | None], list[DisclosureInfo]]
    """(department id, year) -> one DisclosureInfo per kind (budget before final)."""


@dataclass(frozen=True, slots=True)
class TableSummary:
    """A standard table in the list: `no` is 1-based in printed order (`tables[no - 1]`)."""

    no: int
    name: str
    title: str | None
    unit: str | None
    pages: list[int]
    empty: bool
    row_count: int
    findings: int
    """Unsuppressed findings with a location in this table."""


@dataclass(frozen=True, slots=True)
class StoredRow:
    no: int
    """1-based (`rows[no - 1]`)."""
    path: str
    """The model path findings use: `tables[0].rows[12]`."""
    code: str | None
    label: str | None
    values: list[Decimal | None]
    """One per data column, in the table's own unit, exactly as stored."""
    page: int | None
    bbox: list[float] | None
    finding_ids: list[int]
    """Ids of the table's findings that point at this row."""


@dataclass(frozen=True, slots=True)
class StoredTable:
    no: int
    path: str
    name: str
    title: str | None
    unit: str | None
    pages: list[int]
    empty: bool
    columns: list[list[str]]
    rows: list[StoredRow]
    page: int | None
    bbox: list[float] | None
    findings: list[StoredFinding]
    """Unsuppressed findings with a location in this table (its rows, title or columns)."""


@dataclass(frozen=True, slots=True)
class StoredParagraph:
    no: int
    """1-based (`narrative[no - 1]`)."""
    path: str
    heading: str | None
    text: str
    page: int | None
    bbox: list[float] | None
    findings: list[StoredFinding]
    parents: list[str] = field(default_factory=list)
    """The headings that enclose `heading`, outermost first."""
