"""The standard-table family: each rule fires on a small edit of the bundled final-accounts demo
(`data/final-demo.json`), stays quiet on the demo, on the seed (which prints no table) and on the
real 决算 sample (putuo), and never raises on odd tables."""

from __future__ import annotations

import timeit
from decimal import Decimal
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import yusuan
from audit_helpers import edit, final_text, read_final, run
from yusuan.audit import REGISTRY, Finding, check
from yusuan.audit.rules import tables as table_rules
from yusuan.model import Disclosure, Paragraph, StandardTable, TableRow
from yusuan.readers.pdf.standard import BUDGET_NAMES, FINAL_NAMES

TABLE = sorted(rule_id for rule_id in REGISTRY if rule_id.startswith("TABLE-"))
SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
PUTUO = SAMPLES / "putuo-finance-bureau-2024-final.pdf"
D = Decimal


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, [f.message for f in findings]
    return findings[0]


def fire(rule_id: str, old: str, new: str, *, narrative: bool = True) -> list[Finding]:
    """The findings of one rule on the demo with `old` replaced by `new` (once), and without
    its 情况说明 when `narrative` is false."""
    d = read_final(edit(final_text(), old, new))
    if not narrative:  # a copy: the reading is cached, and shared by the other tests
        d = d.model_copy(update={"narrative": []})
    return run(rule_id, d)


@pytest.fixture(scope="module")
def demo() -> Disclosure:
    with as_file(files("yusuan") / "data" / "final-demo.json") as path:
        return yusuan.read(path)


@pytest.fixture(scope="module")
def putuo() -> Disclosure:
    if not PUTUO.is_file():
        pytest.skip(f"sample PDF not found: {PUTUO} (../shared/samples/ is beside the clone)")
    return yusuan.read(PUTUO)


# ---------------------------------------------------------------------------------------------
# The demo document


def test_the_family_is_complete() -> None:
    assert TABLE == [
        "TABLE-BALANCE",
        "TABLE-BASIC-PARTS",
        "TABLE-CLASS-SUM",
        "TABLE-COLUMN-SUM",
        "TABLE-CROSS",
        "TABLE-EXTRA",
        "TABLE-MISSING",
        "TABLE-STATED",
        "TABLE-THREE-PUBLIC",
        "TABLE-TOTAL-SUM",
        "TABLE-YEAR",
    ]
    assert all(REGISTRY[r].example.base == "final" for r in TABLE)


def test_the_standard_lists_are_the_readers() -> None:
    assert table_rules.FINAL_TABLES == FINAL_NAMES
    assert table_rules.BUDGET_TABLES == BUDGET_NAMES


def test_demo_loads_with_every_standard_table(demo: Disclosure) -> None:
    assert demo.kind == "final" and demo.year == 2024
    assert demo.title == "示例市示范区示例局2024年度部门决算"
    assert [t.name for t in demo.tables] == list(FINAL_NAMES)
    assert [t.empty for t in demo.tables] == [False] * 8 + [True]
    for t in demo.tables:
        assert t.unit == "万元" and t.columns and t.rows
        assert t.source is not None and t.source.page in t.pages
        for row in t.rows:
            assert len(row.values) == len(t.columns)
            assert row.source is not None and row.source.page and row.source.bbox
    assert demo.narrative and all(isinstance(p, Paragraph) for p in demo.narrative)
    assert all(p.source is not None and p.source.page for p in demo.narrative)
    assert demo.budget_figures is not None and demo.budget_figures.three_public is not None


def test_demo_figures_agree_with_its_narrative(demo: Disclosure) -> None:
    # The typed figures, the narrative and the tables tell one story (checked by the rules
    # below too); a few by hand: 收入 1680.20 + 120.00 + 35.60 = 1835.80; 总计 1835.80 + 64.30
    # = 1900.10 = 1784.80 + 115.30; 基本支出 1185.77 + 142.37 = 1328.14.
    text = "\n".join(p.text for p in demo.narrative)
    assert "收入、支出总计1900.10万元" in text
    assert "本年收入合计1835.80万元" in text and "本年支出合计1784.80万元" in text
    assert "基本支出1328.14万元" in text and "人员经费1185.77万元" in text
    assert "年初预算为1702.60万元，支出决算为1656.50万元" in text
    assert "决算数大于预算数" in text and "决算数与预算数基本持平" in text
    assert demo.income.total == D("1835.80") and demo.expenditure.total == D("1784.80")
    assert demo.three_public.total == D("10.50") and demo.operating_costs.amount == D("142.37")


def test_demo_is_clean_with_every_rule(demo: Disclosure) -> None:
    report = check(demo)
    assert report.findings == [], [f.message for f in report.findings]
    assert [c.id for c in report.checks] == list(REGISTRY)
    assert check(yusuan.loads(yusuan.dumps(demo))).findings == []


@pytest.mark.parametrize("rule_id", TABLE)
def test_quiet_on_the_seed(rule_id: str, seed: Any) -> None:
    assert run(rule_id, seed) == []


def test_table_rules_return_at_once_without_tables(seed: Any) -> None:
    rules = [REGISTRY[r] for r in TABLE]
    best = min(
        timeit.repeat(lambda: [list(rule.check(seed)) for rule in rules], number=200, repeat=3)
    )
    assert best / 200 < 0.0005  # eleven empty generators: microseconds


def test_table_rules_are_fast_on_the_demo(demo: Disclosure) -> None:
    rules = [REGISTRY[r] for r in TABLE]
    best = min(timeit.repeat(lambda: [list(r.check(demo)) for r in rules], number=5, repeat=3))
    assert best / 5 < 0.05


# ---------------------------------------------------------------------------------------------
# Each rule on a small edit of the demo

ROW = '"label": "{label}", "values": [{values}]'


def row(label: str, values: str) -> str:
    return ROW.format(label=label, values=values)


def test_total_sum_income_side() -> None:
    f = only(
        fire(
            "TABLE-TOTAL-SUM",
            row("八、其他收入", "35.60, null"),
            row("八、其他收入", "36.60, null"),
        )
    )
    assert f.evidence.stated == "1835.80" and f.evidence.computed == "1836.80"
    assert f.evidence.formula == "1680.20 + 120.00 + 36.60"
    assert f.evidence.quote == "本年收入合计"
    first = f.locations[0]
    assert (first.page, first.section) == (6, "tables[收入支出决算总表].rows[34]")
    assert first.bbox == [39.39, 598.5, 314.0, 615.75]
    assert f.message == (
        "收入支出决算总表：「本年收入合计」行「收入/决算数」列为 1835.80，"
        "而 1680.20 + 120.00 + 36.60 = 1836.80（万元）"
    )


def test_total_sum_grand_total_and_balances_brought_forward() -> None:
    f = only(
        fire(
            "TABLE-TOTAL-SUM",
            row("年初结转和结余", "64.30, null"),
            row("年初结转和结余", "64.40, null"),
        )
    )
    assert (f.evidence.stated, f.evidence.computed) == ("1900.10", "1900.20")
    assert f.evidence.formula == "1835.80 + 64.40"
    # 年初财政拨款结转和结余 42.10 = its funds listed below it
    f = only(
        fire(
            "TABLE-TOTAL-SUM",
            row("一、一般公共预算财政拨款", "42.10, null, null, null, null"),
            row("一、一般公共预算财政拨款", "42.00, null, null, null, null"),
        )
    )
    assert f.evidence.quote == "年初财政拨款结转和结余"
    assert (f.evidence.stated, f.evidence.computed) == ("42.10", "42.00")


def test_total_sum_expenditure_side_every_column() -> None:
    found = fire(
        "TABLE-TOTAL-SUM",
        row("十九、住房保障支出", "null, 96.48, 96.48, null, null"),
        row("十九、住房保障支出", "null, 96.48, 96.58, null, null"),
    )
    f = only(found)
    assert f.message.startswith(
        "财政拨款收入支出决算总表：「本年支出合计」行「支出/一般公共预算财政拨款」列"
    )
    assert (f.evidence.stated, f.evidence.computed) == ("1656.50", "1656.60")


def test_balance_of_the_two_sides() -> None:
    f = only(fire("TABLE-BALANCE", row("总计", "null, 1900.10"), row("总计", "null, 1910.10")))
    assert (f.evidence.stated, f.evidence.computed) == ("1900.10", "1910.10")
    assert [loc.section for loc in f.locations] == [
        "tables[收入支出决算总表].rows[40]",
        "tables[收入支出决算总表].rows[41]",
    ]


def test_balance_of_a_fund_table() -> None:
    old = row("合计", "null, 120.00, 112.50, null, 112.50, 7.50")
    f = only(fire("TABLE-BALANCE", old, old.replace("7.50]", "8.50]")))
    assert f.evidence.formula == "0 + 120.00 − 112.50"
    assert (f.evidence.stated, f.evidence.computed) == ("8.50", "7.50")
    assert f.locations[0].section == "tables[政府性基金预算财政拨款收入支出决算表].rows[0]"


def test_class_sum() -> None:
    ex = REGISTRY["TABLE-CLASS-SUM"].example
    f = only(fire("TABLE-CLASS-SUM", ex.old, ex.new))
    assert f.evidence.formula == "128.64 + 64.42"
    assert (f.evidence.stated, f.evidence.computed) == ("192.96", "193.06")
    assert f.locations[0].section == "tables[收入决算表].rows[2]"  # the 款 20805
    assert [loc.section for loc in f.locations[1:]] == [
        "tables[收入决算表].rows[3]",
        "tables[收入决算表].rows[4]",
    ]


def test_class_sum_total_row() -> None:
    # 支出决算表 合计 = Σ 类: 192.96 + 52.18 + 1443.18 + 96.48 = 1784.80
    old = '"code": null, "label": "合计", "values": [1784.80, 1328.14, 456.66'
    found = fire("TABLE-CLASS-SUM", old, old.replace("1784.80", "1785.80"))
    f = only(found)
    assert f.evidence.formula == "192.96 + 52.18 + 1443.18 + 96.48"
    assert f.locations[0].section == "tables[支出决算表].rows[0]"


def test_class_sum_tolerates_the_rounding_of_its_parts() -> None:
    # One cent off a total of 4 parts is within (4 + 1) × 0.005.
    old = '"code": null, "label": "合计", "values": [1784.80, 1328.14, 456.66'
    assert fire("TABLE-CLASS-SUM", old, old.replace("1784.80", "1784.81")) == []


def test_column_sum() -> None:
    ex = REGISTRY["TABLE-COLUMN-SUM"].example
    f = only(fire("TABLE-COLUMN-SUM", ex.old, ex.new))
    assert (f.evidence.stated, f.evidence.computed) == ("245.80", "254.80")
    assert "基本支出 + 项目支出" in f.message
    assert f.locations[0].section == "tables[支出决算表].rows[11]"


def test_column_sum_under_a_group_header() -> None:
    # 财政拨款收入支出决算总表: 支出/合计 = 一般公共预算 + 政府性基金 + 国有资本经营
    f = only(
        fire(
            "TABLE-COLUMN-SUM",
            row("十一、城乡社区支出", "null, 1427.38, 1314.88, 112.50, null"),
            row("十一、城乡社区支出", "null, 1427.38, 1314.88, 121.50, null"),
        )
    )
    assert f.evidence.formula == "1314.88 + 121.50"
    assert "「支出/合计」" in f.message


def test_basic_parts() -> None:
    ex = REGISTRY["TABLE-BASIC-PARTS"].example
    found = fire("TABLE-BASIC-PARTS", ex.old, ex.new)
    assert [(f.evidence.stated, f.evidence.computed) for f in found] == [
        ("142.73", "142.37"),  # 公用经费合计 vs 302 + 310
        ("1328.14", "1328.50"),  # 一般公共预算财政拨款支出决算表 基本支出 vs 人员 + 公用
        ("142.37", "142.73"),  # the text's 公用经费 vs the table
    ]
    assert found[2].locations[0].section == "expenditure.basic.public"


def test_basic_parts_personnel_from_its_classes() -> None:
    # the class 303 (对个人和家庭的补助) is 人员经费; its 款 are TABLE-CLASS-SUM's
    old = '"code": "303", "label": "对个人和家庭的补助", "values": [51.20, null]'
    f = only(fire("TABLE-BASIC-PARTS", old, old.replace("51.20", "51.30")))
    assert f.evidence.quote == "人员经费合计"
    assert (f.evidence.stated, f.evidence.computed) == ("1185.77", "1185.87")


def test_three_public_table() -> None:
    ex = REGISTRY["TABLE-THREE-PUBLIC"].example
    found = fire("TABLE-THREE-PUBLIC", ex.old, ex.new)
    assert [(f.evidence.stated, f.evidence.computed) for f in found] == [
        ("10.50", "10.32"),  # 合计/决算数 vs 0.00 + 9.46 + 0.86
        ("9.46", "9.64"),  # 小计/决算数 vs 购置 0.00 + 运行 9.64
    ]
    assert found[0].message.startswith('财政拨款"三公"经费支出决算表：「合计/决算数」')
    # The 情况说明 states 9.64 against that cell: reported once, with its sentence, by
    # NARR-THREE-PUBLIC; TABLE-THREE-PUBLIC leaves it three_public.vehicle_total, the typed
    # field read from the same sentence.
    said = [f for f in fire("NARR-THREE-PUBLIC", ex.old, ex.new) if f.evidence.stated == "9.64"]
    assert [f.evidence.computed for f in said] == ["9.46", "9.46"]  # two sentences state it
    assert [f.locations[0].section for f in said] == ["narrative[15]", "narrative[17]"]


def test_three_public_typed_field_without_a_narrative() -> None:
    """Where no 情况说明 sentence states the figure (a text or JSON disclosure without
    `narrative`), the typed field is checked against the table by TABLE-THREE-PUBLIC."""
    ex = REGISTRY["TABLE-THREE-PUBLIC"].example
    found = fire("TABLE-THREE-PUBLIC", ex.old, ex.new, narrative=False)
    typed = [f for f in found if f.locations[0].section == "three_public.vehicle_total"]
    assert [(f.evidence.stated, f.evidence.computed) for f in typed] == [("9.64", "9.46")]


def test_three_public_budget_figures() -> None:
    old = '"reception": 1.20'  # budget_figures.three_public
    f = only(fire("TABLE-THREE-PUBLIC", old, '"reception": 1.02'))
    assert f.locations[0].section == "budget_figures.three_public.reception"
    assert (f.evidence.stated, f.evidence.computed) == ("1.02", "1.20")


def test_cross_table() -> None:
    ex = REGISTRY["TABLE-CROSS"].example
    f = only(fire("TABLE-CROSS", ex.old, ex.new))
    assert f.message == (
        "卫生健康支出：财政拨款收入支出决算总表为 52.18，"
        "一般公共预算财政拨款支出决算表为 52.81（万元）"
    )
    assert [loc.page for loc in f.locations] == [12, 15]


def test_cross_table_summary_class_and_totals() -> None:
    found = fire(
        "TABLE-CROSS",
        row("十九、住房保障支出", "null, 96.48"),
        row("十九、住房保障支出", "null, 96.58"),
    )
    f = only(found)
    assert f.message == "住房保障支出：收入支出决算总表为 96.58，支出决算表为 96.48（万元）"
    old = '"code": null, "label": "合计", "values": [1835.80, 1800.20'
    found = fire("TABLE-CROSS", old, old.replace("1835.80, 1800.20", "1835.80, 1800.40"))
    f = only(found)  # 财政拨款收入 of 收入决算表 against 本年收入合计 of the 财政拨款 总表
    assert f.message == (
        "财政拨款收入：收入决算表为 1800.40，财政拨款收入支出决算总表为 1800.20（万元）"
    )


def test_stated_figures() -> None:
    ex = REGISTRY["TABLE-STATED"].example
    f = only(fire("TABLE-STATED", ex.old, ex.new))
    assert f.locations[0].section == "expenditure.total"
    f = only(fire("TABLE-STATED", '"amount": 35.60,', '"amount": 36.60,'))
    assert f.locations[0].section == "income.sources[1].amount"
    assert (f.evidence.stated, f.evidence.computed) == ("36.60", "35.60")


def test_missing_table() -> None:
    ex = REGISTRY["TABLE-MISSING"].example
    found = fire("TABLE-MISSING", ex.old, ex.new)
    assert only(found).evidence.quote == "国有资本经营预算财政拨款收入支出决算表"
    assert found[0].severity == "warning"


def test_extra_and_duplicated_tables(demo: Disclosure) -> None:
    ex = REGISTRY["TABLE-EXTRA"].example
    f = only(fire("TABLE-EXTRA", ex.old, ex.new))
    assert f.message == "表「部门收入总表」不是决算的标准表"
    doubled = demo.model_copy(update={"tables": [*demo.tables, demo.tables[1]]})
    f = only(run("TABLE-EXTRA", doubled))
    assert f.message == "表「收入决算表」重复出现" and f.locations[0].section == "tables[9]"
    # a budget's tables in their 单位 form are standard too
    budget = demo.model_copy(
        update={
            "kind": "budget",
            "tables": [StandardTable(name=n.replace("部门", "单位", 1)) for n in BUDGET_NAMES],
        }
    )
    assert run("TABLE-EXTRA", budget) == [] and run("TABLE-MISSING", budget) == []


def test_table_year() -> None:
    ex = REGISTRY["TABLE-YEAR"].example
    f = only(fire("TABLE-YEAR", ex.old, ex.new))
    assert (f.evidence.stated, f.evidence.computed) == ("2023", "2024")
    assert f.locations[0].section == "tables[0].title"
    old = '["收入", "决算数"]'
    assert fire("TABLE-YEAR", old, '["收入", "2023年决算数"]') == []  # the previous year
    assert fire("TABLE-YEAR", '"title": "收入决算表"', '"title": "2024年度收入决算表"') == []
    f = only(fire("TABLE-YEAR", old, '["收入", "2022年决算数"]'))
    assert f.locations[0].section == "tables[0].columns"


# ---------------------------------------------------------------------------------------------
# The real 决算: 上海市普陀区财政局 2024 (../shared/samples), every table consistent


def test_putuo_tables_are_consistent(putuo: Disclosure) -> None:
    """No table finding on putuo: every balance below was checked by hand on the page.

    收入支出决算总表 (p. 6–7): 收入 2940.05 + 6.20 = 2946.25 (本年收入合计); 2946.25 + 49.14
    = 2995.39 (总计); 支出 2106.66 + 326.71 + 60.99 + 445.69 = 2940.05 (本年支出合计);
    2940.05 + 55.34 = 2995.39 = 收入总计.
    财政拨款收入支出决算总表 (p. 12–13): 2940.05 + 21.63 = 2961.68 on both sides; 年初财政拨款
    结转和结余 21.63 = 一般公共预算财政拨款 21.63.
    收入决算表 (p. 8–9): 20106 = 1511.90 + 16.19 + 135.25 + 449.52 = 2112.86; 其他收入 0.01 +
    6.19 = 6.20; 20805 = 84.65 + 160.75 + 80.38 + 0.94 = 326.72; 合计 2946.25 against Σ 类
    2112.86 + 326.72 + 60.99 + 445.69 = 2946.26: one cent, within the rounding of 4 parts
    ((4 + 1) × 0.005).
    支出决算表 (p. 10–11) and 一般公共预算财政拨款支出决算表 (p. 15): 2010601 1503.52 + 8.37 =
    1511.89; 合计 2336.91 + 603.14 = 2940.05; Σ 类 2106.66 + 326.72 + 60.99 + 445.69 = 2940.06
    (one cent, within rounding).
    基本支出决算表 (p. 16–17): 301 = 262.33 + 1238.58 + 160.75 + 80.38 + 60.99 + 1.61 + 187.19
    + 91.03 = 2082.86 against 2082.85 printed (rounding of 8 parts); 303 = 69.10 + 0.31 =
    69.41; 人员经费合计 2082.85 + 69.41 = 2152.26; 302 = 21.21 + 7.61 + 0.09 + 4.88 + 1.20 +
    2.83 + 4.05 + 2.01 + 24.42 + 42.77 + 48.49 + 11.53 = 171.09 against 171.07 (12 parts,
    within 0.065); 公用经费合计 171.07 + 13.58 = 184.65; 2152.26 + 184.65 = 2336.91 = 基本支出
    of p. 15; the text (p. 23) states 2152.26 and 184.65.
    “三公” (p. 18): 预算 合计 0.95 = 公务接待费 0.95; 决算 blank (0), as the text (p. 23) says.
    社会保障和就业支出 is 326.71 in the two 总表 (p. 6, 12) and 326.72 in the coded tables
    (p. 10, 15): one cent, the two roundings of one amount in 元 (326.715), not a finding.
    """
    found = [f for r in TABLE for f in run(r, putuo)]
    assert found == [], [f.message for f in found]
    # the checks did look at the tables (not vacuously clean)
    assert len(table_rules._summaries(putuo)) == 2
    facts = {f.key for f in table_rules._facts(putuo)}
    assert {"income", "spend", "general-spend", "spend:社会保障和就业支出"} <= facts
    assert "general-spend:社会保障和就业支出" in facts and "fiscal-income" in facts


def test_putuo_edits_are_caught(putuo: Disclosure) -> None:
    # The same reading with one cell changed: the rules find it on a real layout too.
    changed = putuo.model_copy(deep=True)
    t = next(t for t in changed.tables if t.name == "收入支出决算总表")
    r = next(r for r in t.rows if r.label == "年初结转和结余")
    r.values[0] = D("59.14")
    found = run("TABLE-TOTAL-SUM", changed)
    assert [(f.evidence.stated, f.evidence.computed) for f in found] == [("2995.39", "3005.39")]
    assert found[0].locations[0].page == 7


# ---------------------------------------------------------------------------------------------
# Never raise

words = st.sampled_from(
    ["合计", "小计", "本年收入合计", "收入", "支出", "基本支出", "项目支出", "预算数",
     "决算数", "年初结转和结余", "本年收入", "本年支出", "年末结转和结余", "因公出国（境）费",
     "公务用车购置费", "公务接待费", "人员经费", "公用经费", "2019年", "", " "]
)  # fmt: skip
labels = st.one_of(
    st.none(),
    st.sampled_from(
        ["合计", "总计", "本年收入合计", "本年支出合计", "年初结转和结余",
         "一、一般公共预算财政拨款", "人员经费合计", "公用经费合计", "社会保障和就业支出",
         "其中：", "2020年末", "结余分配"]
    ),
)  # fmt: skip
codes = st.one_of(
    st.none(), st.sampled_from(["201", "20101", "2010101", "301", "30101", "3", "x1"])
)
values = st.lists(
    st.one_of(st.none(), st.decimals(min_value=-1000, max_value=10**6, places=2)), max_size=7
)
rows = st.builds(TableRow, code=codes, label=labels, values=values)
names = st.sampled_from([*FINAL_NAMES, *BUDGET_NAMES, "其他表", ""])
tables = st.builds(
    StandardTable,
    name=names,
    title=st.one_of(st.none(), st.sampled_from(["2023年度收入决算表", "表"])),
    unit=st.sampled_from([None, "元", "万元"]),
    empty=st.booleans(),
    columns=st.lists(st.lists(words, max_size=4), max_size=7),
    rows=st.lists(rows, max_size=12),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(tables, max_size=4), st.sampled_from(["final", "budget"]), st.booleans())
def test_no_table_rule_raises_on_odd_tables(
    ts: list[StandardTable], kind: str, with_year: bool
) -> None:
    d = Disclosure(kind=kind, year=2024 if with_year else None, tables=ts)
    for rule_id in TABLE:
        for f in run(rule_id, d):
            assert f.rule == rule_id and f.locations
