"""The spending plan as the purpose paragraph states it (资金支出计划 in prose).

Pure text analysis of a model field, shared by the reader (which fills `plan` gaps from it)
and the audit (which compares it with the table).
"""

from __future__ import annotations

import re
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
