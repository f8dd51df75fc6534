"""A Report as CSV: one row per finding (suppressed ones last, with their reason).

UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly; CRLF line ends.
"""

from __future__ import annotations

import csv
import io

from ..audit.finding import Finding, Report

COLUMNS = [
    "rule",
    "severity",
    "category",
    "line",
    "section",
    "project_no",
    "project_code",
    "indicator",
    "message",
    "message_en",
    "stated",
    "computed",
    "formula",
    "quote",
    "hint",
    "suppressed",
]

BOM = "\ufeff"


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def row(finding: Finding) -> list[str]:
    """The finding's cells, in the order of COLUMNS; its first location gives the place."""
    loc = finding.locations[0] if finding.locations else None
    ev = finding.evidence
    hint = " / ".join(h for h in (finding.hint, finding.hint_en) if h)
    values: list[object] = [
        finding.rule,
        finding.severity,
        finding.category,
        finding.line,
        loc.section if loc else None,
        loc.project_no if loc else None,
        loc.project_code if loc else None,
        loc.indicator if loc else None,
        finding.message,
        finding.message_en,
        ev.stated,
        ev.computed,
        ev.formula,
        ev.quote,
        hint,
        finding.suppressed,
    ]
    return [_cell(v) for v in values]


def render_csv(report: Report, *, bom: bool = True) -> str:
    """The CSV text (starting with a BOM unless `bom` is false)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for finding in [*report.findings, *report.suppressed]:
        writer.writerow(row(finding))
    return (BOM if bom else "") + out.getvalue()
