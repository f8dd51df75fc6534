"""Find the template's sections by what their titles say, never by depth or position.

The converter marks some titles with `#` (at any depth) and some page headers too; other
copies carry no marks at all. A line is a section title when it is short, holds no table
cells, and names a section of the template; anything else (`## 306 …` page headers) is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import Line, numbering

#: (section key, words its title holds), tried in order: the first match names the section.
_TITLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("project", ("绩效目标表",)),
    ("projects", ("项目绩效目标", "项目支出绩效目标")),
    ("overall_goal", ("总体绩效目标",)),
    ("goals", ("分项绩效目标",)),
    ("safeguards", ("保障措施",)),
    ("performance", ("预算绩效",)),
    ("duties", ("部门职责", "主要职能")),
    ("units", ("机构设置", "单位构成")),
    ("income", ("收入预算",)),
    ("expenditure", ("支出预算",)),
    ("changes", ("比上年增减",)),
    ("operating", ("机关运行经费",)),
    ("three_public", ("三公",)),
    ("procurement", ("政府采购",)),
    ("assets", ("国有资产",)),
    ("glossary", ("名词解释",)),
    ("notes", ("其他需要说明",)),
    ("overview", ("预算安排总体情况", "收支总体情况", "基本信息")),
)

#: Sections that come after the project tables in the template: a document that has project
#: tables but none of these stops early.
AFTER_PROJECTS = frozenset({"procurement", "assets", "glossary", "notes"})

_MAX_TITLE = 60
_TITLE_END = re.compile(r"[。；，,]$")


@dataclass(slots=True)
class Section:
    key: str
    title: Line
    start: int
    """Index of the title line in the document's line list."""
    end: int
    """Index one past the section's last line."""


def title_key(line: Line) -> str | None:
    """The section a line titles, or None if it is not a section title."""
    if line.cells is not None or not line.text or len(line.text) > _MAX_TITLE:
        return None
    if not line.heading and numbering(line.text) is None:
        return None
    if _TITLE_END.search(line.text):
        return None
    for key, words in _TITLES:
        if any(w in line.text for w in words):
            return key
    return None


def locate(lines: list[Line]) -> list[Section]:
    """All section titles in order; each section runs to the next title."""
    found = [(i, key) for i, line in enumerate(lines) if (key := title_key(line))]
    sections = []
    for n, (i, key) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(lines)
        sections.append(Section(key, lines[i], i, end))
    return sections
