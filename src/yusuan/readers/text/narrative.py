"""The money told in sentences: income, expenditure, changes, 机关运行经费 and 三公经费.

Each figure is found next to the words that name it, never by its position in the sentence,
so a department that words its paragraph a little differently still reads.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ...model import (
    INCOME_SOURCES,
    BasicExpenditure,
    Expenditure,
    Income,
    IncomeSource,
    OperatingCosts,
    ProjectExpenditure,
    Source,
    ThreePublic,
)
from .lines import to_decimal

NUM = r"(-?\d+(?:,\d{3})*(?:\.\d+)?)"
_WAN = r"\s*万元"
_UP = ("增长", "增加", "上升", "增")
_DOWN = ("减少", "下降", "降低", "减")
_CHANGE = re.compile(
    r"(?:比|较)(?:上年|(?:19|20)\d{2}\s*年度?)(?:预算)?(增长|增加|上升|减少|下降|降低)了?\s*"
    + NUM
    + _WAN
)
#: A 决算 sentence prints the budget beside the actual (年初预算为 0.95 万元，支出决算为 0.00 万元):
#: the typed fields hold the actual, so the budget clause is set aside before reading.
_BUDGET_CLAUSE = re.compile(r"(?:年初|调整)?预算(?:数)?为?\s*" + NUM + _WAN + r"[，,]?")
_GROWTH = re.compile(r"(增长|增幅|上升|下降|降幅|减少)了?\s*" + NUM + r"\s*%")
_SHARE = re.compile(r"占[^，,；;。%\d]{0,12}?" + NUM + r"\s*%")
_NO_CHANGE = re.compile(r"无变化|无增减|持平|相同|没有变化|未发生变化")
_SOURCE_ALIASES = {
    **INCOME_SOURCES,
    "一般公共预算财政拨款": "general_budget",
    "财政拨款收入": "general_budget",
    "政府性基金拨款": "government_fund",
    "上年结转结余": "carryover",
    "上年结转收入": "carryover",
}
_SOURCE_AT = re.compile(
    "^("
    + "|".join(sorted(map(re.escape, _SOURCE_ALIASES), key=len, reverse=True))
    + r")\s*"
    + NUM
    + _WAN
)


def _signed(word: str, value: str) -> Decimal | None:
    d = to_decimal(value)
    if d is not None and word.startswith(_DOWN):
        return -d
    return d


def _first(pattern: str, text: str) -> Decimal | None:
    m = re.search(pattern, text)
    return to_decimal(m.group(1)) if m else None


def _change(text: str) -> Decimal | None:
    m = _CHANGE.search(text)
    if m:
        return _signed(m.group(1), m.group(2))
    return Decimal(0) if _NO_CHANGE.search(text) else None


def _growth(text: str) -> Decimal | None:
    # "增长 4606.21 万元" is a change, not a rate: only a figure followed by % is a rate.
    m = _GROWTH.search(text)
    return _signed(m.group(1), m.group(2)) if m else None


def income(text: str, line: int) -> Income:
    head, _, parts = text.partition("其中")
    result = Income(
        source=Source(line=line),
        total=_first(r"收入(?:总计|合计)\s*" + NUM + _WAN, head),
        change=_change(head),
        growth_pct=_growth(head),
    )
    for segment in re.split(r"[；;]", parts.lstrip("：: ")):
        group: list[IncomeSource] = []
        for clause in re.split(r"[，,。]", segment):
            clause = clause.strip()
            m = _SOURCE_AT.match(clause)
            if m:
                name = m.group(1)
                src = IncomeSource(
                    source=Source(line=line),
                    key=_SOURCE_ALIASES[name],
                    name=name,
                    amount=to_decimal(m.group(2)),
                )
                group.append(src)
                result.sources.append(src)
                rest = clause[m.end() :]
            else:
                rest = clause
            if not group or not rest:
                continue
            current = group[-1]
            if (m2 := _CHANGE.search(rest)) or rest.startswith(("比上年", "较上年")):
                if m2:
                    current.change = _signed(m2.group(1), m2.group(2))
                elif _NO_CHANGE.search(rest):
                    # "…其他收入 0 万元，较上年无变化" speaks for every source listed with it.
                    for s in group:
                        if s.change is None:
                            s.change = Decimal(0)
            elif (m3 := _SHARE.search(rest)) is not None:
                current.share_pct = to_decimal(m3.group(1))
            elif (g := _growth(rest)) is not None:
                current.growth_pct = g
    return result


def expenditure(text: str, line: int, changes: str | None) -> Expenditure:
    at = Source(line=line)
    basic_part, _, project_part = text.partition("项目支出")
    project_part = "" if not project_part else "项目支出" + project_part
    basic_text = basic_part[basic_part.find("基本支出") :] if "基本支出" in basic_part else ""
    basic = BasicExpenditure(
        source=at,
        amount=_first(r"基本支出\s*" + NUM + _WAN, basic_text),
        share_pct=_first(r"占[^，,；;%\d]{0,8}?" + NUM + r"\s*%", basic_text),
        personnel=_first(r"人员经费\s*" + NUM + _WAN, basic_text),
        public=_first(r"公用经费\s*" + NUM + _WAN, basic_text),
    )
    project = ProjectExpenditure(
        source=at,
        amount=_first(r"项目支出\s*" + NUM + _WAN, project_part),
        share_pct=_first(r"占[^，,；;%\d]{0,8}?" + NUM + r"\s*%", project_part),
        own=_first(r"本级(?:项目)?(?:支出)?\s*" + NUM + _WAN, project_part),
        carryover=_first(r"上年结转(?:结余)?(?:支出)?\s*" + NUM + _WAN, project_part),
    )
    if changes:
        b, _, p = changes.partition("项目支出")
        if "基本支出" in b:
            basic.change = _change(b[b.find("基本支出") :])
        if p:
            project.change = _change(p)
    return Expenditure(
        source=at,
        total=_first(r"支出(?:总计|合计)\s*" + NUM + _WAN, text),
        basic=basic,
        project=project,
    )


def operating_costs(text: str, line: int) -> OperatingCosts:
    after = text[text.find("机关运行经费") :]
    return OperatingCosts(
        source=Source(line=line),
        amount=_first(r"^[^，,；;。]*?" + NUM + _WAN, after),
        change=_change(after),
    )


def three_public(text: str, line: int) -> ThreePublic:
    if "决算" in text:
        text = _BUDGET_CLAUSE.sub("", text)
    head, _, detail = text.partition("其中")
    fee = r"[^0-9，,；;。（(]{0,12}?" + NUM + _WAN
    return ThreePublic(
        source=Source(line=line),
        total=_first(r"三公”?\s*经费" + fee, head),
        change=_change(head),
        overseas=_first(r"因公出国[（(]境[）)]费" + fee, detail),
        vehicle_total=_first(r"公务用车购置及运行(?:维护)?费" + fee, detail),
        vehicle_purchase=_first(r"公务用车购置费" + fee, detail),
        vehicle_operation=_first(r"公务用车运行(?:维护)?费" + fee, detail),
        reception=_first(r"公务接待费" + fee, detail),
    )
