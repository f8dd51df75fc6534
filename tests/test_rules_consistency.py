"""Consistency across sections: goals vs project targets, procurement vs projects and assets,
机关运行经费 vs 日常公用经费. Each rule fires on a small edit of the seed and stays silent on
the traps where a naive comparison would raise a false alarm."""

from __future__ import annotations

import timeit
from typing import Any

import pytest

from audit_helpers import edit, run, run_text
from yusuan.audit import REGISTRY, Finding

GOAL = "CONS-GOAL-TARGET"
SOURCE = "CONS-PROCUREMENT-SOURCE"
BUDGET = "CONS-PROCUREMENT-BUDGET"
ASSET = "CONS-ASSET-PURCHASE"
OPERATING = "CONS-OPERATING-PUBLIC"

SHICAIJIAO = (
    "石财教[2020]100 号 2020 年省级支持市县科技创新和科学普及专项资金 ( 科技成果转化奖补资金 )"
)
SHICAIJIAO_ROW = "( 科技成果转化奖 补资金 )\t80\t其他印刷服务"


def _pairs(findings: list[Finding]) -> list[tuple[str | None, int | None, int | None]]:
    """(goal section, project no, indicator row) of each goal finding."""
    return [
        (f.locations[0].section, f.locations[1].project_no, f.locations[1].indicator)
        for f in findings
    ]


# ---------------------------------------------------------------------------------------------
# CONS-GOAL-TARGET


def test_goal_target_seed_findings(seed: Any) -> None:
    findings = run(GOAL, seed)
    assert _pairs(findings) == [
        ("performance.goals[3]", 20, 1),  # 创新平台新增 3 家 vs ≥8个
        ("performance.goals[3]", 23, 1),  # 科技奖励项目 3 个 vs 获奖数量 ≥4个
        ("performance.goals[4]", 9, 1),  # 完成企业上市挂牌 6 家 vs ≥10家
        ("performance.goals[4]", 1, 1),  # 保单数量达到 20 单 vs ≥30单
    ]
    for f in findings:
        assert f.rule == GOAL and f.severity == "warning" and f.category == "consistency"
        goal, row = f.locations
        assert goal.line is not None and row.line is not None
        assert row.section == f"projects[{row.project_no}].indicators[{row.indicator}]"
        assert row.project_code


def test_goal_target_insurance_quotes_both_texts(seed: Any) -> None:
    f = next(f for f in run(GOAL, seed) if f.locations[1].project_no == 1)
    assert f.message == (
        "分项绩效目标4「加强科技金融创新」写“企业投保科技保险保单数量 20 单”，"
        "而项目1「科技保险保费补贴」第1行指标“完成科技保险单数”的指标值为 ≥30单"
    )
    assert "project 1" in f.message_en and "≥30单" in f.message_en
    assert f.evidence.quote == (
        "分项绩效目标4 绩效指标：“企业投保科技保险保单数量达到 20 单” ↔ "
        "项目1第1行：数量指标 | 完成科技保险单数 | 2020年投保科技保险单数 | ≥30单"
    )
    assert f.evidence.stated == "20 单"
    assert f.evidence.computed == "≥30单"


def test_goal_target_fires_when_a_goal_figure_is_changed(seed_text: str) -> None:
    text = edit(seed_text, "新增科技型中小企业 100 个", "新增科技型中小企业 120 个")
    new = [f for f in run_text(GOAL, text) if f.locations[1].project_no == 21]
    assert len(new) == 1
    f = new[0]
    assert "新增科技型中小企业 120 个" in f.message
    assert "新增省级科技型中小企业数量" in f.message and "≥100家" in f.message
    assert "“新增科技型中小企业 120 个”" in (f.evidence.quote or "")
    assert "新增省级科技型中小企业数量 | 新增省级科技型中小企业数量 | ≥100家" in (
        f.evidence.quote or ""
    )
    assert f.locations[0].section == "performance.goals[2]"
    assert (f.locations[1].project_no, f.locations[1].indicator) == (21, 1)


def test_goal_target_silent_when_the_figures_agree(seed_text: str) -> None:
    text = edit(seed_text, "保单数量达到 20 单", "保单数量达到 30 单")
    assert 1 not in [f.locations[1].project_no for f in run_text(GOAL, text)]


def test_trap_jia_and_ge_count_the_same_enterprises(seed: Any) -> None:
    """Goal 2 "新增科技型中小企业 100 个" and project 21 "≥100家" agree: no finding; goal 3
    "创新平台新增 3 家" against project 20 "≥8个" is a disagreement across 家/个."""
    projects = [f.locations[1].project_no for f in run(GOAL, seed)]
    assert 21 not in projects
    assert 20 in projects


def test_trap_ge_is_not_ci(seed_text: str) -> None:
    text = edit(seed_text, "科技奖励项目 3 个", "科技奖励项目 3 次")
    assert 23 not in [f.locations[1].project_no for f in run_text(GOAL, text)]


def test_trap_xinzeng_gaoqi_is_not_rending_gaoqi(seed: Any, seed_text: str) -> None:
    """新增高新技术企业 80 个 vs 认定高新技术企业数量 ≥300家 (认定 includes 复审) and vs
    孵化器内新认定… ≥35家 (a subset): different measures, no finding."""
    assert not {14, 26} & {f.locations[1].project_no for f in run(GOAL, seed)}
    # Once the goal names the same event it is compared, with project 26 (project 14 counts
    # only the enterprises in incubators).
    text = edit(seed_text, "新增高新技术企业 80 个", "认定高新技术企业 80 个")
    found = [f for f in run_text(GOAL, text) if f.locations[1].project_no in (14, 26)]
    assert [(f.locations[1].project_no, f.evidence.computed) for f in found] == [(26, "≥300家")]


def test_trap_goal_measure_with_no_matching_project(seed: Any) -> None:
    """组织企业培训 1 次 (goal 1) shares only 培训 with project 6's 组织培训会的数量 ≥20次;
    举办政策宣传活动 5 次 (goal 2) only 宣传 with project 11's 宣传活动次数 4 次; 孵化器、众创空间
    新认定 5 家 is not 补助孵化机构数量 (project 7) nor 获评70分以上的众创空间数量 (project 25)."""
    goals = {f.locations[0].section for f in run(GOAL, seed)}
    assert goals == {"performance.goals[3]", "performance.goals[4]"}
    projects = {f.locations[1].project_no for f in run(GOAL, seed)}
    assert not projects & {6, 7, 11, 12, 14, 15, 25, 27, 35}


def test_trap_place_scoped_indicator_is_a_subset(seed_text: str) -> None:
    # Project 15 counts the 科小 newly certified *in incubators*: not goal 2's 新增 科小.
    text = edit(seed_text, "新增省级科技型中小企业数量\t新增", "省级科技型中小企业数量\t")
    assert 15 not in [f.locations[1].project_no for f in run_text(GOAL, text)]


# ---------------------------------------------------------------------------------------------
# CONS-PROCUREMENT-SOURCE


def test_procurement_source_seed_finding(seed: Any) -> None:
    (f,) = run(SOURCE, seed)
    assert f.message == (
        f"政府采购项目来源“{SHICAIJIAO}”（预算资金 80 万元，2 条采购）"
        "不是本部门的项目，也不是基本支出"
    )
    assert [loc.section for loc in f.locations] == ["procurement.items[6]", "procurement.items[7]"]
    assert all(loc.line for loc in f.locations)
    assert f.evidence.quote == (
        f"{SHICAIJIAO} | 预算资金 80 | 其他印刷服务 C08140199 8；其它台、桌类 A060299 2"
    )


def test_procurement_source_silent_when_the_source_is_a_project(seed_text: str) -> None:
    start = seed_text.index("石财教[2020]100 号")
    old = seed_text[start : seed_text.index("\t80\t", start)]
    assert run_text(SOURCE, edit(seed_text, old, "科技工作专家费")) == []


def test_trap_gongyong_jingfei_is_a_legitimate_source(seed: Any, seed_text: str) -> None:
    assert all("公用经费" not in (f.evidence.quote or "")[:8] for f in run(SOURCE, seed))
    text = edit(seed_text, "公用经费\t12.80", "日常公用经费\t12.80")
    assert len(run_text(SOURCE, text)) == 1
    text = edit(seed_text, "公用经费\t12.80", "科技宣传经费\t12.80")
    new = [f for f in run_text(SOURCE, text) if "科技宣传经费" in f.message]
    assert len(new) == 1 and new[0].locations[0].section == "procurement.items[1]"


# ---------------------------------------------------------------------------------------------
# CONS-PROCUREMENT-BUDGET


def test_procurement_budget_silent_on_the_seed(seed: Any) -> None:
    assert run(BUDGET, seed) == []


def test_procurement_budget_differs_from_the_project(seed_text: str) -> None:
    text = edit(seed_text, "运营服务\t150.00\t平台运营服务", "运营服务\t160.00\t平台运营服务")
    (f,) = run_text(BUDGET, text)
    assert f.message == (
        "政府采购项目来源“科技金融服务平台运营服务”的预算资金 160.00 万元，"
        "而项目6「科技金融服务平台运营服务」的预算数为 150.00 万元"
    )
    assert [loc.section for loc in f.locations] == ["procurement.items[4]", "projects[6]"]
    assert f.locations[1].project_no == 6
    assert (f.evidence.stated, f.evidence.computed) == ("160.00", "150.00")


def test_procurement_budget_exceeded_by_its_items(seed_text: str) -> None:
    text = edit(seed_text, SHICAIJIAO_ROW, SHICAIJIAO_ROW.replace("\t80\t", "\t5\t"))
    (f,) = run_text(BUDGET, text)
    assert "采购金额合计 10 万元，超出预算资金" in f.message
    assert f.evidence.formula == "8 + 2"
    assert [loc.section for loc in f.locations] == ["procurement.items[6]", "procurement.items[7]"]


def test_trap_budget_printed_with_other_decimals_agrees(seed_text: str) -> None:
    text = edit(seed_text, "运营服务\t150.00\t平台运营服务", "运营服务\t150\t平台运营服务")
    assert run_text(BUDGET, text) == []


# ---------------------------------------------------------------------------------------------
# CONS-ASSET-PURCHASE


def test_asset_purchase_silent_on_the_seed(seed: Any) -> None:
    assert run(ASSET, seed) == []  # planned 2 万元 = 其它台、桌类 A060299 2


def test_asset_purchase_more_than_planned(seed_text: str) -> None:
    text = edit(seed_text, "计划新购资产 2 万元", "计划新购资产 1 万元")
    (f,) = run_text(ASSET, text)
    assert f.message == "政府采购购置资产 2 万元（其它台、桌类 A060299 2），而计划新购资产 1 万元"
    assert [loc.section for loc in f.locations] == [
        "assets.planned_purchase",
        "procurement.items[7]",
    ]
    assert all(loc.line for loc in f.locations)


def test_trap_office_consumables_are_not_assets(seed_text: str) -> None:
    # A0999 其他办公消耗用品 (11 + 3) is not counted: only the desk (A06) is an asset.
    text = edit(seed_text, "计划新购资产 2 万元", "计划新购资产 0 万元")
    (f,) = run_text(ASSET, text)
    assert (f.evidence.stated, f.evidence.computed) == ("0", "2")
    # ...but general equipment (A02) is.
    text = edit(text, "物品\tA0999\t批\t11", "物品\tA02010104\t批\t11")
    (f,) = run_text(ASSET, text)
    assert f.evidence.computed == "13.00"
    assert f.evidence.formula == "11.00 + 2"


# ---------------------------------------------------------------------------------------------
# CONS-OPERATING-PUBLIC


def test_operating_public_silent_on_the_seed(seed: Any) -> None:
    assert run(OPERATING, seed) == []  # 31.97 = 31.97


def test_operating_costs_exceed_public(seed_text: str) -> None:
    text = edit(seed_text, "机关运行经费支出预算31.97万元", "机关运行经费支出预算35.97万元")
    (f,) = run_text(OPERATING, text)
    assert f.message == "机关运行经费 35.97 万元，超过了基本支出中的日常公用经费 31.97 万元"
    assert [loc.section for loc in f.locations] == [
        "operating_costs.amount",
        "expenditure.basic.public",
    ]
    assert f.evidence.quote == "机关运行经费 35.97 万元 ↔ 日常公用经费 31.97 万元"


def test_operating_costs_below_public_with_only_administrative_units(seed_text: str) -> None:
    text = edit(seed_text, "机关运行经费支出预算31.97万元", "机关运行经费支出预算30.00万元")
    (f,) = run_text(OPERATING, text)
    assert "只有行政单位" in f.message


def test_trap_operating_costs_below_public_with_a_public_institution(seed_text: str) -> None:
    text = edit(seed_text, "机关运行经费支出预算31.97万元", "机关运行经费支出预算30.00万元")
    text = edit(text, "科学技术局\t行政\t正科级", "科学技术局\t事业\t正科级")
    assert run_text(OPERATING, text) == []


# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rule_id", [GOAL, SOURCE, BUDGET, ASSET, OPERATING])
def test_rule_is_fast(rule_id: str, seed: Any) -> None:
    rule = REGISTRY[rule_id]
    list(rule.check(seed))
    best = min(timeit.repeat(lambda: list(rule.check(seed)), number=20, repeat=5)) / 20
    assert best < 0.005  # well under the 10 ms budget of the whole audit, even on a busy CI
