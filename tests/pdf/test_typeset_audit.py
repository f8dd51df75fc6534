"""The table and narrative rules on a PDF the reader produced: the typeset 决算
(`typeset.final_accounts`), consistent like a real one (same figures in every table, 元 tables
rounding to the 万元 ones, 类 = Σ款 = Σ项, 基本 = 人员 + 公用, the 三公 parts, a 情况说明 in
the putuo sample's sentences), and variants of it: deliberate contradictions, a continuation
page without a header and with fewer columns, other provinces' titles, a 决算 in 元
throughout, and years copied from the year before.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import yusuan
from yusuan.audit import check
from yusuan.model import Disclosure

from . import typeset

D = Decimal


def _read(options: typeset.Final | None = None) -> Disclosure:
    typeset.require()
    return yusuan.read(typeset.final_accounts(options), name="yunxi-2023-final.pdf")


def _same_as_specs(d: Disclosure, options: typeset.Final) -> None:
    specs = typeset.final_specs(options)
    assert [(t.name, t.title, t.unit, t.pages, t.empty) for t in d.tables] == [
        (s.name, s.title, s.unit, s.pages, s.empty) for s in specs
    ]
    for t, s in zip(d.tables, specs, strict=True):
        assert t.columns == s.columns, t.name
        got = [(r.code, r.label, r.values) for r in t.rows]
        assert got == [(r.code, r.label, r.values) for r in s.rows], t.name


@pytest.fixture(scope="module")
def final() -> Disclosure:
    return _read()


def test_consistent_final_has_no_table_or_narrative_findings(final: Disclosure) -> None:
    """Every table total, cross-table figure and 情况说明 sentence agrees: the rules read the
    claims (33 amounts, 10 shares …) and find nothing."""
    from yusuan.audit.rules import narrative

    claims = narrative.read(final)
    assert len(claims.amounts) >= 30 and len(claims.shares) >= 10
    assert len(claims.growth) >= 4 and len(claims.completion) >= 2
    assert next(p.source.page for p in final.narrative if p.source) == 13
    findings = check(final).findings
    assert [(f.rule, f.message) for f in findings] == []


def test_deliberate_contradictions_are_found_with_their_pages() -> None:
    """A 款 figure of the 基本支出 table (元), a 项 figure, a 类 figure, a 类 share and a 三公
    part of the narrative: each found once, by its rule, at the page of the sentence (or cell)
    and of the table cell it contradicts."""
    d = _read(typeset.Final(contradictions=True))
    got = sorted((f.rule, [loc.page for loc in f.locations]) for f in check(d).findings)
    assert got == sorted((rule, pages) for rule, pages, _ in typeset.CONTRADICTIONS)
    by_rule = {f.rule: f for f in check(d).findings}
    assert by_rule["NARR-THREE-PUBLIC"].evidence.stated == "2.03"
    assert by_rule["NARR-SHARE"].evidence.stated == "3.40"
    stated = sorted(f.evidence.stated or "" for f in check(d).findings if f.rule == "NARR-ITEM")
    assert stated == ["1208.00", "301.00"]


def test_continuation_without_header_with_fewer_columns_misplaced_values() -> None:
    """Bug: page 4 goes on without a header, printing only the four columns that hold figures
    (本年收入合计, 财政拨款收入, 事业收入, 其他收入), narrower and shifted. Matched by overlap
    with page 3's columns, 财政拨款收入 landed under 上级补助收入, 事业收入 under 经营收入 and
    the 项 code was lost. Matched by role (codes, label, figures) and by which columns of page
    3 hold figures, every value is under its own header."""
    options = typeset.Final(narrow_continuation=True)
    d = _read(options)
    _same_as_specs(d, options)
    rows = {r.label: r for r in d.tables[1].rows}
    row = rows["文化和旅游交流与合作"]
    assert row.code == "2070112"
    assert row.source is not None and row.source.page == 4
    assert row.values == [D("1373.45"), D("1126.54"), None, D("234.57"), None, None, D("12.34")]
    assert check(d).findings == []


PROVINCE_TITLES = {
    "收入支出决算总表": "部门收支决算总表",
    "收入决算表": "2023年度收入决算表",
    "支出决算表": "支出决算表（公开03表）",
    "财政拨款收入支出决算总表": "财政拨款收支决算总表",
    "一般公共预算财政拨款支出决算表": f"{typeset.DEPARTMENT}2023年度一般公共预算财政拨款支出决算表",
    '财政拨款"三公"经费支出决算表': "一般公共预算财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表": "政府性基金预算财政拨款收入支出决算表（公开08表）",
}


def test_titles_as_other_provinces_print_them_with_a_unit_name_line() -> None:
    """Titles with the year, the department, `部门`, `收支` for 收入支出, `（公开03表）`, under
    a line with the department's name and beside `编制单位：…`: matched to their standard
    names by content, each table read whole."""
    options = typeset.Final(titles=PROVINCE_TITLES, unit_name=True)
    d = _read(options)
    _same_as_specs(d, options)
    assert d.tables[0].title == "部门收支决算总表"
    assert check(d).findings == []


def test_yuan_throughout() -> None:
    """Every table printed in 元 (单位：元): read in 元, the typed fields in 万元, the narrative
    (in 万元) agreeing with the tables."""
    options = typeset.Final(yuan=True)
    d = _read(options)
    _same_as_specs(d, options)
    assert {t.unit for t in d.tables} == {"元"}
    assert d.income.total == D("4193.45")
    assert (d.expenditure.basic.amount, d.expenditure.project.amount) == (D("1860"), D("2220"))
    assert d.three_public.total == D("10.2")
    assert check(d).findings == []


def test_years_copied_from_the_year_before() -> None:
    """`一、2022年度收入支出决算总体情况说明` and `截至2022年12月31日` in a 2023 决算: found;
    the comparisons with 2022 (与2022年度相比, 比2022年度增加) are not."""
    d = _read(typeset.Final(year_slips=True))
    got = [(f.rule, f.locations[0].page, f.evidence.stated) for f in check(d).findings]
    assert got == [("NARR-YEAR", 13, "2022"), ("NARR-YEAR", 15, "2022")]


def test_a_cover_title_that_begins_with_the_year() -> None:
    """`2023年度上海市云溪区文化旅游局部门决算` on one line: the year, and the department's name
    between the year and 部门决算 (before, the name was lost: it was looked for before the
    year only)."""
    options = typeset.Final(year_first=True)
    d = _read(options)
    assert (d.title, d.year, d.kind) == ("2023年度上海市云溪区文化旅游局部门决算", 2023, "final")
    assert (d.department.name, d.department.short_name) == (typeset.DEPARTMENT,) * 2
    _same_as_specs(d, options)
    assert check(d).findings == []


def test_part_title_copied_from_the_year_before() -> None:
    """`第三部分 …2022年度部门决算情况说明` in a 2023 决算, directly followed by `一、…`: no
    paragraph has it as its nearest heading, so the reader keeps it first in each paragraph's
    `parents` and NARR-YEAR finds it once, at the first paragraph under it (page 13)."""
    d = _read(typeset.Final(part_year_slip=True))
    title = f"第三部分 {typeset.DEPARTMENT}2022年度部门决算情况说明"
    assert d.year == 2023
    assert {p.parents[0] for p in d.narrative} == {title}
    assert title not in {p.heading for p in d.narrative}
    findings = check(d).findings
    got = [(f.rule, f.locations[0].page, f.locations[0].section) for f in findings]
    assert got == [("NARR-YEAR", 13, "narrative[0]")]
    assert (findings[0].evidence.stated, findings[0].evidence.computed) == ("2022", "2023")
    assert findings[0].evidence.quote == title
    assert findings[0].message.startswith("情况说明标题为 2022 年")


def test_section_heading_copied_from_the_year_before() -> None:
    """`五、2022年度一般公共预算财政拨款支出决算情况说明` in a 2023 决算, directly followed by
    `（一）…`: no paragraph has it as its nearest heading; the paragraphs under `（一）` …
    `（三）` keep it in their `parents`, below the part's title, and NARR-YEAR finds it once,
    at the first of them (page 13)."""
    d = _read(typeset.Final(section_year_slip=True))
    part = f"第三部分 {typeset.DEPARTMENT}2023年度部门决算情况说明"
    five = "五、2022年度一般公共预算财政拨款支出决算情况说明"
    assert d.year == 2023
    under = [i for i, p in enumerate(d.narrative) if five in p.parents]
    assert under == list(range(4, 14))  # （一） （二） （三） and its seven items
    assert {tuple(d.narrative[i].parents) for i in under} == {(part, five)}
    assert d.narrative[4].heading == "（一）一般公共预算财政拨款支出决算总体情况"
    assert five not in {p.heading for p in d.narrative}
    assert d.narrative[14].parents == [part]  # 六、…: 五 is closed
    findings = check(d).findings
    got = [(f.rule, f.locations[0].page, f.locations[0].section) for f in findings]
    assert got == [("NARR-YEAR", 13, "narrative[4]")]
    assert (findings[0].evidence.stated, findings[0].evidence.computed) == ("2022", "2023")
    assert findings[0].evidence.quote == five
