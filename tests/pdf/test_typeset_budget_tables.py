"""A typeset 预算 that prints the nine 预算 standard tables, as most provinces' budget
disclosures do (`typeset.budget_tables`: 示例市某某区教育局 2025): 部门收支总表 (收入 | 支出),
部门收入总表 with 上年结转 among its sources, 部门支出总表 cut by a page break, 财政拨款收支总表
by fund, 一般公共预算支出表 (类 / 款 / 项), the 基本支出 table's two halves (人员经费 |
公用经费), a "三公" table with two header rows and no 预算数 row, two fund tables empty with
本表无数据, and a 情况说明 in the seed's sentences (`本年收入总计…万元。其中：…`). The expected
contents are `typeset.budget_specs`, never a reading.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import yusuan
from yusuan.audit import check
from yusuan.model import Disclosure

from . import typeset

D = Decimal


def _read(options: typeset.Budget | None = None) -> Disclosure:
    typeset.require()
    return yusuan.read(typeset.budget_tables(options), name="jiaoyu-2025-budget.pdf")


@pytest.fixture(scope="module")
def budget() -> Disclosure:
    return _read()


def test_kind_year_and_department(budget: Disclosure) -> None:
    assert (budget.kind, budget.year) == ("budget", typeset.BUDGET_YEAR)
    assert budget.title == typeset.BUDGET_TITLE
    assert budget.department.name == typeset.BUDGET_DEPARTMENT
    assert budget.department.short_name == typeset.BUDGET_DEPARTMENT


def test_tables_equal_the_specs(budget: Disclosure) -> None:
    """Every table read whole: name, title, unit, pages (the 部门支出总表 on two), empty (the two
    fund tables), columns (the 三公 table's two header rows although none says 预算数), rows."""
    specs = typeset.budget_specs()
    assert [(t.name, t.title, t.unit, t.pages, t.empty) for t in budget.tables] == [
        (s.name, s.title, s.unit, s.pages, s.empty) for s in specs
    ]
    for t, s in zip(budget.tables, specs, strict=True):
        assert t.columns == s.columns, t.name
        got = [(r.code, r.label, r.values) for r in t.rows]
        assert got == [(r.code, r.label, r.values) for r in s.rows], t.name


def test_typed_fields_are_what_the_prose_and_tables_state(budget: Disclosure) -> None:
    income = budget.income
    assert income.total == D("5000")  # 收入总计: the 部门收支总表's, 上年结转 included
    assert [(s.key, s.amount, s.share_pct) for s in income.sources] == [
        ("general_budget", D("4200"), D("84")),
        ("government_fund", D("0"), None),
        ("state_capital", D("0"), None),
        ("service_income", D("500"), D("10")),
        ("other_income", D("100"), D("2")),
        ("carryover", D("200"), None),
    ]
    e = budget.expenditure
    assert (e.total, e.basic.amount, e.project.amount) == (D("5000"), D("3000"), D("2000"))
    assert (e.basic.personnel, e.basic.public) == (D("2600"), D("400"))
    assert (e.project.own, e.project.carryover) == (D("1800"), D("200"))
    t = budget.three_public
    assert (t.total, t.overseas, t.vehicle_total) == (D("20"), D("2"), D("12"))
    assert (t.vehicle_purchase, t.vehicle_operation, t.reception) == (D("0"), D("12"), D("6"))
    assert budget.operating_costs.amount == D("400")
    # The tables say the same (万元).
    tables = {t.name: t for t in budget.tables}
    summary = {r.label: r.values for r in tables["部门收支总表"].rows}
    assert summary["收入总计"][0] == income.total and summary["支出总计"][1] == e.total
    spend = tables["部门支出总表"].rows[0]
    assert (spend.label, spend.values) == ("合计", [e.total, e.basic.amount, e.project.amount])
    three = tables['一般公共预算"三公"经费支出表'].rows[0].values
    assert three == [t.total, t.overseas, t.vehicle_total, D("0.00"), D("12"), t.reception]


def test_consistent_budget_has_no_findings(budget: Disclosure) -> None:
    """Totals across tables, 类 = Σ款 = Σ项, 基本 = 人员 + 公用, the 三公 parts, the balanced
    收支总表 and the 情况说明: nothing found (TABLE-CROSS no longer compares the 部门收入总表's
    合计, which counts 上年结转, with the 本年收入合计)."""
    assert budget.narrative and budget.narrative[0].source is not None
    assert budget.narrative[0].source.page == 13
    assert [(f.rule, f.message) for f in check(budget).findings] == []


def test_planted_contradictions_are_found_with_their_pages() -> None:
    """A 款 of the 基本支出 table no longer adding up to its 类, a 三公 part of the prose and the
    prose's 收入总计: exactly the findings listed, at the pages of the cells and sentences. The
    三公 part is reported once, by NARR-THREE-PUBLIC with its sentence (TABLE-THREE-PUBLIC
    leaves it the typed field read from that sentence: it reported the same figure twice)."""
    options = typeset.Budget(contradictions=True)
    d = _read(options)
    specs = typeset.budget_specs(options)
    assert [(t.name, [r.values for r in t.rows]) for t in d.tables] == [
        (s.name, [r.values for r in s.rows]) for s in specs
    ]
    findings = check(d).findings
    got = sorted((f.rule, [loc.page for loc in f.locations]) for f in findings)
    assert got == sorted((rule, pages) for rule, pages, _ in typeset.BUDGET_CONTRADICTIONS)
    by_rule = {f.rule: f for f in findings}
    assert by_rule["TABLE-CLASS-SUM"].evidence.computed == "382.00"
    assert by_rule["NARR-THREE-PUBLIC"].evidence.stated == "6.50"
    assert "预算数" in by_rule["NARR-THREE-PUBLIC"].message
    assert by_rule["ARITH-INCOME-SUM"].evidence.stated == "5100.00"
