"""The narrative of a disclosure (决算 情况说明): its paragraphs with their findings."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ...store import service
from ..deps import SessionDep, VisibleDep
from ..envelope import DecimalJSONResponse, Envelope, ErrorEnvelope, Meta, ok
from ..lookup import disclosure_row
from ..schemas import ParagraphOut, paragraph_out
from .params import DEFAULT_LIMIT, Limit, Offset

router = APIRouter(prefix="/disclosures/{disclosure_id}/narrative", tags=["narrative"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorEnvelope}}


@router.get(
    "",
    response_model=Envelope[list[ParagraphOut]],
    responses=NOT_FOUND,
    summary="情况说明 narrative paragraphs",
)
def list_narrative(
    disclosure_id: int,
    session: SessionDep,
    visible: VisibleDep,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> DecimalJSONResponse:
    """The paragraphs in printed order, each with its heading, text, page and the findings
    pointing at it. `[]` when the disclosure prints none."""
    disclosure_row(session, disclosure_id, visible)
    rows = service.list_narrative(session, disclosure_id)
    page = rows[offset : offset + limit]
    return ok(
        [paragraph_out(p) for p in page], meta=Meta(total=len(rows), limit=limit, offset=offset)
    )
