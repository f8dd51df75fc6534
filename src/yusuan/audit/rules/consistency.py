"""Consistency across sections: the same thing stated in two places must agree.

A disclosure states several things twice: the department-level itemised goals (分项绩效目标) sum
up the targets of the projects that serve them; the procurement table (政府采购预算) names its
source projects, which are budgeted in the project tables; the assets section (国有资产) plans the
fixed assets the procurement table buys; 机关运行经费 is, by the glossary's own definition, the
日常公用经费 of the basic expenditure. 财预〔2016〕143号 (地方预决算公开操作规程) requires the
disclosed figures to agree with each other. This family is where false alarms come easily, so
every rule says exactly what counts as "the same thing" and stays silent when in doubt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from ...model import Disclosure, Goal, Indicator, ProcurementItem, Project
from ..finding import Finding, Location
from ..numbers import ZERO, agrees, fmt
from ..rule import Example, Rule, at, at_indicator, at_project, evidence, register

# ---------------------------------------------------------------------------------------------
# Text helpers

_HAN = re.compile(r"[\u4e00-\u9fff]+")


@lru_cache(maxsize=4096)
def _compact(text: str | None) -> str:
    """Text without white space, ASCII and full-width brackets unified."""
    out = "".join((text or "").split())
    return out.translate(str.maketrans("（）［］【】", "()[][]"))


def _show(text: str | None) -> str:
    return text if text else "—"


def _pname(project: Project) -> str:
    return project.name or project.code or str(project.no)


# ---------------------------------------------------------------------------------------------
# CONS-GOAL-TARGET: measures of the itemised goals against the project indicators

#: Units a goal's 绩效指标 sentence counts in (longest first, so 亿元 wins over 元).
_GOAL_UNITS = (
    "万元",
    "亿元",
    "人次",
    "家·次",
    "%",
    "％",
    "家",
    "个",
    "单",
    "次",
    "人",
    "项",
    "册",
    "份",
    "场",
    "本",
    "天",
    "张",
    "处",
    "件",
    "篇",
    "台",
    "套",
    "所",
    "名",
)
_MEASURE = re.compile(
    r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>"
    + "|".join(re.escape(u) for u in _GOAL_UNITS)
    + r")(?P<more>以上|以下|以内)?"
)
_CLAUSES = re.compile(r"[，,；;。]")
_AT_LEAST = ("不少于", "不低于", "至少", "达到", "超过")
_AT_MOST = ("不超过", "不高于", "控制在")
#: Units counting whole entities (enterprises, platforms, projects): the seed itself writes
#: 新增科技型中小企业 100 个 in goal 2 and ≥100家 for the same count in project 21.
_ENTITY_COUNTS = frozenset({"家", "个"})

#: Words that name the *event* being counted. Two texts that name different events count
#: different things (新增 高企 is not 认定 高企: 认定 includes re-certification, 复审).
_QUALIFIERS: dict[str, str] = {
    "新认定": "认定",
    "认定": "认定",
    "复审": "复审",
    "新增": "新增",
    "入驻": "入驻",
    "累计": "累计",
    "获评": "获评",
}
#: Words too general to show two texts speak of the same thing; they split the text like
#: punctuation, so that no bigram spans them.
_STOP_WORDS = (
    *("不少于", "不低于", "达到", "以上", "数量", "完成", "企业", "开展", "组织", "举办", "活动"),
    *("各类", "全年", "每年", "年度", "当年", "项目", "工作", "资金", "次数", "个数", "情况"),
    *("反映", "规模", "等", "数", "年", "的", "及", "和", "或", "并"),
)
_SPLIT = re.compile(
    "|".join(re.escape(w) for w in sorted([*_QUALIFIERS, *_STOP_WORDS], key=len, reverse=True))
)
#: "孵化器内…", "众创空间内…": the thing before 内 is where the counted things are, not them.
_SCOPE = re.compile(r"^[\u4e00-\u9fff]{2,6}?内(?=[\u4e00-\u9fff])")
_SYNONYMS = (("科学技术", "科技"),)

MIN_SHARED = 3
#: At least 3/5 (60 %) of the goal phrase's bigrams.
MIN_SHARE_NUM, MIN_SHARE_DEN = 3, 5


def _normalise(text: str) -> str:
    text = _compact(text)
    for long, short in _SYNONYMS:
        text = text.replace(long, short)
    return text


@lru_cache(maxsize=4096)
def _content(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(content bigrams, content characters, event qualifiers) of a text: Han runs split at
    punctuation, stop words and qualifiers."""
    text = _normalise(text)
    quals = frozenset(
        _QUALIFIERS[m.group()] for m in _SPLIT.finditer(text) if m.group() in _QUALIFIERS
    )
    bigrams: set[str] = set()
    chars: set[str] = set()
    for run in _HAN.findall(text):
        for part in _SPLIT.split(run):
            chars.update(part)
            bigrams.update(part[i : i + 2] for i in range(len(part) - 1))
    return frozenset(bigrams), frozenset(chars), quals


@dataclass(frozen=True)
class _Measure:
    clause: str
    phrase: str
    normalised: str
    number: Decimal
    unit: str
    bigrams: frozenset[str]
    chars: frozenset[str]
    quals: frozenset[str]


@lru_cache(maxsize=512)
def _measures(text: str) -> tuple[_Measure, ...]:
    """The measures of a 绩效指标 sentence: one per clause (phrase, number, unit)."""
    out: list[_Measure] = []
    for raw in _CLAUSES.split(text):
        clause = raw.strip()
        start = 0
        for m in _MEASURE.finditer(clause):
            phrase = clause[start : m.start()].strip()
            start = m.end()
            for word in (*_AT_LEAST, *_AT_MOST):
                if phrase.endswith(word):
                    phrase = phrase[: -len(word)].strip()
                    break
            try:
                number = Decimal(m.group("number"))
            except InvalidOperation:  # pragma: no cover - the pattern only matches numbers
                continue
            bigrams, chars, quals = _content(phrase)
            if not phrase or len(bigrams) < MIN_SHARED:
                continue
            unit = "%" if m.group("unit") == "％" else m.group("unit")
            out.append(
                _Measure(clause, phrase, _normalise(phrase), number, unit, bigrams, chars, quals)
            )
    return tuple(out)


class _Target(NamedTuple):
    project: Project
    row: int
    indicator: Indicator
    number: Decimal
    unit: str
    bigrams: frozenset[str]
    name_chars: frozenset[str]
    quals: frozenset[str]
    scope: str


@lru_cache(maxsize=4096)
def _features(
    name: str | None, description: str | None, project: str | None
) -> tuple[frozenset[str], frozenset[str], frozenset[str], str]:
    """(bigrams of name + description + project name, characters of the name without its
    scope, event qualifiers of name + description, the scope) of one indicator."""
    compact = _normalise(name or "")
    own = _content(compact + "，" + _compact(description))
    scope = _SCOPE.match(compact)
    return (
        own[0] | _content(project or "")[0],
        _content(compact[scope.end() :] if scope else compact)[1],
        own[2],
        scope.group()[:-1] if scope else "",
    )


def _targets(d: Disclosure, units: set[str]) -> dict[str, list[_Target]]:
    """The quantitative project indicators in one of `units`, by unit."""
    by_unit: dict[str, list[_Target]] = {}
    for project in d.projects:
        for row, ind in enumerate(project.indicators, 1):
            parsed = ind.parsed
            if parsed is None or parsed.kind != "quantitative" or parsed.number is None:
                continue
            unit = "%" if parsed.unit == "％" else parsed.unit
            if not unit or unit not in units:
                continue
            bigrams, chars, quals, scope = _features(ind.name, ind.description, project.name)
            by_unit.setdefault(unit, []).append(
                _Target(project, row, ind, parsed.number, unit, bigrams, chars, quals, scope)
            )
    return by_unit


def _candidates(m: _Measure, by_unit: dict[str, list[_Target]]) -> list[tuple[Fraction, _Target]]:
    units = _ENTITY_COUNTS if m.unit in _ENTITY_COUNTS else {m.unit}
    out: list[tuple[Fraction, _Target]] = []
    for unit in units:
        for t in by_unit.get(unit, ()):
            shared = len(m.bigrams & t.bigrams)
            if shared < MIN_SHARED:
                continue
            if shared * MIN_SHARE_DEN < MIN_SHARE_NUM * len(m.bigrams):
                continue
            share = Fraction(shared, len(m.bigrams))
            if not (m.chars & t.name_chars):
                continue  # the indicator's own name speaks of something else
            if t.scope and t.scope not in m.normalised:
                continue  # the indicator counts only those in a place (孵化器内…): a subset
            if m.quals and not (m.quals & t.quals):
                continue  # the goal counts an event (新增) the indicator does not name
            out.append((share, t))
    return out


def _row_text(ind: Indicator) -> str:
    return " | ".join(_show(p) for p in (ind.level2, ind.name, ind.description, ind.value))


@register
class GoalTarget(Rule):
    """分项绩效目标的绩效指标与服务它的项目指标目标值不一致。

    The itemised goals (分项绩效目标) of 五、预算绩效 are the department-level summary of the
    project targets (项目绩效目标表) that serve them (财预〔2015〕88号 has a department's overall
    goals broken down into, and consistent with, its project goals);
    a reviewer reads "企业投保科技保险保单数量达到 20 单" in the goal and expects the insurance
    project's 数量指标 to say 20 单, not ≥30单. Two different figures mean one of them was not
    updated, and the year's result will be judged against two targets.

    What counts as the same measure (deliberately strict, to give no false alarms):
    each clause of the goal's 绩效指标 sentence that prints a number and a unit is a measure
    (its phrase is the text before the number, without 达到 / 不少于 …); it is compared with
    the quantitative indicators of all projects that (1) print the same unit (家 and 个 count
    as the same: the seed itself writes 100 个 and ≥100家 for one count of enterprises);
    (2) share at least 3 and at least 60 % of the phrase's character bigrams, read from the
    indicator's name, its description and its project's name, after splitting every text at
    punctuation, at general words (数量, 完成, 企业, 开展, 活动, 项目 …) and at the event words
    新增 / 认定 / 复审 / 入驻 / 累计 / 获评, and with 科学技术 read as 科技; (3) whose own
    三级指标 name shares a character with the phrase; (4) whose name, when it starts with a
    place ("孵化器内新认定高新技术企业数量" counts only the enterprises in incubators, a subset),
    names a place the phrase names too, the place itself not counting for (3); and
    (5) when the goal names the event it counts (新增, 认定 …), whose own name or description
    names the same event (新增 高企 is not 认定 高企: 认定 includes re-certified enterprises;
    新认定 孵化器 is not 补助孵化机构). A finding is reported only when no such indicator
    states the goal's number; it names the best match. Comparators are not compared: the goal
    sentence states a figure and the project a figure, and the two figures must be equal.
    """

    id = "CONS-GOAL-TARGET"
    category = "consistency"
    severity = "warning"
    source = "财预〔2015〕88号（中央部门预算绩效目标管理办法）"
    title = "分项绩效目标与项目指标的目标值不一致"
    title_en = "Itemised goal and its project's indicator state different targets"
    message = (
        "分项绩效目标{goal_no}「{goal}」写“{measure}”，而项目{no}「{project}」"
        "第{row}行指标“{indicator}”的指标值为 {value}"
    )
    message_en = (
        "itemised goal {goal_no} ({goal}) states “{measure}”, but project {no} ({project}) "
        "row {row}, indicator “{indicator}”, targets {value}"
    )
    hint = "核对分项绩效目标与项目绩效目标表的目标值，使两处一致或说明口径差异"
    hint_en = "make the goal's figure and the project's target agree, or explain the difference"
    example = Example(
        "新增科技型中小企业 100 个", "新增科技型中小企业 120 个", "goal 2 against project 21"
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        goals = d.performance.goals
        if not goals or not d.projects:
            return
        measures = [(g, m) for g in goals for m in _measures(g.indicators_text or "")]
        units = {m.unit for _, m in measures}
        if units & _ENTITY_COUNTS:
            units |= _ENTITY_COUNTS
        by_unit = _targets(d, units)
        for goal, m in measures:
            found = _candidates(m, by_unit)
            if not found or any(t.number == m.number for _, t in found):
                continue
            best = max(share for share, _ in found)
            top = [t for share, t in found if share == best]
            if len({t.number for t in top}) > 1:
                continue  # two equally good matches that disagree: not sure which one
            yield self._finding(goal, m, top[0])

    def _finding(self, goal: Goal, m: _Measure, t: _Target) -> Finding:
        ind = t.indicator
        shared = sorted(m.bigrams & t.bigrams)
        measure = f"{m.phrase} {fmt(m.number)} {m.unit}"
        return self.finding(
            locations=[
                at(goal, f"performance.goals[{goal.no}]"),
                at_indicator(t.project, t.row, ind),
            ],
            evidence=evidence(
                quote=(
                    f"分项绩效目标{goal.no} 绩效指标：“{m.clause}” ↔ "
                    f"项目{t.project.no}第{t.row}行：{_row_text(ind)}"
                ),
                stated=f"{fmt(m.number)} {m.unit}",
                computed=_show(ind.value),
                formula=(
                    f"同一度量：单位 {m.unit}/{t.unit}，共有 {len(shared)}/{len(m.bigrams)} 个"
                    f"二字组（{'、'.join(shared)}）"
                ),
            ),
            goal_no=goal.no,
            goal=_show(goal.title),
            measure=measure,
            no=t.project.no,
            project=_pname(t.project),
            row=t.row,
            indicator=_show(ind.name),
            value=_show(ind.value),
        )


# ---------------------------------------------------------------------------------------------
# Procurement sources

#: Sources that are basic expenditure, not projects.
_BASIC_SOURCES = frozenset(
    {
        "公用经费",
        "日常公用经费",
        "人员经费",
        "基本支出",
        "机关运行经费",
        "商品和服务支出",
        "部门公用经费",
        "单位公用经费",
        "基本支出公用经费",
        "基本支出-公用经费",
    }
)
_BASIC_SUFFIXES = ("公用经费", "人员经费", "基本支出")


def _is_basic(name: str) -> bool:
    return name in _BASIC_SOURCES or name.endswith(_BASIC_SUFFIXES)


@dataclass
class _Source:
    name: str
    printed: str
    budget: Decimal | None
    items: list[tuple[int, ProcurementItem]]


def _sources(d: Disclosure) -> list[_Source]:
    """Procurement items grouped by source project, in document order."""
    groups: dict[str, _Source] = {}
    for n, item in enumerate(d.procurement.items, 1):
        name = _compact(item.source_project)
        if not name:
            continue
        group = groups.get(name)
        if group is None:
            group = groups[name] = _Source(name, item.source_project or "", None, [])
        if group.budget is None:
            group.budget = item.source_budget
        group.items.append((n, item))
    return list(groups.values())


def _project_names(d: Disclosure) -> list[tuple[str, Project]]:
    return [(_compact(p.name), p) for p in d.projects]


def _projects_named(name: str, names: list[tuple[str, Project]]) -> list[Project]:
    """Projects whose name is the source's name, or contains it or is contained in it (both
    at least 4 characters: a printed cell may add or drop a prefix)."""
    exact = [p for pname, p in names if pname == name]
    if exact or len(name) < 4:
        return exact
    return [p for pname, p in names if len(pname) >= 4 and (pname in name or name in pname)]


def _item_locations(src: _Source) -> list[Location]:
    return [at(item, f"procurement.items[{n}]") for n, item in src.items]


def _item_quote(src: _Source) -> str:
    rows = "；".join(
        f"{_show(i.item)} {_show(i.catalog_code)} {fmt(i.amount)}" for _, i in src.items
    )
    return f"{src.printed} | 预算资金 {fmt(src.budget)} | {rows}"


@register
class ProcurementSource(Rule):
    """政府采购的项目来源应是本部门预算中的项目或基本支出。

    Every procurement is paid from a budget line: a project of the 项目支出 (whose
    项目绩效目标表 the disclosure prints) or the basic expenditure (公用经费). A source that is
    neither cannot be traced to any budgeted money in the disclosure: either the project table
    is missing a project, the source is money outside this budget (e.g. a 上年结转 special
    transfer that should then be named as such), or the name was mistyped. A source counts as
    a project when its name, without spaces, equals a project's name or one contains the other
    (both at least 4 characters); it counts as basic expenditure when it is 公用经费 / 日常公用经费
    / 人员经费 / 基本支出 / 商品和服务支出 or ends in one of them. One finding per source,
    pointing at all its item rows. Checked only when the disclosure prints projects at all.
    """

    id = "CONS-PROCUREMENT-SOURCE"
    category = "consistency"
    severity = "warning"
    source = "财预〔2016〕143号；文件自身结构 / the document's own structure"
    title = "政府采购项目来源不在项目之列"
    title_en = "Procurement source project is not one of the projects"
    message = (
        "政府采购项目来源“{source}”（预算资金 {budget} 万元，{count} 条采购）"
        "不是本部门的项目，也不是基本支出"
    )
    message_en = (
        "procurement source “{source}” (budget {budget} 万元, {count} items) is neither one "
        "of the department's projects nor basic expenditure"
    )
    hint = "在项目支出中列出该项目，或注明资金来源（如上年结转、上级专款）"
    hint_en = "list the project among the projects, or name the money (e.g. 上年结转 special funds)"
    example = Example()

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if not d.projects:
            return
        names = _project_names(d)
        for src in _sources(d):
            if _is_basic(src.name) or _projects_named(src.name, names):
                continue
            yield self.finding(
                locations=_item_locations(src),
                evidence=evidence(quote=_item_quote(src)),
                source=src.printed,
                budget=fmt(src.budget),
                count=len(src.items),
            )


@register
class ProcurementBudget(Rule):
    """政府采购项目来源的预算资金应等于该项目的预算数，且采购金额不超过预算资金。

    The procurement table prints each source's 预算资金 beside its name; when the source is
    one of the projects, that figure is the project's 预算数 (or its 财政资金) in the project
    table, and a different figure means one of the two tables is out of date. And no source
    can buy more than it holds: the procurement amounts of one source must add up to no more
    than its 预算资金. A source matches a project as in CONS-PROCUREMENT-SOURCE, but only when
    exactly one project matches. Figures are compared to the precision they are printed with.
    """

    id = "CONS-PROCUREMENT-BUDGET"
    category = "consistency"
    severity = "warning"
    source = "财预〔2016〕143号；文件自身结构 / the document's own structure"
    title = "政府采购来源的预算资金与项目或采购金额不符"
    title_en = "Procurement source budget differs from its project or is exceeded"
    message = "政府采购项目来源“{source}”的预算资金 {budget} 万元{problem}"
    message_en = "procurement source “{source}”: budget {budget} 万元{problem_en}"
    hint = "核对政府采购表的预算资金、采购金额与项目绩效目标表的预算数"
    hint_en = "check the source's budget and amounts against the project table"
    example = Example("运营服务\t150.00\t平台运营服务", "运营服务\t160.00\t平台运营服务")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        names = _project_names(d)
        for src in _sources(d):
            if src.budget is None:
                continue
            matches = [] if _is_basic(src.name) else _projects_named(src.name, names)
            if len(matches) == 1:
                p = matches[0]
                printed = [v for v in (p.amount, p.fiscal) if v is not None]
                if printed and not any(
                    agrees(src.budget, v) or agrees(v, src.budget) for v in printed
                ):
                    yield self.finding(
                        locations=[*_item_locations(src), at_project(p)],
                        evidence=evidence(
                            quote=f"{_item_quote(src)} ↔ 项目{p.no}「{_pname(p)}」预算数 "
                            f"{fmt(p.amount)}（财政资金 {fmt(p.fiscal)}）",
                            stated=fmt(src.budget),
                            computed=fmt(p.amount),
                        ),
                        source=src.printed,
                        budget=fmt(src.budget),
                        problem=f"，而项目{p.no}「{_pname(p)}」的预算数为 {fmt(p.amount)} 万元",
                        problem_en=f", but project {p.no} ({_pname(p)}) budgets "
                        f"{fmt(p.amount)} 万元",
                    )
            amounts = [i.amount for _, i in src.items if i.amount is not None]
            total = sum(amounts, ZERO)
            if amounts and total > src.budget and not agrees(src.budget, total):
                yield self.finding(
                    locations=_item_locations(src),
                    evidence=evidence(
                        quote=_item_quote(src),
                        stated=fmt(src.budget),
                        computed=fmt(total),
                        formula=" + ".join(fmt(a) for a in amounts),
                    ),
                    source=src.printed,
                    budget=fmt(src.budget),
                    problem=f"，而其采购金额合计 {fmt(total)} 万元，超出预算资金",
                    problem_en=f", but its items add up to {fmt(total)} 万元, more than that",
                )


# ---------------------------------------------------------------------------------------------
# Assets against procurement

#: 政府采购品目分类目录 classes that buy fixed assets. 2013 catalogue (财库〔2013〕189号):
#: A01 土地、建筑物及构筑物, A02 通用设备, A03 专用设备, A04 文物和陈列品, A05 图书和档案,
#: A06 家具用具. 2022 catalogue (财库〔2022〕31号): A01 房屋和构筑物, A02 设备, A03 文物和陈列品,
#: A04 图书和档案, A05 家具和用品, A06 特种动植物 (a fixed-asset class of GB/T 14885-2022).
#: In both, A07 onwards are materials and consumables (A09 办公消耗用品 in 2013, A07 物资 in 2022),
#: and A08 无形资产 (2022) is not a fixed asset.
_ASSET_CLASSES = ("A01", "A02", "A03", "A04", "A05", "A06")


def _buys_assets(item: ProcurementItem) -> bool:
    code = _compact(item.catalog_code).upper()
    return code.startswith(_ASSET_CLASSES)


@register
class AssetPurchase(Rule):
    """政府采购中购置的固定资产不应超过国有资产部分计划新购的资产。

    The assets section (七、国有资产) states the assets the department plans to buy in the
    year (计划新购资产), and the procurement table lists what it buys; equipment, books and
    furniture (品目 A01–A06 of the 政府采购品目分类目录, 2013 and 2022 editions alike; A09
    办公消耗用品 and services are not assets) become fixed assets. Buying assets when no
    purchase is planned (计划新购资产 0), or more than planned, means one of the two sections is
    wrong. A plan larger than the asset procurement is normal (small purchases need no
    procurement) and is not reported; a plan the document does not state is not judged.
    """

    id = "CONS-ASSET-PURCHASE"
    category = "consistency"
    severity = "warning"
    source = "财预〔2016〕143号；政府采购品目分类目录（财库〔2013〕189号、财库〔2022〕31号）"
    title = "政府采购购置资产超出计划新购资产"
    title_en = "Procurement buys more fixed assets than the planned purchases"
    message = "政府采购购置资产 {computed} 万元（{items}），而计划新购资产 {stated} 万元"
    message_en = (
        "procurement buys fixed assets for {computed} 万元 ({items}), but the planned "
        "purchases are {stated} 万元"
    )
    hint = "核对国有资产部分的计划新购资产与政府采购表中的设备、家具类采购"
    hint_en = "check the planned purchases against the equipment and furniture procurement"
    example = Example(
        "其它台、桌类\tA060299\t批\t1\t2\t2\t2", "其它台、桌类\tA060299\t批\t1\t5\t5\t5"
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        planned = d.assets.planned_purchase
        if planned is None:
            return
        bought = [
            (n, i)
            for n, i in enumerate(d.procurement.items, 1)
            if i.amount is not None and _buys_assets(i)
        ]
        if not bought:
            return
        total = sum((i.amount for _, i in bought if i.amount is not None), ZERO)
        if total <= planned or agrees(planned, total):
            return
        items = "、".join(
            f"{_show(i.item)} {_show(i.catalog_code)} {fmt(i.amount)}" for _, i in bought
        )
        yield self.finding(
            locations=[
                at(d.assets, "assets.planned_purchase"),
                *(at(i, f"procurement.items[{n}]") for n, i in bought),
            ],
            evidence=evidence(
                quote=f"计划新购资产 {fmt(planned)} 万元 ↔ {items}",
                stated=fmt(planned),
                computed=fmt(total),
                formula=" + ".join(fmt(i.amount) for _, i in bought),
            ),
            stated=fmt(planned),
            computed=fmt(total),
            items=items,
        )


# ---------------------------------------------------------------------------------------------
# 机关运行经费 against 日常公用经费


@register
class OperatingPublic(Rule):
    """机关运行经费不应超过基本支出中的日常公用经费；只有行政单位时两者应相等。

    By the glossary's own definition (and the disclosure template of 财预〔2016〕143号),
    机关运行经费 is the
    日常公用经费 of the basic expenditure of administrative bodies (行政单位 and 参照公务员法管理的
    事业单位) paid from the general budget. It is therefore part of 日常公用经费 and can never
    exceed it; and when every unit of the department is 行政, the two figures name the same
    money and differ only if one of them is wrong (or 日常公用经费 holds money from other
    sources, which the department should then explain). Compared to the precision printed.
    """

    id = "CONS-OPERATING-PUBLIC"
    category = "consistency"
    severity = "warning"
    source = "财预〔2016〕143号；文件自身的名词解释 / the document's own glossary"
    title = "机关运行经费与日常公用经费不符"
    title_en = "机关运行经费 disagrees with 日常公用经费"
    message = "机关运行经费 {stated} 万元{relation}基本支出中的日常公用经费 {computed} 万元"
    message_en = "机关运行经费 {stated} 万元 {relation_en} the 日常公用经费 of {computed} 万元"
    hint = "机关运行经费是行政单位基本支出中的日常公用经费，核对两处金额"
    hint_en = "机关运行经费 is the 日常公用经费 of administrative bodies: check both figures"
    example = Example("2021年机关运行经费支出预算31.97万元", "2021年机关运行经费支出预算35.97万元")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        op = d.operating_costs.amount
        public = d.expenditure.basic.public
        if op is None or public is None:
            return
        if agrees(op, public) or agrees(public, op):
            return
        only_admin = bool(d.units) and all(_compact(u.nature).startswith("行政") for u in d.units)
        if op > public:
            relation, relation_en = "，超过了", "exceeds"
        elif only_admin:
            relation, relation_en = (
                "，而本部门只有行政单位，却不等于",
                ("differs, although every unit is 行政, from"),
            )
        else:
            return
        yield self.finding(
            locations=[
                at(d.operating_costs, "operating_costs.amount"),
                at(d.expenditure.basic, "expenditure.basic.public"),
            ],
            evidence=evidence(
                quote=f"机关运行经费 {fmt(op)} 万元 ↔ 日常公用经费 {fmt(public)} 万元",
                stated=fmt(op),
                computed=fmt(public),
            ),
            stated=fmt(op),
            computed=fmt(public),
            relation=relation,
            relation_en=relation_en,
        )
