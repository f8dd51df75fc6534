"""Performance indicators (绩效指标) and their parsed target values."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from .base import Node

ValueKind = Literal["quantitative", "deadline", "qualitative"]
Comparator = Literal["≥", "≤", ">", "<", "="]


class ParsedValue(Node):
    """指标值 parsed: the kind of target, its comparator, number (as printed) and unit."""

    kind: ValueKind
    comparator: Comparator | None = None
    number: Decimal | None = None
    unit: str | None = None


class Indicator(Node):
    """One printed row of a project's three-level indicator table."""

    level1: str | None = None
    level2: str | None = None
    name: str | None = None
    description: str | None = None
    value: str | None = None
    basis: str | None = None
    parsed: ParsedValue | None = None
