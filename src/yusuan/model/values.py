"""Reading an indicator's target value (指标值) into kind, comparator, number and unit.

The printed value is free text; only the shapes below are given a number, so that the audit can
compare targets without guessing. Anything else is qualitative: a wrong number is worse than none.

Choices the contract leaves open:
- Whitespace (also U+3000 and NBSP) is dropped before reading, so "≥20 场" reads as "≥20场" and the
  unit never holds spaces ("万元 / 家" -> "万元/家").
- Full-width digits count as digits. ASCII thousands separators are read ("1,000 元" -> 1000)
  only in strict groups of three; a full-width "，" always ends a clause, so "10%，最高50万元"
  stays qualitative.
- The unit may hold no digit, no clause punctuation and no "前", and is at most 12 characters: a
  value with a second number (a range, a cap), a sentence or a deadline of an unknown shape
  ("2021年底前") stays qualitative.
- A month 1–12 with unit 月 is a deadline unless the comparator is ≥ or > ("≥6月" is a duration).
  "前" / "以前" / "之前" read as ≤; a month without them or a symbol ("12月", "12月底") reads as =.
- A word and a symbol that disagree ("≥12月前", "≤5人以上") make the value qualitative.
- No negative numbers: a "-" is read as a dash, so "--" and "5-10个" are qualitative.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .indicator import Comparator, ParsedValue

_PREFIXES: dict[str, Comparator] = {
    **dict.fromkeys(
        ["≥", "≧", "⩾", ">=", "＞＝", "＞=", ">＝", "不低于", "不少于", "不小于", "至少",
         "大于等于", "大于或等于", "不得低于", "不得少于", "最少", "最低"],
        "≥",
    ),
    **dict.fromkeys(
        ["≤", "≦", "⩽", "<=", "＜＝", "＜=", "<＝", "不超过", "不高于", "不多于", "不大于",
         "小于等于", "小于或等于", "不得超过", "不得高于", "不晚于", "不迟于", "最多", "最高"],
        "≤",
    ),
    **dict.fromkeys([">", "＞", "大于", "高于", "超过", "多于"], ">"),
    **dict.fromkeys(["<", "＜", "小于", "低于", "少于"], "<"),
    **dict.fromkeys(["=", "＝", "等于"], "="),
}  # fmt: skip
_SUFFIXES: dict[str, Comparator] = {"以上": "≥", "以下": "≤", "以内": "≤"}
_BEFORE = "以前|之前|前"
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4}


def _alternation(words: list[str]) -> str:
    # Longest first, so that 大于等于 is not read as 大于 followed by a unit.
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_PRE = rf"(?P<pre>{_alternation(list(_PREFIXES))})?"
_NUMBER = r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
_UNIT_CHAR = r"[^\d\s，。；;,：:！!？?、<>=≥≤≧≦⩾⩽＞＜＝前]"
_INCLUSIVE = r"(?:[(（]含[)）])"

_MONTH = re.compile(rf"{_PRE}(?P<num>0?[1-9]|1[0-2])月(?:底|末|份)?(?P<before>{_BEFORE})?")
_QUARTER = re.compile(rf"{_PRE}第?(?P<num>[1-4一二三四])季度(?:底|末)?(?P<before>{_BEFORE})?")
_QUANTITY = re.compile(
    rf"{_PRE}{_NUMBER}(?P<unit>{_UNIT_CHAR}{{0,12}}?)"
    rf"(?:及?(?P<suf>以上|以下|以内){_INCLUSIVE}?|{_INCLUSIVE}(?P<suf2>以上|以下|以内))?"
)
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _contradict(first: Comparator | None, second: Comparator | None) -> bool:
    return first is not None and second is not None and first != second


def _deadline(match: re.Match[str], unit: str) -> ParsedValue | None:
    prefix = _PREFIXES.get(match["pre"] or "")
    before: Comparator | None = "≤" if match["before"] else None
    comparator = prefix or before or "="
    if _contradict(prefix, before) or comparator in ("≥", ">"):
        return None
    raw = match["num"]
    number = Decimal(_QUARTERS[raw]) if raw in _QUARTERS else Decimal(raw)
    return ParsedValue(kind="deadline", comparator=comparator, number=number, unit=unit)


def parse_value(text: str | None) -> ParsedValue | None:
    """Parse a printed 指标值; None only when there is no text at all."""
    if text is None:
        return None
    compact = "".join(text.split()).translate(_DIGITS)
    if not compact:
        return None

    for pattern, unit in ((_MONTH, "月"), (_QUARTER, "季度")):
        match = pattern.fullmatch(compact)
        if match and (deadline := _deadline(match, unit)):
            return deadline

    match = _QUANTITY.fullmatch(compact)
    if match is None:
        return ParsedValue(kind="qualitative")
    prefix = _PREFIXES.get(match["pre"] or "")
    suffix = _SUFFIXES.get(match["suf"] or match["suf2"] or "")
    if _contradict(prefix, suffix):
        return ParsedValue(kind="qualitative")
    return ParsedValue(
        kind="quantitative",
        comparator=prefix or suffix or "=",
        number=Decimal(match["num"].replace(",", "")),
        unit=match["unit"] or None,
    )
