"""Standard tables (部门收支总表 …, 收入支出决算总表 …) as printed."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

from pydantic import Field

from .base import Node

TableUnit = Literal["元", "万元"]

#: The standard tables by kind, as DESIGN.md names them: a 决算 prints the first nine, a 预算
#: the second (provinces vary the 部门 / 单位 prefix and other words: the reader matches titles
#: by content, `readers/pdf/standard.py`).
FINAL_NAMES = (
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表",
    '财政拨款"三公"经费支出决算表',
    "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表",
)
BUDGET_NAMES = (
    "部门收支总表",
    "部门收入总表",
    "部门支出总表",
    "财政拨款收支总表",
    "一般公共预算支出表",
    "一般公共预算基本支出表",
    '一般公共预算"三公"经费支出表',
    "政府性基金预算支出表",
    "国有资本经营预算支出表",
)


class TableRow(Node):
    code: str | None = None
    label: str | None = None
    values: list[Decimal | None] = Field(default_factory=list)


class StandardTable(Node):
    name: str
    title: str | None = None
    unit: TableUnit | None = None
    pages: list[int] = Field(default_factory=list)
    empty: bool = False
    columns: list[list[str]] = Field(default_factory=list)
    rows: list[TableRow] = Field(default_factory=list)


def three_public_field(head: Sequence[str]) -> str | None:
    """Which `ThreePublic` field a column of a 三公 table holds, from its header cells (top
    row first): `因公出国（境）费` overseas, `公务接待费` reception, under 公务用车购置及运行费
    its `小计` (vehicle_total), `公务用车购置费` / `购置费` and `公务用车运行费` / `运行费` /
    `运行维护费`, and `合计` the total. The reader fills the typed fields and the audit checks
    them by the same reading of the headers."""
    text = "|".join(head)
    if "因公出国" in text:
        return "overseas"
    if "公务接待" in text:
        return "reception"
    if "公务用车" in text or "购置" in text or "运行" in text:
        if any(c.startswith("公务用车购置费") or c == "购置费" for c in head):
            return "vehicle_purchase"
        if any(c.startswith("公务用车运行") or c in ("运行费", "运行维护费") for c in head):
            return "vehicle_operation"
        return "vehicle_total"
    if "合计" in head:
        return "total"
    return None
