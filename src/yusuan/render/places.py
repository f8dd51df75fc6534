"""Where a finding is, in words a reviewer knows: the section or the project, and the line."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..audit.finding import Finding, Location

#: The disclosure's parts by their model key, as the document names them (and in English).
SECTIONS: dict[str, str] = {
    "department": "部门 department",
    "duties": "部门职责 duties",
    "units": "机构设置 units",
    "income": "收入预算 income",
    "expenditure": "支出预算 expenditure",
    "operating_costs": "机关运行经费 operating costs",
    "three_public": "三公经费 three public costs",
    "performance": "预算绩效 performance",
    "projects": "项目绩效目标表 projects",
    "procurement": "政府采购 procurement",
    "assets": "国有资产 assets",
    "glossary": "名词解释 glossary",
    "notes": "其他说明 notes",
    "tables": "标准表 tables",
    "discrepancies": "表文差异 discrepancies",
}

SEVERITIES: dict[str, tuple[str, str]] = {
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "info": ("提示", "info"),
}


def severity_label(severity: str) -> str:
    zh, en = SEVERITIES.get(severity, (severity, severity))
    return f"{zh} {en}"


def first_location(finding: Finding) -> Location | None:
    return finding.locations[0] if finding.locations else None


def _project_location(finding: Finding) -> Location | None:
    return next((loc for loc in finding.locations if loc.project_no is not None), None)


def place_key(finding: Finding) -> tuple[str, int]:
    """The place a finding is grouped under: a project (by its number) or a top-level section."""
    project = _project_location(finding)
    if project is not None and project.project_no is not None:
        return ("projects", project.project_no)
    loc = first_location(finding)
    if loc is None or not loc.section:
        return ("", 0)
    return (loc.section.split(".")[0].split("[")[0], 0)


def place_label(finding: Finding) -> str:
    """`项目 3 · 13019021TIFGGGIHXFVON`, `收入预算 income`, or `全文 document`."""
    key, no = place_key(finding)
    if key == "projects":
        project = _project_location(finding)
        code = project.project_code if project is not None else None
        return f"项目 project {no}" + (f" · {code}" if code else "")
    if not key:
        return "全文 document"
    return SECTIONS.get(key, key)


def where(finding: Finding) -> str:
    """The exact place: `第 412 行 line 412 · projects[3].indicators[5]`."""
    loc = first_location(finding)
    if loc is None:
        return ""
    parts = []
    if loc.line is not None:
        parts.append(f"第 {loc.line} 行 line {loc.line}")
    elif loc.page is not None:
        parts.append(f"第 {loc.page} 页 page {loc.page}")
    if loc.section:
        parts.append(loc.section)
    return " · ".join(parts)


@dataclass
class Group:
    """The findings at one place, in the order of their lines."""

    label: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def line(self) -> int | None:
        return next((f.line for f in self.findings if f.line is not None), None)


def _order(finding: Finding) -> tuple[int, int, str]:
    line = finding.line
    return (0 if line is not None else 1, line or 0, finding.rule)


def group_by_place(findings: list[Finding]) -> list[Group]:
    """Findings grouped by place; the groups in the order the document prints them."""
    groups: dict[tuple[str, int], Group] = {}
    for finding in sorted(findings, key=_order):
        key = place_key(finding)
        if key not in groups:
            groups[key] = Group(place_label(finding))
        groups[key].findings.append(finding)
    return sorted(
        groups.values(),
        key=lambda g: (0 if g.line is not None else 1, g.line or 0, g.label),
    )
