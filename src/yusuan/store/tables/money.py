"""The money sections as real columns: income, expenditure, 机关运行经费, 三公经费,
procurement and assets.

Income, expenditure, operating costs and 三公 exist twice for a 决算: the reported (决算)
figures and, under `budget_figures`, the budget (预算数) a table prints beside them. Both
live in `figures`, told apart by `figure_set`, so one query compares them across years.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, disclosure_fk, position

FIGURE_SETS = ("reported", "budget")


class Figures(Base):
    """One figure set of a disclosure. A `budget` set may lack a section (`has_*` false)."""

    __tablename__ = "figures"
    __table_args__ = (
        UniqueConstraint("disclosure_id", "figure_set"),
        CheckConstraint("figure_set IN ('reported', 'budget')", name="figure_set"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = disclosure_fk()
    figure_set: Mapped[str] = mapped_column(String(20))

    has_income: Mapped[bool]
    income_total: Mapped[Decimal | None]
    income_change: Mapped[Decimal | None]
    income_growth_pct: Mapped[Decimal | None]

    has_expenditure: Mapped[bool]
    expenditure_total: Mapped[Decimal | None]
    basic_amount: Mapped[Decimal | None]
    basic_share_pct: Mapped[Decimal | None]
    basic_change: Mapped[Decimal | None]
    basic_personnel: Mapped[Decimal | None]
    basic_public: Mapped[Decimal | None]
    project_amount: Mapped[Decimal | None]
    project_share_pct: Mapped[Decimal | None]
    project_change: Mapped[Decimal | None]
    project_own: Mapped[Decimal | None]
    project_carryover: Mapped[Decimal | None]

    has_operating_costs: Mapped[bool]
    operating_amount: Mapped[Decimal | None]
    operating_change: Mapped[Decimal | None]

    has_three_public: Mapped[bool]
    three_public_total: Mapped[Decimal | None]
    three_public_change: Mapped[Decimal | None]
    overseas: Mapped[Decimal | None]
    vehicle_total: Mapped[Decimal | None]
    vehicle_purchase: Mapped[Decimal | None]
    vehicle_operation: Mapped[Decimal | None]
    reception: Mapped[Decimal | None]


class IncomeSource(Base):
    """收入 by source, in document order (`key` from the Names list, `name` as printed)."""

    __tablename__ = "income_sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    figures_id: Mapped[int] = mapped_column(
        ForeignKey("figures.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = position()
    key: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(Text)
    amount: Mapped[Decimal | None]
    change: Mapped[Decimal | None]
    growth_pct: Mapped[Decimal | None]
    share_pct: Mapped[Decimal | None]


class ProcurementSummary(Base):
    """政府采购 totals; one row per disclosure."""

    __tablename__ = "procurement"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(
        ForeignKey("disclosures.id", ondelete="CASCADE"), unique=True
    )
    total: Mapped[Decimal | None]
    count: Mapped[int | None] = mapped_column(BigInteger)


class ProcurementCategory(Base):
    """`procurement.by_category`: 货物 / 工程 / 服务, in printed order."""

    __tablename__ = "procurement_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = disclosure_fk()
    position: Mapped[int] = position()
    category: Mapped[str] = mapped_column(String(20))
    count: Mapped[int | None] = mapped_column(BigInteger)
    amount: Mapped[Decimal | None]


class ProcurementItem(Base):
    __tablename__ = "procurement_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = disclosure_fk()
    position: Mapped[int] = position()
    source_project: Mapped[str | None] = mapped_column(Text)
    source_budget: Mapped[Decimal | None]
    item: Mapped[str | None] = mapped_column(Text)
    catalog_code: Mapped[str | None] = mapped_column(Text, index=True)
    unit: Mapped[str | None] = mapped_column(Text)
    quantity: Mapped[Decimal | None]
    unit_price: Mapped[Decimal | None]
    amount: Mapped[Decimal | None]
    general_budget: Mapped[Decimal | None]


class ProcurementItemFund(Base):
    """`other_funds` of an item: amount by fund-source column, in column order."""

    __tablename__ = "procurement_item_funds"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("procurement_items.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = position()
    column_name: Mapped[str] = mapped_column(Text)
    amount: Mapped[Decimal | None]


class AssetSummary(Base):
    """国有资产 totals; one row per disclosure."""

    __tablename__ = "assets"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(
        ForeignKey("disclosures.id", ondelete="CASCADE"), unique=True
    )
    total: Mapped[Decimal | None]
    as_of: Mapped[str | None] = mapped_column(Text)
    planned_purchase: Mapped[Decimal | None]


class AssetCategory(Base):
    """`assets.categories`: fixed assets by category, in printed order."""

    __tablename__ = "asset_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = disclosure_fk()
    position: Mapped[int] = position()
    name: Mapped[str] = mapped_column(Text)
    amount: Mapped[Decimal]


class AssetRow(Base):
    """`assets.table`."""

    __tablename__ = "asset_rows"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = disclosure_fk()
    position: Mapped[int] = position()
    item: Mapped[str] = mapped_column(Text)
    quantity: Mapped[Decimal | None]
    value: Mapped[Decimal | None]
