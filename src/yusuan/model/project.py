"""Budget projects (项目绩效目标表)."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from .base import Node
from .indicator import Indicator

#: The checkpoints of 资金支出计划: cumulative % spent by the end of these months.
PLAN_MONTHS: tuple[str, ...] = ("3", "6", "10", "12")


class Plan(Node):
    """资金支出计划: cumulative share (%) planned to be spent by the end of a month."""

    m3: Decimal | None = Field(default=None, alias="3")
    m6: Decimal | None = Field(default=None, alias="6")
    m10: Decimal | None = Field(default=None, alias="10")
    m12: Decimal | None = Field(default=None, alias="12")

    def get(self, month: str) -> Decimal | None:
        return getattr(self, f"m{month}")  # type: ignore[no-any-return]

    def items(self) -> list[tuple[str, Decimal | None]]:
        return [(m, self.get(m)) for m in PLAN_MONTHS]


class Discrepancy(Node):
    """A place where the table and the prose (or two rows) disagree; the table's value is kept."""

    field: str
    table: Decimal | str | None = None
    prose: Decimal | str | None = None
    #: For a duplicated row shifted under other headers: the value that row holds.
    shifted: Decimal | str | None = Field(default=None, exclude_if=lambda v: v is None)


class Project(Node):
    no: int
    code: str | None = None
    name: str | None = None
    unit: str | None = None
    amount: Decimal | None = None
    fiscal: Decimal | None = None
    other: Decimal | None = None
    purpose: str | None = None
    plan: Plan = Field(default_factory=Plan)
    goals: list[str] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    discrepancies: list[Discrepancy] = Field(default_factory=list)
