"""Server-side SVG charts: no JavaScript chart library, readable on a phone, honest about gaps.

- `bars`: horizontal bars (label above each bar, the printed value at its end). A value the
  document does not state is written 未列明 and gets no bar — never drawn as 0.
- `paired_bars`: the same with two series (comparison of two years).
- `plan_curve`: the cumulative spending plan (资金支出计划) at the ends of months 3/6/10/12 as a
  step line from 0 at the start of the year. A checkpoint the document leaves blank breaks the
  line there and is marked 未列明 on the axis instead of being guessed.

Every function returns `markupsafe.Markup` (text escaped) for direct use in a template.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from markupsafe import Markup, escape

NOT_STATED = "未列明"

BLUE = "#1f5fa8"
ORANGE = "#d9822b"
GREY = "#8a8f98"
GRID = "#e3e6ea"
TEXT = "#1d232b"


def fmt(value: Decimal | int | None) -> str:
    """A number as printed (no float rounding); `未列明` when absent."""
    if value is None:
        return NOT_STATED
    if isinstance(value, int):
        return str(value)
    return format(value, "f")


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _svg(width: int, height: int, label: str, body: list[str]) -> Markup:
    head = (
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="inherit" preserveAspectRatio="xMinYMin meet">'
        f"<title>{escape(label)}</title>"
    )
    return Markup(head + "".join(body) + "</svg>")


def bars(
    items: Sequence[tuple[str, Decimal | None]],
    *,
    title: str,
    unit: str = "万元",
    width: int = 420,
    color: str = BLUE,
) -> Markup:
    """Horizontal bars, one row per item: the label and value on a line, the bar below."""
    return paired_bars(
        [(label, value, None) for label, value in items],
        title=title,
        unit=unit,
        width=width,
        series=("", ""),
        colors=(color, ORANGE),
        single=True,
    )


def paired_bars(
    items: Sequence[tuple[str, Decimal | None, Decimal | None]],
    *,
    title: str,
    series: tuple[str, str],
    unit: str = "万元",
    width: int = 420,
    colors: tuple[str, str] = (BLUE, ORANGE),
    single: bool = False,
) -> Markup:
    """Two bars per item (e.g. 2021 and 2023), on one scale, each with its printed value."""
    values = [v for _, a, b in items for v in (a, b) if v is not None and v > 0]
    top = max(values, default=Decimal(1))
    pad = 4
    bar_h = 14
    per_series = 1 if single else 2
    row_h = 20 + per_series * (bar_h + 4) + 8
    legend_h = 0 if single else 22
    height = legend_h + row_h * len(items) + pad
    body: list[str] = []
    if not single:
        for i, name in enumerate(series):
            x = pad + i * 120
            body.append(
                f'<rect x="{x}" y="4" width="12" height="12" fill="{colors[i]}" rx="2"/>'
                f'<text x="{x + 18}" y="15" font-size="13" fill="{TEXT}">{escape(name)}</text>'
            )
    span = width - 2 * pad
    for row, (label, first, second) in enumerate(items):
        y = legend_h + row * row_h
        body.append(
            f'<text x="{pad}" y="{y + 15}" font-size="14" fill="{TEXT}">{escape(label)}</text>'
        )
        pairs = [(first, colors[0])] if single else [(first, colors[0]), (second, colors[1])]
        for i, (value, color) in enumerate(pairs):
            by = y + 22 + i * (bar_h + 4)
            text = fmt(value) + ("" if value is None else f" {unit}")
            if value is None:
                body.append(
                    f'<text x="{pad}" y="{by + 11}" font-size="12" fill="{GREY}">'
                    f"{escape(text)}</text>"
                )
                continue
            share = float(value / top) if top else 0.0
            w = max(share, 0.0) * span * 0.72
            body.append(
                f'<rect x="{pad}" y="{by}" width="{_num(max(w, 1.5))}" height="{bar_h}" '
                f'fill="{color}" rx="2"/>'
                f'<text x="{_num(pad + w + 6)}" y="{by + 11}" font-size="12" fill="{TEXT}">'
                f"{escape(text)}</text>"
            )
    return _svg(width, height, title, body)


def plan_curve(
    plan: Sequence[tuple[str, Decimal | None]],
    *,
    title: str = "资金支出计划（累计） cumulative spending plan",
    width: int = 420,
    height: int = 240,
) -> Markup:
    """The cumulative plan as a step line over the year, 0–100 %.

    `plan` is `[("3", pct), ("6", pct), ("10", pct), ("12", pct)]` (pct may be None). The line
    starts at 0 % at the start of January; by the end of each month it reaches that month's
    share. A blank checkpoint is not drawn: the line stops before it and starts again at the
    next stated checkpoint, and the axis says 未列明 there.
    """
    left, right, top, bottom = 40, 16, 16, 44
    plot_w = width - left - right
    plot_h = height - top - bottom
    stated = [v for _, v in plan if v is not None]
    y_max = max([Decimal(100), *stated])

    def px(month: float) -> float:
        return left + plot_w * month / 12

    def py(pct: Decimal) -> float:
        return top + plot_h * (1 - float(pct / y_max))

    body: list[str] = []
    for tick in (0, 25, 50, 75, 100):
        y = py(Decimal(tick))
        body.append(
            f'<line x1="{left}" y1="{_num(y)}" x2="{width - right}" y2="{_num(y)}" '
            f'stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{_num(y + 4)}" font-size="11" fill="{GREY}" '
            f'text-anchor="end">{tick}%</text>'
        )
    for tick_month in range(1, 13):
        x = px(tick_month)
        body.append(
            f'<line x1="{_num(x)}" y1="{top + plot_h}" x2="{_num(x)}" y2="{top + plot_h + 4}" '
            f'stroke="{GREY}"/>'
            f'<text x="{_num(x)}" y="{top + plot_h + 16}" font-size="10" fill="{GREY}" '
            f'text-anchor="middle">{tick_month}</text>'
        )
    body.append(
        f'<text x="{left + plot_w / 2:.0f}" y="{height - 6}" font-size="11" fill="{GREY}" '
        f'text-anchor="middle">月末 end of month</text>'
    )
    # The step line, in pieces between stated points (0 % at month 0 is the start).
    previous: tuple[float, Decimal] | None = (0.0, Decimal(0))
    segments: list[str] = []
    for month_text, value in plan:
        month = float(month_text)
        if value is None:
            x = px(month)
            anchor = "end" if month > 9 else "middle"
            body.append(
                f'<line x1="{_num(x)}" y1="{top}" x2="{_num(x)}" y2="{top + plot_h}" '
                f'stroke="{GREY}" stroke-dasharray="4 3" stroke-width="1.5"/>'
                f'<text x="{_num(x - 4 if anchor == "end" else x)}" y="{top + plot_h / 2:.0f}" '
                f'font-size="13" fill="{GREY}" text-anchor="{anchor}" class="gap">'
                f"{int(month)}月 {NOT_STATED}</text>"
            )
            previous = None
            continue
        if previous is not None:
            x0, v0 = previous
            segments.append(f"M{_num(px(x0))},{_num(py(v0))} H{_num(px(month))} V{_num(py(value))}")
        previous = (month, value)
    if segments:
        body.append(
            f'<path class="plan-line" d="{" ".join(segments)}" fill="none" stroke="{BLUE}" '
            f'stroke-width="2.5" stroke-linejoin="round"/>'
        )
    for month_text, value in plan:
        if value is None:
            continue
        x, y = px(float(month_text)), py(value)
        label_y = y - 8 if y - 8 > top + 4 else y + 16
        body.append(
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="4" fill="#fff" stroke="{BLUE}" '
            f'stroke-width="2"/>'
            f'<text x="{_num(x - 4)}" y="{_num(label_y)}" font-size="13" fill="{TEXT}" '
            f'text-anchor="end" font-weight="600">{escape(fmt(value))}%</text>'
        )
    return _svg(width, height, title, body)
