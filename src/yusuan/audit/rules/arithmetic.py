"""Arithmetic: every printed total against its parts, shares and rates against their figures."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...model import Disclosure
from ..finding import Evidence, Finding
from ..numbers import agrees, fmt
from ..rule import Example, Rule, at, register


@register
class IncomeSum(Rule):
    """本年收入总计必须等于各项收入之和。

    The income total is, by the template's own definition, the sum of the sources listed
    under it (一般公共预算拨款 … 上年结转). 财预〔2020〕10号 requires the disclosed figures to
    agree with each other. Checked to the precision the total is printed with.
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
            evidence=Evidence(
                stated=fmt(income.total),
                computed=fmt(computed),
                formula=" + ".join(fmt(a) for a in amounts),
            ),
            stated=fmt(income.total),
            computed=fmt(computed),
        )
