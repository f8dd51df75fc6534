"""The 资金支出计划 rules (PLAN-*) and the prose analysis they use (`model.plantext`)."""

from __future__ import annotations

import timeit
from decimal import Decimal
from typing import Any

import pytest

import yusuan
from audit_helpers import edit, read_text, run, run_text
from yusuan.audit import REGISTRY, Finding
from yusuan.model.plantext import Mention, plan_mentions, prose_values

PLAN_RULES = sorted(r for r in REGISTRY if r.startswith("PLAN-"))

# Seed lines (1-based) of the rows the findings point at.
P1_PLAN = 154  # 科技保险保费补贴: "\t\t\t60.00%\t60.00%\t100.00%\t"
P1_CODE = "1301902101PDD8ZPY4KBQ"
P1_ROW = "\t\t\t60.00%\t60.00%\t100.00%\t"
P27_DEADLINE = 732  # 落实 2020 年科技保险保费补贴: 时效指标 "10 月底前"


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line holding `needle`."""
    return next(i for i, line in enumerate(text.split("\n"), start=1) if needle in line)


def by_project(findings: list[Finding]) -> list[int]:
    return sorted(f.locations[0].project_no or 0 for f in findings)


def new(rule_id: str, seed: Any, text: str) -> list[Finding]:
    """The findings of `rule_id` on `text` that the seed does not have."""
    before = run(rule_id, seed)
    return [f for f in run_text(rule_id, text) if f not in before]


def findings_for(rule_id: str, text: str, project_no: int) -> list[Finding]:
    return [f for f in run_text(rule_id, text) if f.locations[0].project_no == project_no]


def test_line_numbers_are_those_of_the_seed(seed_text: str) -> None:
    assert line_of(seed_text, P1_ROW) == P1_PLAN
    assert line_of(seed_text, "发放奖励资金的时间\t10 月底前") == P27_DEADLINE


# --- The seed: exactly what a reviewer finds ------------------------------------------------


def test_seed_findings_exactly(seed: Any) -> None:
    found = {rule: by_project(run(rule, seed)) for rule in PLAN_RULES}
    assert found == {
        "PLAN-RANGE": [],
        "PLAN-DECREASING": [],
        "PLAN-NOT-100": [3],
        "PLAN-MISSING": [21],
        "PLAN-PROSE-CONFLICT": [29],
        "PLAN-SHIFTED-ROW": [3, 34],
        "PLAN-OFF-CHECKPOINT": [4, 13, 22, 33],
        "PLAN-TRUNCATED": [28],
        "PLAN-DEADLINE": [],
    }


def test_seed_not_100_project_3(seed: Any) -> None:
    (f,) = run("PLAN-NOT-100", seed)
    loc = f.locations[0]
    assert (loc.project_no, loc.project_code, loc.line) == (3, "130190211WMHRPZY7M73G", 199)
    assert loc.section == "projects[3].plan"
    assert f.severity == "error" and f.category == "plan"
    assert "12月底 未填" in f.message and "10月底 为 60.00%" in f.message
    assert "错位的重复行在 12月底 下印有 100.00%" in f.message
    assert "never reaches 100%" in f.message_en and "100.00% under December" in f.message_en
    cells = "3月底 20.00%｜6月底 40.00%｜10月底 60.00%｜12月底 —"
    assert f.evidence.quote == f"资金支出计划（%）：{cells}"
    assert f.evidence.stated == "10月底 60.00%"


def test_seed_prose_conflict_project_29(seed: Any) -> None:
    (f,) = run("PLAN-PROSE-CONFLICT", seed)
    loc = f.locations[0]
    assert (loc.project_no, loc.project_code, loc.line) == (29, "13019021VH69XHIPvAFFS", 773)
    assert loc.section == "projects[29].plan.10"
    assert f.message == "资金支出计划 10月底：表格为 100.00%，文字说明为 0%"
    assert f.evidence.stated == "表格 100.00%" and f.evidence.computed == "文字 0%"
    assert f.evidence.quote is not None
    assert f.evidence.quote.startswith("以上专项经费共计3万元")
    assert "10月底前支出0%" in f.evidence.quote


def test_seed_shifted_rows_projects_3_and_34(seed: Any) -> None:
    f3, f34 = run("PLAN-SHIFTED-ROW", seed)
    assert (f3.locations[0].project_no, f3.locations[0].line) == (3, 199)
    assert "12月底 100.00%" in f3.message and "12月底 未填" in f3.message
    assert (f34.locations[0].project_no, f34.locations[0].line) == (34, 883)
    assert f34.locations[0].project_code == "13019021ZL8Y5V824ZH3U"
    assert f34.evidence.stated == "10月底 10.00%，12月底 40.00%"
    assert f34.evidence.computed == "10月底 40.00%，12月底 100%"
    assert "October 10.00%, December 40.00%" in f34.message_en


def test_seed_off_checkpoint(seed: Any) -> None:
    found = {f.locations[0].project_no: f for f in run("PLAN-OFF-CHECKPOINT", seed)}
    assert found[4].evidence.stated == "9 月份 100%"
    assert found[22].evidence.stated == "9 月份 100%"
    assert found[13].evidence.stated == "第三季度（9 月底） 80%"
    assert found[33].evidence.stated == "第三季度（9 月底） 80%"
    assert found[13].evidence.quote == (
        "以上奖励资金共计230万元，预计第一季度0，第二季度支持80%，第三季度80%，第四季度100%。"
    )
    assert "表格 10月底 为 80.00%" in found[13].message
    assert found[4].locations[0].line == 221
    assert found[4].severity == "info"


def test_seed_truncated_project_28(seed: Any) -> None:
    (f,) = run("PLAN-TRUNCATED", seed)
    loc = f.locations[0]
    assert (loc.project_no, loc.project_code, loc.line) == (28, "13019021TIFGGGIHXFVON", 747)
    assert f.evidence.stated == "12 月底前支出"
    assert f.evidence.quote is not None and f.evidence.quote.endswith("12 月底前支出")
    assert "在“12 月底前支出”处中断" in f.message and "表格 12月底 为 100.00%" in f.message


def test_seed_missing_project_21_only(seed: Any) -> None:
    (f,) = run("PLAN-MISSING", seed)
    loc = f.locations[0]
    assert (loc.project_no, loc.project_code, loc.line) == (21, "13019021M27G3K3IPQ313", 589)
    assert f.message == "资金支出计划 3月底、6月底 未填，文字说明也未给出"
    assert "March, June" in f.message_en
    # Projects 7 and 15 leave December blank after reaching 100% earlier: implied, no finding.
    assert seed.projects[6].plan.get("12") is None and seed.projects[14].plan.get("12") is None


# --- PLAN-RANGE -----------------------------------------------------------------------------


def test_range_fires(seed: Any, seed_text: str) -> None:
    text = edit(seed_text, P1_ROW, "\t\t\t60.00%\t60.00%\t120.00%\t")
    (f,) = new("PLAN-RANGE", seed, text)
    loc = f.locations[0]
    assert (loc.project_no, loc.project_code, loc.line) == (1, P1_CODE, P1_PLAN)
    assert loc.section == "projects[1].plan.12"
    assert f.message == "资金支出计划 12月底 为 120.00%，累计支出比例应在 0% 到 100% 之间"
    assert f.evidence.stated == "12月底 120.00%" and f.evidence.computed == "0–100%"
    cells = "3月底 0%｜6月底 60.00%｜10月底 60.00%｜12月底 120.00%"
    assert f.evidence.quote == f"资金支出计划（%）：{cells}"


def test_range_quiet_at_the_bounds(seed: Any, seed_text: str) -> None:
    # 0.00% and 100.00% are within range.
    text = edit(seed_text, P1_ROW, "\t0.00%\t\t60.00%\t60.00%\t100.00%\t")
    assert read_text(text).projects[0].plan.get("3") == Decimal("0.00")
    assert run_text("PLAN-RANGE", text) == []


# --- PLAN-DECREASING ------------------------------------------------------------------------


def test_decreasing_fires(seed: Any, seed_text: str) -> None:
    text = edit(seed_text, P1_ROW, "\t\t\t60.00%\t40.00%\t100.00%\t")
    (f,) = new("PLAN-DECREASING", seed, text)
    loc = f.locations[0]
    assert (loc.project_no, loc.project_code, loc.line) == (1, P1_CODE, P1_PLAN)
    assert loc.section == "projects[1].plan.10"
    assert f.message == "资金支出计划 10月底 为 40.00%，低于 6月底 的 60.00%"
    assert f.evidence.stated == "10月底 40.00%" and f.evidence.computed == "≥ 60.00%（6月底）"
    assert "by the end of October, less than 60.00% by the end of June" in f.message_en


def test_decreasing_quiet_on_equal_steps(seed: Any, seed_text: str) -> None:
    # 60% / 60% is a pause, not a decrease; 50 -> 60 rises.
    assert run("PLAN-DECREASING", seed) == []
    text = edit(seed_text, P1_ROW, "\t\t\t50.00%\t60.00%\t100.00%\t")
    assert run_text("PLAN-DECREASING", text) == []


# --- PLAN-NOT-100 ---------------------------------------------------------------------------


def test_not_100_fires_on_a_stated_december(seed: Any, seed_text: str) -> None:
    text = edit(seed_text, P1_ROW, "\t\t\t60.00%\t60.00%\t90.00%\t")
    (f,) = new("PLAN-NOT-100", seed, text)
    loc = f.locations[0]
    assert (loc.project_no, loc.project_code, loc.line) == (1, P1_CODE, P1_PLAN)
    assert f.message == "资金支出计划 12月底 为 90.00%，全年未安排支出到 100%"
    assert f.evidence.stated == "12月底 90.00%" and f.evidence.computed == "12月底 100%"


def test_not_100_quiet_when_the_plan_reaches_100(seed: Any, seed_text: str) -> None:
    # Project 3's October cell at 100%: December blank is then implied.
    text = edit(seed_text, "\t20.00%\t\t40.00%\t\t60.00%\t", "\t20.00%\t\t40.00%\t\t100.00%\t")
    assert findings_for("PLAN-NOT-100", text, 3) == []
    assert findings_for("PLAN-MISSING", text, 3) == []


# --- PLAN-MISSING ---------------------------------------------------------------------------


def test_missing_fires(seed: Any, seed_text: str) -> None:
    # Project 7 loses its March value; it has no prose plan to fill it.
    text = edit(seed_text, "\t60.00%\t\t60.00%\t\t100.00%\t", "\t\t\t60.00%\t\t100.00%\t")
    (f,) = new("PLAN-MISSING", seed, text)
    loc = f.locations[0]
    assert (loc.project_no, loc.project_code, loc.line) == (7, "130190218GIOMSUPCU6HV", 289)
    assert loc.section == "projects[7].plan"
    assert f.message == "资金支出计划 3月底 未填，文字说明也未给出"
    assert f.evidence.stated == "3月底 未填"
    assert f.severity == "info"


def test_missing_quiet_when_filled_or_stated_in_prose(seed: Any, seed_text: str) -> None:
    # Project 21 with its March and June cells filled.
    filled = edit(seed_text, "\t\t\t\t\t100.00%\t", "\t0\t\t50.00%\t\t100.00%\t")
    assert findings_for("PLAN-MISSING", filled, 21) == []
    # Project 15's blank March cell is stated by its prose ("3月底前支出0，").
    assert seed.projects[14].plan.get("3") == Decimal("0")
    assert findings_for("PLAN-MISSING", filled, 15) == []


# --- PLAN-PROSE-CONFLICT --------------------------------------------------------------------


def test_prose_conflict_fires(seed: Any, seed_text: str) -> None:
    text = edit(
        seed_text, "10月底前支出60%，12月底前支出100%。", "10月底前支出70%，12月底前支出100%。"
    )
    (f,) = new("PLAN-PROSE-CONFLICT", seed, text)
    loc = f.locations[0]
    assert (loc.project_no, loc.project_code, loc.line) == (1, P1_CODE, P1_PLAN)
    assert f.message == "资金支出计划 10月底：表格为 60.00%，文字说明为 70%"
    assert f.evidence.stated == "表格 60.00%" and f.evidence.computed == "文字 70%"
    assert f.evidence.quote is not None and "10月底前支出70%" in f.evidence.quote
    assert f.severity == "warning"


def test_prose_conflict_quiet_when_equal_as_numbers(seed_text: str) -> None:
    # "60.00%" in the table and "60%" in the prose are one number.
    assert findings_for("PLAN-PROSE-CONFLICT", seed_text, 1) == []


# --- PLAN-SHIFTED-ROW -----------------------------------------------------------------------


def test_shifted_row_fires(seed_text: str) -> None:
    # Project 1 gets a second row under 6/10/12 月底, as projects 3 and 34 print one.
    text = edit(
        seed_text,
        "\t\t\t60.00%\t60.00%\t100.00%\t\n",
        "\t\t\t60.00%\t60.00%\t100.00%\t\n资金支出计划（%）\t6月底\t\t10月底\t\t12月底\t\n"
        "\t\t\t60.00%\t\t60.00%\t\n",
    )
    (f,) = findings_for("PLAN-SHIFTED-ROW", text, 1)
    loc = f.locations[0]
    assert (loc.project_no, loc.project_code, loc.line) == (1, P1_CODE, P1_PLAN)
    assert f.evidence.stated == "12月底 60.00%"
    assert f.evidence.computed == "12月底 100.00%"
    assert "表头错位：12月底 60.00%" in f.message


def test_shifted_row_quiet_without_the_second_row(seed_text: str) -> None:
    second = "资金支出计划（%）\t6月底\t\t10月底\t\t12月底\t\n\t\t\t10.00%\t\t40.00%\t\n"
    text = edit(seed_text, second, "")
    assert findings_for("PLAN-SHIFTED-ROW", text, 34) == []
    plan = read_text(text).projects[33].plan
    assert [v for _, v in plan.items()] == [0, 10, 40, 100]


# --- PLAN-OFF-CHECKPOINT --------------------------------------------------------------------


def test_off_checkpoint_fires(seed: Any, seed_text: str) -> None:
    text = edit(
        seed_text, "10月底前支出60%，12月底前支出100%。", "11月底前支出60%，12月底前支出100%。"
    )
    (f,) = new("PLAN-OFF-CHECKPOINT", seed, text)
    loc = f.locations[0]
    assert (loc.project_no, loc.project_code, loc.line) == (1, P1_CODE, P1_PLAN)
    assert f.evidence.stated == "11 月底 60%"
    assert f.message == (
        "用途说明按 11 月底 60% 给出支出进度，而资金支出计划的节点是 3、6、10、12 月底"
        "（表格 10月底 为 60.00%）"
    )
    assert "60% for 11 月底 (November)" in f.message_en


def test_off_checkpoint_quiet_at_checkpoints(seed_text: str) -> None:
    text = edit(seed_text, "9 月份支出 100%,12 月份支出 100%", "10 月底支出 100%,12 月份支出 100%")
    assert findings_for("PLAN-OFF-CHECKPOINT", text, 4) == []


# --- PLAN-TRUNCATED -------------------------------------------------------------------------


def test_truncated_fires(seed: Any, seed_text: str) -> None:
    text = edit(seed_text, "，12月底前支出100%。", "，12月底前支出。")
    (f,) = new("PLAN-TRUNCATED", seed, text)
    loc = f.locations[0]
    assert (loc.project_no, loc.project_code, loc.line) == (1, P1_CODE, P1_PLAN)
    assert f.evidence.stated == "12月底前支出"
    assert f.message == (
        "用途说明中的支出计划在“12月底前支出”处中断，没有给出比例（表格 12月底 为 100.00%）"
    )
    assert f.severity == "warning"


def test_truncated_quiet_when_completed_or_worded(seed_text: str) -> None:
    completed = edit(seed_text, "12 月底前支出\t", "12 月底前支出 100%。\t")
    assert findings_for("PLAN-TRUNCATED", completed, 28) == []
    # A checkpoint followed by words is a statement, not a cut: "12 月底前支出完毕".
    worded = edit(seed_text, "12 月底前支出\t", "12 月底前支出完毕。\t")
    assert findings_for("PLAN-TRUNCATED", worded, 28) == []


# --- PLAN-DEADLINE --------------------------------------------------------------------------


def test_deadline_fires(seed: Any, seed_text: str) -> None:
    text = edit(seed_text, "发放奖励资金的时间\t10 月底前", "发放奖励资金的时间\t6 月底前")
    (f,) = new("PLAN-DEADLINE", seed, text)
    ind, plan = f.locations
    assert (ind.project_no, ind.project_code, ind.line) == (27, "13019021TAX1FNDXA22IK", 732)
    assert ind.indicator == 3 and ind.section == "projects[27].indicators[3]"
    assert (plan.line, plan.section) == (727, "projects[27].plan.6")
    assert f.message == "时效指标“资金拨付时限”要求 6 月底前，但资金支出计划 6月底 只支出 80.00%"
    assert f.evidence.stated == "6 月底前" and f.evidence.computed == "6月底 80.00%"


def test_deadline_fires_on_a_quarter(seed: Any, seed_text: str) -> None:
    text = edit(seed_text, "发放奖励资金的时间\t10 月底前", "发放奖励资金的时间\t第二季度前")
    (f,) = new("PLAN-DEADLINE", seed, text)
    assert f.locations[1].section == "projects[27].plan.6"


def test_deadline_quiet_when_plan_is_complete(seed: Any, seed_text: str) -> None:
    # Seed project 27: "10 月底前" and the plan is at 100% by October.
    assert run("PLAN-DEADLINE", seed) == []
    text = edit(seed_text, "发放奖励资金的时间\t10 月底前", "发放奖励资金的时间\t第四季度前")
    assert run_text("PLAN-DEADLINE", text) == []


def test_deadline_12_yue_qian_reads_as_december(seed_text: str) -> None:
    # Project 1: plan 60% by October, 100% by December. "12 月前" is not "by November".
    text = edit(seed_text, "发放奖励资金的时间\t12月底前", "发放奖励资金的时间\t12 月前")
    assert read_text(text).projects[0].indicators[-1].value is not None
    assert findings_for("PLAN-DEADLINE", text, 1) == []


def test_deadline_ignores_targets_not_about_paying(seed_text: str) -> None:
    text = edit(
        seed_text,
        "资金拨付时限\t发放奖励资金的时间\t10 月底前",
        "完成时限\t完成验收的时间\t6 月底前",
    )
    assert findings_for("PLAN-DEADLINE", text, 27) == []


# --- Traps ----------------------------------------------------------------------------------


def test_trap_quarters_are_not_months(seed: Any) -> None:
    # 第三季度 is September, not March; 第一季度 is March, and "第一季度0" states 0.
    sentence = "以上共计2万元，预计第一季度0，第二季度支持80%，第三季度80%，第四季度100%。"
    got = [(m.month, m.label, m.value) for m in plan_mentions(sentence)]
    assert got == [
        ("3", "第一季度", Decimal(0)),
        ("6", "第二季度", Decimal(80)),
        ("9", "第三季度", Decimal(80)),
        ("12", "第四季度", Decimal(100)),
    ]
    assert plan_mentions("以上，第3季度支出50%")[0].month == "9"
    # Projects 13 and 33: March stays 0 (no conflict with "第三季度80%"), September is flagged.
    for no in (13, 33):
        assert seed.projects[no - 1].plan.get("3") == 0
    conflicts = by_project(run("PLAN-PROSE-CONFLICT", seed))
    assert 13 not in conflicts and 33 not in conflicts


def test_trap_double_zero_percent(seed: Any, seed_text: str) -> None:
    # Projects 31 and 32 print "10 月底前支出 00%": that is 0%, no conflict, no cut.
    (mention,) = [m for m in plan_mentions(seed.projects[30].purpose) if m.month == "10"]
    assert mention.value == 0 and not mention.broken
    # Against a table printing 0.00% it agrees too.
    text = edit(seed_text, P1_ROW, "\t0.00%\t\t60.00%\t60.00%\t100.00%\t")
    text = edit(text, "其中3月底前支出0%，6月底前支出60%", "其中3月底前支出00%，6月底前支出60%")
    assert findings_for("PLAN-PROSE-CONFLICT", text, 1) == []
    for rule in PLAN_RULES:
        assert findings_for(rule, seed_text, 31) == [] and findings_for(rule, seed_text, 32) == []


def test_trap_zero_without_percent_sign(seed: Any) -> None:
    # Project 15: "3月底前支出0，6月底前支出100%" — the 0 is a value, the sentence is whole.
    mentions = plan_mentions(seed.projects[14].purpose)
    assert [(m.month, m.value, m.broken) for m in mentions] == [
        ("3", Decimal(0), False),
        ("6", Decimal(100), False),
    ]
    assert all(not run(rule, seed) or 15 not in by_project(run(rule, seed)) for rule in PLAN_RULES)


def test_trap_date_in_purpose_is_not_a_plan_month(seed: Any, seed_text: str) -> None:
    # Project 32 says "于 11 月 3-4 日 … 举办": a date, not a plan checkpoint; even when the
    # sentence has no "以上" and the whole paragraph is searched.
    assert [m.month for m in plan_mentions("于 11 月 3-4 日在石家庄举办培训班")] == []
    text = edit(seed_text, "以上专项经费共计 29.6 万元", "专项经费共计 29.6 万元")
    purpose = read_text(text).projects[31].purpose
    assert purpose is not None and "11 月 3-4 日" in purpose and "以上" not in purpose
    assert [m.month for m in plan_mentions(purpose)] == ["3", "6", "10", "12"]
    for rule in PLAN_RULES:
        assert findings_for(rule, text, 32) == []


# --- plantext additions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("以上，其中3月底前支出0%，6月底前支出60%", [("3", "0", False), ("6", "60", False)]),
        ("以上，3 月底支出 0%,6 月份支出 100%。9 月份支出 100%", [
            ("3", "0", False), ("6", "100", False), ("9", "100", False)]),
        ("以上，10 月底前累计支付 45.5%", [("10", "45.5", False)]),
        ("以上，6月底60%", [("6", "60", False)]),
        ("以上，12 月底前支出", [("12", None, True)]),
        ("以上，10月底前支出，12月底前支出100%", [("10", None, True), ("12", "100", False)]),
        ("以上，3月底前支付10万元", [("3", None, False)]),  # an amount, not a share
        ("以上，12 月底前全部支出完毕", []),
        ("以上，6月底60", []),  # no verb and no % sign: too weak
        ("2021年12月31日前完成", []),
    ],
)  # fmt: skip
def test_plan_mentions(sentence: str, want: list[tuple[str, str | None, bool]]) -> None:
    got = [
        (m.month, None if m.value is None else str(m.value), m.broken)
        for m in plan_mentions(sentence)
    ]
    assert got == want


def test_plan_mentions_keep_the_printed_words() -> None:
    (m,) = plan_mentions("以上专项经费共计 10 万元,其中 12 月底前支出")
    assert m == Mention(month="12", label="12 月底", value=None, text="12 月底前支出", broken=True)


def test_prose_values_unchanged_by_the_additions(seed: Any) -> None:
    # The reader's view of the prose stays what it was: four checkpoints and 9.
    values, sentence = prose_values(seed.projects[12].purpose)
    assert values == {"3": 0, "6": 80, "9": 80, "12": 100}
    assert sentence is not None and sentence.startswith("以上奖励资金共计230万元")


# --- The family as a whole ------------------------------------------------------------------


def test_stored_export_gives_the_same_findings(seed: Any) -> None:
    again = yusuan.loads(yusuan.dumps(seed))
    for rule in PLAN_RULES:
        assert run(rule, again) == run(rule, seed)


def test_family_is_fast(seed: Any) -> None:
    rules = [REGISTRY[r] for r in PLAN_RULES]

    def family() -> None:
        for rule in rules:
            list(rule.check(seed))

    # Best of 200 single runs: short runs are rarely preempted on a shared, loaded machine.
    best = min(timeit.repeat(family, number=1, repeat=200))
    assert best < 0.002, f"the plan family takes {best * 1000:.2f} ms on the seed"
