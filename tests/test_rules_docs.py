"""docs/rules.md is generated from the rule registry and must be kept up to date."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.audit import REGISTRY
from yusuan.audit.docs import render

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


@pytest.fixture(scope="module")
def text() -> str:
    return render()


def test_rules_reference_is_up_to_date(text: str) -> None:
    assert DOCS.read_text(encoding="utf-8") == text, (
        "docs/rules.md is out of date: run `.venv/bin/python -m yusuan.audit.docs > docs/rules.md`"
    )


def test_every_rule_is_documented_with_an_example_that_fires(text: str) -> None:
    sections = text.split("\n### ")[1:]
    assert [s.split("\n", 1)[0] for s in sorted(sections)] == sorted(REGISTRY)
    for section in sections:
        rule = REGISTRY[section.split("\n", 1)[0]]
        assert f"**{rule.title}** — {rule.title_en}" in section
        assert f"`{rule.severity}`" in section
        assert rule.why().splitlines()[0] in section
        assert "发现 Finding:" in section, f"{rule.id}: its example produces no finding"
        assert "示例未触发" not in section


def test_the_index_links_every_rule(text: str) -> None:
    for rule_id in REGISTRY:
        assert f"| [{rule_id}](#{rule_id.lower()}) |" in text


def test_income_sum_example_is_shown_with_its_evidence(text: str) -> None:
    section = text.split("\n### ARITH-INCOME-SUM\n", 1)[1].split("\n### ", 1)[0]
    example = REGISTRY["ARITH-INCOME-SUM"].example
    assert f"- {example.old}\n+ {example.new}" in section
    assert "> 收入总计 44999 万元，而各项收入之和为 44990 万元" in section
    assert "- 所印 stated: 44999" in section
    assert "- 计算 computed: 44990 = 44410 + " in section
