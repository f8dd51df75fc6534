"""The money sections: income, expenditure, 机关运行经费, 三公经费, procurement, assets."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from .base import Node

IncomeKey = Literal[
    "general_budget",
    "government_fund",
    "state_capital",
    "superior_grant",
    "service_income",
    "business_income",
    "subsidiary_remittance",
    "other_income",
    "carryover",
]

#: 收入 sources as the template names them, in template order.
INCOME_SOURCES: dict[str, IncomeKey] = {
    "一般公共预算拨款": "general_budget",
    "政府性基金预算拨款": "government_fund",
    "国有资本经营预算拨款": "state_capital",
    "上级补助收入": "superior_grant",
    "事业收入": "service_income",
    "经营收入": "business_income",
    "附属单位上缴收入": "subsidiary_remittance",
    "其他收入": "other_income",
    "上年结转": "carryover",
}


class IncomeSource(Node):
    key: IncomeKey
    name: str
    amount: Decimal | None = None
    change: Decimal | None = None
    growth_pct: Decimal | None = None
    share_pct: Decimal | None = None


class Income(Node):
    total: Decimal | None = None
    change: Decimal | None = None
    growth_pct: Decimal | None = None
    sources: list[IncomeSource] = Field(default_factory=list)


class BasicExpenditure(Node):
    amount: Decimal | None = None
    share_pct: Decimal | None = None
    change: Decimal | None = None
    personnel: Decimal | None = None
    public: Decimal | None = None


class ProjectExpenditure(Node):
    amount: Decimal | None = None
    share_pct: Decimal | None = None
    change: Decimal | None = None
    own: Decimal | None = None
    carryover: Decimal | None = None


class Expenditure(Node):
    total: Decimal | None = None
    basic: BasicExpenditure = Field(default_factory=BasicExpenditure)
    project: ProjectExpenditure = Field(default_factory=ProjectExpenditure)


class OperatingCosts(Node):
    amount: Decimal | None = None
    change: Decimal | None = None


class ThreePublic(Node):
    total: Decimal | None = None
    change: Decimal | None = None
    overseas: Decimal | None = None
    vehicle_total: Decimal | None = None
    vehicle_purchase: Decimal | None = None
    vehicle_operation: Decimal | None = None
    reception: Decimal | None = None


ProcurementCategory = Literal["货物", "工程", "服务"]


class CategoryTotal(Node):
    count: int | None = None
    amount: Decimal | None = None


class ProcurementItem(Node):
    source_project: str | None = None
    source_budget: Decimal | None = None
    item: str | None = None
    catalog_code: str | None = None
    unit: str | None = None
    quantity: Decimal | None = None
    unit_price: Decimal | None = None
    amount: Decimal | None = None
    general_budget: Decimal | None = None
    other_funds: dict[str, Decimal | None] = Field(default_factory=dict)


class Procurement(Node):
    total: Decimal | None = None
    count: int | None = None
    by_category: dict[ProcurementCategory, CategoryTotal] = Field(default_factory=dict)
    items: list[ProcurementItem] = Field(default_factory=list)


class AssetRow(Node):
    item: str
    quantity: Decimal | None = None
    value: Decimal | None = None


class Assets(Node):
    total: Decimal | None = None
    as_of: str | None = None
    categories: dict[str, Decimal] = Field(default_factory=dict)
    planned_purchase: Decimal | None = None
    table: list[AssetRow] = Field(default_factory=list)
