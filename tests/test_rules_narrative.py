"""The narrative family (NARR-*): each 情况说明 figure against the table cell it describes.

Each rule fires on a small edit of the bundled final-accounts demo, stays quiet on the demo and
on the seed (which has no narrative), and never raises on odd input. On the real putuo 决算 it
finds exactly the figures that contradict their tables, checked by hand below.
"""

from __future__ import annotations

import copy
import timeit
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import yusuan
from audit_helpers import edit, final_text, read_final, run
from yusuan.audit import REGISTRY, check
from yusuan.audit.finding import Finding
from yusuan.model import Disclosure, Paragraph, Source, StandardTable, TableRow

NARR = sorted(rule_id for rule_id in REGISTRY if rule_id.startswith("NARR-"))
PUTUO = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "samples"
    / ("putuo-finance-bureau-2024-final.pdf")
)
D = Decimal


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, [f.message for f in findings]
    return findings[0]


@pytest.fixture(scope="module")
def demo() -> Disclosure:
    return read_final(final_text())


def demo_edit(old: str, new: str) -> Disclosure:
    text = final_text()
    assert old in text, old
    return read_final(edit(text, old, new))


# --------------------------------------------------------------------------------------------
# The rules: registered, quiet on clean documents, firing on their examples


def test_the_family_is_registered() -> None:
    assert NARR == [
        "NARR-COMPARE",
        "NARR-COMPLETION",
        "NARR-GROWTH",
        "NARR-ITEM",
        "NARR-NONE",
        "NARR-SHARE",
        "NARR-THREE-PUBLIC",
        "NARR-TOTAL",
        "NARR-YEAR",
    ]
    assert {REGISTRY[r].category for r in NARR} == {"table"}
    assert all(REGISTRY[r].example.base == "final" for r in NARR)


@pytest.mark.parametrize("rule_id", NARR)
def test_quiet_on_the_demo_and_the_seed(rule_id: str, demo: Disclosure, seed: Any) -> None:
    assert demo.narrative, "the demo carries narrative paragraphs"
    assert run(rule_id, demo) == []
    assert seed.narrative == []
    assert run(rule_id, seed) == []


@pytest.mark.parametrize("rule_id", NARR)
def test_fires_on_its_example_with_both_places(rule_id: str) -> None:
    example = REGISTRY[rule_id].example
    f = only(run(rule_id, demo_edit(example.old, example.new)))
    first = f.locations[0]
    assert first.section is not None and first.section.startswith("narrative[")
    assert first.page is not None and first.bbox is not None
    assert f.evidence.quote
    if rule_id in ("NARR-TOTAL", "NARR-ITEM", "NARR-THREE-PUBLIC", "NARR-NONE", "NARR-SHARE"):
        second = f.locations[1]
        assert second.section is not None and second.section.startswith("tables[")
        assert second.page is not None and second.bbox is not None


def test_the_seed_costs_nothing(seed: Any) -> None:
    # No narrative: every rule returns at once.
    def all_rules() -> None:
        for rule_id in NARR:
            list(REGISTRY[rule_id].check(seed))

    assert timeit.timeit(all_rules, number=200) < 0.2


# --------------------------------------------------------------------------------------------
# What each rule reads, on edits of the demo


def test_total_finding_names_cell_and_figures() -> None:
    f = only(run("NARR-TOTAL", demo_edit("本年收入合计1835.80万元", "本年收入合计1853.80万元")))
    assert f.evidence.stated == "1853.80" and f.evidence.computed == "1835.80"
    assert f.evidence.formula == "收入支出决算总表「本年收入合计」收入决算数"
    assert f.evidence.quote == "本年收入合计1853.80万元，其中：财政拨款收入1800.20万元，占98.06%；"
    assert f.locations[1].section == "tables[0].rows[34]"


def test_total_income_part_by_column_header() -> None:
    f = only(run("NARR-TOTAL", demo_edit("其他收入35.60万元", "其他收入36.50万元")))
    assert f.evidence.formula == "收入决算表「合计」其他收入"
    # …and the shares still describe the printed figures: 36.50 / 1835.80 = 1.99% ≠ 1.94%.
    share = only(run("NARR-SHARE", demo_edit("其他收入35.60万元", "其他收入36.50万元")))
    assert share.evidence.computed == "1.99"


def test_item_row_under_its_kuan_and_lei() -> None:
    # 行政运行 is under 城乡社区管理事务 under 城乡社区支出 (2120101), not another 行政运行.
    f = only(run("NARR-ITEM", demo_edit("支出决算为986.52万元", "支出决算为968.52万元")))
    assert "城乡社区支出（类）城乡社区管理事务（款）行政运行（项）" in f.message
    assert f.evidence.formula == "一般公共预算财政拨款支出决算表「行政运行」合计"


def test_item_class_amount_against_the_table_it_describes() -> None:
    # The 类 amount of the structure sentence is checked against the 一般公共预算财政拨款支出
    # 决算表 it describes; the 总表's copy of the figure is the table checks' business
    # (TABLE-CROSS), so one wrong sentence is one finding.
    found = run(
        "NARR-ITEM", demo_edit("卫生健康支出（类）52.18万元", "卫生健康支出（类）25.18万元")
    )
    assert [f.evidence.formula for f in found] == [
        "一般公共预算财政拨款支出决算表「卫生健康支出」合计",
    ]


def test_three_public_part_and_budget() -> None:
    f = only(run("NARR-THREE-PUBLIC", demo_edit("年初预算为11.20万元", "年初预算为12.20万元")))
    assert f.evidence.formula == '财政拨款"三公"经费支出决算表「财政拨款"三公"经费合计预算数」'
    assert f.evidence.stated == "12.20" and f.evidence.computed == "11.20"


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        (
            "决算数小于预算数的主要原因：人员变动，人员经费",
            "决算数大于预算数的主要原因：人员变动，人员经费",
            "决算数小于预算数",
        ),
        ("决算数与预算数基本持平", "决算数小于预算数", "决算数不小于预算数"),
    ],
)
def test_compare_words(old: str, new: str, reason: str) -> None:
    f = only(run("NARR-COMPARE", demo_edit(old, new)))
    assert reason in f.message


def test_roughly_flat_allows_five_percent() -> None:
    # 住房公积金 96.48 / 96.48 基本持平; 4% off still is, 6% off no longer.
    assert run("NARR-COMPARE", demo_edit("年初预算为96.48万元", "年初预算为100.50万元")) == []
    f = only(run("NARR-COMPARE", demo_edit("年初预算为96.48万元", "年初预算为102.64万元")))
    assert "两者相差 6.00%" in f.message


def test_growth_direction_words_disagree() -> None:
    f = only(run("NARR-COMPARE", demo_edit("减少3.63万元，下降2.49%", "减少3.63万元，增长2.49%")))
    assert "方向相反" in f.message


def test_growth_uses_the_table_when_the_paragraph_states_no_figure() -> None:
    # "三公"经费 …决算数比2023年度减少1.30万元，下降11.02%: this year's 10.50 is the table's.
    # 1.30 / (10.50 + 1.30) = 11.02%; printed 12.02% is wrong.
    f = only(run("NARR-GROWTH", demo_edit("下降11.02%", "下降12.02%")))
    assert f.evidence.formula == "1.30 / (10.50 + 1.30) × 100"
    assert f.locations[1].section is not None and f.locations[1].section.startswith("tables[")


def test_completion_of_a_three_public_part() -> None:
    # 公务接待费 0.86 / 1.20 = 71.67%.
    f = only(run("NARR-COMPLETION", demo_edit("完成预算的71.67%", "完成预算的76.17%")))
    assert f.evidence.computed == "71.67"


# --------------------------------------------------------------------------------------------
# Small documents: units, codes, odd input


def small(
    paragraphs: list[str], tables: list[StandardTable], heading: str | None = None
) -> Disclosure:
    return Disclosure(
        kind="final",
        tables=tables,
        narrative=[
            Paragraph(heading=heading, text=t, source=Source(page=3, bbox=[1.0, 2.0, 3.0, 4.0]))
            for t in paragraphs
        ],
    )


def general_table(unit: str = "万元", codes: bool = True) -> StandardTable:
    def row(code: str, label: str, *values: str | None) -> TableRow:
        return TableRow(
            code=code if codes else None,
            label=label,
            values=[None if v is None else D(v) for v in values],
            source=Source(page=9, bbox=[0.0, 1.0, 2.0, 3.0]),
        )

    return StandardTable(
        name="一般公共预算财政拨款支出决算表",
        unit=unit,
        columns=[["年初预算数"], ["决算数", "合计"], ["决算数", "基本支出"]],
        rows=[
            row("", "合计", "1000000", "900000", "900000"),
            row("201", "一般公共服务支出", "600000", "500000", "500000"),
            row("20101", "人大事务", "100000", "100000", "100000"),
            row("2010101", "行政运行", "100000", "100000", "100000"),
            row("20103", "政府办公厅（室）及相关机构事务", "500000", "400000", "400000"),
            row("2010301", "行政运行", "500000", "400000", "400000"),
            row("208", "社会保障和就业支出", "400000", "400000", "400000"),
        ],
    )


HEAD = "（三）一般公共预算财政拨款支出决算具体情况"
ITEM = "2、一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。"


@pytest.mark.parametrize("codes", [True, False])
def test_table_in_yuan_and_item_by_code_or_order(codes: bool) -> None:
    # The table prints 元: 500000 元 = 50 万元; the 项 行政运行 under 政府办公厅 (not 人大事务).
    ok = ITEM + "年初预算为50.00万元，支出决算为40.00万元。决算数小于预算数。"
    d = small([ok], [general_table("元", codes)], HEAD)
    assert all(run(r, d) == [] for r in NARR)
    bad = ITEM + "年初预算为50.00万元，支出决算为10.00万元。决算数小于预算数。"
    f = only(run("NARR-ITEM", small([bad], [general_table("元", codes)], HEAD)))
    assert f.evidence.computed == "40" and f.locations[1].section == "tables[0].rows[5]"


def test_budget_column_by_header() -> None:
    bad = ITEM + "年初预算为55.00万元，支出决算为40.00万元。"
    f = only(run("NARR-ITEM", small([bad], [general_table("元")], HEAD)))
    assert "年初预算数" in f.message and f.evidence.computed == "50"


def test_missing_table_or_blank_rows_say_nothing() -> None:
    text = ITEM + "年初预算为50.00万元，支出决算为10.00万元。"
    assert all(run(r, small([text], [], HEAD)) == [] for r in NARR)
    blank = general_table()
    for r in blank.rows:
        r.values = [None, None, None]
    assert all(run(r, small([text], [blank], HEAD)) == [] for r in NARR if r != "NARR-ITEM")


ODD_TEXTS = [
    "",
    "。。；；：",
    "本年收入合计万元，其中：财政拨款收入，占%；",
    "本年支出合计0万元，其中：基本支出0万元，占0%；项目支出0万元，占100.00%；",
    "收入支出总计-5万元。与上年相比，收入支出总计减少5万元，下降100%。",
    "一般公共预算财政拨款支出0万元，主要用于以下方面：（类）5万元，占1%；一（类）1,000.5万元，占%",
    "年初预算为0万元，支出决算为0万元，完成年初预算的0%。决算数大于预算数。",
    "“三公”经费财政拨款支出年初预算为0万元，支出决算为0万元，完成预算的0%；公务接待费支出决算为1元",
    "增加1万元，增长1%；减少1亿元，下降99999999999999999999%",
    "无政府性基金预算财政拨款收入和支出。无“三公”经费财政拨款支出。",
    "1、（类）（款）（项）年初预算为1万元，支出决算为2万元。",
]
HEADINGS = [
    None,
    "二、收入决算情况说明",
    "三、支出决算情况说明",
    "五、一般公共预算财政拨款支出决算情况说明",
    "七、财政拨款“三公”经费支出决算情况说明",
    "六、一般公共预算财政拨款基本支出决算情况说明",
]


def odd_tables(demo: Disclosure) -> list[list[StandardTable]]:
    tables = copy.deepcopy(demo.tables)
    for t in tables:
        for r in t.rows:
            r.values = r.values[:1]  # fewer values than columns
            r.label = None
    shuffled = copy.deepcopy(demo.tables)
    for t in shuffled:
        t.columns = t.columns[::-1][:2]  # fewer columns than values
        t.unit = "元"
        for r in t.rows:
            r.code = "x"
    return [[], tables, shuffled, [StandardTable(name=t.name) for t in demo.tables]]


@pytest.mark.parametrize("heading", HEADINGS)
def test_never_raises_on_odd_input(heading: str | None, demo: Disclosure) -> None:
    for tables in [demo.tables, *odd_tables(demo)]:
        d = small(ODD_TEXTS, tables, heading)
        d.narrative.append(Paragraph(heading=heading, text="x", source=None))
        for rule_id in NARR:
            list(REGISTRY[rule_id].check(d))
    # The demo's own paragraphs against tables that lost their figures.
    for tables in odd_tables(demo):
        d = demo.model_copy(update={"tables": tables})
        for rule_id in NARR:
            list(REGISTRY[rule_id].check(d))


# --------------------------------------------------------------------------------------------
# The real 决算: every finding is a real contradiction (pages 21–24 against pages 6–18)


@pytest.fixture(scope="module")
def putuo() -> Disclosure:
    if not PUTUO.is_file():
        pytest.skip(f"sample PDF not found: {PUTUO} (../shared/samples/ is beside the clone)")
    return yusuan.read(PUTUO)


def test_putuo_findings(putuo: Disclosure) -> None:
    found = [f for f in check(putuo).findings if f.rule.startswith("NARR-")]
    got = [
        (
            f.rule,
            f.locations[0].section,
            f.locations[0].page,
            f.evidence.stated,
            f.evidence.computed,
            [loc.section for loc in f.locations[1:]],
        )
        for f in found
    ]
    assert sorted(got) == sorted(
        [
            # Page 21, 四: "财政拨款收入支出总计0.3万元", but the 财政拨款收入支出决算总表
            # (pages 12–13) prints 总计 2,961.68 on both sides (= 本年收入 2940.05 + 年初结转
            # 21.63). The sentence dropped the thousands.
            ("NARR-TOTAL", "narrative[3]", 21, "0.3", "2961.68", ["tables[3].rows[36]"]),
            # Page 21, 五（二）: "一般公共服务支出（类）2106.66万元，占71.73%", but
            # 2106.66 / 2940.05 × 100 = 71.6525…, i.e. 71.65% (the four printed shares add up to
            # 100.07%; with 71.65 to 99.99%).
            ("NARR-SHARE", "narrative[5]", 21, "71.73", "71.65", ["tables[4].rows[0]"]),
        ]
    )
    # Checked and found consistent (no finding), by hand:
    # "社会保障和就业支出（类）326.72万元" (page 21) is the 类 row of the table the sentence
    # describes, the 一般公共预算财政拨款支出决算表 (page 15: 326.72 = 84.65 + 160.75 + 80.38 +
    # 0.94); the two 总表 print 326.71 (the true sum rounded once): a rounding difference
    # between tables, which the table checks tolerate, not a contradiction of the sentence.
    # 收入支出总计 2995.39 = 总表 总计; −56.95 / (2995.39 + 56.95) = −1.87%;
    # 本年收入合计 2946.25, 财政拨款收入 2940.05 (99.79%), 其他收入 6.2 (0.21%);
    # 本年支出合计 2940.05, 基本支出 2336.91 (79.49%), 项目支出 603.14 (20.51%);
    # 一般公共预算财政拨款支出 2940.05 (100.00% of 本年支出合计), −63.14 / 3003.19 = −2.10%,
    # 2940.05 / 2993.92 = 98.20%, 小于; the eleven 项: each 支出决算 = the table's 合计 cell, and
    # 小于 / 基本持平 as the two figures show; 人员经费 2152.26, 公用经费 184.65 = the 基本支出
    # table's 合计 rows; 三公 年初预算 0.95 = 预算数, 决算 0.00 (blank cells), 0%;
    # 机关运行经费 2.55 / (184.65 − 2.55) = 1.40%. 政府采购 251.25 vs 4.79 + 0 + 246.47 =
    # 251.26 is within the rounding of three rounded parts and no table prints it.
    texts = {f.rule: f.evidence.quote for f in found}
    assert texts["NARR-TOTAL"] == "上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。"
    assert texts["NARR-SHARE"] == "一般公共服务支出（类）2106.66万元，占71.73%；"


def test_three_public_part_with_its_own_budget() -> None:
    text = "公务接待费年初预算为1.20万元，支出决算为0.68万元，完成预算的56.67%。"
    demo = read_final(final_text())
    three = [t for t in demo.tables if "三公" in t.name]
    d = small([text], three, "（一）“三公”经费财政拨款支出决算总体情况说明")
    # The demo's 三公 table: 公务接待费 预算数 1.20, 决算数 0.86.
    f = only(run("NARR-THREE-PUBLIC", d))
    assert (f.evidence.stated, f.evidence.computed) == ("0.68", "0.86")
    assert run("NARR-COMPLETION", d) == []  # 0.68 / 1.20 = 56.67%: the sentence's own figures


# --------------------------------------------------------------------------------------------
# NARR-YEAR: the report year in headings and in the sentences whose subject it is


@pytest.mark.parametrize(
    ("old", "new", "stated"),
    [
        ("一、收入支出决算总体情况说明", "一、2023年度收入支出决算总体情况说明", "2023"),
        ("2024年度收入、支出总计", "2023年度收入、支出总计", "2023"),
        ("2024年度无国有资本经营预算财政拨款", "2022年度无国有资本经营预算财政拨款", "2022"),
    ],
)
def test_year_in_a_heading_or_an_own_year_sentence(old: str, new: str, stated: str) -> None:
    f = only(run("NARR-YEAR", demo_edit(old, new)))
    assert (f.evidence.stated, f.evidence.computed) == (stated, "2024")
    assert f.locations[0].page is not None


def test_year_as_of_the_end_of_another_year(demo: Disclosure) -> None:
    d = copy.deepcopy(demo)
    d.narrative.append(
        Paragraph(
            heading="（三）国有资产占有使用情况说明",
            text="截至2023年12月31日，本部门共有车辆0辆。",
            source=Source(page=9, bbox=[0, 0, 10, 10]),
        )
    )
    f = only(run("NARR-YEAR", d))
    assert f.evidence.quote == "截至2023年12月31日，本部门共有车辆0辆。"
    d.narrative[-1].text = "截至2024年12月31日，本部门共有车辆0辆。"
    assert run("NARR-YEAR", d) == []


def test_year_in_the_headings_above_the_sub_headings() -> None:
    """`第三部分 …2023年度部门决算情况说明` directly followed by `一、…`, and `五、2023年度…`
    directly followed by `（一）…`: no paragraph's own heading, they are the paragraphs'
    `parents`, each checked once, at the first paragraph under it."""
    part = "第三部分 示例局2023年度部门决算情况说明"
    five = "五、2023年度一般公共预算财政拨款支出决算情况说明"

    def paragraph(
        page: int, heading: str, text: str, parents: list[str] | None = None
    ) -> Paragraph:
        return Paragraph(
            parents=[part] if parents is None else parents,
            heading=heading,
            text=text,
            source=Source(page=page, bbox=[1, 2, 3, 4]),
        )

    d = Disclosure(
        kind="final",
        year=2024,
        narrative=[
            paragraph(21, "一、收入支出决算总体情况说明", "本年收入支出总计1.00万元。"),
            paragraph(21, "二、收入决算情况说明", "本年收入合计1.00万元。"),
            paragraph(
                22, "（一）一般公共预算财政拨款支出决算总体情况", "支出1.00万元。", [part, five]
            ),
            paragraph(
                22, "（二）一般公共预算财政拨款支出决算结构情况", "支出1.00万元。", [part, five]
            ),
            paragraph(23, "六、一般公共预算财政拨款基本支出决算情况说明", "基本支出1.00万元。"),
        ],
    )
    got = run("NARR-YEAR", d)
    assert [(f.locations[0].section, f.locations[0].page) for f in got] == [
        ("narrative[0]", 21),
        ("narrative[2]", 22),
    ]
    assert [(f.evidence.quote, f.evidence.stated, f.evidence.computed) for f in got] == [
        (part, "2023", "2024"),
        (five, "2023", "2024"),
    ]
    assert got[0].message == "情况说明标题为 2023 年，文件年度为 2024 年"
    assert got[0].message_en == "a narrative heading says 2023, the document's year is 2024"
    # A paragraph right under the part's heading has it as its own heading (no `parents`);
    # the paragraphs after the next sub-heading have it as their parent: still one finding
    # each.
    d.narrative.insert(0, paragraph(20, part, "本部门决算情况说明如下。", parents=[]))
    got = run("NARR-YEAR", d)
    assert [(f.locations[0].section, f.locations[0].page) for f in got] == [
        ("narrative[0]", 20),
        ("narrative[3]", 22),
    ]
    # Spacing differs, the heading is the same.
    d.narrative[0].heading = part.replace(" ", "")
    d.narrative[4].parents = [part, five.replace("、", "、 ")]
    assert len(run("NARR-YEAR", d)) == 2
    # The document's year, or a comparison year: quiet.
    for p in d.narrative:
        p.parents = [
            "第三部分 示例局2024年度部门决算情况说明（与2023年度对比）",
            "五、2024年度一般公共预算财政拨款支出决算情况说明",
        ]
        p.heading = "（一）与2023年度相比"
    assert run("NARR-YEAR", d) == []


@pytest.mark.parametrize(
    "text",
    [
        "与2023年度相比，收入支出总计减少56.95万元。",
        "机关运行经费支出184.65万元，比2023年度增加2.55万元。",
        "2024年度“三公”经费财政拨款支出决算数与2023年度持平。",
        "较上年度增加1.00万元。",
    ],
)
def test_comparison_years_are_quiet(demo: Disclosure, text: str) -> None:
    d = copy.deepcopy(demo)
    d.narrative.append(Paragraph(heading="（一）机关运行经费支出情况", text=text))
    assert run("NARR-YEAR", d) == []


def test_putuo_names_no_other_year(putuo: Disclosure) -> None:
    """Checked by hand: every year on putuo's pages 21-24 is 2024 or a comparison with 2023."""
    assert run("NARR-YEAR", putuo) == []
