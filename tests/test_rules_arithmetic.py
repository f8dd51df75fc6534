"""The arithmetic family: each rule fires on a small edit of the seed, stays quiet on the seed
(apart from the two shares the seed really misprints), and never fires on an unstated figure."""

from __future__ import annotations

import timeit
from decimal import Decimal
from typing import Any

import pytest

from audit_helpers import edit, read_text, run, run_text
from derive import income_decrease
from yusuan.audit import REGISTRY, Finding
from yusuan.model import CategoryTotal, Disclosure, Procurement, ThreePublic

ARITH = sorted(rule_id for rule_id, rule in REGISTRY.items() if rule.category == "arithmetic")

# Seed places (1-based lines of the seed text) the findings point at.
INCOME_LINE, SPEND_LINE, THREE_PUBLIC_LINE = 50, 54, 66
PROCUREMENT_LINE, FIRST_ITEM_LINE, ASSETS_LINE, ASSET_TABLE_LINE = 918, 930, 947, 952
PROJECT1_LINE = 144

FUNDS_P1 = "预算数\t42.40\t其中：财政资金\t42.40\t其他资金\t0"


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, [f.message for f in findings]
    return findings[0]


def on_income(findings: list[Finding]) -> list[Finding]:
    """Leave out the seed's own two expenditure shares."""
    return [f for f in findings if (f.locations[0].section or "").startswith("income")]


def where(finding: Finding) -> tuple[int | None, str | None]:
    loc = finding.locations[0]
    return loc.line, loc.section


# --------------------------------------------------------------------------------------------
# The seed


def test_the_family_is_complete() -> None:
    expected = sorted(
        [
            "ARITH-ASSETS",
            "ARITH-BALANCE",
            "ARITH-BASIC-PARTS",
            "ARITH-CHANGE-PARTS",
            "ARITH-EXPENDITURE-SUM",
            "ARITH-FUND-SPLIT",
            "ARITH-GROWTH",
            "ARITH-INCOME-SUM",
            "ARITH-ITEM-FUNDS",
            "ARITH-PROCUREMENT-CATEGORY",
            "ARITH-PROCUREMENT-TOTAL",
            "ARITH-PROJECT-PARTS",
            "ARITH-PROJECTS-OWN",
            "ARITH-QTY-PRICE",
            "ARITH-SHARE",
            "ARITH-THREE-PUBLIC",
        ]
    )
    assert expected == ARITH


def test_seed_gives_exactly_the_two_misprinted_shares(seed: Any) -> None:
    found = [f for rule_id in ARITH for f in run(rule_id, seed)]
    assert [f.rule for f in found] == ["ARITH-SHARE", "ARITH-SHARE"]
    basic, project = found
    assert basic.severity == "warning"
    assert (basic.evidence.stated, basic.evidence.computed) == ("1.55", "1.54")
    assert basic.evidence.formula == "695.17 / 44999 × 100"
    assert where(basic) == (SPEND_LINE, "expenditure.basic.share_pct")
    assert basic.message == (
        "基本支出占总支出的比例印为 1.55%，而 695.17 / 44999 × 100 = 1.5449%，按所印精度应为 1.54%"
    )
    assert "1.55%" in basic.message_en and "1.54%" in basic.message_en
    assert (project.evidence.stated, project.evidence.computed) == ("98.45", "98.46")
    assert project.evidence.formula == "44303.83 / 44999 × 100"
    assert where(project) == (SPEND_LINE, "expenditure.project.share_pct")
    assert "98.4551%" in project.message


@pytest.mark.parametrize("rule_id", [r for r in ARITH if r != "ARITH-SHARE"])
def test_seed_adds_up(rule_id: str, seed: Any) -> None:
    assert run(rule_id, seed) == []


# --------------------------------------------------------------------------------------------
# Income and expenditure


def test_income_sum(seed_text: str) -> None:
    f = only(
        run_text("ARITH-INCOME-SUM", edit(seed_text, "上年结转 580 万元", "上年结转 590 万元"))
    )
    assert (f.evidence.stated, f.evidence.computed) == ("44999", "45009")
    assert where(f) == (INCOME_LINE, "income.total")


def test_expenditure_sum(seed_text: str) -> None:
    text = edit(seed_text, "基本支出 695.17 万元", "基本支出 696.17 万元")
    f = only(run_text("ARITH-EXPENDITURE-SUM", text))
    assert f.severity == "error"
    assert f.message == "支出总计为 44999 万元，而 696.17 + 44303.83 = 45000.00 万元"
    assert (
        f.message_en == "the expenditure total is 44999 万元, but 696.17 + 44303.83 = 45000.00 万元"
    )
    assert (f.evidence.stated, f.evidence.computed) == ("44999", "45000.00")
    assert where(f) == (SPEND_LINE, "expenditure.total")


def test_basic_parts(seed_text: str) -> None:
    f = only(
        run_text("ARITH-BASIC-PARTS", edit(seed_text, "人员经费 663.2 万元", "人员经费 663.3 万元"))
    )
    assert f.message == "基本支出为 695.17 万元，而 663.3 + 31.97 = 695.27 万元"
    assert (f.evidence.stated, f.evidence.computed, f.evidence.formula) == (
        "695.17",
        "695.27",
        "663.3 + 31.97",
    )
    assert where(f) == (SPEND_LINE, "expenditure.basic.amount")


def test_project_parts(seed_text: str) -> None:
    f = only(
        run_text("ARITH-PROJECT-PARTS", edit(seed_text, "本级支出 43723.83", "本级支出 43733.83"))
    )
    assert f.message == "项目支出为 44303.83 万元，而 43733.83 + 580 = 44313.83 万元"
    assert where(f) == (SPEND_LINE, "expenditure.project.amount")


def test_balance(seed_text: str) -> None:
    text = edit(seed_text, "本年支出总计 44999 万元", "本年支出总计 45999 万元")
    f = only(run_text("ARITH-BALANCE", text))
    assert f.message == "收入总计 44999 万元，而支出总计为 45999 万元，收支不平衡"
    assert (f.evidence.stated, f.evidence.computed) == ("44999", "45999")
    assert f.evidence.formula == "收入总计 − 支出总计 = 44999 − 45999 = -1000"
    assert [(loc.line, loc.section) for loc in f.locations] == [
        (INCOME_LINE, "income.total"),
        (SPEND_LINE, "expenditure.total"),
    ]


def test_share_of_an_income_source(seed_text: str) -> None:
    text = edit(seed_text, "占全年预算 98.71%", "占全年预算 97.71%")
    f = only(on_income(run_text("ARITH-SHARE", text)))
    assert f.evidence.formula == "44419 / 44999 × 100"
    assert (f.evidence.stated, f.evidence.computed) == ("97.71", "98.71")
    assert where(f) == (INCOME_LINE, "income.sources[general_budget].share_pct")
    assert f.message.startswith("一般公共预算拨款占收入总计的比例印为 97.71%")


def test_share_corrected_is_quiet(seed_text: str) -> None:
    text = edit(seed_text, "占总支出 1.55%", "占总支出 1.54%")
    text = edit(text, "占总支出 98.45%", "占总支出 98.46%")
    assert run_text("ARITH-SHARE", text) == []


def test_growth(seed_text: str) -> None:
    f = only(run_text("ARITH-GROWTH", edit(seed_text, "增长 9.97%", "增长 9.79%")))
    assert f.severity == "warning"
    assert (f.evidence.stated, f.evidence.computed) == ("9.79", "9.97")
    assert f.evidence.formula == "4026.21 / (44419 − 4026.21) × 100"
    assert "9.9676%" in f.message
    assert where(f) == (INCOME_LINE, "income.sources[general_budget].growth_pct")


def test_growth_of_the_total(seed_text: str) -> None:
    f = only(run_text("ARITH-GROWTH", edit(seed_text, "增长 11.4%", "增长 12.4%")))
    assert (f.evidence.stated, f.evidence.computed) == ("12.4", "11.4")
    assert f.evidence.formula == "4606.21 / (44999 − 4606.21) × 100"
    assert where(f) == (INCOME_LINE, "income.growth_pct")


def test_change_parts(seed_text: str) -> None:
    text = edit(seed_text, "较上年增加 255.7 万元", "较上年增加 265.7 万元")
    f = only(run_text("ARITH-CHANGE-PARTS", text))
    assert f.message == "收支总额比上年增减为 4606.21 万元，而 265.7 + 4350.51 = 4616.21 万元"
    assert [loc.section for loc in f.locations] == [
        "income.change",
        "expenditure.basic.change",
        "expenditure.project.change",
    ]
    assert f.locations[0].line == INCOME_LINE


# --------------------------------------------------------------------------------------------
# Projects


def test_projects_own(seed_text: str) -> None:
    text = edit(seed_text, FUNDS_P1, FUNDS_P1.replace("42.40", "52.40"), 1)
    text = text.replace("财政资金\t42.40", "财政资金\t52.40", 1)
    f = only(run_text("ARITH-PROJECTS-OWN", text))
    assert (f.evidence.stated, f.evidence.computed) == ("43723.83", "43733.83")
    assert f.evidence.formula is not None
    assert f.evidence.formula.startswith("Σ 35 个项目预算数 (52.40 + 8.00 + 1353.09")
    assert where(f) == (SPEND_LINE, "expenditure.project.own")
    assert run_text("ARITH-FUND-SPLIT", text) == []


def test_fund_split(seed_text: str) -> None:
    text = edit(seed_text, FUNDS_P1, "预算数\t42.40\t其中：财政资金\t42.00\t其他资金\t0")
    f = only(run_text("ARITH-FUND-SPLIT", text))
    assert f.message == "项目 1“科技保险保费补贴”预算数为 42.40 万元，而 42.00 + 0 = 42.00 万元"
    assert f.evidence.quote == "科技保险保费补贴"
    loc = f.locations[0]
    assert (loc.line, loc.section, loc.project_no) == (PROJECT1_LINE, "projects[1].amount", 1)
    assert loc.project_code == "1301902101PDD8ZPY4KBQ"


# --------------------------------------------------------------------------------------------
# 三公


def test_three_public_total(seed_text: str) -> None:
    f = only(run_text("ARITH-THREE-PUBLIC", edit(seed_text, "公务接待费2万元", "公务接待费3万元")))
    assert f.message == "“三公”经费合计为 2 万元，而 0 + 0 + 3 = 3 万元"
    assert where(f) == (THREE_PUBLIC_LINE, "three_public.total")


def test_three_public_vehicles(seed_text: str) -> None:
    text = edit(seed_text, "公务用车购置费支出预算0万元", "公务用车购置费支出预算1万元")
    f = only(run_text("ARITH-THREE-PUBLIC", text))
    assert (f.evidence.stated, f.evidence.computed, f.evidence.formula) == ("0", "1", "1 + 0")
    assert where(f) == (THREE_PUBLIC_LINE, "three_public.vehicle_total")


# --------------------------------------------------------------------------------------------
# 政府采购


def test_procurement_total(seed_text: str) -> None:
    found = run_text(
        "ARITH-PROCUREMENT-TOTAL", edit(seed_text, "涉及金额 219 万元", "涉及金额 229 万元")
    )
    assert [f.evidence.computed for f in found] == ["219.00", "219"]
    items, cats = found
    assert items.evidence.formula == "Σ 采购明细 (11.00 + 5.00 + 3.00 + 150.00 + 40.00 + 8 + 2)"
    assert cats.message == "政府采购总金额为 229 万元，而 货物 16 + 工程 0 + 服务 203 = 219 万元"
    assert where(items) == (PROCUREMENT_LINE, "procurement.total")
    assert items.locations[1].line == FIRST_ITEM_LINE


@pytest.mark.parametrize(
    ("total", "fires"),
    [
        # 4.79 + 0 + 246.47 = 251.26: each of the two rounded parts and the total may be off
        # by 0.005, so 251.25 … 251.27 can all be right (a 决算 rounds 元 amounts to 万元).
        ("251.25", False),
        ("251.27", False),
        ("251.24", True),
        ("251.28", True),
    ],
)
def test_a_total_may_differ_from_its_parts_by_their_rounding(total: str, fires: bool) -> None:
    categories = {
        "货物": CategoryTotal(amount=Decimal("4.79")),
        "工程": CategoryTotal(amount=Decimal("0")),
        "服务": CategoryTotal(amount=Decimal("246.47")),
    }
    d = Disclosure(procurement=Procurement(total=Decimal(total), by_category=categories))
    found = run("ARITH-PROCUREMENT-TOTAL", d)
    assert [f.evidence.computed for f in found] == (["251.26"] if fires else [])


def test_whole_numbers_are_taken_as_exact() -> None:
    # "公务接待费3万元" against a total of 2: whole 万元 are no rounding, so a difference of one
    # is a mistake, not the slack of two rounded figures.
    d = Disclosure(
        three_public=ThreePublic(
            total=Decimal(2), overseas=Decimal(0), vehicle_total=Decimal(0), reception=Decimal(3)
        )
    )
    assert [f.evidence.computed for f in run("ARITH-THREE-PUBLIC", d)] == ["3"]


def test_procurement_count(seed_text: str) -> None:
    found = run_text(
        "ARITH-PROCUREMENT-TOTAL", edit(seed_text, "采购项目为 7 个", "采购项目为 8 个")
    )
    assert [(f.evidence.stated, f.evidence.computed) for f in found] == [("8", "7"), ("8", "7")]
    assert found[0].message == "政府采购项目个数为 8 个，而 采购明细行数 = 7 个"
    assert found[1].evidence.formula == "货物 3 + 工程 0 + 服务 4"
    assert all(where(f) == (PROCUREMENT_LINE, "procurement.count") for f in found)


def test_procurement_category(seed_text: str) -> None:
    found = run_text("ARITH-PROCUREMENT-CATEGORY", edit(seed_text, "A060299", "C060299"))
    assert [(f.evidence.stated, f.evidence.computed) for f in found] == [
        ("3", "2"),
        ("16", "14.00"),
        ("4", "5"),
        ("203", "205.00"),
    ]
    assert found[1].evidence.formula == "A0999 11.00 + A0999 3.00"
    assert where(found[0]) == (PROCUREMENT_LINE, "procurement.by_category.货物")
    assert where(found[2]) == (PROCUREMENT_LINE, "procurement.by_category.服务")
    # the totals still add up: only the split by category is wrong
    assert run_text("ARITH-PROCUREMENT-TOTAL", edit(seed_text, "A060299", "C060299")) == []


def test_quantity_times_price(seed_text: str) -> None:
    text = edit(seed_text, "批\t11\t1.00\t11.00", "批\t12\t1.00\t11.00")
    f = only(run_text("ARITH-QTY-PRICE", text))
    assert (
        f.message
        == "采购明细“其他办公消耗用品及类似物品”金额为 11.00 万元，而 12 × 1.00 = 12.00 万元"
    )
    assert (f.evidence.stated, f.evidence.computed, f.evidence.formula) == (
        "11.00",
        "12.00",
        "12 × 1.00",
    )
    assert where(f) == (FIRST_ITEM_LINE, "procurement.items[1]")


def test_item_funds(seed_text: str) -> None:
    text = edit(seed_text, "批\t11\t1.00\t11.00\t11.00", "批\t11\t1.00\t11.00\t10.00")
    f = only(run_text("ARITH-ITEM-FUNDS", text))
    assert (f.evidence.stated, f.evidence.computed) == ("11.00", "10.00")
    assert f.evidence.quote == "其他办公消耗用品及类似物品"
    assert where(f) == (FIRST_ITEM_LINE, "procurement.items[1]")


def test_item_funds_add_the_other_columns(seed_text: str) -> None:
    text = edit(seed_text, "批\t11\t1.00\t11.00\t11.00\t\t", "批\t11\t1.00\t11.00\t10.00\t2\t")
    f = only(run_text("ARITH-ITEM-FUNDS", text))
    assert (f.evidence.computed, f.evidence.formula) == ("12.00", "10.00 + 2")


# --------------------------------------------------------------------------------------------
# 国有资产


def test_assets_categories(seed_text: str) -> None:
    f = only(
        run_text("ARITH-ASSETS", edit(seed_text, "通用设备 71.36 万元", "通用设备 71.46 万元"))
    )
    assert (
        f.message == "固定资产总额为 111.91 万元，而 通用设备 71.46 + 家具用具 40.55 = 112.01 万元"
    )
    assert where(f) == (ASSETS_LINE, "assets.total")


def test_assets_table_rows(seed_text: str) -> None:
    f = only(
        run_text(
            "ARITH-ASSETS",
            edit(seed_text, "4、其他固定资产\t576\t111.91", "4、其他固定资产\t576\t110.91"),
        )
    )
    assert (f.evidence.stated, f.evidence.computed) == ("111.91", "110.91")
    assert f.evidence.formula is not None and "4、其他固定资产 110.91" in f.evidence.formula
    assert where(f) == (ASSET_TABLE_LINE, "assets.table")


def test_assets_table_total_against_the_text(seed_text: str) -> None:
    text = edit(seed_text, "资产总额\t-\t111.91", "资产总额\t-\t121.91")
    found = run_text("ARITH-ASSETS", text)
    assert [(f.evidence.stated, f.evidence.computed) for f in found] == [
        ("121.91", "111.91"),
        ("121.91", "111.91"),
    ]
    assert [loc.line for loc in found[1].locations] == [ASSET_TABLE_LINE, ASSETS_LINE]


# --------------------------------------------------------------------------------------------
# Traps: what must NOT be reported


def test_trap_42_4_agrees_with_42_40(seed_text: str) -> None:
    text = edit(seed_text, FUNDS_P1, "预算数\t42.4\t其中：财政资金\t42.40\t其他资金\t0")
    assert read_text(text).projects[0].amount == Decimal("42.4")
    assert run_text("ARITH-FUND-SPLIT", text) == []
    assert run_text("ARITH-PROJECTS-OWN", text) == []


def test_trap_whole_number_total_against_two_decimal_parts(seed: Any) -> None:
    # 44999 (printed whole) = 695.17 + 44303.83 = 44999.00; 219 = 219.00
    assert seed.expenditure.total == Decimal("44999")
    assert run("ARITH-EXPENDITURE-SUM", seed) == []
    assert run("ARITH-PROCUREMENT-TOTAL", seed) == []


def test_trap_share_printed_with_fewer_places(seed_text: str) -> None:
    # 44419 / 44999 × 100 = 98.711…: "98.7" is right to its one printed place.
    right = edit(seed_text, "占全年预算 98.71%", "占全年预算 98.7%")
    assert on_income(run_text("ARITH-SHARE", right)) == []
    wrong = edit(seed_text, "占全年预算 98.71%", "占全年预算 98.8%")
    assert only(on_income(run_text("ARITH-SHARE", wrong))).evidence.computed == "98.7"


def test_trap_growth_printed_with_one_place(seed: Any) -> None:
    # 4606.21 / 40392.79 × 100 = 11.4036…%, printed "11.4%".
    assert seed.income.growth_pct == Decimal("11.4")
    assert run("ARITH-GROWTH", seed) == []


def test_trap_zero_change_with_a_rate(seed_text: str) -> None:
    text = edit(seed_text, "比上年增长 4026.21 万元，增长 9.97%", "较上年无变化，增长 9.97%")
    f = only(run_text("ARITH-GROWTH", text))
    assert (f.evidence.stated, f.evidence.computed) == ("9.97", "0.00")


def test_trap_a_decrease_is_signed(seed_text: str) -> None:
    # 比上年减少 4606.21 万元: last year 44999 + 4606.21 = 49605.21, −9.2857…%
    text = edit(
        income_decrease(seed_text),
        "下降 11.4%",
        "下降 9.29%",
    )
    assert read_text(text).income.growth_pct == Decimal("-9.29")
    assert run_text("ARITH-GROWTH", text) == []
    f = only(run_text("ARITH-GROWTH", income_decrease(seed_text)))
    assert (f.evidence.stated, f.evidence.computed) == ("-11.4", "-9.3")


def test_trap_null_never_triggers(seed: Any) -> None:
    blank = seed.model_copy(deep=True)
    e = blank.expenditure
    e.basic.share_pct = None
    e.project.share_pct = None
    e.basic.personnel = None
    e.project.carryover = None
    e.total = None
    blank.income.change = None
    blank.three_public.vehicle_total = None
    blank.three_public.vehicle_purchase = None
    blank.three_public.reception = Decimal(5)
    blank.projects[0].other = None
    blank.projects[0].fiscal = Decimal(1)
    blank.projects[1].amount = None
    blank.procurement.items[0].quantity = None
    blank.procurement.items[1].amount = None
    blank.procurement.by_category["货物"].amount = None
    blank.assets.table[1].value = None
    blank.assets.table[0].value = Decimal(999)
    blank.assets.total = None
    for rule_id in ARITH:
        assert run(rule_id, blank) == [], rule_id


def test_trap_nothing_stated_nothing_found() -> None:
    from yusuan.model import Disclosure

    empty = Disclosure()
    for rule_id in ARITH:
        assert run(rule_id, empty) == [], rule_id


def test_trap_no_projects_no_projects_own(seed: Any) -> None:
    bare = seed.model_copy(update={"projects": []})
    assert run("ARITH-PROJECTS-OWN", bare) == []


def test_trap_unit_price_is_rounded(seed_text: str) -> None:
    # 500 books at 98 元 print a unit price of 0.01 万元 and an amount of 4.90 万元.
    text = edit(seed_text, "本\t500\t0.01\t5.00\t5.00", "本\t500\t0.01\t4.90\t4.90")
    assert run_text("ARITH-QTY-PRICE", text) == []
    # …but not 8.00: 500 × 0.015 = 7.50 is the most a rounded 0.01 allows
    text = edit(seed_text, "本\t500\t0.01\t5.00\t5.00", "本\t500\t0.01\t8.00\t8.00")
    assert only(run_text("ARITH-QTY-PRICE", text)).evidence.computed == "5.00"


def test_trap_qizhong_rows_are_not_added(seed_text: str) -> None:
    text = edit(seed_text, "其中：办公用房（平方米）\t-\t0", "其中：办公用房（平方米）\t-\t50")
    assert run_text("ARITH-ASSETS", text) == []


def test_trap_asset_dash_value_is_not_zero(seed_text: str) -> None:
    text = edit(seed_text, "2、车辆（台、辆）\t0\t0", "2、车辆（台、辆）\t0\t-")
    text = edit(text, "4、其他固定资产\t576\t111.91", "4、其他固定资产\t576\t100.91")
    # the numbered rows cannot be added up, but the total row still agrees with the text
    assert run_text("ARITH-ASSETS", text) == []


def test_trap_item_without_catalogue_code_skips_categories(seed: Any) -> None:
    doc = seed.model_copy(deep=True)
    doc.procurement.items[6].catalog_code = None
    doc.procurement.items[0].amount = Decimal(1)
    assert run("ARITH-PROCUREMENT-CATEGORY", doc) == []


def test_trap_empty_fund_cells_are_left_out(seed: Any) -> None:
    assert all(v is None for v in seed.procurement.items[0].other_funds.values())
    assert run("ARITH-ITEM-FUNDS", seed) == []


def test_trap_balance_to_printed_precision(seed: Any) -> None:
    doc = seed.model_copy(deep=True)
    doc.expenditure.total = Decimal("44999.00")
    assert run("ARITH-BALANCE", doc) == []


# --------------------------------------------------------------------------------------------
# Speed


def test_the_family_is_fast(seed: Any) -> None:
    rules = [REGISTRY[rule_id] for rule_id in ARITH]
    best = min(
        timeit.repeat(lambda: [list(rule.check(seed)) for rule in rules], number=20, repeat=5)
    )
    assert best / 20 < 0.01  # measured well under 2 ms; 10 ms leaves room for slow machines


def test_balance_is_not_required_of_final_accounts(seed: Any) -> None:
    # A 决算's 本年收入合计 and 本年支出合计 differ by the carry-overs (the putuo sample:
    # 2946.25 vs 2940.05): only a budget must balance.
    final = seed.model_copy(update={"kind": "final"}, deep=True)
    final.expenditure.total = Decimal("44000")
    assert run("ARITH-BALANCE", final) == []
    budget = seed.model_copy(deep=True)
    budget.expenditure.total = Decimal("44000")
    assert len(run("ARITH-BALANCE", budget)) == 1
