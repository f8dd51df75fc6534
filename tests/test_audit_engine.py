"""The engine and the registry: every rule is complete, fires on its example, never raises."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import yusuan
from audit_helpers import edit, final_text, read_base, read_text, run
from derive import load_seed_text
from yusuan.audit import REGISTRY, Config, Suppression, check
from yusuan.errors import YusuanError

RULE_IDS = sorted(REGISTRY)


def test_registry_has_every_family() -> None:
    families = {rule.category for rule in REGISTRY.values()}
    assert families == {
        "arithmetic", "plan", "indicator", "reference", "consistency", "language", "table"
    }  # fmt: skip


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_is_documented(rule_id: str) -> None:
    rule = REGISTRY[rule_id]
    assert re.fullmatch(r"[A-Z]+(-[A-Z0-9]+)+", rule_id)
    assert rule.title and rule.title_en and rule.message and rule.message_en
    assert len(rule.why()) > 40, "the docstring must say why the rule exists"
    assert rule.severity in ("error", "warning", "info")


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_fires_on_its_example(rule_id: str, seed_text: str) -> None:
    example = REGISTRY[rule_id].example
    text = final_text() if example.base == "final" else seed_text
    before = run(rule_id, read_base(example.base, text))
    if not example.old:
        assert before, f"{rule_id}: its example is its base itself, but it finds nothing there"
        return
    after = run(rule_id, read_base(example.base, edit(text, example.old, example.new)))
    assert len(after) > len(before), f"{rule_id}: the example edit does not make it fire"
    for finding in after:
        assert finding.rule == rule_id
        assert finding.locations, "a finding must point at a place"


def test_report_lists_every_check_that_ran(seed: Any) -> None:
    report = check(seed)
    assert [c.id for c in report.checks] == list(REGISTRY)
    assert sum(c.findings for c in report.checks) == len(report.findings)


def test_select_ignore_and_severity(seed: Any) -> None:
    only = check(seed, Config(select=["ARITH"], ignore=["ARITH-INCOME-SUM"]))
    assert {c.id.split("-")[0] for c in only.checks} == {"ARITH"}
    assert "ARITH-INCOME-SUM" not in [c.id for c in only.checks]
    some = next(iter(REGISTRY))
    lowered = check(seed, Config(select=[some], severity={some: "info"}))
    assert [c.severity for c in lowered.checks] == ["info"]
    assert all(f.severity == "info" for f in lowered.findings)


def test_unknown_rule_in_config_is_refused(seed: Any) -> None:
    with pytest.raises(YusuanError, match="NOPE-RULE"):
        check(seed, Config(ignore=["NOPE-RULE"]))


def test_suppression_for_one_project_is_kept_with_its_reason(seed: Any) -> None:
    report = check(seed)
    target = next(f for f in report.findings if f.locations and f.locations[0].project_code)
    code = target.locations[0].project_code
    reason = "已与财政局确认 confirmed with the finance bureau"
    again = check(
        seed, Config(suppress=[Suppression(rule=target.rule, project=code, reason=reason)])
    )
    hidden = [f for f in again.suppressed if f.rule == target.rule]
    assert hidden and all(f.suppressed == reason for f in hidden)
    assert all(
        not (f.rule == target.rule and f.locations[0].project_code == code) for f in again.findings
    )
    assert again.summary.suppressed == len(again.suppressed)


def test_checking_the_export_gives_the_same_findings(seed: Any) -> None:
    exported = yusuan.loads(yusuan.dumps(seed))
    assert check(exported).findings == check(seed).findings


lines = st.sampled_from(
    [
        "本年收入总计 1 万元，比上年增长 2 万元，增长 300%。其中：一般公共预算拨款 0 万元",
        "本年支出总计 5 万元，其中：基本支出 9 万元，占总支出 120%；项目支出 -1 万元",
        "资金支出计划（%）\t3月底\t\t6月底\t\t10月底\t",
        "\t120.00%\t\t40.00%\t\t10.00%\t",
        "产出指标\t数量指标\t\t\t≥\t",
        "\t成本指标\t1\t1\t1\t1",
        "项目编码\tX\t\t项目名称\t\t",
        "预算规模及资金用途\t预算数\t\t其中：财政资金\t-3\t其他资金\t",
        "## 六、政府采购预算情况",
        "## 九、其他需要说明的事项",
        "公用经费\t\t\tA\t批\t0\t\t1\t\t\t\t\t",
        "截止到 2020 年末固定资产总额 万元，包括通用设备 万元。",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=0, max_value=974), max_size=6), st.lists(lines, max_size=8))
def test_no_rule_raises_on_any_readable_document(drops: list[int], extra: list[str]) -> None:
    rows = load_seed_text().split("\n")
    for i in sorted(set(drops), reverse=True):
        if i < len(rows):
            del rows[i]
    for n, line in enumerate(extra):
        rows.insert((n * 97) % len(rows), line)
    try:
        disclosure = read_text("\n".join(rows))
    except yusuan.ReadError:
        return
    check(disclosure)
