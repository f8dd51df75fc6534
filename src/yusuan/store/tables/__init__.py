"""The relational schema of the canonical model (one module per part of the disclosure)."""

from .accounts import ACCOUNT_TABLES, ROLES, AuditEntry, LoginFailure, User, UserSession
from .audit import Finding, FindingLocation
from .base import Base
from .disclosure import (
    STATUSES,
    Department,
    Disclosure,
    GlossaryEntry,
    NarrativeParagraph,
    PerformanceGoal,
    SourcePlace,
    TextItem,
    Unit,
)
from .money import (
    FIGURE_SETS,
    AssetCategory,
    AssetRow,
    AssetSummary,
    Figures,
    IncomeSource,
    ProcurementCategory,
    ProcurementItem,
    ProcurementItemFund,
    ProcurementSummary,
)
from .projects import Discrepancy, Indicator, Project, ProjectGoal
from .standard import StandardTable, TableCell, TableHeaderCell, TablePage, TableRow

__all__ = [
    "ACCOUNT_TABLES",
    "FIGURE_SETS",
    "ROLES",
    "STATUSES",
    "AssetCategory",
    "AssetRow",
    "AssetSummary",
    "AuditEntry",
    "Base",
    "Department",
    "Disclosure",
    "Discrepancy",
    "Figures",
    "Finding",
    "FindingLocation",
    "GlossaryEntry",
    "IncomeSource",
    "Indicator",
    "LoginFailure",
    "NarrativeParagraph",
    "PerformanceGoal",
    "ProcurementCategory",
    "ProcurementItem",
    "ProcurementItemFund",
    "ProcurementSummary",
    "Project",
    "ProjectGoal",
    "SourcePlace",
    "StandardTable",
    "TableCell",
    "TableHeaderCell",
    "TablePage",
    "TableRow",
    "TextItem",
    "Unit",
    "User",
    "UserSession",
]
