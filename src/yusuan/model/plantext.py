"""The spending plan as the purpose paragraph states it (资金支出计划 in prose).

Pure text analysis of a model field, shared by the reader (which fills `plan` gaps from it)
and the audit (which compares it with the table).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_PROSE_MONTH = re.compile(
    r"(\d{1,2})\s*月(?:底|末|份)?\s*(?:前|以前|之前)?\s*(?:累计)?\s*(?:支出|支付|拨付|支持)"
    r"\s*(\d+(?:\.\d+)?)\s*%?"
)
_PROSE_QUARTER = re.compile(
    r"第([一二三四1-4])季度\s*(?:末|前)?\s*(?:累计)?\s*(?:支出|支付|拨付|支持)?\s*(\d+(?:\.\d+)?)\s*%?"
)
_QUARTER_MONTH = {
    "一": "3",
    "二": "6",
    "三": "9",
    "四": "12",
    "1": "3",
    "2": "6",
    "3": "9",
    "4": "12",
}

Row = dict[str, Decimal]


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def plan_sentence(purpose: str) -> str:
    """The part of the purpose paragraph that states the plan: from its last `以上…`."""
    start = purpose.rfind("以上")
    return purpose[start:] if start >= 0 else purpose


def prose_values(text: str) -> tuple[Row, str | None]:
    """Month -> % stated in the purpose paragraph's plan sentence, and that sentence."""
    sentence = plan_sentence(text)
    found: Row = {}
    for m in _PROSE_MONTH.finditer(sentence):
        value = _decimal(m.group(2))
        if value is not None:
            found.setdefault(str(int(m.group(1))), value)
    for m in _PROSE_QUARTER.finditer(sentence):
        value = _decimal(m.group(2))
        if value is not None:
            found.setdefault(_QUARTER_MONTH[m.group(1)], value)
    if not found:
        return {}, None
    return found, sentence.strip()


# --- Every checkpoint the plan sentence names (for the audit) -------------------------------
#
# `prose_values` keeps one value per month for the reader; the audit also needs what the
# sentence says beyond the four checkpoints (9 月份, 第三季度) and where it breaks off. A month
# counts only in a plan context: followed by a spending verb (支出 / 支付 / 拨付 / 支持), or by
# 底 / 末 / 份 / 前 and a percentage; so a date such as "11 月 3-4 日" is never a plan month.

_VERB = r"(?:支出|支付|拨付|支持)"
# A share, not an amount: "支出 10 万元" states money, so its number is no value here.
_VALUE = r"(?P<value>\d+(?:\.\d+)?)(?!\d|\.\d|\s*[万亿千百元])\s*(?P<pct>%|％)?"
_MENTION_MONTH = re.compile(
    r"(?P<month>\d{1,2})\s*月(?P<suffix>\s*(?:底|末|份))?(?P<before>\s*(?:以前|之前|前))?"
    rf"\s*(?:累计)?\s*(?P<verb>{_VERB})?\s*(?:{_VALUE})?"
)
_MENTION_QUARTER = re.compile(
    r"第(?P<quarter>[一二三四1-4])季度(?P<suffix>\s*(?:末|底))?(?P<before>\s*(?:以前|之前|前))?"
    rf"\s*(?:累计)?\s*(?P<verb>{_VERB})?\s*(?:{_VALUE})?"
)
#: What may follow a checkpoint whose value is missing: the end, or a clause break.
_BREAK = re.compile(r"\s*(?:$|[，,。；;、.])")


@dataclass(frozen=True, slots=True)
class Mention:
    """One checkpoint the plan sentence names: `3 月底前支出 0%`, `第三季度80%`, `12 月底前支出`."""

    month: str
    """The month it means: "3", "9" (第三季度), "11" …"""
    label: str
    """As a reviewer names it: "3 月底", "9 月份", "第三季度"."""
    value: Decimal | None
    """The cumulative % stated, or None when the sentence gives none."""
    text: str
    """The printed words, whitespace-normalised: "12 月底前支出"."""
    broken: bool
    """Named with a spending verb but no value, before a clause break or the end."""


def _mention(
    m: re.Match[str], month: str, label: str, sentence: str, *, quarter: bool
) -> Mention | None:
    value = _decimal(m["value"]) if m["value"] is not None else None
    has_verb = m["verb"] is not None
    if not has_verb:
        # Without a spending verb only "6月底 60%" / "第一季度0" read as a checkpoint.
        if value is None:
            return None
        if not quarter and not (m["suffix"] and m["pct"]) and not (m["before"] and m["pct"]):
            return None
    broken = has_verb and value is None and _BREAK.match(sentence, m.end()) is not None
    return Mention(month, label, value, " ".join(m.group(0).split()), broken)


def plan_mentions(purpose: str) -> list[Mention]:
    """Every month and quarter the plan sentence of `purpose` names, in printed order."""
    sentence = plan_sentence(purpose)
    found: list[tuple[int, Mention]] = []
    for m in _MENTION_MONTH.finditer(sentence):
        month = str(int(m["month"]))
        if not 1 <= int(month) <= 12:
            continue
        suffix = "".join((m["suffix"] or "").split())
        mention = _mention(m, month, f"{month} 月{suffix}", sentence, quarter=False)
        if mention is not None:
            found.append((m.start(), mention))
    for m in _MENTION_QUARTER.finditer(sentence):
        quarter = m["quarter"]
        mention = _mention(m, _QUARTER_MONTH[quarter], f"第{quarter}季度", sentence, quarter=True)
        if mention is not None:
            found.append((m.start(), mention))
    found.sort(key=lambda pair: pair[0])
    return [mention for _, mention in found]
