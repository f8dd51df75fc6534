"""`yusuan parse --format summary`: a plain-text overview with aligned columns.

Amounts are shown as the document prints them (the `Decimal` read from it, never a float);
a value the document does not state is shown as "—". Nothing is computed here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Disclosure

NULL = "—"
KIND = {"budget": "预算 budget", "final": "决算 final accounts"}


def width(text: str) -> int:
    """Terminal columns `text` takes: wide and full-width (CJK) characters take two."""
    return sum(
        0
        if unicodedata.combining(ch)
        else 2
        if unicodedata.east_asian_width(ch) in ("W", "F")
        else 1
        for ch in text
    )


def pad(text: str, columns: int, *, right: bool = False) -> str:
    fill = " " * max(0, columns - width(text))
    return fill + text if right else text + fill


def number(value: Decimal | int | None) -> str:
    if value is None:
        return NULL
    if isinstance(value, int):
        return str(value)
    return format(value, "f")  # as printed: 42.40 stays 42.40, never 4.24E+1


def percent(value: Decimal | None) -> str:
    return NULL if value is None else f"{format(value, 'f')}%"


def table(rows: Sequence[Sequence[str]], right: Sequence[bool], indent: str = "  ") -> list[str]:
    """Rows (the first is the header) as aligned lines; the last column is not padded."""
    widths = [max(width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell if i == len(row) - 1 and not right[i] else pad(cell, widths[i], right=right[i])
            for i, cell in enumerate(row)
        ]
        lines.append((indent + "  ".join(cells)).rstrip())
    return lines


def render_summary(d: Disclosure) -> str:
    dept = d.department
    name = dept.name or dept.short_name or NULL
    extra = [x for x in (dept.short_name if dept.short_name != dept.name else None,) if x]
    if dept.code:
        extra.append(f"编码 code {dept.code}")
    lines = [
        d.title or NULL,
        "",
        f"部门 Department  {name}" + (f"（{'，'.join(extra)}）" if extra else ""),
        f"年度 Year        {d.year if d.year is not None else NULL}",
        f"类型 Kind        {KIND.get(d.kind, d.kind)}",
        f"金额单位 Unit    {d.currency_unit}",
        "",
        f"总额 Totals（{d.currency_unit}）",
    ]

    inc, exp = d.income, d.expenditure
    totals: list[list[str]] = [["科目 Item", "金额 Amount", "较上年 Change"]]
    totals.append(["收入合计 Income", number(inc.total), number(inc.change)])
    totals.extend(
        [f"  {s.name}", number(s.amount), number(s.change)]
        for s in inc.sources
        if s.amount is not None
    )
    totals += [
        ["支出合计 Expenditure", number(exp.total), ""],
        ["  基本支出 Basic", number(exp.basic.amount), number(exp.basic.change)],
        ["    人员经费 Personnel", number(exp.basic.personnel), ""],
        ["    日常公用经费 Public", number(exp.basic.public), ""],
        ["  项目支出 Projects", number(exp.project.amount), number(exp.project.change)],
        [
            "机关运行经费 Operating costs",
            number(d.operating_costs.amount),
            number(d.operating_costs.change),
        ],
        ["三公经费 Three public", number(d.three_public.total), number(d.three_public.change)],
        ["政府采购 Procurement", number(d.procurement.total), ""],
        ["国有资产 Assets", number(d.assets.total), ""],
    ]
    lines += table(totals, right=[False, True, True])

    lines += [
        "",
        f"项目 Projects（{len(d.projects)}；预算数单位 {d.currency_unit}；资金支出计划 plan）",
    ]
    if d.projects:
        rows = [["序号", "预算数", "3月", "6月", "10月", "12月", "项目名称 Project"]]
        for p in d.projects:
            rows.append(
                [
                    str(p.no),
                    number(p.amount),
                    *(percent(v) for _, v in p.plan.items()),
                    p.name or NULL,
                ]
            )
        lines += table(rows, right=[True, True, True, True, True, True, False])
    else:
        lines.append(f"  {NULL}")

    indicators = sum(len(p.indicators) for p in d.projects)
    discrepancies = len(d.discrepancies) + sum(len(p.discrepancies) for p in d.projects)
    counts = [
        ("职责 duties", len(d.duties)),
        ("单位 units", len(d.units)),
        ("项目 projects", len(d.projects)),
        ("绩效指标 indicators", indicators),
        ("分项绩效目标 goals", len(d.performance.goals)),
        ("政府采购条目 procurement items", len(d.procurement.items)),
        ("名词解释 glossary", len(d.glossary)),
        ("标准表 tables", len(d.tables)),
        ("情况说明段落 narrative", len(d.narrative)),
        ("差异 discrepancies", discrepancies),
    ]
    lines += ["", "数量 Counts"]
    lines += table([[label, str(n)] for label, n in counts], right=[False, True])
    return "\n".join(lines) + "\n"
