"""项目绩效目标表: one table per budget project, read row by row by what each row is.

A row names itself by its first cell (项目编码, 预算规模及资金用途, 资金支出计划, 绩效目标) or by
its header cells (一级指标 …); rows are never identified by their position in the table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...model import Discrepancy, Indicator, Project, Source
from ...model.values import parse_value
from . import plan as plans
from .lines import Line, cell, code, norm, number
from .sections import title_key

_CODE_LABELS = ("项目编码", "项目代码")
_UNIT_LINE = re.compile(r"^\d{6,}\s*\S")
_GOAL_SPLIT = re.compile(r"(?:^|(?<=\s))(\d{1,2})\s*[.、．](?!\d)")
_HEADING_NO = re.compile(r"^\s*(\d{1,3})\s*[、.．]")
_INDICATOR_COLUMNS = 6


def is_code_row(line: Line) -> bool:
    return line.cells is not None and line.label in _CODE_LABELS


@dataclass
class _Reading:
    """What one project table has said so far."""

    purpose: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    plan_row: plans.Row | None = None
    plan_line: int | None = None
    shifted: list[plans.Row] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)


def read_projects(lines: Sequence[Line], start: int, end: int) -> list[Project]:
    """Every project table between lines[start] and lines[end]."""
    rows = [i for i in range(start, end) if is_code_row(lines[i])]
    preambles = [_preamble(lines, i) for i in rows]
    projects: list[Project] = []
    for n, i in enumerate(rows):
        # A table ends where the next one's heading (or unit line) begins.
        stop = (
            end
            if n + 1 == len(rows)
            else min(j for j in (*preambles[n + 1], rows[n + 1]) if j is not None)
        )
        heading, unit = (lines[j] if j is not None else None for j in preambles[n])
        projects.append(_project(lines, i, stop, heading, unit, len(projects) + 1))
    return projects


def _preamble(lines: Sequence[Line], at: int) -> tuple[int | None, int | None]:
    """Indexes of the heading (`3、…绩效目标表`) and unit line (`306001 …本级`) above a table:
    the plain lines between it and the table before."""
    heading = unit = None
    for j in range(at - 1, -1, -1):
        line = lines[j]
        if line.cells is not None:
            break
        if unit is None and _UNIT_LINE.match(line.text):
            unit = j
        elif title_key(line) == "project":
            heading = j
            break
    return heading, unit


def _project(
    lines: Sequence[Line],
    at: int,
    stop: int,
    heading: Line | None,
    unit: Line | None,
    ordinal: int,
) -> Project:
    code_row = lines[at]
    filled = code_row.cells or []
    no = ordinal
    if heading is not None and (m := _HEADING_NO.match(heading.text)):
        no = int(m.group(1))
    project = Project(
        source=Source(line=(heading or code_row).no),
        no=no,
        code=code(_after(filled, _CODE_LABELS) or "") or None,
        name=cell(_after(filled, ("项目名称",)) or "") or None,
        unit=unit.text if unit is not None else None,
    )
    reading = _Reading()
    state = ""
    header: dict[int, str] = {}
    for line in lines[at + 1 : stop]:
        if line.cells is None:
            if not line.blank and state in ("purpose", "goals"):
                getattr(reading, state).append(line.text)
            continue
        label = line.label
        cells = line.cells
        if label.startswith("预算规模") or "预算数" in line.text.replace(" ", ""):
            _amounts(project, cells)
            state = "purpose"
        elif "资金支出" in label or (label == "绩效目标" and plans.month_columns(cells)):
            header = plans.month_columns(cells)
            state = "plan"
        elif state == "plan":
            row = plans.row_values(header, cells)
            if reading.plan_row is None:
                reading.plan_row, reading.plan_line = row, line.no
            else:
                reading.shifted.append(row)
            state = "after_plan"
        elif label == "绩效目标":
            reading.goals.append(" ".join(cells[1:]))
            state = "goals"
        elif "一级指标" in cells and "三级指标" in cells:
            state = "indicators"
        elif state == "indicators":
            _indicator(reading, line)
        elif state in ("purpose", "goals"):
            getattr(reading, state).append(" ".join(c for c in cells if c))
    project.purpose = norm(" ".join(reading.purpose)) or None
    project.goals = split_goals(" ".join(reading.goals))
    project.indicators = reading.indicators
    prose, _sentence = plans.prose_values(project.purpose or "")
    project.plan, found = plans.combine(
        reading.plan_row, prose, reading.shifted, line=reading.plan_line
    )
    project.discrepancies = found
    return project


def _after(cells: list[str], labels: tuple[str, ...]) -> str | None:
    """The first non-empty cell after the cell holding one of `labels`."""
    for i, c in enumerate(cells):
        if c.replace(" ", "") in labels:
            return next((v for v in cells[i + 1 :] if v), None)
    return None


def _amounts(project: Project, cells: list[str]) -> None:
    for i, c in enumerate(cells):
        key = c.replace(" ", "")
        value = next((number(v) for v in cells[i + 1 :] if v), None)
        if key.endswith("预算数"):
            project.amount = value
        elif key.endswith("财政资金"):
            project.fiscal = value
        elif key.endswith("其他资金"):
            project.other = value


def _indicator(reading: _Reading, line: Line) -> None:
    cells = [cell(c) for c in line.cells or []]
    while cells and not cells[-1]:
        cells.pop()
    while len(cells) > _INDICATOR_COLUMNS and not cells[0]:
        cells.pop(0)
    if len([c for c in cells if c]) < 3:
        return
    cells += [""] * (_INDICATOR_COLUMNS - len(cells))
    level1, level2, name, description, value, basis = cells[:_INDICATOR_COLUMNS]
    prev = reading.indicators[-1] if reading.indicators else None
    if not level1 and prev is not None:
        level1 = prev.level1 or ""
    if not level2 and prev is not None:
        level2 = prev.level2 or ""
    reading.indicators.append(
        Indicator(
            source=Source(line=line.no),
            level1=level1 or None,
            level2=level2 or None,
            name=name or None,
            description=description or None,
            value=value or None,
            basis=basis or None,
            parsed=parse_value(value),
        )
    )


def split_goals(text: str) -> list[str]:
    """`1.甲 2.乙` -> [甲, 乙]; a number counts only when it is the next one expected, so
    figures inside a goal (`突破 800 亿元`) never split it."""
    text = norm(text)
    if not text:
        return []
    cuts: list[tuple[int, int]] = []
    expected = 1
    for m in _GOAL_SPLIT.finditer(text):
        if int(m.group(1)) == expected:
            cuts.append((m.start(), m.end()))
            expected += 1
    if not cuts:
        return [text]
    goals = []
    if text[: cuts[0][0]].strip():
        goals.append(text[: cuts[0][0]].strip())
    for n, (_, body_start) in enumerate(cuts):
        body_end = cuts[n + 1][0] if n + 1 < len(cuts) else len(text)
        body = text[body_start:body_end].strip()
        if body:
            goals.append(body)
    return goals


__all__ = ["Discrepancy", "read_projects", "split_goals"]
