"""Which standard table a printed title names (`standard_name`), and titles printed inside the
grid: other provinces and years print the nine 决算 (and nine 预算) tables under other titles,
print tables that are none of them under titles that end like one
(一般公共预算财政拨款项目支出决算表 ends in 支出决算表), and some print the title and 单位 line
as the first rows of the grid.
"""

from __future__ import annotations

import pytest

from yusuan.audit import check
from yusuan.readers.pdf.standard import BUDGET_NAMES, FINAL_NAMES, standard_name

from . import typeset
from .test_typeset_audit import PROVINCE_TITLES, _read, _same_as_specs

GENERAL = "一般公共预算财政拨款支出决算表"
BASIC = "一般公共预算财政拨款基本支出决算表"
THREE = '财政拨款"三公"经费支出决算表'
FUND = "政府性基金预算财政拨款收入支出决算表"
CAPITAL = "国有资本经营预算财政拨款收入支出决算表"
BUDGET_THREE = '一般公共预算"三公"经费支出表'

#: Printed title -> the standard name it names (None: none of them).
TITLES: dict[str, str | None] = {
    # Tables that are none of the nine, under titles that end like one of them.
    "一般公共预算财政拨款项目支出决算表": None,
    "一般公共预算财政拨款项目支出表": None,
    "项目支出表": None,
    "政府采购预算表": None,
    "部门项目支出预算表": None,
    "第二部分 上海市普陀区财政局2024年度部门决算表": None,
    # The fund tables under the name of their 支出 side.
    "政府性基金预算财政拨款支出决算表": FUND,
    "国有资本经营预算财政拨款支出决算表": CAPITAL,
    # 明细 is an optional word.
    "一般公共预算财政拨款支出决算明细表": GENERAL,
    "一般公共预算财政拨款基本支出决算明细表": BASIC,
    # 三公, with any quotes or the fund before it.
    "“三公”经费支出决算表": THREE,
    "一般公共预算财政拨款“三公”经费支出决算表": THREE,
    "财政拨款 ‘三公’ 经费支出决算表": THREE,
    "财政拨款三公经费支出决算表": THREE,
    # 收支 for 收入支出, prefixes, the year, the department, a note after the name.
    "部门收支决算总表": "收入支出决算总表",
    "收支决算总表": "收入支出决算总表",
    "财政拨款收支决算总表": "财政拨款收入支出决算总表",
    "部门收入决算表": "收入决算表",
    "2023年度收入决算表": "收入决算表",
    "上海市普陀区财政局收入决算表": "收入决算表",
    "支出决算表（公开03表）": "支出决算表",
    "收 入 支 出 决 算 总 表": "收入支出决算总表",
    # 预算: 财政拨款 after the fund, 预算 before 表, 部门 / 单位 / no prefix.
    "一般公共预算财政拨款支出表": "一般公共预算支出表",
    "一般公共预算财政拨款基本支出表": "一般公共预算基本支出表",
    "政府性基金预算财政拨款支出表": "政府性基金预算支出表",
    "国有资本经营预算财政拨款支出表": "国有资本经营预算支出表",
    "财政拨款“三公”经费支出表": BUDGET_THREE,
    "一般公共预算“三公”经费支出预算表": BUDGET_THREE,
    "单位收支总表": "部门收支总表",
    "部门收支总表": "部门收支总表",
    "收支预算总表": "部门收支总表",
    "部门收支预算总表": "部门收支总表",
    "部门收入预算表": "部门收入总表",
    "收入预算总表": "部门收入总表",
    "部门支出预算表": "部门支出总表",
    "支出预算总表": "部门支出总表",
    "财政拨款收支预算总表": "财政拨款收支总表",
}


@pytest.mark.parametrize(("title", "name"), TITLES.items())
def test_standard_name(title: str, name: str | None) -> None:
    assert standard_name(title) == name


@pytest.mark.parametrize(("name", "title"), PROVINCE_TITLES.items())
def test_province_titles_still_map(name: str, title: str) -> None:
    assert standard_name(title) == name


@pytest.mark.parametrize("name", FINAL_NAMES + BUDGET_NAMES)
def test_every_standard_name_names_itself(name: str) -> None:
    """As printed (curly quotes), and a 预算 one with 单位 for 部门."""
    assert standard_name(name.replace('"三公"', "“三公”")) == name
    assert standard_name(f"上海市云溪区文化旅游局2023年度{name}") == name
    if name.startswith("部门"):
        assert standard_name(name.replace("部门", "单位", 1)) == name


@pytest.mark.parametrize(
    "options",
    [
        typeset.Final(title_in_grid=True),
        typeset.Final(title_in_grid=True, yuan=True),
        typeset.Final(title_in_grid=True, titles=PROVINCE_TITLES, unit_name=True),
    ],
    ids=["plain", "yuan", "province-titles"],
)
def test_title_and_unit_printed_inside_the_grid(options: typeset.Final) -> None:
    """Nothing above the grids: each table's title and 单位 line (and the department's name)
    are its first rows, one cell across the whole width. Every table is named and given its
    unit from them, those rows are no header (no column's path holds the title), and the
    tables cut by a page break are still joined."""
    d = _read(options)
    _same_as_specs(d, options)
    for t in d.tables:
        assert not any(t.title in path or "单位：" in "".join(path) for path in t.columns), t.name
    assert check(d).findings == []


@pytest.mark.parametrize(
    "options",
    [typeset.Final(extra_table=True), typeset.Final(extra_table=True, title_in_grid=True)],
    ids=["title-above", "title-in-grid"],
)
def test_a_table_that_is_none_of_the_nine_between_two_of_them(options: typeset.Final) -> None:
    """一般公共预算财政拨款项目支出决算表 (its title ends in 支出决算表, its grid has the
    科目编码 / 科目名称 columns of the table before it) on a page of its own: no standard table,
    and not joined to the 一般公共预算财政拨款支出决算表 before it, whether its title is above
    the grid or in its first row."""
    d = _read(options)
    _same_as_specs(d, options)
    assert typeset.EXTRA_TITLE not in {t.title for t in d.tables}
    general = next(t for t in d.tables if t.name == GENERAL)
    assert general.pages == [8]
    assert check(d).findings == []
