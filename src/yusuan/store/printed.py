"""The standard tables and the narrative (情况说明) of a stored disclosure as printed, each row
and paragraph with its page and the findings that point at it.

Findings name their places by model path (`Location.section`): a table by its position or by
its standard name (`tables[2].rows[0]`, `tables[支出决算表].rows[0]`, `tables[3].title`), a
paragraph by its position (`narrative[5]`). `locate` turns such a path into a place; a name
that several tables share means the first of them.

Numbers here are 1-based as a reader counts (table 1 is `tables[0]`, row 1 is `rows[0]`);
`path` gives the 0-based model path the findings use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..audit import Finding
from . import load
from . import tables as t
from .errors import NotFound
from .queries import get_disclosure, list_findings
from .views import StoredFinding, StoredParagraph, StoredRow, StoredTable, TableSummary

_TABLE = re.compile(r"^tables\[([^\]]*)\](?:\.rows\[(\d+)\])?")
_PARAGRAPH = re.compile(r"^narrative\[(\d+)\]")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a finding's location points: a table (0-based `index`, `row` or None for the
    table as a whole) or a narrative paragraph (`row` None)."""

    kind: str
    """"table" or "paragraph"."""
    index: int
    row: int | None = None


def locate(section: str | None, names: Sequence[str]) -> Place | None:
    """The table, row or paragraph a finding's `section` names (`names`: the disclosure's
    table names in order), or None when it names none of them."""
    if not section:
        return None
    if m := _PARAGRAPH.match(section):
        return Place("paragraph", int(m.group(1)))
    m = _TABLE.match(section)
    if m is None:
        return None
    key, row = m.group(1), m.group(2)
    if key.isdigit():
        index = int(key)
        if index >= len(names):
            return None
    elif key in names:
        index = list(names).index(key)
    else:
        return None
    return Place("table", index, int(row) if row is not None else None)


def places_of(finding: Finding, names: Sequence[str]) -> list[Place]:
    """Every table, row or paragraph `finding` points at, in the order of its locations."""
    out: list[Place] = []
    for loc in finding.locations:
        place = locate(loc.section, names)
        if place is not None and place not in out:
            out.append(place)
    return out


def table_names(session: Session, disclosure_id: int) -> list[str]:
    return list(
        session.scalars(
            select(t.StandardTable.name)
            .where(t.StandardTable.disclosure_id == disclosure_id)
            .order_by(t.StandardTable.position)
        )
    )


def list_tables(
    session: Session, disclosure_id: int, findings: list[StoredFinding] | None = None
) -> list[TableSummary]:
    """The disclosure's standard tables in printed order, with their row and finding counts
    (`findings`: the disclosure's stored findings, when the caller has them already)."""
    get_disclosure(session, disclosure_id)
    tables = load._all(
        session,
        select(t.StandardTable)
        .where(t.StandardTable.disclosure_id == disclosure_id)
        .order_by(t.StandardTable.position),
    )
    if not tables:
        return []
    ids = [tb.id for tb in tables]
    pages = load.group_by(
        load._all(
            session,
            select(t.TablePage).where(t.TablePage.table_id.in_(ids)).order_by(t.TablePage.position),
        ),
        "table_id",
    )
    counts: dict[int, int] = {
        table_id: n
        for table_id, n in session.execute(
            select(t.TableRow.table_id, func.count())
            .where(t.TableRow.table_id.in_(ids))
            .group_by(t.TableRow.table_id)
        )
    }
    names = [tb.name for tb in tables]
    on_table: dict[int, int] = {}
    if findings is None:
        findings = list_findings(session, disclosure_id)
    for f in findings:
        for index in {p.index for p in places_of(f.finding, names) if p.kind == "table"}:
            on_table[index] = on_table.get(index, 0) + 1
    return [
        TableSummary(
            no=i + 1,
            name=tb.name,
            title=tb.title,
            unit=tb.unit,
            pages=[p.page for p in pages[tb.id]],
            empty=tb.empty,
            row_count=counts.get(tb.id, 0),
            findings=on_table.get(i, 0),
        )
        for i, tb in enumerate(tables)
    ]


def _places(session: Session, disclosure_id: int, prefix: str) -> dict[str, t.SourcePlace]:
    """Source places at `prefix` and below, by path."""
    rows = load._all(
        session,
        select(t.SourcePlace).where(
            t.SourcePlace.disclosure_id == disclosure_id,
            or_(t.SourcePlace.path == prefix, t.SourcePlace.path.startswith(prefix + ".")),
        ),
    )
    return {r.path: r for r in rows}


def get_table(session: Session, disclosure_id: int, no: int) -> StoredTable:
    """Table `no` (1-based, printed order): header cells, every row and cell as stored, the
    page of each row, and the findings that point at the table (each row lists their ids)."""
    get_disclosure(session, disclosure_id)
    tb = session.scalars(
        select(t.StandardTable).where(
            t.StandardTable.disclosure_id == disclosure_id, t.StandardTable.position == no - 1
        )
    ).first()
    if tb is None or no < 1:
        raise NotFound(f"标准表 {no}", f"table {no}")
    columns: list[list[str]] = [[] for _ in range(tb.column_count)]
    for h in session.scalars(
        select(t.TableHeaderCell)
        .where(t.TableHeaderCell.table_id == tb.id)
        .order_by(t.TableHeaderCell.column, t.TableHeaderCell.level)
    ):
        columns[h.column].append(h.text)
    pages = list(
        session.scalars(
            select(t.TablePage.page)
            .where(t.TablePage.table_id == tb.id)
            .order_by(t.TablePage.position)
        )
    )
    rows = load._all(
        session,
        select(t.TableRow).where(t.TableRow.table_id == tb.id).order_by(t.TableRow.position),
    )
    cells = load.group_by(
        load._all(
            session,
            select(t.TableCell)
            .join(t.TableRow)
            .where(t.TableRow.table_id == tb.id)
            .order_by(t.TableCell.column),
        ),
        "row_id",
    )
    path = f"tables[{tb.position}]"
    places = _places(session, disclosure_id, path)
    names = table_names(session, disclosure_id)
    on_table: list[StoredFinding] = []
    by_row: dict[int, list[int]] = {}
    for f in list_findings(session, disclosure_id):
        mine = [
            p for p in places_of(f.finding, names) if p.kind == "table" and p.index == tb.position
        ]
        if not mine:
            continue
        on_table.append(f)
        for p in mine:
            if p.row is not None and f.id not in by_row.get(p.row, []):
                by_row.setdefault(p.row, []).append(f.id)
    out_rows = []
    for r in rows:
        place = places.get(f"{path}.rows[{r.position}]")
        out_rows.append(
            StoredRow(
                no=r.position + 1,
                path=f"{path}.rows[{r.position}]",
                code=r.code,
                label=r.label,
                values=[c.value for c in cells[r.id]],
                page=place.page if place else None,
                bbox=load.bbox(place) if place else None,
                finding_ids=by_row.get(r.position, []),
            )
        )
    table_place = places.get(path)
    return StoredTable(
        no=no,
        path=path,
        name=tb.name,
        title=tb.title,
        unit=tb.unit,
        pages=pages,
        empty=tb.empty,
        columns=columns,
        rows=out_rows,
        page=table_place.page if table_place else None,
        bbox=load.bbox(table_place) if table_place else None,
        findings=on_table,
    )


def list_narrative(
    session: Session, disclosure_id: int, findings: list[StoredFinding] | None = None
) -> list[StoredParagraph]:
    """The narrative paragraphs (情况说明) in printed order, each with its page and the
    findings that point at it (`findings`: the disclosure's stored findings, when the caller
    has them already)."""
    get_disclosure(session, disclosure_id)
    paragraphs = load._all(
        session,
        select(t.NarrativeParagraph)
        .where(t.NarrativeParagraph.disclosure_id == disclosure_id)
        .order_by(t.NarrativeParagraph.position),
    )
    if not paragraphs:
        return []
    places = {
        r.path: r
        for r in load._all(
            session,
            select(t.SourcePlace).where(
                t.SourcePlace.disclosure_id == disclosure_id,
                t.SourcePlace.path.startswith("narrative["),
            ),
        )
    }
    names = table_names(session, disclosure_id)
    by_paragraph: dict[int, list[StoredFinding]] = {}
    if findings is None:
        findings = list_findings(session, disclosure_id)
    for f in findings:
        for at in places_of(f.finding, names):
            if at.kind == "paragraph":
                by_paragraph.setdefault(at.index, []).append(f)
    out = []
    for p in paragraphs:
        path = f"narrative[{p.position}]"
        place = places.get(path)
        out.append(
            StoredParagraph(
                no=p.position + 1,
                path=path,
                heading=p.heading,
                parents=list(p.parents or []),
                text=p.text,
                page=place.page if place else None,
                bbox=load.bbox(place) if place else None,
                findings=by_paragraph.get(p.position, []),
            )
        )
    return out
