"""The indicator rules (IND-*): what they find on the seed, what a small edit makes them find,
and the traps a careless rule falls into (≥100% is attainable; a year inside 《》; the same name
with another description is another indicator)."""

from __future__ import annotations

from typing import Any

import pytest

from audit_helpers import edit, run, run_text
from yusuan.audit import Finding

P1 = "1301902101PDD8ZPY4KBQ"

#: (project no, indicator rows) of every finding on the seed, hand-checked against the document.
SEED_FINDINGS: dict[str, set[tuple[int, tuple[int, ...]]]] = {
    "IND-LEVELS": set(),
    "IND-COVERAGE": set(),
    "IND-IMPOSSIBLE": set(),
    "IND-UNMEASURABLE": {
        (8, (3,)),  # 时效 较显著
        (8, (4,)),  # 成本 较显著
        (11, (3,)),  # 时效 及时
        (18, (3,)),
        (24, (3,)),
        (28, (3,)),
        (28, (4,)),  # 成本 以实际发生为准
        (29, (1,)),  # 数量 以实际发生为准
        (29, (3,)),
        (29, (4,)),  # 成本 以实际发生为准
        (34, (3,)),
    },
    "IND-NAME-VALUE": {(4, (5,)), (31, (1,))},
    "IND-DUPLICATE-CONFLICT": {(21, (4, 5)), (21, (6, 7)), (30, (4, 5))},
    "IND-YEAR": {(1, (1,)), (1, (2,)), (9, (1,))},
    "IND-CLASS-FIT": {
        (1, (4,)),  # 成本 ≥100张(册)
        (2, (4,)),  # 成本 所需人力 ≤3人
        (5, (4,)),
        (6, (4,)),  # 成本 走访企业次数 ≥30次
        (9, (4,)),  # 成本 ≥100张（册）
        (10, (3,)),  # 时效 资金拨付率 ≥95%
        (17, (4,)),
        (24, (4,)),
        (32, (4,)),  # 成本 ≥108 人
        (35, (4,)),  # 成本 邀请专家人数 ≥50人
    },
}


def places(findings: list[Finding]) -> set[tuple[int, tuple[int, ...]]]:
    out = set()
    for f in findings:
        no = f.locations[0].project_no
        assert no is not None
        out.add((no, tuple(loc.indicator for loc in f.locations if loc.indicator is not None)))
    return out


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, [f.message for f in findings]
    return findings[0]


def new(rule_id: str, seed: Any, text: str) -> list[Finding]:
    """The findings a derived document has that the seed does not (by place)."""
    before = places(run(rule_id, seed))
    return [f for f in run_text(rule_id, text) if places([f]) - before]


# ---------------------------------------------------------------------------------------------
# The seed


@pytest.mark.parametrize("rule_id", sorted(SEED_FINDINGS))
def test_seed_findings_are_exactly_the_hand_checked_ones(rule_id: str, seed: Any) -> None:
    findings = run(rule_id, seed)
    assert places(findings) == SEED_FINDINGS[rule_id]
    assert len(findings) == len(SEED_FINDINGS[rule_id])
    for f in findings:
        assert f.rule == rule_id and f.category == "indicator"
        assert f.message and f.message_en and f.evidence.quote
        for loc in f.locations:
            assert loc.line is not None and loc.project_code


def test_year_on_the_seed_quotes_the_printed_row(seed: Any) -> None:
    first = next(f for f in run("IND-YEAR", seed) if f.locations[0].indicator == 1)
    assert first.evidence.quote == "数量指标 | 完成科技保险单数 | 2020年投保科技保险单数 | ≥30单"
    assert first.evidence.stated == "2020"
    loc = first.locations[0]
    assert (loc.line, loc.project_no, loc.project_code, loc.indicator) == (157, 1, P1, 1)
    assert loc.section == "projects[1].indicators[1]"
    assert "2020" in first.message and "2021" in first.message
    assert "2020" in first.message_en and "2021" in first.message_en


def test_duplicate_conflict_on_the_seed_points_at_both_rows(seed: Any) -> None:
    f = next(f for f in run("IND-DUPLICATE-CONFLICT", seed) if f.locations[0].indicator == 4)
    assert f.locations[0].project_no == 21
    assert [loc.line for loc in f.locations] == [597, 598]
    assert f.evidence.stated == "1万元/家 ≠ 2万元/家"
    assert f.evidence.quote == (
        "成本指标 | 科小奖励资金 | 省级科小补贴金额 | 1万元/家；"
        "成本指标 | 科小奖励资金 | 省级科小补贴金额 | 2万元/家"
    )
    assert "省级科小补贴金额" in f.message and "1万元/家 ≠ 2万元/家" in f.message


def test_name_value_on_the_seed(seed: Any) -> None:
    by_project = {f.locations[0].project_no: f for f in run("IND-NAME-VALUE", seed)}
    assert "11786.475" in by_project[4].message and "数字" in by_project[4].message
    assert by_project[4].locations[0].line == 230
    assert "4 次" in by_project[31].message
    assert by_project[31].evidence.quote == (
        "数量指标 | 举办相关培训次数 4 次 | 举办相关培训次数 4 次 | 4 次"
    )
    assert by_project[31].locations[0].line == 819


# ---------------------------------------------------------------------------------------------
# IND-LEVELS


def test_levels_level2_outside_its_level1(seed_text: str) -> None:
    text = edit(
        seed_text,
        "产出指标\t数量指标\t完成科技保险单数",
        "产出指标\t社会效益指标\t完成科技保险单数",
    )
    f = only(run_text("IND-LEVELS", text))
    assert f.severity == "error"
    assert "社会效益指标" in f.message and "产出指标" in f.message
    assert f.evidence.quote == (
        "产出指标 | 社会效益指标 | 完成科技保险单数 | 2020年投保科技保险单数 | ≥30单"
    )
    loc = f.locations[0]
    assert (loc.line, loc.project_no, loc.project_code, loc.indicator) == (157, 1, P1, 1)


def test_levels_unknown_level1(seed_text: str) -> None:
    text = edit(
        seed_text,
        "满意度指标\t服务对象满意度指标\t受益对象满意度(%)",
        "影响指标\t服务对象满意度指标\t受益对象满意度(%)",
    )
    f = only(run_text("IND-LEVELS", text))
    assert "影响指标" in f.message and "level 1" in f.message_en
    assert (f.locations[0].project_no, f.locations[0].indicator, f.locations[0].line) == (
        1,
        6,
        164,
    )


def test_levels_accepts_the_2021_cost_class_and_the_old_satisfaction_under_benefit(
    seed_text: str,
) -> None:
    text = edit(seed_text, "\t成本指标\t政策宣传材料", "成本指标\t经济成本指标\t政策宣传材料")
    text = edit(
        text,
        "满意度指标\t服务对象满意度指标\t受益对象满意度(%)",
        "效益指标\t服务对象满意度指标\t受益对象满意度(%)",
    )
    assert run_text("IND-LEVELS", text) == []
    assert run_text("IND-COVERAGE", text) == []


# ---------------------------------------------------------------------------------------------
# IND-COVERAGE


def test_coverage_project_without_satisfaction(seed_text: str) -> None:
    text = edit(
        seed_text,
        "满意度指标\t服务对象满意度指标\t受益对象满意度(%)",
        "效益指标\t社会效益指标\t受益对象满意度(%)",
    )
    f = only(run_text("IND-COVERAGE", text))
    assert f.severity == "error"
    assert "满意度指标" in f.message and "产出指标" not in f.message
    assert f.evidence.quote == "一级指标：产出指标、效益指标"
    loc = f.locations[0]
    assert (loc.project_no, loc.project_code, loc.indicator) == (1, P1, None)
    assert loc.line is not None and loc.line < 157


def test_coverage_project_without_benefit(seed_text: str) -> None:
    text = edit(
        seed_text,
        "效益指标\t社会效益指标\t提高科技型企业风险管理水平",
        "产出指标\t质量指标\t提高科技型企业风险管理水平",
    )
    f = only(run_text("IND-COVERAGE", text))
    assert "效益指标" in f.message and "效益" in f.message_en


# ---------------------------------------------------------------------------------------------
# IND-UNMEASURABLE


def test_unmeasurable_seed_messages(seed: Any) -> None:
    by_place = {
        (f.locations[0].project_no, f.locations[0].indicator): f
        for f in run("IND-UNMEASURABLE", seed)
    }
    f = by_place[(28, 4)]
    assert f.evidence.stated == "以实际发生为准"
    assert "以实际发生为准" in f.message and "不是可衡量的目标" in f.message
    assert f.locations[0].line == 757
    g = by_place[(8, 3)]
    assert "较显著" in g.message and "时间或期限" in g.message
    assert "a time or period" in g.message_en


def test_unmeasurable_fires_on_a_grade_for_a_quantity(seed_text: str, seed: Any) -> None:
    text = edit(seed_text, "支持企业数量\t≥10家", "支持企业数量\t明显提高")
    f = only(new("IND-UNMEASURABLE", seed, text))
    assert "明显提高" in f.message and "数值" in f.message
    assert f.evidence.quote == "数量指标 | 创新券支持企业数量 | 支持企业数量 | 明显提高"
    loc = f.locations[0]
    assert (loc.line, loc.project_no, loc.indicator) == (180, 2, 1)
    assert loc.project_code == "130190211A12RDGGPL0QD"


def test_unmeasurable_stated_period_and_benefit_grades_are_fine(seed_text: str) -> None:
    # 按季度 (project 12) is a period; 较显著 / 良好 under 效益 may be a grade.
    findings = run_text("IND-UNMEASURABLE", seed_text)
    assert all(f.locations[0].project_no != 12 for f in findings)
    assert all("效益" not in (f.evidence.quote or "").split(" | ")[0] for f in findings)
    # A clear date instead of 及时 is measurable.
    text = edit(seed_text, "资金下达时间\t及时", "资金下达时间\t年底前")
    assert all(f.locations[0].project_no != 24 for f in run_text("IND-UNMEASURABLE", text))


def test_unmeasurable_no_target_in_any_class(seed_text: str, seed: Any) -> None:
    text = edit(seed_text, "是否形成示范带动效应\t是", "是否形成示范带动效应\t据实结算")
    f = only(new("IND-UNMEASURABLE", seed, text))
    assert (f.locations[0].project_no, f.locations[0].indicator) == (3, 5)
    assert "据实结算" in f.message and "sets no target" in f.message_en


def test_unmeasurable_a_cap_or_a_cited_scheme_is_a_target(seed_text: str) -> None:
    # "以实际发生为准，不超过10万元" states a cap; "依据实施方案" holds 据实 only by accident.
    text = edit(
        seed_text,
        "完成此项工作所需成本\t以实际发生为准\t《河北省",
        "完成此项工作所需成本\t以实际发生为准，不超过10万元\t《河北省",
    )
    text = edit(text, "是否形成示范带动效应\t是", "是否形成示范带动效应\t依据实施方案")
    places_after = places(run_text("IND-UNMEASURABLE", text))
    assert places_after == SEED_FINDINGS["IND-UNMEASURABLE"] - {(28, (4,))}


# ---------------------------------------------------------------------------------------------
# IND-IMPOSSIBLE


def test_impossible_satisfaction_over_100(seed_text: str) -> None:
    text = edit(seed_text, "全部调研对象的比率\t≥90%", "全部调研对象的比率\t≥110%")
    f = only(run_text("IND-IMPOSSIBLE", text))
    assert f.severity == "error"
    assert "≥110%" in f.message and "100%" in f.message
    assert f.evidence.stated == "≥110%"
    loc = f.locations[0]
    assert (loc.line, loc.project_no, loc.project_code, loc.indicator) == (164, 1, P1, 6)


def test_impossible_rate_above_100(seed_text: str) -> None:
    text = edit(seed_text, "资金拨付额占预算额的比重\t≥100%", "资金拨付额占预算额的比重\t>100%")
    f = only(run_text("IND-IMPOSSIBLE", text))
    assert (f.locations[0].project_no, f.locations[0].indicator) == (6, 2)


def test_impossible_at_least_100_percent_is_attainable(seed_text: str) -> None:
    # Projects 6 and 24 print 资金拨付率 ≥100%: attainable, not reported.
    assert "资金拨付额占预算额的比重\t≥100%" in seed_text
    assert run_text("IND-IMPOSSIBLE", seed_text) == []


def test_impossible_growth_and_caps_may_exceed_100(seed_text: str) -> None:
    text = edit(
        seed_text,
        "带动企业研发经费投入\t带动企业研发经费投入\t≥10亿元",
        "研发投入增长率\t带动企业研发经费投入增长率\t≥150%",
    )
    text = edit(text, "资金拨付额占预算额的比重\t≥100%", "资金拨付额占预算额的比重\t≤120%")
    assert run_text("IND-IMPOSSIBLE", text) == []


# ---------------------------------------------------------------------------------------------
# IND-NAME-VALUE


def test_name_value_name_holds_its_target(seed_text: str, seed: Any) -> None:
    text = edit(
        seed_text,
        "举办创新创业活动数量\t反映创新型孵化器创业服务开展情况",
        "举办创新创业活动数量20场\t反映创新型孵化器创业服务开展情况",
    )
    f = only(new("IND-NAME-VALUE", seed, text))
    assert f.severity == "warning"
    assert "≥20 场" in f.message and "举办创新创业活动数量20场" in f.message
    loc = f.locations[0]
    assert (loc.line, loc.project_no, loc.indicator) == (204, 3, 1)


def test_name_value_other_figures_and_words_in_the_name_are_fine(seed_text: str) -> None:
    # "获评70分以上…" with ≥7家 (project 25), "及时开展培训和宣传" with 及时 (project 11),
    # and a name holding 14 where the value is 4.
    text = edit(seed_text, "举办相关培训次数 4 次\t举办", "举办相关培训14次\t举办")
    projects = {f.locations[0].project_no for f in run_text("IND-NAME-VALUE", text)}
    assert projects == {4}


# ---------------------------------------------------------------------------------------------
# IND-DUPLICATE-CONFLICT


def test_duplicate_conflict_same_name_and_description(seed_text: str, seed: Any) -> None:
    text = edit(seed_text, "补助标准\t市级创新平台\t10万元", "补助标准\t省级创新平台\t10万元")
    f = only(new("IND-DUPLICATE-CONFLICT", seed, text))
    assert f.severity == "warning"
    assert [(loc.project_no, loc.indicator, loc.line) for loc in f.locations] == [
        (20, 4, 572),
        (20, 5, 573),
    ]
    assert f.evidence.stated == "50万元 ≠ 10万元"
    assert "补助标准" in f.message and "50万元 ≠ 10万元" in f.message


def test_duplicate_same_name_different_description_is_fine(seed: Any) -> None:
    # Projects 20 and 23 print 补助标准 several times, each for another class of award.
    projects = {f.locations[0].project_no for f in run("IND-DUPLICATE-CONFLICT", seed)}
    assert 20 not in projects and 23 not in projects


def test_duplicate_with_the_same_value_is_no_conflict(seed_text: str) -> None:
    text = edit(seed_text, "省级科小补贴金额\t2万元/家", "省级科小补贴金额\t1 万元/家")
    assert places(run_text("IND-DUPLICATE-CONFLICT", text)) == {(21, (6, 7)), (30, (4, 5))}


# ---------------------------------------------------------------------------------------------
# IND-YEAR


def test_year_fires_on_a_description_of_another_year(seed_text: str, seed: Any) -> None:
    text = edit(seed_text, "反映创业服务开展情况", "2019年创业服务开展情况")
    f = only(new("IND-YEAR", seed, text))
    assert f.severity == "warning"
    assert "2019" in f.message and f.evidence.stated == "2019"
    loc = f.locations[0]
    assert (loc.line, loc.project_no, loc.indicator) == (359, 10, 1)


def test_year_inside_a_cited_title_is_fine(seed_text: str) -> None:
    text = edit(seed_text, "2020年投保科技保险单数", "按《2020年科技保险工作方案》投保的保险单数")
    assert places(run_text("IND-YEAR", text)) == {(1, (2,)), (9, (1,))}


def test_year_of_the_budget_baselines_and_later_deadlines_are_fine(seed_text: str) -> None:
    text = edit(seed_text, "2020年投保科技保险单数", "2021年投保科技保险单数")
    text = edit(text, "2020年投保企业保单金额", "较2020年增长的投保企业保单金额")
    text = edit(text, "2020年上市挂牌企业家数", "截至2022年3月底上市挂牌企业家数")
    assert run_text("IND-YEAR", text) == []


def test_year_later_than_the_budget_is_reported_unless_a_deadline(seed_text: str) -> None:
    text = edit(seed_text, "2020年投保科技保险单数", "2022年投保科技保险单数")
    text = edit(text, "2020年投保企业保单金额", "2022年3月前投保企业保单金额")
    text = edit(text, "2020年上市挂牌企业家数", "按办法（2019年修订）上市挂牌企业家数")
    f = only(run_text("IND-YEAR", text))
    assert (f.locations[0].project_no, f.locations[0].indicator) == (1, 1)
    assert f.evidence.stated == "2022"


def test_year_named_by_the_project_itself_is_fine(seed_text: str) -> None:
    # Project 27 is 落实 2020 年科技保险保费补贴: its targets are about 2020 by design.
    text = edit(seed_text, "补贴科技保险单数", "2020年补贴科技保险单数")
    assert all(f.locations[0].project_no != 27 for f in run_text("IND-YEAR", text))


# ---------------------------------------------------------------------------------------------
# IND-CLASS-FIT


def test_class_fit_seed_messages(seed: Any) -> None:
    by_place = {
        (f.locations[0].project_no, f.locations[0].indicator): f for f in run("IND-CLASS-FIT", seed)
    }
    cost = by_place[(1, 4)]
    assert cost.evidence.quote == "成本指标 | 政策宣传材料 | 发放科技保险政策宣传材料 | ≥100张(册)"
    assert "张(册)" in cost.message and "金额" in cost.message
    assert cost.locations[0].line == 162
    timing = by_place[(10, 3)]
    assert "≥95%" in timing.message and "比率" in timing.message
    assert timing.locations[0].line == 361


def test_class_fit_time_indicator_counted_in_items(seed_text: str, seed: Any) -> None:
    text = edit(seed_text, "资金下达时间\t≤180天", "资金下达时间\t≤180次")
    f = only(new("IND-CLASS-FIT", seed, text))
    assert "≤180次" in f.message and "数量" in f.message
    loc = f.locations[0]
    assert (loc.line, loc.project_no, loc.indicator) == (182, 2, 3)


def test_class_fit_money_and_timeliness_rates_are_fine(seed_text: str) -> None:
    # ≤433万 (project 7), 万元/家 (21, 26), 万元人民币 (27) are money; a 及时率 is a timing.
    text = edit(
        seed_text,
        "资金拨付率\t资金拨付额占预算额的比重\t≥95%\t关于科技局",
        "资金拨付及时率\t按时拨付资金占应拨付资金的比重\t≥95%\t关于科技局",
    )
    projects = {f.locations[0].project_no for f in run_text("IND-CLASS-FIT", text)}
    assert 10 not in projects
    assert not projects & {7, 21, 26, 27}
