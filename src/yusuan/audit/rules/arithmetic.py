"""Arithmetic: every printed total against its parts, shares and rates against their figures."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

from ...model import CategoryTotal, Disclosure, Node, ProcurementItem, Project
from ..finding import Finding, Location
from ..numbers import ZERO, agrees, fmt, pct, rounded, sum_agrees, tolerance
from ..rule import Example, Rule, at, at_project, evidence, register

WAN = " 万元"


@register
class IncomeSum(Rule):
    """本年收入总计必须等于各项收入之和。

    The income total is, by the template's own definition, the sum of the sources listed
    under it (一般公共预算拨款 … 上年结转). 财预〔2016〕143号 (地方预决算公开操作规程)
    requires the disclosed figures to agree with each other. Checked to the precision the
    total is printed with.
    """

    id = "ARITH-INCOME-SUM"
    category = "arithmetic"
    severity = "error"
    title = "收入总计与各项收入之和不符"
    title_en = "Income total differs from the sum of its sources"
    message = "收入总计 {stated} 万元，而各项收入之和为 {computed} 万元"
    message_en = "income total {stated} 万元, but its sources add up to {computed} 万元"
    hint = "核对收入总计或各项收入金额"
    hint_en = "correct the total or the source amounts"
    example = Example("一般公共预算拨款 44419 万元", "一般公共预算拨款 44410 万元")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        income = d.income
        amounts = [s.amount for s in income.sources if s.amount is not None]
        if income.total is None or not amounts:
            return
        computed = sum(amounts, Decimal(0))
        if agrees(income.total, computed):
            return
        yield self.finding(
            locations=[at(income, "income.total")],
            evidence=evidence(
                stated=fmt(income.total),
                computed=fmt(computed),
                formula=" + ".join(fmt(a) for a in amounts),
            ),
            stated=fmt(income.total),
            computed=fmt(computed),
        )


# ---------------------------------------------------------------------------------------------
# Helpers shared by the sum rules


def _plus(parts: Sequence[Decimal]) -> str:
    return " + ".join(fmt(p) for p in parts) if parts else "0"


#: Where a finding points, built only when there is a finding (Location objects cost time).
Places = Callable[[], list[Location]]


def _at(*pairs: tuple[Node | None, str]) -> Places:
    return lambda: [at(node, section) for node, section in pairs]


def _at_project(project: Project) -> Places:
    return lambda: [at_project(project, f"projects[{project.no}].amount")]


class _SumRule(Rule):
    """(base class, not registered)"""

    category = "arithmetic"
    severity = "error"
    message = "{what}为 {stated}{unit}，而 {formula} = {computed}{unit}"
    message_en = "{what_en} is {stated}{unit}, but {formula} = {computed}{unit}"

    def mismatch(
        self,
        stated: Decimal | int | None,
        parts: Sequence[Decimal | int | None],
        locations: Places,
        what: str,
        what_en: str,
        *,
        unit: str = WAN,
        formula: str | Callable[[], str] | None = None,
        quote: str | None = None,
    ) -> Finding | None:
        """A finding when `stated` differs from the sum of `parts` beyond the rounding of the
        printed figures (`numbers.sum_agrees`); None when they agree or when any figure is not
        stated."""
        if stated is None or not parts:
            return None
        computed = ZERO
        for part in parts:
            if part is None:
                return None
            computed += part
        total = stated if isinstance(stated, Decimal) else Decimal(stated)
        if total == computed:  # the usual case
            return None
        known = [Decimal(p) for p in parts if p is not None]
        if sum_agrees(total, known):  # within the rounding of the printed figures
            return None
        if callable(formula):
            formula = formula()
        formula = formula or _plus(known)
        return self.finding(
            locations=locations(),
            evidence=evidence(
                stated=fmt(total), computed=fmt(computed), formula=formula, quote=quote
            ),
            what=what,
            what_en=what_en,
            stated=fmt(total),
            computed=fmt(computed),
            formula=formula,
            unit=unit,
        )


# ---------------------------------------------------------------------------------------------
# 收入 / 支出


@register
class ExpenditureSum(_SumRule):
    """支出总计必须等于基本支出与项目支出之和。

    The expenditure paragraph splits 本年支出总计 into 基本支出 and 项目支出; by the template's
    definition (专业名词解释: 基本支出, 项目支出) these two make up the whole, so their printed
    amounts must add up to the printed total, to the precision the total is printed with.
    Source: the document's own structure (支出预算情况说明).
    """

    id = "ARITH-EXPENDITURE-SUM"
    title = "支出总计与基本支出、项目支出之和不符"
    title_en = "Expenditure total differs from basic + project expenditure"
    hint = "核对支出总计、基本支出或项目支出金额"
    hint_en = "correct the total, the basic or the project expenditure"
    example = Example("本年支出总计 44999 万元", "本年支出总计 45999 万元")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        e = d.expenditure
        found = self.mismatch(
            e.total,
            [e.basic.amount, e.project.amount],
            _at((e, "expenditure.total")),
            "支出总计",
            "the expenditure total",
        )
        if found:
            yield found


@register
class BasicParts(_SumRule):
    """基本支出必须等于人员经费与日常公用经费之和。

    基本支出 consists of 人员经费 and 日常公用经费 (专业名词解释: "人员和公用支出"); the
    paragraph prints all three, so a reviewer adds the two parts and expects the whole.
    Source: the document's own structure (支出预算情况说明).
    """

    id = "ARITH-BASIC-PARTS"
    title = "基本支出与人员经费、日常公用经费之和不符"
    title_en = "Basic expenditure differs from personnel + public costs"
    hint = "核对基本支出、人员经费或日常公用经费金额"
    hint_en = "correct the basic expenditure, the personnel or the public costs"
    example = Example("其中人员经费 663.2 万元", "其中人员经费 663.3 万元")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        b = d.expenditure.basic
        found = self.mismatch(
            b.amount,
            [b.personnel, b.public],
            _at((b, "expenditure.basic.amount")),
            "基本支出",
            "basic expenditure",
        )
        if found:
            yield found


@register
class ProjectParts(_SumRule):
    """项目支出必须等于本级项目支出与上年结转之和。

    The paragraph splits 项目支出 into 本级支出 (this year's own projects) and 上年结转 (money
    carried over from earlier years); the two parts must make up the printed whole.
    Source: the document's own structure (支出预算情况说明).
    """

    id = "ARITH-PROJECT-PARTS"
    title = "项目支出与本级支出、上年结转之和不符"
    title_en = "Project expenditure differs from own + carried-over projects"
    hint = "核对项目支出、本级支出或上年结转金额"
    hint_en = "correct the project expenditure, its own part or the carry-over"
    example = Example("本级支出 43723.83 万元", "本级支出 43733.83 万元")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        p = d.expenditure.project
        found = self.mismatch(
            p.amount,
            [p.own, p.carryover],
            _at((p, "expenditure.project.amount")),
            "项目支出",
            "project expenditure",
        )
        if found:
            yield found


@register
class Balance(Rule):
    """部门预算收支必须平衡：收入总计等于支出总计。

    A department budget is drawn up balanced (收支平衡): every yuan of income, including the
    carry-over, is budgeted as expenditure, and the disclosure's own 比上年增减 paragraph speaks
    of one figure for "预算收支安排". 预算法 第十二条 (各级预算应当遵循…收支平衡的原则) and the
    部门收支总表 of the standard tables, whose two sides must be equal. Final accounts (决算)
    are not checked here: their 本年收入 and 本年支出 differ by the carry-overs by nature.
    """

    id = "ARITH-BALANCE"
    category = "arithmetic"
    severity = "error"
    source = "预算法 第十二条 (收支平衡) / 部门收支总表"
    title = "收入总计与支出总计不等"
    title_en = "Income total differs from expenditure total"
    message = "收入总计 {stated} 万元，而支出总计为 {computed} 万元，收支不平衡"
    message_en = "income total {stated} 万元, but expenditure total {computed} 万元: not balanced"
    hint = "核对收入总计与支出总计"
    hint_en = "correct the income or the expenditure total"
    example = Example("本年支出总计 44999 万元", "本年支出总计 45999 万元")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        income, spend = d.income.total, d.expenditure.total
        if d.kind != "budget" or income is None or spend is None:
            return
        # Both are printed figures: they agree when either rounds to the other.
        if agrees(income, spend) or agrees(spend, income):
            return
        gap = income - spend
        yield self.finding(
            locations=[at(d.income, "income.total"), at(d.expenditure, "expenditure.total")],
            evidence=evidence(
                stated=fmt(income),
                computed=fmt(spend),
                formula=f"收入总计 − 支出总计 = {fmt(income)} − {fmt(spend)} = {fmt(gap)}",
            ),
            stated=fmt(income),
            computed=fmt(spend),
        )


@register
class Share(Rule):
    """每个印出的占比必须等于金额 ÷ 总额 × 100，按所印精度四舍五入。

    The income paragraph prints each source's share of the income total (占全年预算 98.71%) and
    the expenditure paragraph the shares of 基本支出 and 项目支出 in the expenditure total. A
    share is the amount over the total: the printed figure must be that quotient rounded to the
    places printed (1.55 must lie within ±0.005 of it). Shares printed half-up from a quotient
    that was truncated, or copied from a draft, show here. Source: the document's own figures.
    """

    id = "ARITH-SHARE"
    category = "arithmetic"
    severity = "warning"
    title = "占比与金额 ÷ 总额不符"
    title_en = "Share differs from amount ÷ total"
    message = "{what}印为 {stated}%，而 {formula} = {exact}%，按所印精度应为 {computed}%"
    message_en = (
        "{what_en} is printed as {stated}%, but {formula} = {exact}%, which rounds to {computed}%"
    )
    hint = "按 {formula} 重新计算并四舍五入"
    hint_en = "recompute {formula} and round half up"
    example = Example(
        note="the seed prints 基本支出 1.55% (1.5448…) and 项目支出 98.45% (98.4551…)"
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        income, e = d.income, d.expenditure
        for s in income.sources:
            yield from self._one(
                s.share_pct,
                s.amount,
                income.total,
                (s, f"income.sources[{s.key}].share_pct"),
                f"{s.name}占收入总计的比例",
                f"the share of {s.name} ({s.key}) in the income total",
            )
        yield from self._one(
            e.basic.share_pct,
            e.basic.amount,
            e.total,
            (e.basic, "expenditure.basic.share_pct"),
            "基本支出占总支出的比例",
            "the share of basic expenditure in the total",
        )
        yield from self._one(
            e.project.share_pct,
            e.project.amount,
            e.total,
            (e.project, "expenditure.project.share_pct"),
            "项目支出占总支出的比例",
            "the share of project expenditure in the total",
        )

    def _one(
        self,
        share: Decimal | None,
        amount: Decimal | None,
        total: Decimal | None,
        where: tuple[Node | None, str],
        what: str,
        what_en: str,
    ) -> Iterator[Finding]:
        if share is None or amount is None or total is None:
            return
        computed = pct(amount, total)
        if computed is None or agrees(share, computed):
            return
        formula = f"{fmt(amount)} / {fmt(total)} × 100"
        yield self.finding(
            locations=[at(*where)],
            evidence=evidence(
                stated=fmt(share), computed=fmt(rounded(computed, share)), formula=formula
            ),
            what=what,
            what_en=what_en,
            stated=fmt(share),
            exact=fmt(computed),
            computed=fmt(rounded(computed, share)),
            formula=formula,
        )


@register
class Growth(Rule):
    """比上年增长率必须等于增减额 ÷ 上年数 × 100。

    The income paragraph prints, for the total and for each source, this year's amount, the
    change against last year and the growth rate. Last year's figure is implied: amount −
    change. The printed rate must be change / (amount − change) × 100 to the places printed,
    and a change of 0 (较上年无变化) cannot come with a non-zero rate. Source: the document's
    own figures (收入预算情况说明).
    """

    id = "ARITH-GROWTH"
    category = "arithmetic"
    severity = "warning"
    title = "增长率与增减额、上年数不符"
    title_en = "Growth rate differs from change ÷ previous year"
    message = "{what}比上年增幅印为 {stated}%，而 {formula} = {exact}%，按所印精度应为 {computed}%"
    message_en = (
        "{what_en}: growth printed as {stated}%, but {formula} = {exact}%, "
        "which rounds to {computed}%"
    )
    hint = "上年数 = 本年数 − 增减额；核对增减额或增长率"
    hint_en = "last year = this year − change; correct the change or the rate"
    example = Example("增长 9.97%", "增长 9.79%")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        income = d.income
        yield from self._one(
            income.growth_pct,
            income.change,
            income.total,
            (income, "income.growth_pct"),
            "收入总计",
            "income total",
        )
        for s in income.sources:
            yield from self._one(
                s.growth_pct,
                s.change,
                s.amount,
                (s, f"income.sources[{s.key}].growth_pct"),
                s.name,
                f"{s.name} ({s.key})",
            )

    def _one(
        self,
        growth: Decimal | None,
        change: Decimal | None,
        amount: Decimal | None,
        where: tuple[Node | None, str],
        what: str,
        what_en: str,
    ) -> Iterator[Finding]:
        if growth is None or change is None:
            return
        if change == ZERO:
            computed = ZERO
            formula = (
                f"{fmt(change)} / ({fmt(amount)} − {fmt(change)}) × 100"
                if amount is not None and amount != ZERO
                else "增减额 0"
            )
        else:
            if amount is None:
                return
            previous = amount - change
            if previous <= ZERO:
                return  # no previous-year figure to divide by: the rate is undefined
            computed = change / previous * 100
            formula = f"{fmt(change)} / ({fmt(amount)} − {fmt(change)}) × 100"
        if agrees(growth, computed):
            return
        yield self.finding(
            locations=[at(*where)],
            evidence=evidence(
                stated=fmt(growth), computed=fmt(rounded(computed, growth)), formula=formula
            ),
            what=what,
            what_en=what_en,
            stated=fmt(growth),
            exact=fmt(computed),
            computed=fmt(rounded(computed, growth)),
            formula=formula,
        )


@register
class ChangeParts(_SumRule):
    """收支总额的比上年增减额必须等于基本支出与项目支出增减额之和。

    The 比上年增减情况说明 paragraph states the change of the whole 2021 预算收支安排 (the same
    figure as the income total's change) and then the changes of 基本支出 and 项目支出; since
    the total is basic + project in both years, the total's change is the sum of the two
    changes. Source: the document's own structure (比上年增减情况说明).
    """

    id = "ARITH-CHANGE-PARTS"
    title = "总额增减额与基本支出、项目支出增减额之和不符"
    title_en = "Total change differs from basic + project changes"
    hint = "核对总额、基本支出、项目支出的比上年增减额"
    hint_en = "correct the changes of the total, the basic or the project expenditure"
    example = Example("较上年增加 255.7 万元", "较上年增加 265.7 万元")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        e = d.expenditure
        found = self.mismatch(
            d.income.change,
            [e.basic.change, e.project.change],
            _at(
                (d.income, "income.change"),
                (e.basic, "expenditure.basic.change"),
                (e.project, "expenditure.project.change"),
            ),
            "收支总额比上年增减",
            "the change of the budget total",
        )
        if found:
            yield found


# ---------------------------------------------------------------------------------------------
# 项目


@register
class ProjectsOwn(_SumRule):
    """各项目预算数之和必须等于本级项目支出。

    The 项目绩效目标表 list the department's own projects (本级) with their 预算数; the
    expenditure paragraph prints 本级 project expenditure. When the document prints project
    tables at all, they must account for the whole of it, or a project is missing, counted
    twice or mistyped. Source: the document's own structure; 财预〔2015〕88号 (中央部门预算
    绩效目标管理办法) asks for a performance target for every project in the budget.
    """

    id = "ARITH-PROJECTS-OWN"
    source = "文件自身结构 / 财预〔2015〕88号"
    title = "项目预算数之和与本级项目支出不符"
    title_en = "Project amounts do not add up to own project expenditure"
    hint = "核对各项目绩效目标表的预算数，或是否缺少、重复项目"
    hint_en = "check each project's 预算数 and whether a project is missing or repeated"
    example = Example(
        "预算数\t42.40\t其中：财政资金\t42.40", "预算数\t52.40\t其中：财政资金\t52.40"
    )

    def check(self, d: Disclosure) -> Iterator[Finding]:
        if not d.projects:
            return
        p = d.expenditure.project
        amounts = [x.amount or ZERO for x in d.projects]
        found = self.mismatch(
            p.own,
            [x.amount for x in d.projects],
            _at((p, "expenditure.project.own")),
            "本级项目支出",
            "own project expenditure",
            formula=lambda: f"Σ {len(d.projects)} 个项目预算数 ({_plus(amounts)})",
        )
        if found:
            yield found


@register
class FundSplit(_SumRule):
    """每个项目的预算数必须等于财政资金与其他资金之和。

    Each 项目绩效目标表 prints 预算数 and its split "其中：财政资金 … 其他资金 …"; the two
    parts make up the whole. Source: the document's own structure (项目绩效目标表).
    """

    id = "ARITH-FUND-SPLIT"
    title = "项目预算数与财政资金、其他资金之和不符"
    title_en = "Project amount differs from fiscal + other funds"
    hint = "核对该项目的预算数、财政资金或其他资金"
    hint_en = "correct the project's amount, its fiscal or its other funds"
    example = Example("其中：财政资金\t42.40\t其他资金\t0", "其中：财政资金\t42.00\t其他资金\t0")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for p in d.projects:
            found = self.mismatch(
                p.amount,
                [p.fiscal, p.other],
                _at_project(p),
                f"项目 {p.no}“{p.name}”预算数",
                f"the amount of project {p.no}",
                quote=p.name,
            )
            if found:
                yield found


# ---------------------------------------------------------------------------------------------
# 三公经费


@register
class ThreePublic(_SumRule):
    """“三公”经费合计必须等于因公出国（境）费、公务用车购置及运行费、公务接待费之和。

    “三公”经费 is by definition the three items (专业名词解释 6); 公务用车购置及运行费 is in turn
    购置费 + 运行费. 财预〔2016〕143号 (地方预决算公开操作规程) requires the three items to be
    disclosed separately, so they must add up to the total printed.
    """

    id = "ARITH-THREE-PUBLIC"
    source = "文件自身结构 / 财预〔2016〕143号"
    title = "“三公”经费合计与各项之和不符"
    title_en = "三公 total differs from its parts"
    hint = "核对“三公”经费合计及各分项"
    hint_en = "correct the 三公 total or its items"
    example = Example("公务接待费2万元", "公务接待费3万元")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        t = d.three_public
        vehicle = t.vehicle_total
        if vehicle is None and t.vehicle_purchase is not None and t.vehicle_operation is not None:
            vehicle = t.vehicle_purchase + t.vehicle_operation
        total = self.mismatch(
            t.total,
            [t.overseas, vehicle, t.reception],
            _at((t, "three_public.total")),
            "“三公”经费合计",
            "the 三公 total",
        )
        if total:
            yield total
        cars = self.mismatch(
            t.vehicle_total,
            [t.vehicle_purchase, t.vehicle_operation],
            _at((t, "three_public.vehicle_total")),
            "公务用车购置及运行费",
            "vehicle purchase and operation",
        )
        if cars:
            yield cars


# ---------------------------------------------------------------------------------------------
# 政府采购

_CATEGORY_OF_LETTER = {"A": "货物", "B": "工程", "C": "服务"}
_LETTER_OF_CATEGORY = {v: k for k, v in _CATEGORY_OF_LETTER.items()}
COUNT = " 个"


@register
class ProcurementTotal(_SumRule):
    """政府采购总金额、总数必须等于明细之和和分类之和。

    The procurement paragraph prints the number of purchases and their amount, then the same
    by category (货物 / 工程 / 服务); the table lists the items. The item amounts, the category
    amounts and counts, and the number of item rows must all give the printed total and count.
    Source: the document's own structure (政府采购预算情况); 财预〔2016〕143号 requires the
    procurement budget to be disclosed.
    """

    id = "ARITH-PROCUREMENT-TOTAL"
    source = "文件自身结构 / 财预〔2016〕143号"
    title = "政府采购合计与明细、分类不符"
    title_en = "Procurement total differs from its items or categories"
    hint = "核对政府采购总金额、项目个数及明细表"
    hint_en = "correct the procurement total, the count or the item table"
    example = Example("涉及金额 219 万元", "涉及金额 229 万元")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        pr = d.procurement
        here: tuple[Node | None, str] = (pr, "procurement.total")
        there: tuple[Node | None, str] = (pr, "procurement.count")
        first: tuple[Node | None, str] = (pr.items[0] if pr.items else None, "procurement.items")
        found: list[Finding | None] = []
        if pr.items:
            found.append(
                self.mismatch(
                    pr.total,
                    [i.amount for i in pr.items],
                    _at(here, first),
                    "政府采购总金额",
                    "the procurement total",
                    formula=lambda: f"Σ 采购明细 ({_plus([i.amount or ZERO for i in pr.items])})",
                )
            )
            if pr.count is not None and pr.count != len(pr.items):
                found.append(
                    self.finding(
                        locations=_at(there, first)(),
                        evidence=evidence(
                            stated=str(pr.count),
                            computed=str(len(pr.items)),
                            formula="采购明细行数",
                        ),
                        what="政府采购项目个数",
                        what_en="the number of purchases",
                        stated=str(pr.count),
                        computed=str(len(pr.items)),
                        formula="采购明细行数",
                        unit=COUNT,
                    )
                )
        cats = list(pr.by_category.values())
        if cats:
            found.append(
                self.mismatch(
                    pr.total,
                    [c.amount for c in cats],
                    _at(here),
                    "政府采购总金额",
                    "the procurement total",
                    formula=lambda: " + ".join(
                        f"{name} {fmt(c.amount)}" for name, c in pr.by_category.items()
                    ),
                )
            )
            found.append(
                self.mismatch(
                    pr.count,
                    [c.count for c in cats],
                    _at(there),
                    "政府采购项目个数",
                    "the number of purchases",
                    unit=COUNT,
                    formula=lambda: " + ".join(
                        f"{name} {c.count}" for name, c in pr.by_category.items()
                    ),
                )
            )
        yield from (f for f in found if f is not None)


@register
class ProcurementCategory(_SumRule):
    """各类政府采购的个数、金额必须与按品目代码归类的明细相符。

    The 政府采购品目分类目录 (财库〔2013〕189号) codes goods with A…, works with B… and
    services with C…; the item table gives each purchase its code. The count and amount the
    paragraph prints for 货物 / 工程 / 服务 must match the items of that letter. Checked only
    when every item carries a code of one of these letters.
    """

    id = "ARITH-PROCUREMENT-CATEGORY"
    source = "政府采购品目分类目录 (财库〔2013〕189号)"
    title = "政府采购分类数与按品目代码归类的明细不符"
    title_en = "Procurement category differs from the items by catalogue code"
    hint = "核对该类采购的个数、金额，或明细的品目代码"
    hint_en = "correct the category figures or the items' catalogue codes"
    example = Example("A060299", "C060299")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        pr = d.procurement
        if not pr.items or not pr.by_category:
            return
        letters: list[str] = []
        for item in pr.items:
            code = (item.catalog_code or "").strip().upper()
            if not code or code[0] not in _CATEGORY_OF_LETTER:
                return  # an item we cannot classify could belong to any category
            letters.append(code[0])
        for name, printed in pr.by_category.items():
            letter = _LETTER_OF_CATEGORY[name]
            mine = [i for i, x in zip(pr.items, letters, strict=True) if x == letter]
            yield from self._category(name, letter, printed, mine)

    def _category(
        self, name: str, letter: str, printed: CategoryTotal, mine: list[ProcurementItem]
    ) -> Iterator[Finding]:
        where = _at((printed, f"procurement.by_category.{name}"))
        count = self.mismatch(
            printed.count,
            [1 for _ in mine] or [0],
            where,
            f"{name}类采购个数",
            f"the number of {name} purchases",
            unit=COUNT,
            formula=lambda: (
                f"品目 {letter}… 的明细行数 "
                f"({', '.join(i.catalog_code or '' for i in mine) or '无'})"
            ),
        )
        if count:
            yield count
        amount = self.mismatch(
            printed.amount,
            [i.amount for i in mine] or [ZERO],
            where,
            f"{name}类采购金额",
            f"the amount of {name} purchases",
            formula=lambda: " + ".join(f"{i.catalog_code} {fmt(i.amount)}" for i in mine) or "0",
        )
        if amount:
            yield amount


def _item_at(pr_index: int, node: Node) -> Location:
    return at(node, f"procurement.items[{pr_index}]")


@register
class QtyPrice(Rule):
    """采购明细的数量 × 单价必须等于金额。

    Each procurement row prints a quantity, a unit price and the amount. The unit price is
    itself rounded to the places printed (0.01 万元 is 100 元), so the amount is checked to its
    own precision plus quantity × half a unit of the price's last place. Source: the document's
    own structure (政府采购预算表).
    """

    id = "ARITH-QTY-PRICE"
    category = "arithmetic"
    severity = "error"
    title = "采购数量 × 单价与金额不符"
    title_en = "Quantity × unit price differs from the amount"
    message = "采购明细“{item}”金额为 {stated} 万元，而 {formula} = {computed} 万元"
    message_en = "procurement item “{item}”: amount {stated} 万元, but {formula} = {computed} 万元"
    hint = "核对该行的数量、单价或金额"
    hint_en = "correct the row's quantity, unit price or amount"
    example = Example("批\t11\t1.00\t11.00", "批\t12\t1.00\t11.00")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for n, item in enumerate(d.procurement.items, start=1):
            q, price, amount = item.quantity, item.unit_price, item.amount
            if q is None or price is None or amount is None:
                continue
            computed = q * price
            if computed == amount:
                continue
            slack = tolerance(amount) + abs(q) * tolerance(price)
            if abs(amount - computed) <= slack:
                continue
            formula = f"{fmt(q)} × {fmt(price)}"
            yield self.finding(
                locations=[_item_at(n, item)],
                evidence=evidence(
                    stated=fmt(amount), computed=fmt(computed), formula=formula, quote=item.item
                ),
                item=item.item or "",
                stated=fmt(amount),
                computed=fmt(computed),
                formula=formula,
            )


@register
class ItemFunds(Rule):
    """采购明细金额必须等于各资金来源列之和。

    The procurement table splits each row's 合计 into 一般公共预算拨款, 基金预算拨款, 国有资本
    经营预算拨款, 财政专户核拨 and 单位资金; the printed columns must add up to the row's
    amount. Empty cells state nothing and are left out. Source: the document's own structure
    (政府采购预算表).
    """

    id = "ARITH-ITEM-FUNDS"
    category = "arithmetic"
    severity = "error"
    title = "采购明细金额与各资金来源之和不符"
    title_en = "Item amount differs from its fund columns"
    message = "采购明细“{item}”合计 {stated} 万元，而各资金来源 {formula} = {computed} 万元"
    message_en = (
        "procurement item “{item}”: total {stated} 万元, but its fund columns "
        "{formula} = {computed} 万元"
    )
    hint = "核对该行合计与各资金来源列"
    hint_en = "correct the row's total or its fund columns"
    example = Example("批\t11\t1.00\t11.00\t11.00", "批\t11\t1.00\t11.00\t10.00")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        for n, item in enumerate(d.procurement.items, start=1):
            if item.amount is None:
                continue
            parts = [item.general_budget, *item.other_funds.values()]
            known = [p for p in parts if p is not None]
            if not known:
                continue
            computed = sum(known, ZERO)
            if computed == item.amount or agrees(item.amount, computed):
                continue
            formula = _plus(known)
            yield self.finding(
                locations=[_item_at(n, item)],
                evidence=evidence(
                    stated=fmt(item.amount),
                    computed=fmt(computed),
                    formula=formula,
                    quote=item.item,
                ),
                item=item.item or "",
                stated=fmt(item.amount),
                computed=fmt(computed),
                formula=formula,
            )


# ---------------------------------------------------------------------------------------------
# 国有资产

_NUMBERED = re.compile(r"^\s*[0-9０-９]+\s*[、.．]")
_TOTAL_ROW = re.compile(r"^\s*(?:资产总额|资产合计|合计|总计)")


@register
class AssetsSum(_SumRule):
    """固定资产总额必须等于各类资产之和，资产表的“资产总额”行必须等于各编号行之和。

    The asset paragraph prints the fixed-asset total and its categories (通用设备, 家具用具 …);
    the asset table prints a 资产总额 row and numbered rows (1、房屋 2、车辆 …), whose
    "其中：" rows are parts of a numbered row and not added again. Every total must equal its
    parts, and the table's total the paragraph's. Source: the document's own structure
    (国有资产信息); 财预〔2016〕143号 requires the asset information to be disclosed.
    """

    id = "ARITH-ASSETS"
    source = "文件自身结构 / 财预〔2016〕143号"
    title = "资产总额与各类资产之和不符"
    title_en = "Asset total differs from its categories"
    hint = "核对资产总额、各类资产金额及资产表"
    hint_en = "correct the asset total, the categories or the asset table"
    example = Example("通用设备 71.36 万元", "通用设备 71.46 万元")

    def check(self, d: Disclosure) -> Iterator[Finding]:
        a = d.assets
        found: list[Finding | None] = []
        if a.categories:
            found.append(
                self.mismatch(
                    a.total,
                    list(a.categories.values()),
                    _at((a, "assets.total")),
                    "固定资产总额",
                    "the fixed-asset total",
                    formula=lambda: " + ".join(f"{k} {fmt(v)}" for k, v in a.categories.items()),
                )
            )
        total_row = next((r for r in a.table if _TOTAL_ROW.match(r.item)), None)
        numbered = [r for r in a.table if _NUMBERED.match(r.item)]
        if total_row is not None and total_row.value is not None:
            if numbered:
                found.append(
                    self.mismatch(
                        total_row.value,
                        [r.value for r in numbered],
                        _at((total_row, "assets.table")),
                        f"资产表“{total_row.item}”",
                        f"the asset table's “{total_row.item}” row",
                        formula=lambda: " + ".join(
                            f"{r.item.split('（')[0]} {fmt(r.value)}" for r in numbered
                        ),
                        quote=total_row.item,
                    )
                )
            found.append(
                self.mismatch(
                    total_row.value,
                    [a.total],
                    _at((total_row, "assets.table"), (a, "assets.total")),
                    f"资产表“{total_row.item}”",
                    f"the asset table's “{total_row.item}” row",
                    formula=lambda: f"正文所述资产总额 {fmt(a.total)}",
                    quote=total_row.item,
                )
            )
        yield from (f for f in found if f is not None)
