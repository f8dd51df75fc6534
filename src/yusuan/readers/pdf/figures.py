"""The typed money fields filled from the standard tables where the narrative left them unstated.

Only what a table prints is taken, converted from its own unit to 万元 exactly (元 ÷ 10000,
no rounding); a blank cell stays null. For a 决算 the fields hold the final (决算数) figures
and, where a table also prints the budget (预算数 columns), `budget_figures` holds those.

For a 决算, `income.total` and `expenditure.total` are 本年收入合计 and 本年支出合计, as its own
收入决算 / 支出决算 情况说明 sentences state them: the sources (without 年初结转和结余) add up to
the first, 基本支出 + 项目支出 to the second. The 总计 rows (with the carry-overs) stay in the
收入支出决算总表.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ...model import (
    INCOME_SOURCES,
    BudgetFigures,
    Disclosure,
    Expenditure,
    Income,
    IncomeSource,
    Source,
    StandardTable,
    TableRow,
    ThreePublic,
    three_public_field,
)
from ..text.lines import strip_numbering

#: 收入 rows of the 收支总表 (决算 and 预算 wordings) -> source key.
_SOURCE_ROWS = {
    **INCOME_SOURCES,
    "一般公共预算财政拨款收入": "general_budget",
    "政府性基金预算财政拨款收入": "government_fund",
    "国有资本经营预算财政拨款收入": "state_capital",
}

Pick = Callable[[list[str]], bool]


def _final(path: list[str]) -> bool:
    return not any("预算数" in h and "决算" not in h for h in path)


def _budget(path: list[str]) -> bool:
    return any("预算数" in h and "决算" not in h for h in path)


def fill(d: Disclosure, tables: list[StandardTable]) -> None:
    by_name = {t.name: t for t in tables}
    final = d.kind == "final"
    summary = by_name.get("收入支出决算总表" if final else "部门收支总表")
    spending = by_name.get("支出决算表" if final else "部门支出总表")
    basic = by_name.get("一般公共预算财政拨款基本支出决算表" if final else "一般公共预算基本支出表")
    three = by_name.get('财政拨款"三公"经费支出决算表' if final else '一般公共预算"三公"经费支出表')

    _fill_income(d.income, summary, _final)
    _fill_expenditure(d.expenditure, summary, spending, basic, _final)
    if three is not None:
        _fill_three_public(d.three_public, three, _final)

    if not final:
        return
    budget = BudgetFigures()
    if summary is not None and any(_budget(c) for c in summary.columns):
        budget.income = Income()
        _fill_income(budget.income, summary, _budget)
        budget.expenditure = Expenditure()
        _fill_expenditure(budget.expenditure, summary, spending, None, _budget)
    if three is not None and any(_budget(c) for c in three.columns):
        budget.three_public = ThreePublic()
        _fill_three_public(budget.three_public, three, _budget)
    if budget.income or budget.expenditure or budget.three_public:
        d.budget_figures = budget


def _wan(table: StandardTable, value: Decimal | None) -> Decimal | None:
    if value is None or table.unit != "元":
        return value
    return value.scaleb(-4)


def _side_value(table: StandardTable, row: TableRow, pick: Pick) -> Decimal | None:
    """The row's figure in the columns `pick` accepts (the first one printed)."""
    for path, value in zip(table.columns, row.values, strict=False):
        if pick(path) and value is not None:
            return _wan(table, value)
    return None


def _row(table: StandardTable | None, *labels: str) -> TableRow | None:
    if table is None:
        return None
    for row in table.rows:
        label = (row.label or "").replace(" ", "")
        if label in labels and any(v is not None for v in row.values):
            return row
    for row in table.rows:
        if (row.label or "").replace(" ", "") in labels:
            return row
    return None


def _at(row: TableRow) -> Source | None:
    return row.source.model_copy() if row.source is not None else None


def _fill_income(income: Income, summary: StandardTable | None, pick: Pick) -> None:
    if summary is None:
        return
    total = _row(summary, "本年收入合计", "收入本年合计")
    if income.total is None and total is not None:
        income.total = _side_value(summary, total, pick)
        if income.source is None:
            income.source = _at(total)
    found: list[IncomeSource] = []
    for row in summary.rows:
        name = strip_numbering(row.label or "").replace(" ", "")
        key = _SOURCE_ROWS.get(name)
        if key is None or any(s.key == key for s in found):
            continue
        found.append(
            IncomeSource(
                source=_at(row),
                key=key,
                name=name,
                amount=_side_value(summary, row, pick),
            )
        )
    if not income.sources:
        income.sources = found
        return
    for s in income.sources:
        if s.amount is None:
            match = next((f for f in found if f.key == s.key), None)
            if match is not None:
                s.amount = match.amount


def _fill_expenditure(
    e: Expenditure,
    summary: StandardTable | None,
    spending: StandardTable | None,
    basic: StandardTable | None,
    pick: Pick,
) -> None:
    total_row = _row(summary, "本年支出合计", "支出本年合计")
    if e.total is None and summary is not None and total_row is not None:
        e.total = _side_value(summary, total_row, pick)
        if e.source is None:
            e.source = _at(total_row)
    if spending is not None:
        sums = _row(spending, "合计", "总计")
        if sums is not None:
            for word, part in (("基本支出", e.basic), ("项目支出", e.project)):
                k = next(
                    (
                        i
                        for i, path in enumerate(spending.columns)
                        if path and path[-1].replace(" ", "") == word and pick(path)
                    ),
                    None,
                )
                if part.amount is None and k is not None and k < len(sums.values):
                    part.amount = _wan(spending, sums.values[k])
                    if part.source is None:
                        part.source = _at(sums)
            if e.total is None:
                e.total = _side_value(spending, sums, pick)
    if basic is not None and e.basic.amount is not None:
        personnel = _row(basic, "人员经费合计", "人员经费")
        public = _row(basic, "公用经费合计", "公用经费", "日常公用经费合计")
        p = _side_value(basic, personnel, pick) if personnel else None
        q = _side_value(basic, public, pick) if public else None
        # The table is the fiscal (财政拨款) part of 基本支出: its split stands for the whole
        # only when the two add up to it.
        if p is not None and q is not None and p + q == e.basic.amount:
            if e.basic.personnel is None:
                e.basic.personnel = p
            if e.basic.public is None:
                e.basic.public = q


def _fill_three_public(t: ThreePublic, table: StandardTable, pick: Pick) -> None:
    row = next((r for r in table.rows if any(v is not None for v in r.values)), None)
    row = row or (table.rows[0] if table.rows else None)
    if row is None:
        return
    done: set[str] = set()
    for path, value in zip(table.columns, row.values, strict=False):
        if not pick(path):
            continue
        field = three_public_field([h.replace(" ", "") for h in path])
        if field is None or field in done:
            continue
        done.add(field)
        if getattr(t, field) is None:
            setattr(t, field, _wan(table, value))
    if t.source is None:
        t.source = _at(row)
