"""The front matter: title, department, 部门职责 and 机构设置."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Department, Source, Unit
from .lines import Line, paragraphs, starts_item, strip_numbering

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_DEPT_LINE = re.compile(r"^(\d{3})\s+(\S.*)$")
_UNIT_FIELDS = {
    "单位名称": "name",
    "单位性质": "nature",
    "单位规格": "level",
    "经费保障形式": "funding",
    "经费形式": "funding",
    "单位级别": "level",
}


def title(lines: Sequence[Line]) -> Line | None:
    """The first line naming a year and a 预算 or 决算 disclosure. A cover that prints the
    department on its own line above `2024年度部门决算` gives both, joined."""
    for i, line in enumerate(lines[:60]):
        if line.cells is None and _YEAR.search(line.text) and re.search(r"[预决]算", line.text):
            m = _YEAR.search(line.text)
            if m is not None and m.start() == 0:
                cover = next((p for p in reversed(lines[:i]) if not p.blank), None)
                if cover is not None and _cover_name(cover):
                    return Line(cover.no, cover.text + line.text, None, line.heading)
            return line
    return None


def starts_with_year(text: str) -> bool:
    m = _YEAR.search(text)
    return m is not None and m.start() == 0


def _cover_name(line: Line) -> bool:
    """A department's name alone on a line: short, no figure, no sentence, no numbering."""
    text = line.text
    return (
        line.cells is None
        and 2 <= len(text) <= 40
        and not re.search(r"\d|[。；，：:,;]", text)
        and re.search(r"[局委办院厅部会所站处室馆队中心府司]$", text.replace(" ", "")) is not None
    )


#: What follows the department's name in a title that prints the year first
#: (`2023年度上海市普陀区财政局部门决算`).
_KIND = re.compile(r"(?:部门|单位)?(?:预算|决算)")


def year_and_short_name(text: str) -> tuple[int | None, str | None]:
    """The year and the department's name as the title prints them: before the year
    (`上海市普陀区财政局2024年度部门决算`), or, where the title begins with the year, between
    it and 部门决算 / 部门预算 (`2023年度上海市普陀区财政局部门决算`)."""
    m = _YEAR.search(text)
    if m is None:
        return None, None
    short = text[: m.start()].strip()
    if not short:
        after = text[m.end() :].strip().removeprefix("度").strip()
        kind = _KIND.search(after)
        short = after[: kind.start()].strip() if kind else ""
    return int(m.group(1)), short or None


def department(lines: Sequence[Line], short_name: str | None, title_line: int | None) -> Department:
    """Full name and code from a `306 石家庄…局` line (procurement and standard-table headers)."""
    for line in lines:
        if line.cells is None and (m := _DEPT_LINE.match(line.text)):
            return Department(
                source=Source(line=line.no), name=m.group(2), short_name=short_name, code=m.group(1)
            )
    return Department(source=Source(line=title_line) if title_line else None, short_name=short_name)


def duties(lines: Sequence[Line]) -> list[str]:
    """The numbered duties; the sentence that introduces them is not one."""
    return [strip_numbering(text) for _, text in paragraphs(lines) if starts_item(text)]


def units(lines: Sequence[Line]) -> list[Unit]:
    out: list[Unit] = []
    columns: dict[int, str] | None = None
    for line in lines:
        if line.cells is None:
            if out and not line.blank:
                break  # the unit table has ended (a 决算 prints its tables next)
            continue
        cells = [c.replace(" ", "") for c in line.cells]
        if columns is None:
            if "单位名称" in cells:
                columns = {i: _UNIT_FIELDS[c] for i, c in enumerate(cells) if c in _UNIT_FIELDS}
            continue
        values = {columns[i]: c for i, c in enumerate(line.cells) if i in columns and c}
        if values.get("name"):
            out.append(Unit(source=Source(line=line.no), **values))
    return out
