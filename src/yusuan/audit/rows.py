"""The indicator rows of a disclosure, listed once per engine run for the rules that walk them
all (a nested generator per rule costs more than one shared list)."""

from __future__ import annotations

from ..model import Disclosure, Indicator, Project
from .rule import shared

Row = tuple[Project, int, Indicator]
"""(project, 1-based printed row, indicator)."""


def _all_rows(d: Disclosure) -> list[Row]:
    return [
        (project, row, ind)
        for project in d.projects
        for row, ind in enumerate(project.indicators, 1)
    ]


def rows(d: Disclosure) -> list[Row]:
    """Every indicator row with its project and 1-based row number."""
    return shared(d, _all_rows)


def _all_words(d: Disclosure) -> list[Row]:
    return [r for r in rows(d) if r[2].parsed is None or r[2].parsed.kind == "qualitative"]


def words(d: Disclosure) -> list[Row]:
    """The rows whose value is words, not a parsed quantity or deadline (about a fifth of a
    table), in row order."""
    return shared(d, _all_words)


def _all_quantities(d: Disclosure) -> list[Row]:
    return [
        r
        for r in rows(d)
        if r[2].parsed and r[2].parsed.kind == "quantitative" and r[2].parsed.unit
    ]


def quantities(d: Disclosure) -> list[Row]:
    """The rows whose value parsed as a quantity with a unit, in row order."""
    return shared(d, _all_quantities)
