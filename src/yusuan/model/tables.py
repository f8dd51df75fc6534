"""Standard tables (部门收支总表 …, 收入支出决算总表 …) as printed."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from .base import Node

TableUnit = Literal["元", "万元"]


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
