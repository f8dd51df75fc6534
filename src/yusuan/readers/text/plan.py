"""资金支出计划: the table row, the prose sentence, and how they combine (DESIGN.md `plan`)."""

from __future__ import annotations

import re
from decimal import Decimal

from ...model import PLAN_MONTHS, Discrepancy, Plan, Source
from ...model.plantext import prose_values

_MONTH_HEAD = re.compile(r"^(\d{1,2})\s*月底?$")
# "12 月底 100.00%": a value that slid into its neighbour's cell, with its own label.
_LABELLED = re.compile(r"(\d{1,2})\s*月底?\s*(\d+(?:\.\d+)?)\s*%")
_PCT = re.compile(r"^(\d+(?:\.\d+)?)\s*%?$")
Row = dict[str, Decimal]

__all__ = ["Row", "combine", "month_columns", "prose_values", "row_values"]


def month_columns(cells: list[str]) -> dict[int, str]:
    """Column index -> month for a header row such as `资金支出计划（%）|3月底||6月底|…`."""
    out: dict[int, str] = {}
    for i, c in enumerate(cells):
        m = _MONTH_HEAD.match(c.replace(" ", ""))
        if m:
            out[i] = str(int(m.group(1)))
    return out


def row_values(header: dict[int, str], cells: list[str]) -> Row:
    """Month -> % for the values row under `header`; a value sits under the nearest header at
    or to its left (a header cell spans the empty cell after it)."""
    row: Row = {}
    for i, c in enumerate(cells):
        if not c or (i == 0 and not header.get(0)):
            continue
        labelled = _LABELLED.search(c)
        if labelled:
            row[str(int(labelled.group(1)))] = Decimal(labelled.group(2))
            continue
        m = _PCT.match(c)
        if not m:
            continue
        month = next((header[j] for j in range(i, -1, -1) if j in header), None)
        if month is not None and month not in row:
            row[month] = Decimal(m.group(1))
    return row


def combine(
    table: Row | None,
    prose: Row,
    shifted: list[Row],
    *,
    line: int | None,
) -> tuple[Plan, list[Discrepancy]]:
    """The plan per DESIGN.md: the table's first row wins, the prose fills its gaps,
    and a shifted duplicate row never sets anything."""
    table = table or {}
    values: dict[str, Decimal | None] = {}
    found: list[Discrepancy] = []
    at = Source(line=line)
    for month in PLAN_MONTHS:
        t, p = table.get(month), prose.get(month)
        values[month] = t if t is not None else p
        if t is not None and p is not None and t != p:
            found.append(Discrepancy(source=at, field=f"plan.{month}", table=t, prose=p))
    for row in shifted:
        for month in PLAN_MONTHS:
            s = row.get(month)
            if s is not None and s != values[month]:
                found.append(
                    Discrepancy(
                        source=at, field=f"plan.{month}", table=values[month], prose=None, shifted=s
                    )
                )
    plan = Plan.model_validate({"_source": at, **values})
    return plan, found
