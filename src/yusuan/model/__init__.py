"""The disclosure as typed objects, no I/O. Money is `Decimal` in 万元."""

from .base import Node, Source
from .disclosure import (
    SCHEMA_ID,
    BudgetFigures,
    Department,
    Disclosure,
    GlossaryEntry,
    Goal,
    Performance,
    Unit,
)
from .finance import (
    INCOME_SOURCES,
    AssetRow,
    Assets,
    BasicExpenditure,
    CategoryTotal,
    Expenditure,
    Income,
    IncomeSource,
    OperatingCosts,
    Procurement,
    ProcurementItem,
    ProjectExpenditure,
    ThreePublic,
)
from .indicator import Indicator, ParsedValue
from .narrative import Paragraph
from .project import PLAN_MONTHS, Discrepancy, Plan, Project
from .tables import BUDGET_NAMES, FINAL_NAMES, StandardTable, TableRow, three_public_field

__all__ = [
    "BUDGET_NAMES",
    "FINAL_NAMES",
    "INCOME_SOURCES",
    "PLAN_MONTHS",
    "SCHEMA_ID",
    "AssetRow",
    "Assets",
    "BasicExpenditure",
    "BudgetFigures",
    "CategoryTotal",
    "Department",
    "Disclosure",
    "Discrepancy",
    "Expenditure",
    "GlossaryEntry",
    "Goal",
    "Income",
    "IncomeSource",
    "Indicator",
    "Node",
    "OperatingCosts",
    "Paragraph",
    "ParsedValue",
    "Performance",
    "Plan",
    "Procurement",
    "ProcurementItem",
    "Project",
    "ProjectExpenditure",
    "Source",
    "StandardTable",
    "TableRow",
    "ThreePublic",
    "Unit",
    "three_public_field",
]
