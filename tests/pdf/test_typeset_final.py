"""A 决算 typeset here (`typeset.final_accounts`), read back: every standard table, every row
and cell, equal to the figures the typesetter printed (`typeset.final_specs`), and the typed
fields converted from each table's own unit to 万元 exactly.

The document prints what other provinces' 决算 print and the putuo sample does not: the
template's full column sets, 类 / 款 cells merged down (also over a page break), a table that
goes on under a repeated header with fewer columns at other positions, one that goes on without
its header at shifted positions with a row cut in two, tables in 元 with thousands separators,
empty tables saying 本表无数据, and a 名词解释 part title printed in the body type.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import yusuan
from yusuan.model import Disclosure, StandardTable

from . import typeset

D = Decimal


@pytest.fixture(scope="module")
def final() -> Disclosure:
    typeset.require()
    return yusuan.read(typeset.final_accounts(), name="yunxi-2023-final.pdf")


@pytest.fixture(scope="module")
def specs() -> dict[str, typeset.Spec]:
    return {s.name: s for s in typeset.final_specs()}


def _table(d: Disclosure, name: str) -> StandardTable:
    found = [t for t in d.tables if t.name == name]
    assert len(found) == 1, [t.name for t in d.tables]
    return found[0]


def test_front_matter(final: Disclosure) -> None:
    assert final.kind == "final"
    assert final.year == typeset.YEAR
    assert final.title == typeset.TITLE
    assert final.department.name == typeset.DEPARTMENT


def test_the_nine_tables_name_unit_pages_empty(
    final: Disclosure, specs: dict[str, typeset.Spec]
) -> None:
    assert [(t.name, t.unit, t.pages, t.empty) for t in final.tables] == [
        (s.name, s.unit, s.pages, s.empty) for s in specs.values()
    ]
    for t in final.tables:
        assert t.title == specs[t.name].title


@pytest.mark.parametrize("name", [s.name for s in typeset.final_specs()])
def test_every_row_and_cell(final: Disclosure, specs: dict[str, typeset.Spec], name: str) -> None:
    table, spec = _table(final, name), specs[name]
    assert table.columns == spec.columns
    got = [(r.code, r.label, r.values) for r in table.rows]
    assert got == [(r.code, r.label, r.values) for r in spec.rows]
    for r in table.rows:
        assert r.source is not None and r.source.page in spec.pages


def test_totals(final: Disclosure) -> None:
    """The totals as printed, in each table's own unit."""

    def cells(name: str, label: str) -> list[list[Decimal | None]]:
        return [r.values for r in _table(final, name).rows if r.label == label]

    # 元, with thousands separators (43,934,510.22): both sides' 总计.
    assert cells("收入支出决算总表", "总计") == [[D("43934510.22"), None], [None, D("43934510.22")]]
    assert cells("收入支出决算总表", "本年收入合计") == [[D("41934510.22"), None]]
    income = [D("4193.45"), D("3946.54"), None, D("234.57"), None, None, D("12.34")]
    assert cells("收入决算表", "合计") == [income]
    spending = [D("4080.00"), D("1860.00"), D("2220.00"), None, None, None]
    assert cells("支出决算表", "合计") == [spending]
    assert cells("一般公共预算财政拨款支出决算表", "合计") == [
        [D("3946.54"), D("1860.00"), D("2086.54")]
    ]
    assert cells("一般公共预算财政拨款基本支出决算表", "人员经费合计") == [[D("15000000.00"), None]]


def test_full_template_columns_map_by_header(final: Disclosure) -> None:
    """收入决算表 and 支出决算表 with every column of the 2024 template (multi-row headers:
    项目 over 支出功能分类科目编码 over 类 / 款 / 项)."""
    income = _table(final, "收入决算表")
    assert [c[-1] for c in income.columns] == [
        "本年收入合计",
        "财政拨款收入",
        "上级补助收入",
        "事业收入",
        "经营收入",
        "附属单位上缴收入",
        "其他收入",
    ]
    spending = _table(final, "支出决算表")
    assert [c[-1] for c in spending.columns] == [
        "本年支出合计",
        "基本支出",
        "项目支出",
        "上缴上级支出",
        "经营支出",
        "对附属单位补助支出",
    ]


def test_merged_code_cells_cut_by_a_page_break_fill_down(final: Disclosure) -> None:
    """Bug: 类 208 and 款 05 are merged cells cut by the page break; page 4 prints them blank,
    and the row read as code `06`. The blank 类 / 款 before a printed 项 are filled down."""
    rows = {r.label: r for r in _table(final, "收入决算表").rows}
    row = rows["机关事业单位职业年金缴费支出"]
    assert row.code == "2080506"
    assert row.source is not None and row.source.page == 4
    assert rows["行政单位医疗"].code == "2101101"  # merged within the page
    assert rows["住房保障支出"].code == "221"


def test_continuation_with_fewer_columns_aligned_by_header_text(final: Disclosure) -> None:
    """Page 4 repeats the header without 经营收入 and 附属单位上缴收入, every column elsewhere:
    其他收入 is still the seventh value."""
    rows = {r.label: r for r in _table(final, "收入决算表").rows}
    assert rows["住房公积金"].values == [D("150.00"), D("150.00"), None, None, None, None, None]


def test_continuation_without_header_and_a_row_cut_in_two(final: Disclosure) -> None:
    """Page 6 goes on without the header, shifted; the row whose name wraps over the break is
    one row, placed where it starts."""
    t = _table(final, "支出决算表")
    cut = [r for r in t.rows if r.code == "2080505"]
    assert [(r.label, r.values[:3]) for r in cut] == [
        ("机关事业单位基本养老保险缴费支出", [D("200.00"), D("200.00"), None])
    ]
    assert cut[0].source is not None and cut[0].source.page == 5
    assert not any(r.label == "缴费支出" for r in t.rows)
    last = t.rows[-1]
    assert (last.code, last.label, last.values[0]) == ("2210201", "住房公积金", D("150.00"))


def test_empty_tables_say_no_data(final: Disclosure) -> None:
    for name in ("政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款收入支出决算表"):
        t = _table(final, name)
        assert t.empty
        assert [(r.label, r.values) for r in t.rows] == [("合计", [None] * 6)]


def test_typed_fields_converted_to_wan_exactly() -> None:
    """收入支出决算总表 and the 基本支出 table are in 元: ÷ 10000, no rounding (the document
    printed without its 情况说明, whose figures would fill the fields first)."""
    typeset.require()
    final = yusuan.read(typeset.final_accounts(typeset.Final(explained=False)), name="f.pdf")
    assert final.narrative == []
    assert final.income.total == D("4193.451022")
    sources = {s.key: s.amount for s in final.income.sources}
    assert sources["general_budget"] == D("3946.541256")
    assert sources["government_fund"] is None
    assert sources["service_income"] == D("234.56789")
    assert sources["other_income"] == D("12.341876")
    assert sources["business_income"] is None
    e = final.expenditure
    assert e.total == D("4080")
    assert (e.basic.amount, e.project.amount) == (D("1860.00"), D("2220.00"))
    assert (e.basic.personnel, e.basic.public) == (D("1500"), D("360"))
    t = final.three_public
    assert (t.total, t.overseas, t.vehicle_total, t.vehicle_purchase) == (
        D("10.20"),
        D("2.80"),
        D("5.10"),
        D("0"),
    )
    assert (t.vehicle_operation, t.reception) == (D("5.10"), D("2.30"))
    assert final.budget_figures is not None and final.budget_figures.three_public is not None
    assert final.budget_figures.three_public.total == D("12.50")


def test_part_title_in_body_type_starts_the_glossary(final: Disclosure) -> None:
    """Bug: `第二部分 名词解释` printed in the body type (not bold) was no section title, and
    the glossary was empty. The contents page lists the same title and stays no section."""
    assert [(g.term, g.definition) for g in final.glossary] == list(typeset.GLOSSARY)
    last = max(p.source.page for p in final.narrative if p.source and p.source.page)
    for g in final.glossary:
        assert g.source is not None and g.source.page == last + 1 and g.source.bbox is not None
