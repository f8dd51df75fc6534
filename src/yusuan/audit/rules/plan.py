"""资金支出计划: the cumulative plan against itself, its prose sentence and its 时效 target.

Every rule works on the model alone: the plan as the reader kept it (`project.plan`), the
disagreements it recorded (`project.discrepancies`), and the prose facts re-derived from
`project.purpose` with `model.plantext` — so a stored export gives the same findings.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from ...model import PLAN_MONTHS, Disclosure, Discrepancy, Project
from ...model.plantext import Mention, plan_mentions, plan_sentence
from ..finding import Finding, Location
from ..numbers import HUNDRED, ZERO, fmt
from ..rule import Example, Rule, at_indicator, at_project, evidence, register, shared
from .indicators import payment_deadlines

_QUOTE_MAX = 200


@lru_cache(maxsize=256)
def _mentions(purpose: str) -> tuple[Mention, ...]:
    return tuple(plan_mentions(purpose))


def _pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{fmt(value)}%"


def _row(project: Project) -> str:
    """The kept plan as a reviewer reads the printed row."""
    cells = "｜".join(
        f"{m}月底 {_pct(v)}" for m, v in zip(PLAN_MONTHS, _values(project), strict=True)
    )
    return f"资金支出计划（%）：{cells}"


def _sentence(project: Project) -> str | None:
    """The plan sentence of the purpose paragraph, when it names any checkpoint."""
    return _sentence_of(project.purpose or "")


@lru_cache(maxsize=256)
def _sentence_of(purpose: str) -> str | None:
    if not _mentions(purpose):
        return None
    text = " ".join(plan_sentence(purpose).split())
    return text if len(text) <= _QUOTE_MAX else "…" + text[-_QUOTE_MAX:]


def _at_plan(project: Project, month: str | None = None) -> Location:
    section = f"projects[{project.no}].plan" + (f".{month}" if month else "")
    return at_project(project, section, node=project.plan)


def _values(project: Project) -> tuple[Decimal | None, ...]:
    """The plan's values in PLAN_MONTHS order (direct reads: this runs for every project)."""
    plan = project.plan
    return (plan.m3, plan.m6, plan.m10, plan.m12)


class _Facts(NamedTuple):
    """What the PLAN rules read of one project."""

    project: Project
    #: the plan's values in PLAN_MONTHS order
    values: tuple[Decimal | None, ...]
    #: (month, value) of the checkpoints the plan states
    stated: list[tuple[str, Decimal]]
    #: the checkpoints the purpose paragraph's plan sentence names
    mentions: tuple[Mention, ...]


def _build_facts(d: Disclosure) -> list[_Facts]:
    out: list[_Facts] = []
    for project in d.projects:
        values = _values(project)
        stated = [(m, v) for m, v in zip(PLAN_MONTHS, values, strict=True) if v is not None]
        out.append(_Facts(project, values, stated, _mentions(project.purpose or "")))
    return out


def _facts(d: Disclosure) -> list[_Facts]:
    """Each project's plan facts in document order, derived once per engine run (`shared`)
    rather than by each of the nine rules that read them."""
    return shared(d, _build_facts)


_MONTH_EN = {
    "1": "January",
    "2": "February",
    "3": "March",
    "4": "April",
    "5": "May",
    "6": "June",
    "7": "July",
    "8": "August",
    "9": "September",
    "10": "October",
    "11": "November",
    "12": "December",
}


def _en(month: str) -> str:
    return _MONTH_EN.get(month, f"month {month}")


def _months(months: list[str]) -> str:
    return "、".join(f"{m}月底" for m in months)


def _months_en(months: list[str]) -> str:
    return ", ".join(_en(m) for m in months)


def _cell(value: Decimal | str | None) -> tuple[str, str]:
    """A plan value for a message, in Chinese and English ("未填" for a blank)."""
    if value is None:
        return "未填", "blank"
    text = _pct(value) if isinstance(value, Decimal) else f"{value}%"
    return text, text


@register
class PlanRange(Rule):
    """资金支出计划的每个节点是累计支出比例，必须在 0% 到 100% 之间。

    The template's 资金支出计划（%） states the cumulative share of the budget planned to be spent
    by the end of March, June, October and December (DESIGN.md `plan`); a share below 0% or above
    100% of the project's own budget cannot be spent and is a typing error.
    """

    id = "PLAN-RANGE"
    category = "plan"
    severity = "error"
    title = "支出进度超出 0–100%"
    title_en = "Planned spending share outside 0–100%"
    message = "资金支出计划 {month}月底 为 {value}，累计支出比例应在 0% 到 100% 之间"
    message_en = (
        "the spending plan gives {value} by the end of {month_en}; a cumulative share lies "
        "between 0% and 100%"
    )
    hint = "核对该节点的支出比例"
    hint_en = "correct the share at that checkpoint"
    example = Example("\t\t\t60.00%\t60.00%\t100.00%\t", "\t\t\t60.00%\t60.00%\t120.00%\t")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for project, _, stated, _ in _facts(d):
            for month, value in stated:
                if ZERO <= value <= HUNDRED:
                    continue
                yield self.finding(
                    locations=[_at_plan(project, month)],
                    evidence=evidence(
                        quote=_row(project), stated=f"{month}月底 {_pct(value)}", computed="0–100%"
                    ),
                    month=month,
                    month_en=_en(month),
                    value=_pct(value),
                )


@register
class PlanDecreasing(Rule):
    """累计支出比例不能比之前的节点低。

    资金支出计划 prints cumulative shares (支出 by the end of each month, DESIGN.md `plan`): money
    spent by June is still spent in October, so a later checkpoint below an earlier one is a
    typing error or a plan written as per-period shares instead of cumulative ones.
    """

    id = "PLAN-DECREASING"
    category = "plan"
    severity = "error"
    title = "累计支出进度下降"
    title_en = "Cumulative spending plan decreases"
    message = "资金支出计划 {later}月底 为 {later_value}，低于 {earlier}月底 的 {earlier_value}"
    message_en = (
        "the spending plan gives {later_value} by the end of {later_en}, less than "
        "{earlier_value} by the end of {earlier_en}; the shares are cumulative"
    )
    hint = "资金支出计划应填写累计支出比例，逐个节点不减少"
    hint_en = "state cumulative shares, never decreasing from one checkpoint to the next"
    example = Example("\t\t\t60.00%\t60.00%\t100.00%\t", "\t\t\t60.00%\t40.00%\t100.00%\t")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for project, _, stated, _ in _facts(d):
            top: tuple[str, Decimal] | None = None
            for month, value in stated:
                if top is not None and value < top[1]:
                    yield self.finding(
                        locations=[_at_plan(project, month)],
                        evidence=evidence(
                            quote=_row(project),
                            stated=f"{month}月底 {_pct(value)}",
                            computed=f"≥ {_pct(top[1])}（{top[0]}月底）",
                        ),
                        later=month,
                        later_value=_pct(value),
                        earlier=top[0],
                        earlier_value=_pct(top[1]),
                        later_en=_en(month),
                        earlier_en=_en(top[0]),
                    )
                if top is None or value > top[1]:
                    top = (month, value)


def _shifted(project: Project, month: str) -> Discrepancy | None:
    field = f"plan.{month}"
    return next(
        (x for x in project.discrepancies if x.field == field and x.shifted is not None), None
    )


@register
class PlanNot100(Rule):
    """资金支出计划到 12 月底应累计支出 100%。

    A 项目支出 budget is for the budget year: 资金支出计划 states how much of it is spent by the end
    of each checkpoint, and its last checkpoint (12 月底) is 100% unless the document says why
    money is carried over. A plan that never reaches 100% leaves part of the budget without a
    spending date. Source: the template's own structure (资金支出计划 as a cumulative share).
    """

    id = "PLAN-NOT-100"
    category = "plan"
    severity = "error"
    title = "支出计划全年未达到 100%"
    title_en = "Spending plan never reaches 100%"
    message = "资金支出计划{detail}，全年未安排支出到 100%{artefact}"
    message_en = "the spending plan{detail_en}: it never reaches 100%{artefact_en}"
    hint = "补填 12 月底 的累计支出比例（应为 100%），或说明资金不在本年支出的原因"
    hint_en = "state the share by the end of December (100%), or explain why money is not spent"
    example = Example("\t\t\t60.00%\t60.00%\t100.00%\t", "\t\t\t60.00%\t60.00%\t90.00%\t")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for project, _, stated, _ in _facts(d):
            if not stated or max(v for _, v in stated) >= HUNDRED:
                continue
            last_month, last = stated[-1]
            december = project.plan.get("12")
            if december is not None:
                detail = f" 12月底 为 {_pct(december)}"
                detail_en = f" gives {_pct(december)} by the end of December"
            else:
                detail = f" 12月底 未填，最后一个节点 {last_month}月底 为 {_pct(last)}"
                detail_en = (
                    f" leaves December blank and gives {_pct(last)} by the end of {_en(last_month)}"
                )
            artefact = artefact_en = ""
            shifted = _shifted(project, "12")
            if shifted is not None:
                value = shifted.shifted
                artefact = f"（表中错位的重复行在 12月底 下印有 {value}%）"
                artefact_en = f" (a misplaced duplicate row prints {value}% under December)"
            yield self.finding(
                locations=[_at_plan(project)],
                evidence=evidence(
                    quote=_row(project),
                    stated=f"{last_month}月底 {_pct(last)}",
                    computed="12月底 100%",
                ),
                detail=detail,
                detail_en=detail_en,
                artefact=artefact,
                artefact_en=artefact_en,
            )


@register
class PlanMissing(Rule):
    """资金支出计划中未填、文字说明也未给出的节点。

    The template asks for the cumulative share at each checkpoint (3、6、10、12 月底). A blank
    checkpoint before the plan reaches 100% leaves a reviewer without a spending date for that
    part of the money. A blank after 100% is implied (nothing is left to spend), and a blank
    December in a plan that never reaches 100% is PLAN-NOT-100's finding, so neither is reported.
    """

    id = "PLAN-MISSING"
    category = "plan"
    severity = "info"
    title = "支出计划节点未填"
    title_en = "Spending plan checkpoints left blank"
    message = "资金支出计划 {months} 未填，文字说明也未给出"
    message_en = (
        "the spending plan leaves the end of {months_en} blank, and the purpose paragraph does "
        "not state it either"
    )
    hint = "补填各节点的累计支出比例"
    hint_en = "state the cumulative share at every checkpoint"
    example = Example("\t60.00%\t\t60.00%\t\t100.00%\t", "\t\t\t60.00%\t\t100.00%\t")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for project, values, _, _ in _facts(d):
            if None not in values:
                continue
            # Blanks count up to the first 100% (later ones are implied), or up to the last
            # stated value when the plan never gets there (December is PLAN-NOT-100's).
            end = len(values)
            last = None
            for i, v in enumerate(values):
                if v is not None:
                    last = i
                    if v >= HUNDRED:
                        end = i
                        break
            else:
                if last is not None:
                    end = last
            blank = [PLAN_MONTHS[i] for i in range(end) if values[i] is None]
            if not blank:
                continue
            yield self.finding(
                locations=[_at_plan(project)],
                evidence=evidence(quote=_row(project), stated=f"{_months(blank)} 未填"),
                months=_months(blank),
                months_en=_months_en(blank),
            )


@register
class PlanProseConflict(Rule):
    """资金支出计划表格与用途说明中的文字计划不一致。

    The purpose paragraph usually ends with the plan in words (以上专项经费共计…，其中 3 月底前支出
    0%…); the table keeps its value and the reader records the disagreement (DESIGN.md
    `discrepancies`). Two different plans for the same checkpoint in one document cannot both
    hold. Source: the document's own structure (table and prose state the same plan).
    """

    id = "PLAN-PROSE-CONFLICT"
    category = "plan"
    severity = "warning"
    title = "支出计划表格与文字说明不一致"
    title_en = "Spending plan table differs from its prose"
    message = "资金支出计划 {month}月底：表格为 {table}，文字说明为 {prose}"
    message_en = (
        "spending plan by the end of {month_en}: the table gives {table}, the purpose paragraph "
        "{prose}"
    )
    hint = "核对表格与文字说明，改正其中错误的一处"
    hint_en = "check the table and the prose and correct the wrong one"
    example = Example("10月底前支出60%，12月底前支出100%。", "10月底前支出70%，12月底前支出100%。")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for project in d.projects:
            for x in project.discrepancies:
                if x.shifted is not None or x.prose is None or not x.field.startswith("plan."):
                    continue
                month = x.field.removeprefix("plan.")
                table, prose = _cell(x.table)[0], _cell(x.prose)[0]
                yield self.finding(
                    locations=[at_project(project, f"projects[{project.no}].{x.field}", node=x)],
                    evidence=evidence(
                        quote=_sentence(project), stated=f"表格 {table}", computed=f"文字 {prose}"
                    ),
                    month=month,
                    month_en=_en(month),
                    table=table,
                    prose=prose,
                )


@register
class PlanShiftedRow(Rule):
    """资金支出计划印有第二行，节点表头错位（转换或排版错误）。

    The published table repeats the plan in a second row under other month headers (3/6/12 月底
    or 6/10/12 月底 instead of 3/6/10 月底), so the same document prints two different plans
    for one checkpoint. The reader keeps the first row (DESIGN.md `plan`) and records the other
    as `shifted`. A warning, not info: which row holds cannot be told from the document, and the
    disclosure must be corrected before publication.
    """

    id = "PLAN-SHIFTED-ROW"
    category = "plan"
    severity = "warning"
    title = "支出计划重复一行且表头错位"
    title_en = "Spending plan row repeated under shifted headers"
    message = "资金支出计划印有第二行，表头错位：{shifted}；保留的计划（第一行及文字说明）：{kept}"
    message_en = (
        "the spending plan is printed twice under shifted month headers: the second row gives "
        "{shifted_en}; the plan kept (first row and prose) gives {kept_en}"
    )
    hint = "删除错位的重复行，核对各节点的累计支出比例"
    hint_en = "remove the misplaced duplicate row and check each checkpoint's share"
    example = Example()

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for project in d.projects:
            rows = [x for x in project.discrepancies if x.shifted is not None]
            if not rows:
                continue
            pairs = [(x.field.removeprefix("plan."), x) for x in rows]
            shifted = "，".join(f"{m}月底 {_cell(x.shifted)[0]}" for m, x in pairs)
            kept = "，".join(f"{m}月底 {_cell(x.table)[0]}" for m, x in pairs)
            yield self.finding(
                locations=[_at_plan(project)],
                evidence=evidence(quote=_row(project), stated=shifted, computed=kept),
                shifted=shifted,
                kept=kept,
                shifted_en=", ".join(f"{_en(m)} {_cell(x.shifted)[1]}" for m, x in pairs),
                kept_en=", ".join(f"{_en(m)} {_cell(x.table)[1]}" for m, x in pairs),
            )


def _label(mention: Mention) -> tuple[str, str]:
    """How a reviewer names a prose checkpoint, in Chinese and English."""
    if mention.label.startswith("第"):
        return (
            f"{mention.label}（{mention.month} 月底）",
            f"{mention.label} (the third quarter, to the end of September)",
        )
    return mention.label, f"{mention.label} ({_en(mention.month)})"


@register
class PlanOffCheckpoint(Rule):
    """文字说明按非节点的月份或季度（9 月份、第三季度、11 月…）给出支出进度。

    资金支出计划 has four checkpoints, the ends of March, June, October and December (第一、二、
    四季度 coincide with three of them). A share stated for another month (第三季度 = September)
    cannot be compared with the table, and the table's October value is then unconfirmed.
    """

    id = "PLAN-OFF-CHECKPOINT"
    category = "plan"
    severity = "info"
    title = "文字说明的支出节点不是表格的节点"
    title_en = "Prose states the plan at a month that is no checkpoint"
    message = (
        "用途说明按 {stated} 给出支出进度，而资金支出计划的节点是 3、6、10、12 月底"
        "（表格 10月底 为 {october}）"
    )
    message_en = (
        "the purpose paragraph states {stated_en}, but the checkpoints are the ends "
        "of March, June, October and December (the table gives {october_en} for October)"
    )
    hint = "按 3、6、10、12 月底 表述支出进度，与表格一致"
    hint_en = "state the plan at the table's checkpoints"
    example = Example()

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for project, _, _, mentions in _facts(d):
            if not mentions:
                continue
            off = [x for x in mentions if x.month not in PLAN_MONTHS and x.value is not None]
            if not off:
                continue
            stated = "、".join(f"{_label(x)[0]} {_pct(x.value)}" for x in off)
            october = _cell(project.plan.get("10"))
            yield self.finding(
                locations=[_at_plan(project)],
                evidence=evidence(quote=_sentence(project), stated=stated),
                stated=stated,
                stated_en=", ".join(f"{_pct(x.value)} for {_label(x)[1]}" for x in off),
                october=october[0],
                october_en=october[1],
            )


@register
class PlanTruncated(Rule):
    """用途说明中的支出计划句子不完整：点到节点却没有比例。

    A plan sentence such as "…10 月底前支出 0%，12 月底前支出" breaks off where the value
    should be (a cut during editing or conversion). The reader can take nothing from it, and the
    public reading the disclosure sees an unfinished statement.
    """

    id = "PLAN-TRUNCATED"
    category = "plan"
    severity = "warning"
    title = "支出计划文字说明中断"
    title_en = "Plan sentence breaks off"
    message = "用途说明中的支出计划在“{text}”处中断，没有给出比例（表格 {month}月底 为 {table}）"
    message_en = (
        "the plan sentence breaks off at “{text}” without a share (the table gives {table_en} "
        "for {month_en})"
    )
    hint = "补全文字说明中的支出比例"
    hint_en = "complete the share in the plan sentence"
    example = Example("，12月底前支出100%。", "，12月底前支出。")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for project, _, _, mentions in _facts(d):
            for x in mentions:
                if not x.broken:
                    continue
                table = _cell(project.plan.get(x.month) if x.month in PLAN_MONTHS else None)
                yield self.finding(
                    locations=[_at_plan(project)],
                    evidence=evidence(quote=_sentence(project), stated=x.text),
                    text=x.text,
                    month=x.month,
                    month_en=_en(x.month),
                    table=table[0],
                    table_en=table[1],
                )


@register
class PlanDeadline(Rule):
    """资金拨付的时效指标与资金支出计划不一致。

    A 时效指标 such as 资金拨付时限 "10 月底前" promises that the money is paid out by then; the
    same project's 资金支出计划 must then reach 100% by the last checkpoint on or before that
    month, or one of the two is wrong. Source: the document's own structure. "N 月前" is read
    as the end of month N (like "N 月底前"), so that "12 月前" never raises a false alarm.
    """

    id = "PLAN-DEADLINE"
    category = "plan"
    severity = "warning"
    title = "资金拨付时效与支出计划不一致"
    title_en = "Payment deadline disagrees with the spending plan"
    message = "时效指标“{name}”要求 {value}，但资金支出计划 {month}月底 只支出 {share}"
    message_en = (
        "the timeliness target “{name}” requires {value}, but the spending plan reaches only "
        "{share} by the end of {month_en}"
    )
    hint = "使时效指标与资金支出计划一致"
    hint_en = "make the deadline and the spending plan agree"
    example = Example("发放奖励资金的时间\t10 月底前", "发放奖励资金的时间\t6 月底前")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        # The deadlines are read in the indicator rules' one pass over the rows.
        for project, row, indicator, deadline in payment_deadlines(d):
            before = [m for m in PLAN_MONTHS if int(m) <= deadline]
            if not before:
                continue
            month = before[-1]
            share = project.plan.get(month)
            if share is None or share >= HUNDRED:
                continue
            name = indicator.name or indicator.description or ""
            yield self.finding(
                locations=[at_indicator(project, row, indicator), _at_plan(project, month)],
                evidence=evidence(
                    quote=f"{name}｜{indicator.value}｜{_row(project)}",
                    stated=indicator.value,
                    computed=f"{month}月底 {_pct(share)}",
                ),
                name=name,
                value=indicator.value,
                month=month,
                month_en=_en(month),
                share=_pct(share),
            )
