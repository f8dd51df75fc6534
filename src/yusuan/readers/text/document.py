"""The text reader: a converted disclosure (markdown-like, tab-separated tables) -> model."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...errors import ReadError
from ...model import Disclosure, Performance, Procurement, Source
from . import assets, basics, glossary, narrative, performance, procurement
from .lines import Line, paragraphs, split_lines
from .projects import is_code_row, read_projects
from .sections import AFTER_PROJECTS, Section, locate


def read_text(text: str, *, file: str | None = None) -> Disclosure:
    return read_lines(split_lines(text), file=file)


def read_lines(
    lines: list[Line],
    *,
    file: str | None = None,
    complete: Callable[[Disclosure], None] | None = None,
) -> Disclosure:
    """Read prepared lines (as `split_lines` makes them, or as another reader rebuilds them
    from a layout): `Line.no` is what `_source.line` will say. `complete`, when given, adds
    what the other reader read beside the lines (the PDF's standard tables) before the
    document is judged usable."""
    sections = locate(lines)
    body = _Bodies(lines, sections)

    title = basics.title(lines)
    year, short_name = basics.year_and_short_name(title.text) if title else (None, None)
    d = Disclosure(
        source=Source(file=file, line=title.no if title else None),
        title=title.text if title else None,
        kind="final" if title and "决算" in title.text else "budget",
        year=year,
        department=basics.department(lines, short_name, title.no if title else None),
        duties=basics.duties(body.of("duties")),
        units=basics.units(body.of("units")),
    )
    # A cover that prints the department's name on its own line prints it in full, and so
    # does a title that begins with the year (`2023年度上海市普陀区财政局部门决算`).
    cover = title is not None and (
        not any(line.no == title.no and line.text == title.text for line in lines)
        or basics.starts_with_year(title.text)
    )
    if d.department.name is None and short_name and cover:
        d.department.name = short_name
    # Money sentences are found by what they say, wherever their section title went.
    changes = _paragraph(lines, ("比上年", "基本支出", "项目支出"), exclude="支出总计")
    final = d.kind == "final"
    for line_no, text in paragraphs(lines):
        # A 决算 states 收入支出总计 (both sides with the carry-overs) in one sentence, and
        # 本年收入合计 / 本年支出合计 with their parts in the next two: those are read.
        if "收入支出总计" in text:
            continue
        if d.income.total is None and (
            "收入总计" in text or (final and text.startswith("本年收入合计"))
        ):
            d.income = narrative.income(text, line_no)
        elif d.expenditure.total is None and (
            "支出总计" in text or (final and text.startswith("本年支出合计"))
        ):
            d.expenditure = narrative.expenditure(text, line_no, changes[1] if changes else None)
        elif d.operating_costs.amount is None and text.count("机关运行经费") and "万元" in text:
            d.operating_costs = narrative.operating_costs(text, line_no)
        elif d.three_public.total is None and "三公" in text and "万元" in text:
            d.three_public = narrative.three_public(text, line_no)
    d.performance = Performance(
        overall_goal=performance.overall_goal(body.of("overall_goal")),
        goals=performance.goals(body.of("goals")),
        safeguards=performance.safeguards(body.of("safeguards")),
    )
    start, end = body.projects_span()
    d.projects = read_projects(lines, start, end)
    proc = Procurement()
    proc_lines = body.of("procurement")
    for line_no, text in paragraphs(proc_lines):
        if "采购" in text and "万元" in text:
            procurement.summary(text, line_no, proc)
            break
    proc.items, printed_total = procurement.items(
        proc_lines, [p.name for p in d.projects if p.name]
    )
    if proc.total is None and printed_total is not None:
        proc.total = printed_total
    d.procurement = proc
    d.assets = assets.read_assets(body.of("assets"))
    d.glossary = glossary.glossary(body.of("glossary"))
    d.notes = glossary.notes(body.of("notes"))
    if complete is not None:
        complete(d)
    _refuse_unusable(d, lines, sections, file)
    return d


class _Bodies:
    """The lines under each kind of section title (a kind may be titled more than once)."""

    def __init__(self, lines: list[Line], sections: list[Section]) -> None:
        self.lines = lines
        self.sections = sections

    def of(self, key: str) -> list[Line]:
        out: list[Line] = []
        for s in self.sections:
            if s.key == key:
                out.extend(self.lines[s.start + 1 : s.end])
        return out

    def projects_span(self) -> tuple[int, int]:
        """From the first project title (or table) to the next section that is not one."""
        starts = [s.start for s in self.sections if s.key in ("projects", "project")]
        codes = [i for i, line in enumerate(self.lines) if is_code_row(line)]
        if not starts and not codes:
            return 0, 0
        start = min(starts + codes[:1])
        after = [
            s.start
            for s in self.sections
            if s.start > start
            and s.key not in ("projects", "project")
            and s.start > (codes[-1] if codes else start)
        ]
        return start, min(after) if after else len(self.lines)


def _paragraph(
    lines: Sequence[Line], words: tuple[str, ...], *, exclude: str
) -> tuple[int, str] | None:
    for line_no, text in paragraphs(lines):
        if all(w in text for w in words) and exclude not in text:
            return line_no, text
    return None


def _refuse_unusable(
    d: Disclosure, lines: list[Line], sections: list[Section], file: str | None
) -> None:
    last = next((line for line in reversed(lines) if not line.blank), None)
    if d.year is None or (
        d.income.total is None and d.expenditure.total is None and not d.projects
    ):
        raise ReadError(
            "不是部门预算或决算公开文件：找不到标题年份、收支总计或项目绩效目标表",
            "not a department budget or final-accounts disclosure: no title year, "
            "no income/expenditure totals and no project performance tables found",
            file=file,
        )
    keys = {s.key for s in sections}
    last_no = last.no if last else None
    if d.projects and not d.projects[-1].indicators:
        raise ReadError(
            f"文件不完整：第 {d.projects[-1].no} 个项目表在文件末尾中断",
            f"the file is truncated: project table {d.projects[-1].no} breaks off at the end",
            file=file,
            line=last_no,
        )
    if not keys & AFTER_PROJECTS:
        # Every disclosure of the template closes with these sections; none means a cut file.
        raise ReadError(
            "文件不完整：缺少结尾章节（政府采购、国有资产、名词解释、其他说明），文件在此中断",
            "the file is truncated: the closing sections (procurement, assets, glossary, "
            "notes) are missing; the file breaks off here",
            file=file,
            line=last_no,
        )
