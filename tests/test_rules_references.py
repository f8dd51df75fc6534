"""The references family: documents cited inconsistently, spreadsheet-filled years, bases that
name nothing, purpose amounts and purposes copied from another project.

Each rule: the exact seed findings (hand-checked), a small edit of the seed that makes it fire,
and the traps that must not fire."""

from __future__ import annotations

import time
import timeit
from typing import Any

import pytest

from audit_helpers import edit, run, run_text
from yusuan.audit import REGISTRY, Finding

REF = sorted(rule_id for rule_id, rule in REGISTRY.items() if rule.category == "reference")
MINE = [
    "REF-DOC-NUMBER",
    "REF-NO-DOCUMENT",
    "REF-OTHER-PROJECT",
    "REF-PURPOSE-AMOUNT",
    "REF-YEAR-DRIFT",
]

# Seed lines (1-based): project headings and indicator rows the findings point at.
P1, P5, P16, P17 = 144, 234, 472, 492
P8_ROW1 = 314
P16_ROW1 = 485
P17_ROW1 = 505

DOC16 = "《石家庄高新区应对疫情影响支持中小企业发展若干措施》"


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, [f.message for f in findings]
    return findings[0]


def sections(finding: Finding) -> list[tuple[int | None, str | None]]:
    return [(loc.line, loc.section) for loc in finding.locations]


def test_the_family_holds_these_rules() -> None:
    assert set(MINE) <= set(REF)
    severities = {rule_id: REGISTRY[rule_id].severity for rule_id in MINE}
    assert severities == {
        "REF-DOC-NUMBER": "warning",
        "REF-NO-DOCUMENT": "warning",
        "REF-OTHER-PROJECT": "warning",
        "REF-PURPOSE-AMOUNT": "warning",
        "REF-YEAR-DRIFT": "error",
    }


# --------------------------------------------------------------------------------------------
# REF-DOC-NUMBER


def test_seed_project_16_cites_its_measures_as_13_and_14(seed: Any) -> None:
    f = only(run("REF-DOC-NUMBER", seed))
    assert f.message == (
        f"项目 16：{DOC16}被引用为 石高管字〔2020〕13号（资金用途、第1行），"
        "石高管字〔2020〕14号（第2行、第5行）"
    )
    assert f.message_en.endswith(
        "cited as 石高管字〔2020〕13号 (purpose, row 1), 石高管字〔2020〕14号 (row 2, row 5)"
    )
    assert f.evidence.quote == f"{DOC16}（石高管字〔2020〕13号） / {DOC16}（石高管字〔2020〕14号）"
    assert sections(f) == [
        (P16, "projects[16].purpose"),
        (P16_ROW1, "projects[16].indicators[1]"),
        (P16_ROW1 + 1, "projects[16].indicators[2]"),
        (P16_ROW1 + 4, "projects[16].indicators[5]"),
    ]
    assert all(loc.project_no == 16 for loc in f.locations)


def test_same_number_in_another_year_fires(seed_text: str) -> None:
    text = edit(
        seed_text,
        "《石家庄高新区科技保险创新试点工作方案》（石高管办〔2017〕114号），为鼓励",
        "《石家庄高新区科技保险创新试点工作方案》（石高管办〔2018〕114号），为鼓励",
    )
    found = [f for f in run_text("REF-DOC-NUMBER", text) if f.locations[0].project_no == 1]
    f = only(found)
    assert "石高管办〔2018〕114号（资金用途）" in f.message
    assert "石高管办〔2017〕114号（第1–" not in f.message  # places are listed row by row
    assert "石高管办〔2017〕114号（第1行、第2行" in f.message
    assert f.evidence.quote is not None and f.evidence.quote.startswith(
        "《石家庄高新区科技保险创新试点工作方案》（石高管办〔2018〕114号）"
    )
    assert f.locations[0].section == "projects[1].purpose" and f.locations[0].line == P1


def test_same_number_printed_with_other_brackets_and_spaces_does_not_fire(seed_text: str) -> None:
    text = edit(
        seed_text,
        "≥20次\t《石家庄高新区金融服务改革创新试点方案》（石高管办[2017]113号）",
        "≥20次\t《石家庄高新区金融服务改革创新试点方案》（石高管办〔2017〕113 号）",
    )
    assert [f.locations[0].project_no for f in run_text("REF-DOC-NUMBER", text)] == [16]


def test_a_revised_document_with_its_own_number_is_another_document(seed: Any) -> None:
    # project 9 cites 《…管理办法》〔2019〕57号 and 《…管理办法（修订）》〔2020〕14号: two titles
    assert all(f.locations[0].project_no != 9 for f in run("REF-DOC-NUMBER", seed))


def test_a_title_variant_without_number_is_not_a_number_conflict(seed: Any) -> None:
    # project 30's last row: 《…加大研发经费投入实施方案》 vs 《…加大研发投入实施方案》
    assert all(f.locations[0].project_no != 30 for f in run("REF-DOC-NUMBER", seed))


# --------------------------------------------------------------------------------------------
# REF-YEAR-DRIFT


def test_seed_project_17_basis_years_count_up(seed: Any) -> None:
    f = only(run("REF-YEAR-DRIFT", seed))
    assert f.message == (
        "项目 17：指标值确定依据的年份逐行变为 2021、2022、2023、2024、2025、2021"
        "（第 1–6 行），疑为表格下拉填充"
    )
    assert f.evidence.quote is not None
    assert f.evidence.quote.startswith(
        "第1行：关于科技局 2021 年专项项目经费请示 / 第2行：关于科技局 2022 年专项项目经费请示"
    )
    assert f.evidence.stated == "2021、2022、2023、2024、2025、2021"
    assert sections(f) == [(P17_ROW1 + i, f"projects[17].indicators[{i + 1}]") for i in range(6)]


def test_three_rows_counting_up_fire(seed_text: str) -> None:
    text = edit(
        seed_text,
        "≥80%\t关于科技局 2021 年专项项目 经费请示",
        "≥80%\t关于科技局 2022 年专项项目 经费请示",
    )
    text = edit(
        text,
        "≤360 天\t关于科技局 2021 年专项项目 经费请示",
        "≤360 天\t关于科技局 2023 年专项项目 经费请示",
    )
    found = [f for f in run_text("REF-YEAR-DRIFT", text) if f.locations[0].project_no == 5]
    f = only(found)
    assert "2021、2022、2023、2021、2021、2021（第 1–6 行）" in f.message
    assert f.locations[0].section == "projects[5].indicators[1]"


def test_one_row_with_another_year_is_not_a_fill(seed_text: str) -> None:
    text = edit(
        seed_text,
        "≥80%\t关于科技局 2021 年专项项目 经费请示",
        "≥80%\t关于科技局 2022 年专项项目 经费请示",
    )
    assert [f.locations[0].project_no for f in run_text("REF-YEAR-DRIFT", text)] == [17]


def test_a_cell_citing_two_years_is_not_a_fill(seed: Any) -> None:
    # project 9's basis cites 〔2019〕57号 and 〔2020〕14号 in every row
    assert all(f.locations[0].project_no != 9 for f in run("REF-YEAR-DRIFT", seed))


# --------------------------------------------------------------------------------------------
# REF-NO-DOCUMENT


def test_seed_project_8_bases_name_nothing(seed: Any) -> None:
    f = only(run("REF-NO-DOCUMENT", seed))
    assert (
        f.message
        == "项目 8：第 1–9 行的指标值确定依据（产出成效、效益成效、满意度）未指明任何文件或标准"
    )
    assert f.evidence.quote == "产出成效（第1–4行） / 效益成效（第5–8行） / 满意度（第9行）"
    assert sections(f) == [(P8_ROW1 + i, f"projects[8].indicators[{i + 1}]") for i in range(9)]


def test_a_basis_without_document_fires_once_per_project(seed_text: str) -> None:
    text = edit(seed_text, "4 次\t《关于申请金融风险防控宣传经费的请示》", "4 次\t工作需要")
    text = edit(text, "≥5000 人次\t《关于申请金融风险防控宣传经费的请示》", "≥5000 人次\t工作需要")
    found = [f for f in run_text("REF-NO-DOCUMENT", text) if f.locations[0].project_no == 11]
    f = only(found)
    assert f.message == "项目 11：第 1–2 行的指标值确定依据（工作需要）未指明任何文件或标准"
    assert [loc.indicator for loc in f.locations] == [1, 2]


@pytest.mark.parametrize(
    "basis",
    [
        "历史标准",
        "行业标准",
        "石高管字〔2019〕37号",
        "区政府常务会议纪要",
        "年度工作计划",
        "审计报告（总结）",
    ],
)
def test_recognised_standards_and_documents_do_not_fire(seed_text: str, basis: str) -> None:
    text = edit(seed_text, "4 次\t《关于申请金融风险防控宣传经费的请示》", f"4 次\t{basis}")
    assert [f.locations[0].project_no for f in run_text("REF-NO-DOCUMENT", text)] == [8]


# --------------------------------------------------------------------------------------------
# REF-PURPOSE-AMOUNT


def test_seed_amounts_agree_to_the_coarser_precision(seed: Any) -> None:
    # 7666.475 vs 7666.48 (project 4), 2.0083 vs 2.01 (project 24), 42.4 vs 42.40 (project 1)
    assert run("REF-PURPOSE-AMOUNT", seed) == []


def test_a_purpose_amount_that_differs_fires(seed_text: str) -> None:
    f = only(run_text("REF-PURPOSE-AMOUNT", edit(seed_text, "共计42.4万元", "共计24.2万元")))
    assert f.message == "项目 1：资金用途写明共 24.2 万元，而预算数为 42.40 万元"
    assert f.evidence.quote == "共计24.2万元"
    assert (f.evidence.stated, f.evidence.computed) == ("24.2", "42.40")
    assert sections(f) == [(P1, "projects[1].purpose")]


def test_rounding_half_up_at_the_coarser_precision(seed_text: str) -> None:
    assert (
        run_text("REF-PURPOSE-AMOUNT", edit(seed_text, "共 7666.475 万元", "共 7666.484 万元"))
        == []
    )
    f = only(
        run_text("REF-PURPOSE-AMOUNT", edit(seed_text, "共 7666.475 万元", "共 7666.465 万元"))
    )
    assert f.locations[0].project_no == 4 and f.evidence.stated == "7666.465"


def test_the_gong_of_yiban_gonggong_yusuan_is_not_a_total(seed_text: str) -> None:
    # project 3 has no plan sentence; a 一般公共预算 figure is not its 共计
    text = edit(
        seed_text,
        "对八戒工场房租进行补贴。",
        "对八戒工场房租进行补贴，来源为一般公共预算 500 万元。",
    )
    assert run_text("REF-PURPOSE-AMOUNT", text) == []


# --------------------------------------------------------------------------------------------
# REF-OTHER-PROJECT


def test_seed_project_17_purpose_is_project_5s(seed: Any) -> None:
    f = only(run("REF-OTHER-PROJECT", seed))
    assert (
        f.message
        == "项目 17（科技创新业务培训）的资金用途以项目 5「科技创新考察学习」为主语，疑为复制"
    )
    assert f.evidence.quote == "科技创新考察学习经费主要用于"
    assert sections(f) == [(P17, "projects[17].purpose"), (P5, "projects[5].name")]


def test_a_purpose_about_another_project_fires(seed_text: str) -> None:
    text = edit(
        seed_text,
        "通过购买专业服务的方式建立生物医药",
        "科技金融服务平台运营服务资金用于建立生物医药",
    )
    found = [f for f in run_text("REF-OTHER-PROJECT", text) if f.locations[0].project_no == 35]
    f = only(found)
    assert "项目 6「科技金融服务平台运营服务」" in f.message
    assert f.evidence.quote == "科技金融服务平台运营服务资金用于"


def test_names_mentioned_in_passing_do_not_fire(seed: Any) -> None:
    # project 10 audits the 孵化器入驻企业房租补贴 and 创新型孵化器建设扶持资金 applications
    assert all(f.locations[0].project_no != 10 for f in run("REF-OTHER-PROJECT", seed))


def test_a_name_inside_the_projects_own_name_does_not_fire(seed_text: str) -> None:
    # project 27 落实 2020 年科技保险保费补贴 contains project 1's name 科技保险保费补贴
    text = edit(
        seed_text,
        "根据《石家庄高新区科技保险创新试点工作方案》",
        "科技保险保费补贴根据《石家庄高新区科技保险创新试点工作方案》",
    )
    assert [f.locations[0].project_no for f in run_text("REF-OTHER-PROJECT", text)] == [17]


# --------------------------------------------------------------------------------------------
# Speed


def test_the_family_is_fast(seed: Any) -> None:
    rules = [REGISTRY[rule_id] for rule_id in MINE]
    per_run = (
        min(
            timeit.repeat(
                lambda: [list(rule.check(seed)) for rule in rules],
                number=20,
                repeat=10,
                timer=time.process_time,
            )
        )
        / 20
    )
    assert per_run < 0.002, f"{per_run * 1000:.2f} ms"
