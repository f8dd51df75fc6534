"""Indicators: the three-level framework of each project's 绩效指标 table and its target values.

The frameworks are those of 财预〔2015〕88号 (中央部门预算绩效目标管理办法, with the template
used from 2018) and 财预〔2021〕101号 (项目支出核心绩效目标和指标设置及取值指引). Both are
accepted: the 2021 guide moves 成本 out of 产出 into a level-1 class of its own, and the
older template lists satisfaction (社会公众或服务对象满意度) under 效益.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from ...model import Disclosure, Indicator, Project
from ..finding import Finding
from ..rule import Example, Rule, at_indicator, at_project, evidence, register, shared

HUNDRED = Decimal(100)
_DIGIT = re.compile(r"[0-9０-９]")

# ---------------------------------------------------------------------------------------------
# Shared helpers


@lru_cache(maxsize=8192)
def _compact(text: str | None) -> str:
    """Text without any white space (U+3000 and NBSP included)."""
    return "".join((text or "").split())


@lru_cache(maxsize=1024)
def _cls(text: str | None) -> str:
    """A level-1 / level-2 class as a key: no spaces, without the trailing 指标 / 类."""
    key = _compact(text)
    for suffix in ("指标", "类"):
        if key.endswith(suffix) and len(key) > len(suffix):
            key = key[: -len(suffix)]
    return key


_SATISFACTION = frozenset(
    {"服务对象满意度", "社会公众满意度", "社会公众或服务对象满意度", "满意度"}
)

#: level 1 -> its level-2 classes, union of the 2018 template and the 2021 guide.
FRAMEWORK: dict[str, frozenset[str]] = {
    "产出": frozenset({"数量", "质量", "时效", "成本"}),
    "效益": frozenset(
        {"经济效益", "社会效益", "生态效益", "生态环境效益", "可持续影响", *_SATISFACTION}
    ),
    "满意度": _SATISFACTION,
    "成本": frozenset({"经济成本", "社会成本", "生态环境成本", "生态成本"}),
}
#: Names some provinces print for the same level-1 class.
LEVEL1_ALIASES: dict[str, str] = {
    "效果": "效益",
    "服务对象满意度": "满意度",
    "社会公众满意度": "满意度",
    "社会公众或服务对象满意度": "满意度",
}

_CLASS_NAMES = {"产出": "产出指标", "效益": "效益指标", "满意度": "满意度指标"}


@lru_cache(maxsize=1024)
def _level1_key(text: str | None) -> str:
    key = _cls(text)
    return LEVEL1_ALIASES.get(key, key)


def _show(text: str | None) -> str:
    return text if text else "—"


def _quote(ind: Indicator) -> str:
    """The printed row as a reviewer finds it: 二级指标 | 三级指标 | 描述 | 指标值."""
    return " | ".join(_show(part) for part in (ind.level2, ind.name, ind.description, ind.value))


def _pname(project: Project) -> str:
    return project.name or project.code or str(project.no)


# ---------------------------------------------------------------------------------------------


@register
class Levels(Rule):
    """二级指标必须属于其一级指标；一级指标只能是 产出 / 效益 / 满意度（或 2021 年的 成本）。

    财预〔2015〕88号 sets the performance targets in a fixed three-level framework and
    财预〔2021〕101号 fixes its classes: 产出 → 数量 / 质量 / 时效 / 成本; 效益 → 经济效益 /
    社会效益 / 生态效益 / 可持续影响; 满意度 → 服务对象满意度; and (2021) 成本 → 经济成本 /
    社会成本 / 生态环境成本. A level-2 class filed under the wrong level 1, or a level 1 outside
    the framework, means the row was put in the wrong place or the table was built by hand, and
    the indicator cannot be compared with other projects'. Both the older template (which lists
    satisfaction under 效益 and 成本 under 产出) and the 2021 guide are accepted.
    """

    id = "IND-LEVELS"
    category = "indicator"
    severity = "error"
    source = "财预〔2015〕88号；财预〔2021〕101号"
    title = "二级指标不属于其一级指标"
    title_en = "Level-2 class does not belong to its level-1 class"
    message = "项目{no}「{project}」第{row}行：{problem}"
    message_en = "project {no} ({project}) row {row}: {problem_en}"
    hint = (
        "按 产出（数量/质量/时效/成本）、效益（经济/社会/生态效益、可持续影响）、"
        "满意度（服务对象满意度）归类"
    )
    hint_en = (
        "file the row under 产出 (数量/质量/时效/成本), 效益 (经济/社会/生态效益, 可持续影响) "
        "or 满意度 (服务对象满意度)"
    )
    example = Example(
        "产出指标\t数量指标\t完成科技保险单数", "产出指标\t社会效益指标\t完成科技保险单数"
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for project, row, ind, problem in _flags(d).levels:
            yield self.finding(
                locations=[at_indicator(project, row, ind)],
                evidence=evidence(quote=f"{ind.level1} | {_quote(ind)}"),
                no=project.no,
                project=_pname(project),
                row=row,
                problem=problem[0],
                problem_en=problem[1],
            )


@lru_cache(maxsize=1024)
def _misfiled(level1: str | None, level2: str | None) -> tuple[str, str] | None:
    """Why a (level 1, level 2) pair is outside the framework, or None."""
    if not level1:
        return None
    members = FRAMEWORK.get(_level1_key(level1))
    if members is None:
        return (
            f"一级指标「{level1}」不在 产出、效益、满意度、成本 之列",
            f"level 1 {level1!r} is not one of 产出, 效益, 满意度, 成本",
        )
    if level2 and _cls(level2) not in members:
        return (
            f"二级指标「{level2}」不属于一级指标「{level1}」",
            f"level 2 {level2!r} is not a class of level 1 {level1!r}",
        )
    return None


@register
class Coverage(Rule):
    """每个项目都应设置 产出、效益 和 满意度 指标。

    财预〔2015〕88号 and 财预〔2021〕101号 ask every project's targets to say what is produced
    (产出), what it achieves (效益) and how those served judge it (满意度); a table without one of
    these leaves that part of the spending without a target to be evaluated against. A
    satisfaction row filed under 效益 (the older template) counts as 满意度.
    """

    id = "IND-COVERAGE"
    category = "indicator"
    severity = "error"
    source = "财预〔2015〕88号；财预〔2021〕101号"
    title = "项目缺少产出、效益或满意度指标"
    title_en = "Project lacks 产出, 效益 or 满意度 indicators"
    message = "项目{no}「{project}」缺少{missing}"
    message_en = "project {no} ({project}) has no {missing_en} indicators"
    hint = "补充缺少的一级指标及其二、三级指标"
    hint_en = "add the missing level-1 class with its indicators"
    example = Example(
        "满意度指标\t服务对象满意度指标\t受益对象满意度(%)",
        "效益指标\t社会效益指标\t受益对象满意度(%)",
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for project in d.projects:
            present: set[str] = set()
            for level1, level2 in {(i.level1, i.level2) for i in project.indicators}:
                present.add(_level1_key(level1))
                if "满意度" in _cls(level2):
                    present.add("满意度")
            missing = [c for c in ("产出", "效益", "满意度") if c not in present]
            if not missing:
                continue
            printed = list(dict.fromkeys(i.level1 for i in project.indicators if i.level1))
            yield self.finding(
                locations=[at_project(project, f"projects[{project.no}].indicators")],
                evidence=evidence(
                    quote="一级指标：" + ("、".join(printed) if printed else "（无）"),
                ),
                no=project.no,
                project=_pname(project),
                missing="、".join(_CLASS_NAMES[c] for c in missing),
                missing_en=", ".join(missing),
            )


#: A value that sets no target; only when it states no figure ("以实际发生为准，不超过10万元"
#: has a cap). Not "依据实施方案", which holds 据实 by accident.
_NOT_A_TARGET = re.compile(
    r"实际(?:发生|支出|情况|需要|需求|数|金额|发生额)?(?:为准|计算|结算|核定|确定|列支)"
    r"|(?<![依根])据实(?:$|结算|列支|支出|支付|发放|核定|计算|核销)"
    r"|实报实销|视(?:实际)?情况(?:而定|确定)|根据实际|按实际|待定"
)
_GRADE_TOKENS = [
    *("较为", "较", "很", "非常", "十分", "更加", "更", "有所", "逐步", "进一步", "基本"),
    *("大幅", "稳步", "持续", "显著", "明显", "良好", "及时", "优秀", "优良", "较好", "好"),
    *("高", "提高", "提升", "改善", "增强", "加强", "有效", "到位", "按时", "准时", "积极"),
    *("一般", "达标", "合格", "完善", "充分", "完成", "快速", "尽快", "尽早"),
]
_GRADE = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, _GRADE_TOKENS), key=len, reverse=True)) + ")+"
)
_GRADE_SEPARATORS = re.compile(r"[/／、或,，;；]+")
#: Level-2 classes whose target is a number (数量, 成本) or a time (时效).
_EXPECTS = {"时效": ("时间或期限", "a time or period"), "成本": ("金额", "an amount of money")}
_EXPECTS_NUMBER = ("数值", "a number")


def _is_grade(value: str) -> bool:
    parts = [p for p in _GRADE_SEPARATORS.split(_compact(value)) if p]
    return bool(parts) and all(_GRADE.fullmatch(p) for p in parts)


@lru_cache(maxsize=4096)
def _unmeasurable(level2_printed: str | None, value: str) -> tuple[str, str] | None:
    """Why a qualitative value cannot be measured (zh, en), or None."""
    compact = _compact(value)
    if _NOT_A_TARGET.search(compact) and not _DIGIT.search(compact):
        return "不是可衡量的目标，任何结果都能达到", "sets no target: any result meets it"
    level2 = _cls(level2_printed)
    if level2 in ("数量", "时效", "成本") and _is_grade(value):
        what, what_en = _EXPECTS.get(level2, _EXPECTS_NUMBER)
        return (
            f"只是等级，{level2_printed or level2}应为{what}",
            f"is a grade; a {level2} indicator needs {what_en}",
        )
    return None


@register
class Unmeasurable(Rule):
    """指标值必须可衡量：不能写“以实际发生为准”，数量 / 时效 / 成本指标不能只写等级。

    财预〔2021〕101号 requires every 指标值 to be measurable: a quantity or amount with its
    unit, or a clear date or period, so that the year's result can be compared with it.
    "以实际发生为准" / "据实" sets no target at all: whatever happens meets it. A grade such as
    及时, 较显著, 良好, 明显 may do for an 效益 indicator, but 数量 asks for a number, 时效 for a
    time or period (12月底前, ≤30天, 按季度) and 成本 for an amount of money; a grade there
    cannot be checked.
    """

    id = "IND-UNMEASURABLE"
    category = "indicator"
    severity = "warning"
    source = "财预〔2021〕101号"
    title = "指标值无法衡量"
    title_en = "Indicator target cannot be measured"
    message = "项目{no}「{project}」第{row}行{level2}「{name}」的指标值「{value}」{reason}"
    message_en = (
        "project {no} ({project}) row {row}, {level2} {name!r}: target {value!r} {reason_en}"
    )
    hint = "改为可衡量的目标值：数量或金额及单位，或明确的时间"
    hint_en = "state a measurable target: a quantity or amount with its unit, or a clear date"
    example = Example()

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for project, row, ind, (reason, reason_en) in _flags(d).unmeasurable:
            value = ind.value
            yield self.finding(
                locations=[at_indicator(project, row, ind)],
                evidence=evidence(quote=_quote(ind), stated=value),
                no=project.no,
                project=_pname(project),
                row=row,
                level2=_show(ind.level2),
                name=_show(ind.name),
                value=value,
                reason=reason,
                reason_en=reason_en,
            )


_SHARE = re.compile(r"率|比例|比重|占比|满意|覆盖|合格|达标|正确|准确")
_CAN_EXCEED = re.compile(
    r"增长|增幅|增速|增加|提高|提升|同比|环比|回报|收益|利润|杠杆|倍|放大|带动|拉动|超额|超过|产出比"
)


@register
class Impossible(Rule):
    """比率目标不能超过 100%：“资金拨付率 ≥101%”“满意度 >100%” 不可能达到。

    A share of a whole (拨付率, 覆盖率, 合格率, 满意度 …) lies between 0 and 100%; a target
    above 100% (≥101%, >100%, =120%) can never be met, so the indicator is a typing mistake and
    cannot be evaluated (财预〔2021〕101号: 指标值 must be attainable and measurable). ≥100% is
    attainable and is not reported; growth rates and ratios that may exceed 100% are left alone.
    """

    id = "IND-IMPOSSIBLE"
    category = "indicator"
    severity = "error"
    source = "财预〔2021〕101号"
    title = "比率目标超过 100%"
    title_en = "Rate target above 100%"
    message = "项目{no}「{project}」第{row}行「{name}」的目标 {value} 超过 100%，无法达到"
    message_en = "project {no} ({project}) row {row}, {name!r}: target {value} exceeds 100%"
    hint = "比率、满意度目标不超过 100%"
    hint_en = "a share or satisfaction target is at most 100%"
    example = Example(
        "受益对象满意度(%)\t通过问卷调查,满意和较满意的受益对象占全部调研对象的比率\t≥90%",
        "受益对象满意度(%)\t通过问卷调查,满意和较满意的受益对象占全部调研对象的比率\t≥110%",
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for project, row, ind, _ in _flags(d).impossible:
            yield self.finding(
                locations=[at_indicator(project, row, ind)],
                evidence=evidence(quote=_quote(ind), stated=ind.value),
                no=project.no,
                project=_pname(project),
                row=row,
                name=_show(ind.name),
                value=ind.value,
            )


def _impossible(
    level2: str | None,
    name: str | None,
    description: str | None,
    unit: str,
    number: Decimal | None,
    comparator: str | None,
) -> bool:
    """Whether a quantity row targets a share above 100% (see `Impossible`)."""
    if unit != "%" or number is None or comparator in ("≤", "<"):
        return False
    if not (number > HUNDRED or (comparator == ">" and number >= HUNDRED)):
        return False
    compact = _compact(name)
    text = compact + _compact(description)
    satisfaction = "满意" in compact or "满意度" in _cls(level2)
    return not (
        _CAN_EXCEED.search(compact)
        or (not satisfaction and (not _SHARE.search(text) or _CAN_EXCEED.search(text)))
    )


_BARE_NUMBER = re.compile(r"[-+]?[0-9０-９][0-9０-９.,，．]*%?")
_LEADING_COMPARATOR = re.compile(r"^(?:[≥≤><=＞＜＝≧≦]+|不低于|不少于|不超过|不高于|至少)")


def _own_value(name: str, value: str) -> bool:
    """Whether the compact `name` contains the compact `value` (which holds a digit) as a
    whole figure: not "4次" inside "14次"."""
    target = _LEADING_COMPARATOR.sub("", value)
    if not _DIGIT.search(target):
        return False
    start = name.find(target)
    while start >= 0:
        before = name[start - 1] if start else ""
        if not (before.isdigit() or before == "."):
            return True
        start = name.find(target, start + 1)
    return False


@lru_cache(maxsize=4096)
def _name_problem(printed: str, value: str | None) -> tuple[str, str] | None:
    """Why a level-3 name is a number or holds its own value (zh, en), or None."""
    if not _DIGIT.search(printed):
        return None  # both need a figure in the name
    name = _compact(printed)
    if _BARE_NUMBER.fullmatch(name):
        return "是一个数字，不是指标名称", "is a number, not a name"
    if value and _own_value(name, _compact(value)):
        return f"含有其指标值「{value}」", f"contains its own target {value!r}"
    return None


@register
class NameValue(Rule):
    """三级指标名称应是所衡量的内容，不应是数字或包含自身的指标值。

    The 三级指标 names what is measured (完成科技保险单数); its target belongs in 指标值
    (财预〔2021〕101号). A name that is a bare figure ("11786.475") is a cell pasted into the
    wrong column, and a name that repeats its own value ("举办相关培训次数 4 次" with value
    "4 次") fixes the target in the name, so the name no longer fits when the target changes and
    the two can disagree.
    """

    id = "IND-NAME-VALUE"
    category = "indicator"
    severity = "warning"
    source = "财预〔2021〕101号"
    title = "三级指标名称是数字或含有指标值"
    title_en = "Level-3 name is a number or contains its own value"
    message = "项目{no}「{project}」第{row}行三级指标「{name}」{problem}"
    message_en = "project {no} ({project}) row {row}: level-3 name {name!r} {problem_en}"
    hint = "三级指标写所衡量的内容，目标值写在指标值栏"
    hint_en = "name what is measured; put the target in the 指标值 column"
    example = Example()

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for project, row, ind, problem in _flags(d).names:
            yield self.finding(
                locations=[at_indicator(project, row, ind)],
                evidence=evidence(quote=_quote(ind)),
                no=project.no,
                project=_pname(project),
                row=row,
                name=ind.name,
                problem=problem[0],
                problem_en=problem[1],
            )


@register
class DuplicateConflict(Rule):
    """同一项目中二级指标、三级指标和描述都相同的两行，指标值不应不同。

    Two rows of one project that measure the same thing (same 二级指标, 三级指标 and 绩效指标描述)
    but state different targets ("省级科小补贴金额 1万元/家" and "… 2万元/家") cannot both be the
    target: one is a copy that was not edited, or the description lost what distinguishes the
    rows (省级 / 国家级, 2000万元以下 / 以上). The year-end evaluation against such a table is
    ambiguous (财预〔2021〕101号: one measurable value per indicator). Rows with the same name
    but different descriptions (补助标准: 省级创新平台 / 市级创新平台) are distinct indicators.
    """

    id = "IND-DUPLICATE-CONFLICT"
    category = "indicator"
    severity = "warning"
    source = "财预〔2021〕101号"
    title = "重复指标的指标值互相矛盾"
    title_en = "Duplicate indicator rows with conflicting targets"
    message = (
        "项目{no}「{project}」第{rows}行是同一指标「{name}」（{description}），"
        "指标值却不同：{values}"
    )
    message_en = (
        "project {no} ({project}) rows {rows} are the same indicator {name!r} ({description}) "
        "with different targets: {values}"
    )
    hint = "删去重复行，或在描述中写明各行的区别"
    hint_en = "remove the duplicate, or say in the description what distinguishes the rows"
    example = Example()

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for project in _flags(d).repeated:
            # The reader normalises white space, so the printed strings group alike.
            groups: dict[tuple[str | None, str, str | None], list[tuple[int, Indicator]]] = {}
            for row, ind in enumerate(project.indicators, 1):
                if ind.name and ind.value:
                    key = (ind.level2, ind.name, ind.description)
                    groups.setdefault(key, []).append((row, ind))
            if len(groups) == len(project.indicators):
                continue
            for members in groups.values():
                if len(members) < 2:
                    continue
                values = list(dict.fromkeys(_compact(i.value) for _, i in members))
                if len(values) < 2:
                    continue
                first = members[0][1]
                printed = list(dict.fromkeys(i.value or "" for _, i in members))
                yield self.finding(
                    locations=[at_indicator(project, row, ind) for row, ind in members],
                    evidence=evidence(
                        quote="；".join(_quote(ind) for _, ind in members),
                        stated=" ≠ ".join(printed),
                    ),
                    no=project.no,
                    project=_pname(project),
                    rows="、".join(str(row) for row, _ in members),
                    name=first.name,
                    description=_show(first.description),
                    values=" ≠ ".join(printed),
                )


_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?:\s*[-—–~～至到]\s*((?:19|20)[0-9]{2}))?\s*年")
_TITLE = re.compile(r"《[^》]*》|“[^”]*”|〔[^〕]*〕|\[[^\]]*\]|【[^】]*】")
#: Before the year: a baseline or a span ("较2020年增长", "截至2020年底累计", "到2025年").
_BASELINE = re.compile(r"(?:较|比|相比|相较|对比|同比|与|自|从|以|基于|截至|截止|到|至)\s*$")
#: After the year: the same baseline, or the year of a cited text ("（2019年修订）").
_AFTER_BASELINE = re.compile(r"\s*(?:的)?(?:基础|水平|基数|同期|修订|修正|版|印发|发布|颁布)")
#: After a later year: a deadline in that year ("2022年3月前", "2022年底") is not this year's
#: target misdated, but a period that runs past the budget year.
_DEADLINE_AFTER = re.compile(
    r"\s*(?:[0-9０-９]{1,2}\s*月|[一二三四五六七八九十]+月|底|末|前|内|上半年|第)"
)


@lru_cache(maxsize=4096)
def _other_years(text: str | None, year: int) -> tuple[int, ...]:
    """Years other than `year` that `text` names as "YYYY年": outside document titles, not as
    a baseline ("较2020年增长"), not as a range that holds `year` and, for a later year, not as
    a deadline ("2022年3月前")."""
    if not text or "年" not in text:
        return ()
    clean = _TITLE.sub(lambda m: " " * len(m.group()), text)
    found: list[int] = []
    for m in _YEAR.finditer(clean):
        first = int(m.group(1))
        last = int(m.group(2)) if m.group(2) else first
        if first <= year <= last or _BASELINE.search(clean[max(0, m.start() - 4) : m.start()]):
            continue
        if _AFTER_BASELINE.match(clean, m.end()):
            continue
        if first > year and _DEADLINE_AFTER.match(clean, m.end()):
            continue
        if first not in found:
            found.append(first)
    return tuple(found)


@register
class Year(Rule):
    """本年度目标的指标不应写成其他年度（如 2021 年预算中的“2020年投保科技保险单数”）。

    The targets in a budget are for the budget year (财预〔2015〕88号 sets each year's
    targets with that year's budget). A description or name naming another year
    ("2020年上市挂牌企业家数" in the 2021 budget) is a table copied from the previous year and
    not updated, or a target that was already met. Years inside a cited document's title
    (《…》, 〔2019〕), baselines ("较2020年增长") and projects that name that year themselves
    ("落实 2020 年科技保险保费补贴") are not reported.
    """

    id = "IND-YEAR"
    category = "indicator"
    severity = "warning"
    source = "财预〔2015〕88号"
    title = "指标写的是其他年度"
    title_en = "Indicator names a year other than the budget year"
    message = (
        "项目{no}「{project}」第{row}行指标「{name}」写的是 {years} 年，而本预算为 {budget_year} 年"
    )
    message_en = (
        "project {no} ({project}) row {row}, {name!r} names {years}, but the budget is for "
        "{budget_year}"
    )
    hint = "核对是否沿用了上年的指标表，改为本年度的目标"
    hint_en = "check whether last year's table was copied; state this year's target"
    example = Example()

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for project, row, ind, years in _flags(d).years:
            yield self.finding(
                locations=[at_indicator(project, row, ind)],
                evidence=evidence(quote=_quote(ind), stated="、".join(map(str, years))),
                no=project.no,
                project=_pname(project),
                row=row,
                name=_show(ind.name),
                years="、".join(map(str, years)),
                budget_year=d.year,
            )


_MONEY_UNIT = re.compile(r"元|^(?:万|亿)(?:$|/|人民币)")
_TIME_UNIT = ("天", "日", "月", "年", "周", "星期", "小时", "时", "分钟", "秒", "季度", "旬")
_TIMELY = re.compile(r"及时|按时|准时|时效|时限|期限|逾期|进度")


@register
class ClassFit(Rule):
    """二级指标类别应与指标值所衡量的内容相符：成本指标写金额，时效指标写时间。

    财预〔2021〕101号 defines 成本指标 as the money the output costs (in 元 / 万元) and 时效指标
    as the time or period in which it is delivered. A 成本指标 whose value is a count of
    people, sheets or visits (所需人力 ≤3人, 政策宣传材料 ≥100张(册)) or a 时效指标 whose value is
    a share or count (资金拨付率 ≥95%) measures something else under the wrong heading: the cost
    or the timing of the project is then left without a target. Percentages under 成本 and
    timeliness rates (及时率) under 时效 are left alone.
    """

    id = "IND-CLASS-FIT"
    category = "indicator"
    severity = "warning"
    source = "财预〔2021〕101号"
    title = "二级指标类别与指标值不符"
    title_en = "Level-2 class does not fit what the value measures"
    message = "项目{no}「{project}」第{row}行{level2}「{name}」的指标值「{value}」{problem}"
    message_en = (
        "project {no} ({project}) row {row}, {level2} {name!r}: value {value!r} {problem_en}"
    )
    hint = "成本指标写金额（元、万元），时效指标写完成时间或期限；其他内容移到数量或质量指标"
    hint_en = (
        "a 成本 indicator states money (元, 万元), a 时效 indicator a date or period; move other "
        "measures to 数量 or 质量"
    )
    example = Example()

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for project, row, ind, (problem, problem_en) in _flags(d).class_fit:
            yield self.finding(
                locations=[at_indicator(project, row, ind)],
                evidence=evidence(quote=_quote(ind), stated=ind.value),
                no=project.no,
                project=_pname(project),
                row=row,
                level2=_show(ind.level2),
                name=_show(ind.name),
                value=ind.value,
                problem=problem,
                problem_en=problem_en,
            )


def _misfit(
    level2: str | None, name: str | None, description: str | None, unit: str
) -> tuple[str, str] | None:
    """Why a quantity row's unit does not fit its level-2 class (zh, en), or None."""
    level2_key = _cls(level2)
    if level2_key in ("成本", "经济成本"):
        if unit == "%" or _MONEY_UNIT.search(unit):
            return None
        return f"以「{unit}」计，不是金额", f"is counted in {unit}, not money"
    if level2_key == "时效":
        if unit.endswith(_TIME_UNIT):
            return None
        text = _compact(name) + _compact(description)
        if unit == "%" and _TIMELY.search(text):
            return None
        kind = "比率" if unit == "%" else "数量"
        return (
            f"是{kind}，不是时间或期限",
            f"is a {'rate' if unit == '%' else 'count'}, not a time or period",
        )
    return None


# ---------------------------------------------------------------------------------------------
# One pass over the indicator rows for the row-by-row rules above: each row's printed cells are
# read once and judged by one cached call (tables repeat rows, and a re-check repeats them all),
# so that each rule walks only the rows it reports. What is judged is a pure function of the
# cells and the budget year; only the lists of flagged rows belong to this engine run.


class _Verdicts(NamedTuple):
    levels: tuple[str, str] | None
    name: tuple[str, str] | None
    unmeasurable: tuple[str, str] | None
    impossible: bool
    class_fit: tuple[str, str] | None
    years: tuple[int, ...]
    #: the month a payment deadline sets, for PLAN-DEADLINE (which reads it from this pass)
    deadline: int | None


_PAYS = re.compile(r"拨付|下达|支付|发放")
_MONEY = re.compile(r"资金|经费|费用|款")


def _payment_month(
    level2: str | None,
    name: str | None,
    description: str | None,
    kind: str | None,
    unit: str | None,
    number: Decimal | None,
    comparator: str | None,
) -> int | None:
    """The month a 时效 target about paying out the money sets, or None."""
    if kind != "deadline" or number is None:
        return None
    if comparator not in ("≤", "=", "<") or "时效" not in (level2 or ""):
        return None
    text = f"{name or ''}{description or ''}"
    if not (_PAYS.search(text) and _MONEY.search(text)):
        return None
    # "12 月前" reads as by the end of December, like "12月底前": no false alarm on "前".
    if unit == "月":
        return int(number)
    if unit == "季度":
        return int(number) * 3
    return None


@lru_cache(maxsize=4096)
def _verdicts(
    level1: str | None,
    level2: str | None,
    name: str | None,
    description: str | None,
    value: str | None,
    kind: str | None,
    unit: str | None,
    number: Decimal | None,
    comparator: str | None,
    year: int | None,
) -> _Verdicts | None:
    """What the row rules find in one row (None: nothing). `kind` is None for a row without
    a parsed value; quantities are the rows of kind "quantitative" with a unit, words the
    rows without a parsed value or of kind "qualitative"."""
    quantity = kind == "quantitative" and bool(unit)
    words = kind is None or kind == "qualitative"
    verdicts = _Verdicts(
        levels=_misfiled(level1, level2),
        name=_name_problem(name, value) if name else None,
        unmeasurable=_unmeasurable(level2, value) if words and value else None,
        impossible=bool(
            quantity and unit and _impossible(level2, name, description, unit, number, comparator)
        ),
        class_fit=_misfit(level2, name, description, unit) if quantity and unit else None,
        years=(
            _other_years(name, year) + _other_years(description, year) if year is not None else ()
        ),
        deadline=_payment_month(level2, name, description, kind, unit, number, comparator),
    )
    return verdicts if any(verdicts[:-1]) or verdicts.deadline is not None else None


@dataclass
class _Flags:
    """The rows each row rule reports, in row order, with what it found; and the projects
    that print one (二级指标, 三级指标, 描述) twice, for IND-DUPLICATE-CONFLICT."""

    levels: list[tuple[Project, int, Indicator, tuple[str, str]]] = field(default_factory=list)
    names: list[tuple[Project, int, Indicator, tuple[str, str]]] = field(default_factory=list)
    unmeasurable: list[tuple[Project, int, Indicator, tuple[str, str]]] = field(
        default_factory=list
    )
    impossible: list[tuple[Project, int, Indicator, bool]] = field(default_factory=list)
    class_fit: list[tuple[Project, int, Indicator, tuple[str, str]]] = field(default_factory=list)
    years: list[tuple[Project, int, Indicator, list[int]]] = field(default_factory=list)
    deadlines: list[tuple[Project, int, Indicator, int]] = field(default_factory=list)
    repeated: list[Project] = field(default_factory=list)


def _build_flags(d: Disclosure) -> _Flags:
    flags = _Flags()
    year = d.year
    for project in d.projects:
        own: tuple[int, ...] | None = None
        seen: set[tuple[str | None, str, str | None]] = set()
        repeated = False
        for row, ind in enumerate(project.indicators, 1):
            name, value, level2, description = ind.name, ind.value, ind.level2, ind.description
            if name and value and not repeated:
                key = (level2, name, description)
                repeated = key in seen
                seen.add(key)
            pv = ind.parsed
            v = (
                _verdicts(
                    ind.level1, level2, name, description, value, None, None, None, None, year
                )
                if pv is None
                else _verdicts(
                    ind.level1,
                    level2,
                    name,
                    description,
                    value,
                    pv.kind,
                    pv.unit,
                    pv.number,
                    pv.comparator,
                    year,
                )
            )
            if v is None:
                continue
            if v.levels is not None:
                flags.levels.append((project, row, ind, v.levels))
            if v.name is not None:
                flags.names.append((project, row, ind, v.name))
            if v.unmeasurable is not None:
                flags.unmeasurable.append((project, row, ind, v.unmeasurable))
            if v.impossible:
                flags.impossible.append((project, row, ind, True))
            if v.class_fit is not None:
                flags.class_fit.append((project, row, ind, v.class_fit))
            if v.deadline is not None:
                flags.deadlines.append((project, row, ind, v.deadline))
            if v.years and year is not None:
                if own is None:
                    own = _other_years(project.name, year)
                years = list(dict.fromkeys(y for y in v.years if y not in own))
                if years:
                    flags.years.append((project, row, ind, years))
        if repeated:
            flags.repeated.append(project)
    return flags


def _flags(d: Disclosure) -> _Flags:
    return shared(d, _build_flags)


def payment_deadlines(d: Disclosure) -> list[tuple[Project, int, Indicator, int]]:
    """(project, 1-based row, indicator, month) of each 时效 target that sets the month by
    which the money is paid out, in document order (PLAN-DEADLINE)."""
    return _flags(d).deadlines


__all__ = [
    "FRAMEWORK",
    "ClassFit",
    "Coverage",
    "DuplicateConflict",
    "Impossible",
    "Levels",
    "NameValue",
    "Unmeasurable",
    "Year",
]
