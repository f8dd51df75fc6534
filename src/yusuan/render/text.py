"""A Report as text for a terminal: grouped by severity, then by place, with the evidence.

Colours (ANSI) only when `color` is true; the command passes whether its output is a
terminal. Example (plain)::

    错误 error · 1
      收入预算 income
        ARITH-INCOME-SUM · 第 50 行 line 50 · income.total
          收入总计 44999 万元，而各项收入之和为 44990 万元
          income total 44999 万元, but its sources add up to 44990 万元
          所印 stated   44999
          计算 computed 44990 = 44410 + 580
          建议 hint     核对收入总计或各项收入金额 / correct the total or the source amounts

    检查 1 项，0 项无发现；错误 1，警告 0，提示 0，已抑制 0。
    1 check ran, 0 clean; 1 error, 0 warnings, 0 info, 0 suppressed.

Suppressed findings follow the others, each with its severity and the written reason.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

import click

from ..audit.finding import Finding, Report
from .places import SEVERITIES, group_by_place, severity_label, where

COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
KIND = {"budget": "预算 budget", "final": "决算 final accounts"}

Style = Callable[..., str]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _label(text: str, columns: int = 14) -> str:
    return text + " " * max(1, columns - _width(text))


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def render_text(report: Report, *, color: bool = False) -> str:
    """The report as text; `color` adds ANSI styles (click.style)."""

    def style(text: str, **kwargs: Any) -> str:
        return click.style(text, **kwargs) if color else text

    lines: list[str] = []
    doc = report.document
    title = doc.title or doc.file or "—"
    lines.append(style(f"审核报告 Audit report：{title}", bold=True))
    facts = [
        x
        for x in (
            doc.department,
            f"{doc.year} 年" if doc.year is not None else None,
            KIND.get(doc.kind or "", doc.kind),
            doc.file,
        )
        if x
    ]
    if facts:
        lines.append(style(" · ".join(facts), dim=True))

    for severity in SEVERITIES:
        found = [f for f in report.findings if f.severity == severity]
        if not found:
            continue
        lines.append("")
        lines.append(
            style(f"{severity_label(severity)} · {len(found)}", fg=COLOURS[severity], bold=True)
        )
        for group in group_by_place(found):
            lines.append("  " + style(group.label, bold=True))
            for finding in group.findings:
                lines += _finding(finding, style, COLOURS[severity])

    if report.suppressed:
        lines.append("")
        lines.append(style(f"已抑制 suppressed · {len(report.suppressed)}", bold=True))
        for group in group_by_place(report.suppressed):
            lines.append("  " + style(group.label, bold=True))
            for finding in group.findings:
                lines += _finding(finding, style, None)

    if not report.findings and not report.suppressed:
        lines.append("")
        lines.append(style("没有发现 no findings", fg="green", bold=True))
    lines.append("")
    lines += summary_lines(report, style)
    return "\n".join(lines) + "\n"


def _finding(finding: Finding, style: Style, colour: str | None) -> list[str]:
    head = style(finding.rule, fg=colour, bold=True)
    place = where(finding)
    if finding.suppressed is not None:
        place = " · ".join(x for x in (severity_label(finding.severity), place) if x)
    out = [f"    {head}" + (style(f" · {place}", dim=True) if place else "")]
    pad = "      "
    out.append(pad + finding.message)
    out.append(pad + style(finding.message_en, dim=True))
    ev = finding.evidence
    if ev.quote:
        out.append(pad + style(_label("原文 quote"), dim=True) + f"「{_one_line(ev.quote)}」")
    if ev.stated is not None:
        out.append(pad + style(_label("所印 stated"), dim=True) + style(ev.stated, fg="red"))
    if ev.computed is not None:
        formula = f" = {ev.formula}" if ev.formula else ""
        out.append(
            pad
            + style(_label("计算 computed"), dim=True)
            + style(ev.computed, fg="green")
            + formula
        )
    elif ev.formula:
        out.append(pad + style(_label("算式 formula"), dim=True) + ev.formula)
    hint = " / ".join(h for h in (finding.hint, finding.hint_en) if h)
    if hint:
        out.append(pad + style(_label("建议 hint"), dim=True) + hint)
    if finding.suppressed is not None:
        out.append(pad + style(_label("理由 reason"), dim=True) + finding.suppressed)
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


def summary_lines(report: Report, style: Style | None = None) -> list[str]:
    """The closing summary: how many checks ran and were clean, and the counts."""
    s = report.summary
    ran = len(report.checks)
    clean = sum(1 for c in report.checks if c.findings == 0 and c.suppressed == 0)
    zh = (
        f"检查 {ran} 项，{clean} 项无发现；"
        f"错误 {s.error}，警告 {s.warning}，提示 {s.info}，已抑制 {s.suppressed}。"
    )
    en = (
        f"{_plural(ran, 'check')} ran, {clean} clean; {_plural(s.error, 'error')}, "
        f"{_plural(s.warning, 'warning')}, {s.info} info, {s.suppressed} suppressed."
    )
    if style is None:
        return [zh, en]
    return [style(zh, bold=True), style(en, dim=True)]
