"""Standard tables of a disclosure (收入支出决算总表 …): the list and one table as printed."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from ...store import service
from ..deps import SessionDep, VisibleDep
from ..envelope import DecimalJSONResponse, Envelope, ErrorEnvelope, Meta, ok
from ..lookup import disclosure_row, table_row
from ..schemas import TableDetailOut, TableOut, table_detail_out, table_out
from .params import DEFAULT_LIMIT, Limit, Offset

router = APIRouter(prefix="/disclosures/{disclosure_id}/tables", tags=["tables"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorEnvelope}}


@router.get(
    "",
    response_model=Envelope[list[TableOut]],
    responses=NOT_FOUND,
    summary="标准表列表 standard tables",
)
def list_tables(
    disclosure_id: int,
    session: SessionDep,
    visible: VisibleDep,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> DecimalJSONResponse:
    """The tables in printed order: name, title, unit, pages, whether empty (本表无数据),
    the number of rows and of findings pointing at each. `[]` when none is printed."""
    disclosure_row(session, disclosure_id, visible)
    rows = service.list_tables(session, disclosure_id)
    page = rows[offset : offset + limit]
    return ok([table_out(r) for r in page], meta=Meta(total=len(rows), limit=limit, offset=offset))


@router.get(
    "/{no}",
    response_model=Envelope[TableDetailOut],
    responses=NOT_FOUND,
    summary="一张标准表及其审核发现 a standard table with its findings",
)
def get_table(
    disclosure_id: int,
    no: Annotated[int, Path(ge=1, description="第几张表（从 1 起） 1-based")],
    session: SessionDep,
    visible: VisibleDep,
) -> DecimalJSONResponse:
    """Table `no` (1-based, printed order): the header cells of each column (top row first),
    every row with its code, label and exact values in the table's unit (`unit`), its page,
    and the ids of the findings pointing at it; the findings themselves under `findings`."""
    disclosure_row(session, disclosure_id, visible)
    return ok(table_detail_out(table_row(session, disclosure_id, no)))
