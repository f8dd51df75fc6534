"""Run the registered checks over a disclosure and collect a Report."""

from __future__ import annotations

from ..model import Disclosure
from . import rules as _rules  # noqa: F401 - importing the rule modules registers them
from .config import Config
from .finding import SEVERITY_ORDER, CheckRun, DocumentRef, Finding, Report, Summary
from .rule import REGISTRY, forget_shared

# Made from a dict by the model's validator (same validation, no `BaseModel.__init__` frame):
# one per rule and check.
_new_check_run = CheckRun.__pydantic_validator__.validate_python


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
    suppressed_rules = {s.rule for s in config.suppress}
    for rule_id, rule in REGISTRY.items():
        if not config.enabled(rule_id):
            continue
        severity = config.severity.get(rule_id, rule.severity)
        # Counted in plain ints and the CheckRun made once: every pydantic assignment is a
        # validated `__setattr__`, which this loop would otherwise pay per finding.
        found = suppressed = 0
        for finding in rule.check(disclosure):
            if finding.severity != severity:
                finding.severity = severity
            if rule_id in suppressed_rules:
                rule_off = config.suppression(rule_id, _project_code(finding, codes))
                if rule_off is not None:
                    finding.suppressed = rule_off.reason
                    report.suppressed.append(finding)
                    suppressed += 1
                    continue
            report.findings.append(finding)
            found += 1
        report.checks.append(
            _new_check_run(
                {
                    "id": rule_id,
                    "category": rule.category,
                    "severity": severity,
                    "title": rule.title,
                    "title_en": rule.title_en,
                    "findings": found,
                    "suppressed": suppressed,
                }
            )
        )
    report.findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.line or 0, f.rule))
    report.summary = Summary(
        error=sum(f.severity == "error" for f in report.findings),
        warning=sum(f.severity == "warning" for f in report.findings),
        info=sum(f.severity == "info" for f in report.findings),
        suppressed=len(report.suppressed),
    )
    return report


def _project_code(finding: Finding, codes: dict[int, str | None]) -> str | None:
    """The 项目编码 of the first project the finding points at (what a suppression names)."""
    return next(
        (
            loc.project_code or codes.get(loc.project_no or 0)
            for loc in finding.locations
            if loc.project_no is not None
        ),
        None,
    )
