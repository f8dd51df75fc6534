"""指标值 parsing: every value the seed prints, the word comparators, and edge cases."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yusuan.model.values import parse_value

Q, D, L = "quantitative", "deadline", "qualitative"
QUALITATIVE = (L, None, None, None)

# Every distinct 指标值 of the seed's indicator tables, read by hand.
SEED: list[tuple[str, tuple[str, str | None, str | None, str | None]]] = [
    ("1 场", (Q, "=", "1", "场")),
    ("10 万元", (Q, "=", "10", "万元")),
    ("10 月底前", (D, "≤", "10", "月")),
    ("100万元", (Q, "=", "100", "万元")),
    ("10万元", (Q, "=", "10", "万元")),
    ("1194.4 万元", (Q, "=", "1194.4", "万元")),
    ("12 月前", (D, "≤", "12", "月")),
    ("12月前", (D, "≤", "12", "月")),
    ("12月底前", (D, "≤", "12", "月")),
    ("130万元", (Q, "=", "130", "万元")),
    ("15 万元/家", (Q, "=", "15", "万元/家")),
    ("156.79万元", (Q, "=", "156.79", "万元")),
    ("1万元/家", (Q, "=", "1", "万元/家")),
    ("20 万元", (Q, "=", "20", "万元")),
    ("29.98万元", (Q, "=", "29.98", "万元")),
    ("2万元/家", (Q, "=", "2", "万元/家")),
    ("30 万元/家", (Q, "=", "30", "万元/家")),
    ("30万元", (Q, "=", "30", "万元")),
    ("3万元/家", (Q, "=", "3", "万元/家")),
    ("4 次", (Q, "=", "4", "次")),
    ("4次", (Q, "=", "4", "次")),
    ("5 万元/家", (Q, "=", "5", "万元/家")),
    ("50万元", (Q, "=", "50", "万元")),
    ("58.2 万", (Q, "=", "58.2", "万")),
    ("5万元", (Q, "=", "5", "万元")),
    ("70万元", (Q, "=", "70", "万元")),
    ("7666.48 万元", (Q, "=", "7666.48", "万元")),
    ("90万元", (Q, "=", "90", "万元")),
    ("<0.5 万元", (Q, "<", "0.5", "万元")),
    ("<50万元", (Q, "<", "50", "万元")),
    ("≤10 万元", (Q, "≤", "10", "万元")),
    ("≤12月", (D, "≤", "12", "月")),
    ("≤1353.09 万元", (Q, "≤", "1353.09", "万元")),
    ("≤180 天", (Q, "≤", "180", "天")),
    ("≤180天", (Q, "≤", "180", "天")),
    ("≤20 万元", (Q, "≤", "20", "万元")),
    ("≤23.58 万元人民币", (Q, "≤", "23.58", "万元人民币")),
    ("≤270天", (Q, "≤", "270", "天")),
    ("≤3 人", (Q, "≤", "3", "人")),
    ("≤30 天", (Q, "≤", "30", "天")),
    ("≤30天", (Q, "≤", "30", "天")),
    ("≤360 天", (Q, "≤", "360", "天")),
    ("≤360天", (Q, "≤", "360", "天")),
    ("≤3人", (Q, "≤", "3", "人")),
    ("≤433万", (Q, "≤", "433", "万")),
    ("≤45天", (Q, "≤", "45", "天")),
    ("≤5万元", (Q, "≤", "5", "万元")),
    ("≤6 人", (Q, "≤", "6", "人")),
    ("≥1.5 亿元", (Q, "≥", "1.5", "亿元")),
    ("≥10 个", (Q, "≥", "10", "个")),
    ("≥10 人", (Q, "≥", "10", "人")),
    ("≥100 人", (Q, "≥", "100", "人")),
    ("≥100 人次", (Q, "≥", "100", "人次")),
    ("≥100%", (Q, "≥", "100", "%")),
    ("≥100家", (Q, "≥", "100", "家")),
    ("≥100张(册)", (Q, "≥", "100", "张(册)")),
    ("≥100张（册）", (Q, "≥", "100", "张（册）")),
    ("≥108 人", (Q, "≥", "108", "人")),
    ("≥10个", (Q, "≥", "10", "个")),
    ("≥10亿元", (Q, "≥", "10", "亿元")),
    ("≥10家", (Q, "≥", "10", "家")),
    ("≥10次", (Q, "≥", "10", "次")),
    ("≥11 家·次", (Q, "≥", "11", "家·次")),
    ("≥12000万元", (Q, "≥", "12000", "万元")),
    ("≥15 人次", (Q, "≥", "15", "人次")),
    ("≥1500 万元人民币", (Q, "≥", "1500", "万元人民币")),
    ("≥1500份", (Q, "≥", "1500", "份")),
    ("≥2 单", (Q, "≥", "2", "单")),
    ("≥2 项", (Q, "≥", "2", "项")),
    ("≥20 个", (Q, "≥", "20", "个")),
    ("≥20 场", (Q, "≥", "20", "场")),
    ("≥2000份", (Q, "≥", "2000", "份")),
    ("≥20人", (Q, "≥", "20", "人")),
    ("≥20次", (Q, "≥", "20", "次")),
    ("≥2亿元", (Q, "≥", "2", "亿元")),
    ("≥30 个", (Q, "≥", "30", "个")),
    ("≥300 人", (Q, "≥", "300", "人")),
    ("≥300家", (Q, "≥", "300", "家")),
    ("≥30单", (Q, "≥", "30", "单")),
    ("≥30次", (Q, "≥", "30", "次")),
    ("≥35人", (Q, "≥", "35", "人")),
    ("≥35家", (Q, "≥", "35", "家")),
    ("≥3家", (Q, "≥", "3", "家")),
    ("≥3次", (Q, "≥", "3", "次")),
    ("≥4 个", (Q, "≥", "4", "个")),
    ("≥4个", (Q, "≥", "4", "个")),
    ("≥4家", (Q, "≥", "4", "家")),
    ("≥5 个", (Q, "≥", "5", "个")),
    ("≥5 处", (Q, "≥", "5", "处")),
    ("≥50 个", (Q, "≥", "50", "个")),
    ("≥500 万元", (Q, "≥", "500", "万元")),
    ("≥5000 人次", (Q, "≥", "5000", "人次")),
    ("≥500人次", (Q, "≥", "500", "人次")),
    ("≥50人", (Q, "≥", "50", "人")),
    ("≥50家", (Q, "≥", "50", "家")),
    ("≥6 个", (Q, "≥", "6", "个")),
    ("≥6 场", (Q, "≥", "6", "场")),
    ("≥7家", (Q, "≥", "7", "家")),
    ("≥80%", (Q, "≥", "80", "%")),
    ("≥85%", (Q, "≥", "85", "%")),
    ("≥8个", (Q, "≥", "8", "个")),
    ("≥90%", (Q, "≥", "90", "%")),
    ("≥95%", (Q, "≥", "95", "%")),
    ("以实际发生为准", QUALITATIVE),
    ("全面", QUALITATIVE),
    ("及时", QUALITATIVE),
    ("按季度", QUALITATIVE),
    ("按照上年度研发费用的10%，最高50万元", QUALITATIVE),
    ("按照上年度研发费用的5%，最高50万元", QUALITATIVE),
    ("政策实施有效性得到较为显著提高", QUALITATIVE),
    ("明显", QUALITATIVE),
    ("是", QUALITATIVE),
    ("显著", QUALITATIVE),
    ("显著/较显著", QUALITATIVE),
    ("显著提高", QUALITATIVE),
    ("积极参与", QUALITATIVE),
    ("符合", QUALITATIVE),
    ("符合规程", QUALITATIVE),
    ("第四季度前", (D, "≤", "4", "季度")),
    ("给予省资助金额 20%的配套资金支持，最高不超过 60 万", QUALITATIVE),
    ("良好", QUALITATIVE),
    ("较显著", QUALITATIVE),
]

WORDS: list[tuple[str, tuple[str, str | None, str | None, str | None]]] = [
    ("不少于500册", (Q, "≥", "500", "册")),
    ("不低于90%", (Q, "≥", "90", "%")),
    ("85%以上", (Q, "≥", "85", "%")),
    ("5人及以上", (Q, "≥", "5", "人")),
    ("10家（含）以上", (Q, "≥", "10", "家")),
    ("不超过3人", (Q, "≤", "3", "人")),
    ("不高于5万元", (Q, "≤", "5", "万元")),
    ("30天以内", (Q, "≤", "30", "天")),
    ("20 万元以下", (Q, "≤", "20", "万元")),
    ("至少2次", (Q, "≥", "2", "次")),
    ("大于等于5个", (Q, "≥", "5", "个")),
    ("小于等于 8 天", (Q, "≤", "8", "天")),
    ("大于5个", (Q, ">", "5", "个")),
    ("＞10家", (Q, ">", "10", "家")),
    ("＜10家", (Q, "<", "10", "家")),
    ("＝10家", (Q, "=", "10", "家")),
    ("≧10家", (Q, "≥", "10", "家")),
    ("≦10家", (Q, "≤", "10", "家")),
    (">=95%", (Q, "≥", "95", "%")),
    ("<= 3 人", (Q, "≤", "3", "人")),
    ("≥ 20 场", (Q, "≥", "20", "场")),
    ("=100%", (Q, "=", "100", "%")),
]

EDGES: list[tuple[str, tuple[str, str | None, str | None, str | None]]] = [
    ("90", (Q, "=", "90", None)),
    ("100.00%", (Q, "=", "100.00", "%")),
    ("00", (Q, "=", "0", None)),
    ("1,000 元", (Q, "=", "1000", "元")),
    ("≥12,500.5万元", (Q, "≥", "12500.5", "万元")),
    ("１２万元", (Q, "=", "12", "万元")),
    ("15 万元 / 家", (Q, "=", "15", "万元/家")),
    # Not thousands separators: a second number, so not one quantity.
    ("1,0000 元", QUALITATIVE),
    ("10,5万元", QUALITATIVE),
    ("5-10个", QUALITATIVE),
    ("≥", QUALITATIVE),
    ("--", QUALITATIVE),
    ("—", QUALITATIVE),
    ("最高不超过 60 万", QUALITATIVE),
    ("≤5人以上", QUALITATIVE),
    ("≥1家企业获得认定，奖励10万元", QUALITATIVE),
    # Deadlines.
    ("12月", (D, "=", "12", "月")),
    ("12月底", (D, "=", "12", "月")),
    ("6月份之前", (D, "≤", "6", "月")),
    ("不晚于11月底", (D, "≤", "11", "月")),
    ("<12月", (D, "<", "12", "月")),
    ("第4季度前", (D, "≤", "4", "季度")),
    ("第二季度", (D, "=", "2", "季度")),
    ("三季度末以前", (D, "≤", "3", "季度")),
    ("≥6月", (Q, "≥", "6", "月")),
    ("≤18月", (Q, "≤", "18", "月")),
    ("≤12个月", (Q, "≤", "12", "个月")),
    ("≥12月前", QUALITATIVE),
    ("第五季度前", QUALITATIVE),
    ("12月31日前", QUALITATIVE),
    ("2021年底前", QUALITATIVE),
    ("最高50万元", (Q, "≤", "50", "万元")),
]


def _reading(text: str) -> tuple[str, str | None, Decimal | None, str | None]:
    parsed = parse_value(text)
    assert parsed is not None
    return parsed.kind, parsed.comparator, parsed.number, parsed.unit


def _check(text: str, expected: tuple[str, str | None, str | None, str | None]) -> None:
    kind, comparator, number, unit = expected
    assert _reading(text) == (kind, comparator, None if number is None else Decimal(number), unit)


def test_seed_table_is_complete() -> None:
    assert len({text for text, _ in SEED}) == len(SEED) == 122


@pytest.mark.parametrize(("text", "expected"), SEED, ids=[t for t, _ in SEED])
def test_seed_values(text: str, expected: tuple[str, str | None, str | None, str | None]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), WORDS, ids=[t for t, _ in WORDS])
def test_word_and_symbol_comparators(
    text: str, expected: tuple[str, str | None, str | None, str | None]
) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), EDGES, ids=[t for t, _ in EDGES])
def test_edges(text: str, expected: tuple[str, str | None, str | None, str | None]) -> None:
    _check(text, expected)


@pytest.mark.parametrize("text", [None, "", "  ", "\u3000\n\t"])
def test_no_text_is_none(text: str | None) -> None:
    assert parse_value(text) is None


def test_number_is_as_printed() -> None:
    parsed = parse_value("≥2亿元")
    assert parsed is not None
    assert str(parsed.number) == "2"
    parsed = parse_value("100.00%")
    assert parsed is not None
    assert str(parsed.number) == "100.00"


_FRAGMENTS = st.sampled_from(
    ["≥", "≤", "<", "＞", ">=", "不少于", "以上", "以内", "及", "前", "底", "第", "四", "季度",
     "月", "万元", "/", "家", "%", "，", ",", ".", "（", "含", "）", "-", " ", "0", "1", "12",
     "１", "3.5", "1,000"]
)  # fmt: skip
_TEXTS = st.one_of(st.text(), st.lists(_FRAGMENTS, max_size=8).map("".join))


@given(_TEXTS)
def test_never_raises_and_is_deterministic(text: str) -> None:
    first = parse_value(text)
    assert first == parse_value(text)
    if text.strip():
        assert first is not None
        if first.kind == "qualitative":
            assert (first.comparator, first.number, first.unit) == (None, None, None)
        else:
            assert first.comparator is not None
            assert first.number is not None
    else:
        assert first is None
