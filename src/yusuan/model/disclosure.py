"""The whole disclosure: the root of the canonical model (`yusuan/disclosure@1`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Node
from .finance import (
    Assets,
    Expenditure,
    Income,
    OperatingCosts,
    Procurement,
    ThreePublic,
)
from .narrative import Paragraph
from .project import Discrepancy, Project
from .tables import StandardTable

SCHEMA_ID = "yusuan/disclosure@1"
DisclosureKind = Literal["budget", "final"]


class Department(Node):
    name: str | None = None
    short_name: str | None = None
    code: str | None = None


class Unit(Node):
    name: str
    nature: str | None = None
    level: str | None = None
    funding: str | None = None


class Goal(Node):
    """分项绩效目标: its 绩效目标 sentence and its 绩效指标 sentence, without those labels."""

    no: int
    title: str | None = None
    goal: str | None = None
    indicators_text: str | None = None


class Performance(Node):
    overall_goal: str | None = None
    goals: list[Goal] = Field(default_factory=list)
    safeguards: list[str] = Field(default_factory=list)


class GlossaryEntry(Node):
    term: str
    definition: str | None = None


class BudgetFigures(Node):
    """For a 决算: the budget (预算数) figures a final-accounts table prints beside the actuals."""

    income: Income | None = None
    expenditure: Expenditure | None = None
    operating_costs: OperatingCosts | None = None
    three_public: ThreePublic | None = None


class Disclosure(Node):
    schema_: str = Field(default=SCHEMA_ID, alias="schema")
    title: str | None = None
    kind: DisclosureKind = "budget"
    year: int | None = None
    department: Department = Field(default_factory=Department)
    currency_unit: Literal["万元"] = "万元"
    duties: list[str] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)
    income: Income = Field(default_factory=Income)
    expenditure: Expenditure = Field(default_factory=Expenditure)
    operating_costs: OperatingCosts = Field(default_factory=OperatingCosts)
    three_public: ThreePublic = Field(default_factory=ThreePublic)
    performance: Performance = Field(default_factory=Performance)
    projects: list[Project] = Field(default_factory=list)
    procurement: Procurement = Field(default_factory=Procurement)
    assets: Assets = Field(default_factory=Assets)
    glossary: list[GlossaryEntry] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    tables: list[StandardTable] = Field(default_factory=list)
    discrepancies: list[Discrepancy] = Field(default_factory=list)
    # Only a 决算 prints budget figures beside the actuals; a budget leaves the key out.
    budget_figures: BudgetFigures | None = Field(default=None, exclude_if=lambda v: v is None)
    # The prose of a document that prints standard tables, paragraph by paragraph (an extra key
    # of yusuan/disclosure@1): left out when empty, as for the seed, whose prose the typed
    # fields hold.
    narrative: list[Paragraph] = Field(default_factory=list, exclude_if=lambda v: not v)
