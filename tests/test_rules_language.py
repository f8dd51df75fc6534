"""The language family: a catalogue of unmistakable misspellings of official terms, and doubled
punctuation. The seed's five typos and its one 。。 are found; correct terms never are."""

from __future__ import annotations

import time
import timeit
from typing import Any

import pytest

from audit_helpers import edit, run, run_text
from yusuan.audit import REGISTRY, Finding
from yusuan.audit.rules.language import TYPOS
from yusuan.model import Disclosure, GlossaryEntry, Indicator, Paragraph, Project, Source

P1, P10, P16 = 144, 346, 472
P4_ROW2 = 225
P8_ROW9 = 322


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, [f.message for f in findings]
    return findings[0]


def typos_in(text: str) -> list[tuple[str, str]]:
    """(wrong, right) of each LANG-TYPO finding in a one-duty disclosure."""
    found = run("LANG-TYPO", Disclosure(duties=[text]))
    return [(f.evidence.stated or "", f.message.split("「")[2].rstrip("」")) for f in found]


def test_the_family_holds_these_rules() -> None:
    assert REGISTRY["LANG-TYPO"].severity == "warning"
    assert REGISTRY["LANG-DOUBLE-PUNCT"].severity == "info"
    assert {REGISTRY[r].category for r in ("LANG-TYPO", "LANG-DOUBLE-PUNCT")} == {"language"}


# --------------------------------------------------------------------------------------------
# LANG-TYPO


def test_seed_has_five_typos(seed: Any) -> None:
    found = run("LANG-TYPO", seed)
    got = [
        (f.message, f.evidence.quote, f.locations[0].section, f.locations[0].line) for f in found
    ]
    assert got == [
        ("「贯彻挑行」应为「贯彻执行」", "贯彻挑行国家、省、市", "duties[12]", None),
        (
            "「高新区技术企业」应为「高新技术企业」",
            "型中小企业、高新区技术企业和科技型领军",
            "performance.safeguards[1]",
            None,
        ),
        (
            "「医疗器注册」应为「医疗器械注册」",
            "二类医疗器注册证个数",
            "projects[4].indicators[2]",
            P4_ROW2,
        ),
        (
            "「收益对象满意度」应为「受益对象满意度」",
            "收益对象满意度",
            "projects[8].indicators[9]",
            P8_ROW9,
        ),
        (
            "「减轻中心企业」应为「减轻中小企业」",
            "减轻中心企业疫情期间生存",
            "projects[16].goals[3]",
            P16,
        ),
    ]
    assert found[0].message_en == "「贯彻挑行」 should read 「贯彻执行」"
    assert found[0].hint == "改为「贯彻执行」"


def test_the_same_typo_in_name_and_description_of_one_row_is_one_finding(seed: Any) -> None:
    # project 8 row 9 prints 收益对象满意度 as its name and in its description
    rows = [f for f in run("LANG-TYPO", seed) if f.locations[0].project_no == 8]
    assert len(rows) == 1 and rows[0].locations[0].indicator == 9


def test_a_typo_in_a_derived_document_fires_where_it_is(seed_text: str) -> None:
    text = edit(seed_text, "依据 2021 年双创工作安排", "依据 2021 年双创工作按排")
    new = [f for f in run_text("LANG-TYPO", text) if "安排" in f.message]
    f = only(new)
    assert f.message == "「工作按排」应为「工作安排」"
    assert f.evidence.quote == "2021 年双创工作按排，资金用于委"
    assert [(loc.line, loc.section) for loc in f.locations] == [(P10, "projects[10].purpose")]


SAMPLES = [
    ("贯彻挑行国家政策", "贯彻挑行", "贯彻执行"),
    ("认真贯切落实各项部署", "贯切落实", "贯彻落实"),
    ("收益对象满意度（%）", "收益对象满意度", "受益对象满意度"),
    ("二类医疗器注册证个数", "医疗器注册", "医疗器械注册"),
    ("减轻中心企业生存压力", "减轻中心企业", "减轻中小企业"),
    ("大力发展高新区技术企业", "高新区技术企业", "高新技术企业"),
    ("新认定高薪技术企业", "高薪技术企业", "高新技术企业"),
    ("统筹按排预算资金", "统筹按排", "统筹安排"),
    ("资金拔付率", "拔付", "拨付"),
    ("财政拔款收入", "拔款", "拨款"),
    ("资金划拔到位", "划拔", "划拨"),
    ("按照工作布署要求", "布署", "部署"),
    ("一般公用预算拨款", "一般公用预算", "一般公共预算"),
    ("再接再励，", "再接再励", "再接再厉"),
    ("按步就班推进", "按步就班", "按部就班"),
]


@pytest.mark.parametrize(("text", "wrong", "right"), SAMPLES)
def test_each_catalogue_entry_finds_its_misspelling(text: str, wrong: str, right: str) -> None:
    assert typos_in(text) == [(wrong, right)]


def test_every_catalogue_entry_has_a_sample() -> None:
    matched = {i for i, entry in enumerate(TYPOS) for text, _, _ in SAMPLES if entry.core in text}
    assert matched == set(range(len(TYPOS)))


@pytest.mark.parametrize(
    "text",
    [
        "受益对象满意度（%）",
        "高新区高新技术企业",
        "推动高新区技术、产品和产业走向世界",
        "医疗器械注册证",
        "医疗器材注册",
        "冀港国际青年孵化中心企业入驻",
        "减轻中小企业疫情期间生存压力",
        "按排名先后给予奖励",
        "按排序结果拨付",
        "预算安排",
        "提拔付出努力的干部",
        "选拔款项管理人员",
        "资金拨付率",
        "一贯切实履行职责",
        "发布署名文章",
        "日常公用经费",
        "一般公共预算拨款",
        "再接再厉",
        "按部就班",
        "高新技术企业认定",
        "投资收益",
    ],
)
def test_correct_terms_never_fire(text: str) -> None:
    assert typos_in(text) == []


def test_indicator_names_and_purposes_are_searched() -> None:
    d = Disclosure(
        projects=[
            Project(
                no=3,
                name="示例",
                purpose="资金拔付。",
                indicators=[Indicator(name="x"), Indicator(name="二类医疗器注册证")],
            )
        ]
    )
    got = [(f.locations[0].section, f.locations[0].indicator) for f in run("LANG-TYPO", d)]
    assert got == [("projects[3].purpose", None), ("projects[3].indicators[2]", 2)]


def test_narrative_paragraphs_are_searched_with_their_page() -> None:
    # A 决算's 情况说明 is prose the public reads: its typos count too, found on their page.
    d = Disclosure(
        glossary=[GlossaryEntry(term="基本支出", definition="指…")],
        narrative=[
            Paragraph(heading="一、收入支出决算总体情况说明", text="收入支出总计 100 万元。"),
            Paragraph(
                heading="五、一般公用预算财政拨款支出决算情况说明",
                text="一般公用预算财政拨款支出 90 万元，，主要用于…",
                source=Source(page=21, bbox=[72.0, 300.0, 520.0, 340.0]),
            ),
        ],
    )
    typo = only(run("LANG-TYPO", d))
    loc = typo.locations[0]
    assert (typo.evidence.stated, loc.section, loc.page, loc.bbox) == (
        "一般公用预算",
        "narrative[1]",
        21,
        [72.0, 300.0, 520.0, 340.0],
    )
    assert only(run("LANG-DOUBLE-PUNCT", d)).locations[0].section == "narrative[1]"


# --------------------------------------------------------------------------------------------
# LANG-DOUBLE-PUNCT


def test_seed_project_1_has_a_double_full_stop(seed: Any) -> None:
    f = only(run("LANG-DOUBLE-PUNCT", seed))
    assert f.message == "标点「。。」重复：「保费支持。。以上」"
    assert f.evidence.quote == "保费支持。。以上"
    assert [(loc.line, loc.section) for loc in f.locations] == [(P1, "projects[1].purpose")]


def test_a_double_comma_in_a_duty_fires_without_a_line(seed_text: str) -> None:
    text = edit(seed_text, "负责科技金融创新工作。", "负责科技金融创新工作，，")
    new = [f for f in run_text("LANG-DOUBLE-PUNCT", text) if f.locations[0].section == "duties[7]"]
    f = only(new)
    assert f.message == "标点「，，」重复：「创新工作，，」"
    assert f.locations[0].line is None


def test_ellipsis_and_dash_are_not_doubled_punctuation(seed_text: str) -> None:
    text = edit(seed_text, "负责科协工作。", "负责科协工作……——等。")
    assert [f.locations[0].section for f in run_text("LANG-DOUBLE-PUNCT", text)] == [
        "projects[1].purpose"
    ]


def test_a_run_of_three_is_one_finding() -> None:
    f = only(run("LANG-DOUBLE-PUNCT", Disclosure(duties=["甲。。。乙"])))
    assert f.message == "标点「。。。」重复：「甲。。。乙」"


# --------------------------------------------------------------------------------------------
# Speed


def test_the_family_is_fast(seed: Any) -> None:
    rules = [REGISTRY["LANG-TYPO"], REGISTRY["LANG-DOUBLE-PUNCT"]]
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


def test_typo_anchors_are_characters_of_their_cores() -> None:
    # An anchor only speeds the search up; one outside its core would miss every match.
    from yusuan.audit.rules.language import _ANCHORS, _occurrences

    cores = {entry.core for entry in TYPOS}
    assert set(_ANCHORS) <= cores
    for core, anchor in _ANCHORS.items():
        assert len(anchor) == 1 and anchor in core
    # overlapping and adjacent matches are all found, in order, as with repeated str.find
    assert list(_occurrences("再接再接再励再接再励再接再励", "再接再励")) == [2, 6, 10]
    assert list(_occurrences("按排按排", "按排")) == [0, 2]
