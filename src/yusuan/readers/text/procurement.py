"""政府采购预算: the sentence with count and amount by category, and the item tables.

Columns are found by their header text (two header rows, the second naming the fund
columns), so a table with other or fewer columns reads too. 合计 and 小计 rows are totals,
not items; an item whose source-project cells are empty (merged) belongs to the one above.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from ...model import CategoryTotal, Procurement, ProcurementItem, Source
from .lines import Line, cell, code, number, to_decimal

NUM = r"(\d+(?:,\d{3})*(?:\.\d+)?)"
_COUNT = re.compile(r"政府采购项目(?:为|共)?\s*(\d+)\s*个")
_TOTAL = re.compile(r"涉及金额\s*" + NUM + r"\s*万元")
_CATEGORY = re.compile(
    r"(货物|工程|服务)类?\s*(\d+)\s*个[，,]?\s*(?:涉及)?金额\s*" + NUM + r"\s*万元"
)

# A 决算 states what was bought, by contract, without counts: "政府采购金额（以合同签订为准）为
# 251.25万元，其中：货物采购金额4.79万元、工程采购金额0万元、服务采购金额246.47万元".
_TOTAL_FINAL = re.compile(
    r"政府采购(?:支出)?总?金额(?:（[^）]*）|\([^)]*\))?\s*(?:为|是|共计)?\s*" + NUM + r"\s*万元"
)
_CATEGORY_FINAL = re.compile(
    r"(货物|工程|服务)类?采购(?:支出)?金额\s*(?:为|是)?\s*" + NUM + r"\s*万元"
)

_FIELDS = {
    "项目名称": "source_project",
    "预算资金": "source_budget",
    "采购物品名称": "item",
    "采购项目名称": "item",
    "计量单位": "unit",
    "数量": "quantity",
    "单价": "unit_price",
    "合计": "amount",
    "一般公共预算拨款": "general_budget",
}


def summary(text: str, line: int, procurement: Procurement) -> None:
    procurement.source = Source(line=line)
    if m := _COUNT.search(text):
        procurement.count = int(m.group(1))
    if m := _TOTAL.search(text):
        procurement.total = to_decimal(m.group(1))
    for m in _CATEGORY.finditer(text):
        category = m.group(1)
        procurement.by_category[category] = CategoryTotal(  # type: ignore[index]
            source=Source(line=line), count=int(m.group(2)), amount=to_decimal(m.group(3))
        )
    if procurement.total is None and (m := _TOTAL_FINAL.search(text)):
        procurement.total = to_decimal(m.group(1))
        for m in _CATEGORY_FINAL.finditer(text):
            procurement.by_category.setdefault(
                m.group(1),  # type: ignore[arg-type]
                CategoryTotal(source=Source(line=line), amount=to_decimal(m.group(2))),
            )


def _columns(first: list[str], second: list[str]) -> dict[int, str]:
    names: dict[int, str] = {}
    for i in range(max(len(first), len(second))):
        lower = cell(second[i]).replace(" ", "") if i < len(second) else ""
        upper = cell(first[i]).replace(" ", "") if i < len(first) else ""
        name = lower or upper
        if name:
            names[i] = name
    return names


def items(
    lines: Sequence[Line], project_names: Sequence[str]
) -> tuple[list[ProcurementItem], Decimal | None]:
    """Item rows of every procurement table, and the printed 合计 (or None)."""
    by_squeezed = {n.replace(" ", ""): n for n in project_names}
    out: list[ProcurementItem] = []
    total = None
    columns: dict[int, str] | None = None
    funds: list[str] = []
    pending_header: list[str] | None = None
    for line in lines:
        if line.cells is None:
            continue
        cells = line.cells
        squeezed = [c.replace(" ", "") for c in cells]
        if any("采购物品名称" in c or "采购项目名称" in c for c in squeezed):
            pending_header = cells
            columns = None
            continue
        if pending_header is not None:
            columns = _columns(pending_header, cells)
            funds = _funds(columns)
            pending_header = None
            continue
        if columns is None:
            continue
        row = {columns[i]: c for i, c in enumerate(cells) if i in columns and c}
        first = squeezed[0] if squeezed else ""
        if first == "合计":
            total = number(row.get("合计"))
            continue
        if first.endswith("小计") or not any(row.values()):
            continue
        out.append(_item(line, row, funds, out[-1] if out else None, by_squeezed))
    return out, total


def _funds(columns: dict[int, str]) -> list[str]:
    """The fund-source columns after 合计 other than 一般公共预算拨款."""
    total_at = next((i for i, name in columns.items() if name == "合计"), None)
    if total_at is None:
        return []
    return [
        name for i, name in sorted(columns.items()) if i > total_at and _FIELDS.get(name) is None
    ]


def _item(
    line: Line,
    row: dict[str, str],
    funds: list[str],
    above: ProcurementItem | None,
    projects: dict[str, str],
) -> ProcurementItem:
    item = ProcurementItem(source=Source(line=line.no))
    for name, value in row.items():
        key = _FIELDS.get(name) or ("catalog_code" if "目录" in name or "品目" in name else None)
        if key in ("source_project", "item", "unit"):
            text = cell(value)
            if key == "source_project":
                text = projects.get(text.replace(" ", ""), text)
            setattr(item, key, text)
        elif key == "catalog_code":
            item.catalog_code = code(value)
        elif key is not None:
            setattr(item, key, number(value))
    # Every fund column the table prints, in its order: a blank cell states no amount (null).
    item.other_funds = {name: number(row.get(name)) for name in funds}
    if item.source_project is None and item.source_budget is None and above is not None:
        item.source_project, item.source_budget = above.source_project, above.source_budget
    return item
