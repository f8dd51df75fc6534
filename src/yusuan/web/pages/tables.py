"""A standard table as printed: the multi-row header, every row and cell exactly as stored,
the rows that findings point at highlighted with the findings beside them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse

from ...store import service
from ..deps import SessionDep, VisibleDep
from ..lookup import disclosure_row, table_row
from ..schemas import FindingOut, disclosure_out, table_detail_out
from .common import SEVERITY_RANK, place_links, render

router = APIRouter()


@dataclass(frozen=True, slots=True)
class HeaderCell:
    text: str
    colspan: int
    rowspan: int


def header_rows(columns: list[list[str]]) -> list[list[HeaderCell]]:
    """The header of the data columns as printed: `columns[j]` holds column j's cells top row
    first. Equal cells of neighbouring columns under the same parents merge (colspan); a
    column with fewer levels stretches the cell above its bottom one (rowspan), so that the
    bottom cells line up; an empty column is one blank cell over every level."""
    levels = max((len(c) for c in columns), default=0)
    if levels == 0:
        return []
    # Per column: {level: (text, rowspan, key)}, `key` deciding which neighbours merge.
    slots: list[dict[int, tuple[str, int, tuple[Any, ...]]]] = []
    for j, cells in enumerate(columns):
        depth = len(cells)
        column: dict[int, tuple[str, int, tuple[Any, ...]]] = {}
        if depth == 0:
            column[0] = ("", levels, ("blank", j))
        elif depth == 1:
            column[0] = (cells[0], levels, ("leaf", j))
        else:
            for i in range(depth - 2):
                column[i] = (cells[i], 1, ("cell", tuple(cells[: i + 1]), i, 1))
            stretch = 1 + levels - depth
            column[depth - 2] = (
                cells[depth - 2],
                stretch,
                ("cell", tuple(cells[: depth - 1]), depth - 2, stretch),
            )
            column[levels - 1] = (cells[-1], 1, ("leaf", j))
        slots.append(column)
    rows: list[list[HeaderCell]] = []
    for level in range(levels):
        row: list[HeaderCell] = []
        j = 0
        while j < len(slots):
            slot = slots[j].get(level)
            if slot is None:
                j += 1
                continue
            text, rowspan, key = slot
            span = 1
            while j + span < len(slots) and slots[j + span].get(level, (None, 0, None))[2] == key:
                span += 1
            row.append(HeaderCell(text, span, rowspan))
            j += span
        rows.append(row)
    return rows


@router.get(
    "/disclosures/{disclosure_id}/tables/{no}", name="table_page", response_class=HTMLResponse
)
def table(
    request: Request,
    disclosure_id: int,
    no: Annotated[int, Path(ge=1)],
    session: SessionDep,
    visible: VisibleDep,
) -> HTMLResponse:
    meta = disclosure_out(disclosure_row(session, disclosure_id, visible))
    detail = table_detail_out(table_row(session, disclosure_id, no))
    names = service.table_names(session, disclosure_id)
    by_id = {f.id: f for f in detail.findings}
    # Each finding is shown in full under the first row it points at (that is its anchor),
    # and as a link on the other rows; findings on no row (title, header) above the table.
    shown_at: dict[int, int] = {}
    for r in detail.rows:
        for fid in r.findings:
            shown_at.setdefault(fid, r.no)
    row_findings: dict[int, list[FindingOut]] = {}
    row_severity: dict[int, str] = {}
    for r in detail.rows:
        found = [by_id[fid] for fid in r.findings if fid in by_id]
        if found:
            row_findings[r.no] = found
            row_severity[r.no] = min((f.severity for f in found), key=SEVERITY_RANK.__getitem__)
    context: dict[str, Any] = {
        "d": meta,
        "t": detail,
        "header": header_rows(detail.columns),
        "levels": max(1, max((len(c) for c in detail.columns), default=0)),
        "has_codes": any(r.code for r in detail.rows),
        "row_findings": row_findings,
        "row_severity": row_severity,
        "shown_at": shown_at,
        "table_findings": [f for f in detail.findings if f.id not in shown_at],
        "links": {f.id: place_links(f, disclosure_id, names) for f in detail.findings},
        "count": len(names),
    }
    return render(request, "table.html", context)
