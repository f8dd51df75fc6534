"""Comparing printed figures with computed ones, to the precision the document prints."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)
HUNDRED = Decimal(100)


def places(value: Decimal) -> int:
    """Decimal places as printed: 42.40 -> 2, 44999 -> 0."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def tolerance(printed: Decimal) -> Decimal:
    """Half a unit in the last printed place: 1.55 -> 0.005, 44999 -> 0.5."""
    return Decimal(5).scaleb(-places(printed) - 1)


def agrees(stated: Decimal, computed: Decimal) -> bool:
    """Whether `stated` is `computed` rounded to the places `stated` prints (±0.005 for a
    figure printed with two decimals; ±0.5 for a whole number)."""
    return abs(stated - computed) <= tolerance(stated)


def sum_agrees(stated: Decimal, parts: list[Decimal]) -> bool:
    """Whether a printed total can be the sum of its printed parts when each figure is rounded
    to the places it prints: the total may be off by half a unit in its last place, and so may
    each nonzero part in its own (a 决算 prints 元 amounts rounded to 万元, so 4.79 + 0 +
    246.47 may print as 251.25). A part printed without decimals (0, 3 万元) is taken as
    exact: budgets state whole 万元 as such, and half a 万元 of slack each would hide errors."""
    computed = sum(parts, ZERO)
    slack = tolerance(stated) + sum((tolerance(p) for p in parts if places(p)), ZERO)
    return abs(stated - computed) <= slack


def rounded(value: Decimal, like: Decimal) -> Decimal:
    """`value` rounded to the places `like` prints (for messages)."""
    return value.quantize(Decimal(1).scaleb(-places(like)), rounding=ROUND_HALF_UP)


def fmt(value: Decimal | None) -> str:
    """A figure as a reviewer would write it: no exponent, no trailing noise."""
    if value is None:
        return "—"
    text = format(value, "f")
    if "." in text and places(value) > 4:
        text = format(value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP), "f")
    return text


def pct(part: Decimal, whole: Decimal) -> Decimal | None:
    return None if whole == ZERO else part * HUNDRED / whole
