"""Run the registered checks over a disclosure and collect a Report."""

from __future__ import annotations

from ..model import Disclosure
from . import rules as _rules  # noqa: F401 - importing the rule modules registers them
from .config import Config
from .finding import SEVERITY_ORDER, CheckRun, DocumentRef, Report, Summary
from .rule import REGISTRY, forget_shared


def check(disclosure: Disclosure, config: Config | None = None) -> Report:
    """Every enabled check over the model alone (a stored export gives the same findings)."""
    forget_shared()
    try:
        return _run(disclosure, config or Config())
    finally:
        forget_shared()


def _run(disclosure: Disclosure, config: Config) -> Report:
    config.validate_ids(set(REGISTRY))
    report = Report(
        document=DocumentRef(
            title=disclosure.title,
            department=disclosure.department.name or disclosure.department.short_name,
            year=disclosure.year,
            kind=disclosure.kind,
            file=disclosure.source.file if disclosure.source else None,
        )
    )
    codes = {p.no: p.code for p in disclosure.projects}
    for rule_id, rule in REGISTRY.items():
        if not config.enabled(rule_id):
            continue
        severity = config.severity.get(rule_id, rule.severity)
        run = CheckRun(
            id=rule_id,
            category=rule.category,
            severity=severity,
            title=rule.title,
            title_en=rule.title_en,
        )
        for finding in rule.check(disclosure):
            finding.severity = severity
            code = next(
                (
                    loc.project_code or codes.get(loc.project_no or 0)
                    for loc in finding.locations
                    if loc.project_no is not None
                ),
                None,
            )
            rule_off = config.suppression(rule_id, code)
            if rule_off is not None:
                finding.suppressed = rule_off.reason
                report.suppressed.append(finding)
                run.suppressed += 1
            else:
                report.findings.append(finding)
                run.findings += 1
        report.checks.append(run)
    report.findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.line or 0, f.rule))
    report.summary = Summary(
        error=sum(f.severity == "error" for f in report.findings),
        warning=sum(f.severity == "warning" for f in report.findings),
        info=sum(f.severity == "info" for f in report.findings),
        suppressed=len(report.suppressed),
    )
    return report
