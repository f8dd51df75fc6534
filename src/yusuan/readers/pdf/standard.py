"""The standard tables (收入支出决算总表 …, 部门收支总表 …) read from the page grids.

A standard table is a bordered table whose title, printed above it or in its first rows, names
one of the standard tables (`DESIGN.md`): the name is matched by content, whatever prefix the
province prints (部门 / 单位 / the department's name and year) and whichever of the words some
provinces add or leave out (明细, 收支 for 收入支出 …), but not where a word before a generic
name makes it another table (项目支出决算表 is no 支出决算表). Its unit comes from its own 单位
line, its `empty` flag from a 本表无数据 note or the absence of any figure.

Each grid column is a code column (类 / 款 / 项 / 科目编码), a label column (项目 / 科目名称:
text in its rows), a data column (figures or blank) or an index column (行次: the template's
line numbers, no figure of the table). A table printed as two sides (收入 | 支出, or the 基本支出
table's two halves) gives one row per side and printed row, with `values` over every data
column of the table and null in the other side's columns, so that `columns[i]` always describes
`values[i]`. The national template's 栏次 row under the header (`栏次 | 1 | 2 …`, the column
numbers) is a header row whose numbers name no column. Merged cells are repeated down (never
across); a page that continues a table (no title above it, or the same table's title repeated,
as Excel prints its title rows on every page) is joined to it, its columns matched by header
text when it repeats the header, and a row cut by the page break is joined back into one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

from ...model import BUDGET_NAMES, FINAL_NAMES, Source, StandardTable, TableRow
from ..text.lines import number
from .layout import PageParts
from .tables import Cell, Table

# The standard names (`model.tables`): a title names the longest one (or alias) it contains
# (`standard_name`).
#: Other words titles print for a standard name (as `_normal` leaves them): the name without
#: its 部门 prefix (单位收支总表), a short form (“三公”经费支出决算表), or the name some provinces
#: give the table (政府性基金预算财政拨款支出决算表 for its 收入支出决算表).
_ALIASES: dict[str, tuple[str, ...]] = {
    "收入支出决算总表": ("收入支出决算表",),
    "财政拨款收入支出决算总表": ("财政拨款收入支出决算表",),
    '财政拨款"三公"经费支出决算表': ('"三公"经费支出决算表',),
    "政府性基金预算财政拨款收入支出决算表": ("政府性基金预算财政拨款支出决算表",),
    "国有资本经营预算财政拨款收入支出决算表": ("国有资本经营预算财政拨款支出决算表",),
    "部门收支总表": ("收支总表",),
    "部门收入总表": ("收入总表", "收入表"),
    "部门支出总表": ("支出总表", "支出表"),
    '一般公共预算"三公"经费支出表': ('"三公"经费支出表',),
}
#: Words that end other tables' titles too: `支出决算表` ends 一般公共预算财政拨款项目支出决算表,
#: `支出表` ends 部门项目支出表. They name their standard table only when the word before them
#: is none of `_QUALIFIERS`, which make them another table (a standard one among those is
#: matched by its longer name first).
_GENERIC = frozenset(
    {
        "收入支出决算总表",
        "收入支出决算表",
        "收入决算表",
        "支出决算表",
        "财政拨款收入支出决算表",
        "收支总表",
        "收入总表",
        "收入表",
        "支出总表",
        "支出表",
    }
)
_QUALIFIERS = (
    "项目",
    "基本",
    "人员",
    "公用",
    "专项",
    "经费",
    "采购",
    "财政拨款",
    "一般公共预算",
    "政府性基金",
    "政府性基金预算",
    "国有资本经营",
    "国有资本经营预算",
)


def _patterns(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(words, standard name), longest words first: a title names the longest it contains."""
    items = [(n, n) for n in names] + [(a, n) for n in names for a in _ALIASES.get(n, ())]
    return tuple(sorted(items, key=lambda item: len(item[0]), reverse=True))


#: 决算 titles are matched to 决算 names only, 预算 titles to 预算 names: `收入表` is no part of
#: a 决算's title, and `第二部分 …部门决算表` names no table.
_FINAL_MATCH = _patterns(FINAL_NAMES)
_BUDGET_MATCH = _patterns(BUDGET_NAMES)

#: The headers of the columns that number the template's lines (行次 1, 2, 3 … beside each
#: 项目 column of the national 总表): they hold no figure of the table (`_roles`).
_INDEX_HEAD = frozenset({"行次", "栏次", "序号"})
#: Header words that end the header block: the row holding the lowest of them is its last.
_HEADER_END = _INDEX_HEAD | {"决算数", "预算数", "类", "款", "项", "科目编码", "科目名称"}
#: The national template's row under the header that numbers the columns: its label cell
#: says 栏次, its other cells hold the column numbers (`1`, `2` …, or a sum such as `3=1+2`).
_NUMBERING = "栏次"
_COLUMN_NO = re.compile(r"^\d{1,3}(?:[=+＝＋]\d{1,3})*$")
#: A 行次 cell: a line number, without the leading zero of a 款 code (`01`).
_LINE_NO = re.compile(r"^[1-9]\d{0,2}$")
_CODE_HEAD = ("类", "款", "项")
_LABEL_HEAD = ("科目名称", "项目")
_CODE = re.compile(r"^\d{2,9}$")
_QUOTES = str.maketrans(
    {"“": '"', "”": '"', "＂": '"', "「": '"', "」": '"', "'": '"', "‘": '"', "’": '"'}
)
_WIDE = r"\u2018-\u201f\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_WIDE_GAP = re.compile(rf"(?<=[{_WIDE}])\s+(?=[{_WIDE}])")
_EMPTY_NOTE = "本表无数据"
_UNIT = re.compile(r"单位\s*[:：]\s*(万元|元)")


#: Words a title may add or leave out without naming another table: 明细 (支出决算明细表); in
#: a 预算 title 预算 before 表 (部门收支预算总表) and 财政拨款 after the fund
#: (一般公共预算财政拨款支出表); quotes around 三公, or none.
_OPTIONAL = re.compile(r"明细")
_BUDGET_WORD = re.compile(r"预算(?=总?表)")
_FUND_GRANT = re.compile(r"(一般公共预算|政府性基金预算|国有资本经营预算)财政拨款")
_THREE = re.compile(r'"?三公"?')
#: 决算 titles some provinces shorten: `部门收支决算总表`, `财政拨款收支决算总表`; a 预算 title
#: may spell out what its standard name shortens (部门收入支出总表).
_FINAL_SHORT = re.compile(r"收支(?=决算)")
_BUDGET_LONG = re.compile(r"收入支出(?=总表)")


def _normal(title: str) -> str:
    """A title as the names are spelt: no spaces, one quote style, the optional words out."""
    key = _THREE.sub('"三公"', re.sub(r"\s+", "", title).translate(_QUOTES))
    key = _OPTIONAL.sub("", key)
    if "决算" in key:
        return _FINAL_SHORT.sub("收入支出", key)
    key = _FUND_GRANT.sub(r"\1", _BUDGET_WORD.sub("", key))
    return _BUDGET_LONG.sub("收支", key)


def standard_name(title: str) -> str | None:
    """The standard name a printed title names, or None: by the name (or an alias) it contains,
    whatever stands around it (the department, the year, `部门` / `单位`, `（公开01表）`), unless
    the word before a generic name makes it another table (项目支出决算表)."""
    key = _normal(title)
    for words, name in _FINAL_MATCH if "决算" in key else _BUDGET_MATCH:
        at = key.find(words)
        if at < 0:
            continue
        if words in _GENERIC and key[:at].endswith(_QUALIFIERS):
            return None
        return name
    return None


def label_text(text: str) -> str:
    """A label as printed, without the spaces that justified type put between wide characters
    (`因 公 出 国 （ 境 ） 费用` -> `因公出国（境）费用`)."""
    return _WIDE_GAP.sub("", " ".join(text.split()))


@dataclass
class _Part:
    """One page's piece of a standard table."""

    table: Table
    cover: list[list[Cell]]
    header: int
    """Rows [caption, header) are header rows."""
    paths: list[list[str]]
    mixed: bool
    """The first data row also holds header words (类 / 款 / 项 beside 合计)."""
    caption: int = 0
    """Rows [0, caption) print the table's title or 单位 line inside the grid (`_caption`)."""
    title: str | None = None
    """The title printed in the grid (of a standard table or another), as printed."""
    unit: str | None = None
    """The unit of a 单位 line printed in the grid."""
    numbering: tuple[int, ...] = ()
    """The header's 栏次 rows (`_numbers_columns`): in no column's path."""

    @property
    def headed(self) -> bool:
        """The page prints header rows (a continuation page may go on without them; a 栏次
        row alone names no column)."""
        return self.header - self.caption > len(self.numbering)


@dataclass
class _Std:
    name: str
    title: str
    unit: str | None
    parts: list[_Part] = field(default_factory=list)
    empty_note: bool = False
    roles: list[str] = field(default_factory=list)
    """Per grid column of the first part: "code", "label", "data" or "index" (`_roles`)."""


def read_tables(parts: list[PageParts]) -> list[StandardTable]:
    found: list[_Std] = []
    current: _Std | None = None
    for page in parts:
        tables = [t for t in page.tables if any(c.runs for c in t.cells)]
        above_top = 0.0
        for n, table in enumerate(tables):
            above = [p for p in page.prose if above_top <= p.top and p.bottom <= table.top]
            below_end = tables[n + 1].top if n + 1 < len(tables) else page.height
            below = [p for p in page.prose if table.bottom <= p.top and p.bottom <= below_end]
            above_top = table.bottom
            part = _part(table)
            # A title printed in the grid is the table's own: it wins over the lines above.
            title: str | None = part.title
            name = standard_name(title) if title is not None else None
            if title is None:
                title, name = _title(above)
            unit = part.unit or _unit(above) or _unit_in(table)
            if current is not None and name == current.name and _repeated(current, unit, part):
                current.parts.append(part)
            elif name is not None and title is not None:
                title = label_text(title)
                current = _Std(name, title, unit)
                current.parts.append(part)
                current.roles = _roles(part)
                found.append(current)
            elif (
                current is not None
                and part.title is None
                and not _above_titles(above)
                and _continues(current, part)
            ):
                current.parts.append(part)
            else:
                current = None
                continue
            if any(_EMPTY_NOTE in p.text.replace(" ", "") for p in below):
                current.empty_note = True
        if not tables and any(p.text for p in page.prose):
            current = None
    return [_build(s) for s in found]


#: How a page that continues a table may say so (`续表`, `（续）`).
_GOES_ON = ("续", "（续")


def _repeated(std: _Std, unit: str | None, part: _Part) -> bool:
    """Whether a title that names `std`'s standard table again is printed over its next part:
    Excel prints a sheet's title rows (the title, maybe with `（续）`, its 单位 line, often the
    header) on every page. It is when `std` is the table read last (nothing came after it: no
    other table, no page of prose), its last part is on the page before (so this part is the
    page's first table), the title says no other unit and the part goes on in `std`'s columns.
    The same title printed anywhere else (after other tables, or a page further on) is another
    table of that name (a unit's own 收入决算表 after the department's)."""
    if std.parts[-1].table.page != part.table.page - 1:
        return False
    if unit is not None and std.unit is not None and unit != std.unit:
        return False
    return _continues(std, part)


def _above_titles(above: Sequence[object]) -> bool:
    """Whether the lines above a table hold anything but a page number or a 单位 line."""
    for p in above:
        text = getattr(p, "text", "")
        if text and not _UNIT.search(text) and not text.startswith(_GOES_ON):
            return True
    return False


def _title(above: Sequence[object]) -> tuple[str | None, str | None]:
    for p in reversed(above):
        text = str(getattr(p, "text", ""))
        name = standard_name(text)
        if name is not None:
            return text, name
    return None, None


def _unit(above: Sequence[object]) -> str | None:
    for p in reversed(above):
        m = _UNIT.search(str(getattr(p, "text", "")))
        if m:
            return m.group(1)
    return None


def _unit_in(table: Table) -> str | None:
    for c in table.cells[: table.n_cols * 2]:
        m = _UNIT.search(c.text)
        if m:
            return m.group(1)
    return None


def _cover(table: Table) -> list[list[Cell]]:
    out: list[list[Cell | None]] = [[None] * table.n_cols for _ in range(table.n_rows)]
    for c in table.cells:
        for r in range(c.row, c.row + c.rows):
            for k in range(c.col, c.col + c.cols):
                out[r][k] = c
    return out  # type: ignore[return-value]


def _words(cell: Cell) -> str:
    return re.sub(r"\s+", "", cell.text)


#: A table's title, of a standard table or another: it ends in 表, maybe with a note after it
#: (`（公开03表）`, `（续）`).
_TABLE_TITLE = re.compile(r"表\s*(?:[（(][^（()）]*[）)])?$")
#: How many rows at the top of a grid may print its title, its 单位 line and the lines around
#: them (the department's name, `表一`).
_CAPTION_ROWS = 4


def _caption(table: Table, cover: list[list[Cell]]) -> tuple[int, str | None, str | None]:
    """The rows at the top of a grid that print what is usually printed above it: the title
    and the 单位 line, each in a cell merged across the whole width (or the two side by side),
    and the lines around them (the department's name). These rows are no header (their text is
    in no column's path); they count only when one of them is a title or a 单位 line (the 三公
    table's first header cell, `财政拨款“三公”经费`, spans the whole width too).
    Returns (the number of such rows, the title, the unit)."""
    if table.n_cols < 2:  # a one-column box: every row spans the width
        return 0, None, None
    n, title, unit = 0, None, None
    r = 0
    while r < min(len(cover), _CAPTION_ROWS):
        cells = list({id(c): c for c in cover[r]}.values())
        if len(cells) > 2 or any(c.row != r for c in cells):
            break
        height = max(c.rows for c in cells)
        if len(cells) == 2 and any(c.rows != height for c in cells):
            break
        said = False
        for c in cells:
            text = label_text(c.text)
            m = _UNIT.search(text)
            if m:
                unit = unit or m.group(1)
                said = True
                text = (text[: m.start()] + text[m.end() :]).strip()
            if text.startswith(_GOES_ON):  # `续表`: a continuation's mark, as above a grid
                said = True
            elif (
                text
                and title is None
                and (standard_name(text) is not None or _TABLE_TITLE.search(text))
            ):
                title = text
                said = True
        if not said and len(cells) > 1:
            break
        r += height
        if said:
            n = r
    return n, title, unit


def _numbers_columns(row: list[Cell]) -> bool:
    """The national template's 栏次 row (`栏次 | | 1 | 2 | 3 …`, in a two-sided table `栏次`
    on both sides): the last header row, numbering the columns. Its numbers are no figures."""
    words = [_words(c) for c in {id(c): c for c in row}.values()]
    return _NUMBERING in words and all(
        not w or w in _INDEX_HEAD or _COLUMN_NO.match(w) for w in words
    )


def _headed_row(row: list[Cell]) -> bool:
    """A grid's top rows that print text in every column, no figure and no
    code, before any row with a header-end word, are header rows too: a 预算 "三公" table
    prints `合计 | 因公出国（境）费 | 公务用车购置及运行费 (小计 | 购置费 | 运行费) | 公务接待费`
    over its one row of figures, with no 预算数 row under them. A row with a blank cell (a
    continuation page's first row, a label whose figures are blank) is no header row."""
    return all(_words(c) for c in row)


def _part(table: Table) -> _Part:
    cover = _cover(table)
    caption, title, unit = _caption(table, cover)
    header = caption
    mixed = False
    ended = False  # a row holding a header-end word (`_HEADER_END`) was seen
    numbering: list[int] = []
    for r in range(caption, min(len(cover), caption + 8)):
        row = cover[r]
        if _numbers_columns(row):  # the header ends here, whatever words it holds (金额)
            numbering.append(r)
            header = r + 1
            ended = True
            continue
        words = {_words(c) for c in row}
        figures = any(number(c.text) is not None and not _CODE.match(_words(c)) for c in row)
        codes = any(_CODE.match(_words(c)) for c in row if c.row == r)
        if words & _HEADER_END:
            if figures or codes:
                mixed = True
                header = r
                break
            header = r + 1
            ended = True
        elif figures or codes:
            break
        elif not ended and r == header and _headed_row(row):
            header = r + 1  # a header without 预算数 / 科目编码 … (`_headed_row`)
    paths: list[list[str]] = []
    for k in range(table.n_cols):
        path: list[str] = []
        seen: set[int] = set()
        for r in range(caption, header + (1 if mixed else 0)):
            if r in numbering:
                continue
            c = cover[r][k]
            if id(c) in seen:
                continue
            seen.add(id(c))
            text = label_text(c.text)
            if text and (not mixed or r < header or text in _HEADER_END):
                path.append(text)
        paths.append(path)
    return _Part(table, cover, header, paths, mixed, caption, title, unit, tuple(numbering))


def _roles(part: _Part) -> list[str]:
    """Each grid column's role, from its header and the cells below it: "code", "label",
    "data", or "index" for a 行次 column (its numbers count the template's lines: no figure
    of the table, no line of either side)."""
    roles = []
    for k, path in enumerate(part.paths):
        last = path[-1] if path else ""
        cells = [
            _words(part.cover[r][k])
            for r in range(part.header, len(part.cover))
            if part.cover[r][k].col == k
        ]
        texty = any(t and number(t) is None for t in cells)
        if last in _INDEX_HEAD:
            roles.append("index")
        elif last in _CODE_HEAD or last.endswith("编码"):
            roles.append("code")
        elif last in _LABEL_HEAD or (texty and not _figures(cells)):
            roles.append("label")
        else:
            roles.append("data")
    return roles


def _figures(cells: list[str]) -> bool:
    return any(t and number(t) is not None and not _CODE.match(t) for t in cells)


def _continues(std: _Std, part: _Part) -> bool:
    first = std.parts[0]
    if part.headed and part.paths != first.paths:
        return _align(std, part) is not None
    return part.table.n_cols <= first.table.n_cols


def _align(std: _Std, part: _Part) -> list[int] | None:
    """For each grid column of `part`, the column of the first part it continues: by header
    text when the page repeats the header, by position when it prints the same columns, else
    by what each column holds (`_by_role`)."""
    first = std.parts[0]
    n = first.table.n_cols
    if part.headed:
        out = []
        used: set[int] = set()
        for path in part.paths:
            match = next(
                (k for k in range(n) if k not in used and first.paths[k] == path), None
            ) or next(
                (
                    k
                    for k in range(n)
                    if k not in used and path and first.paths[k][-1:] == path[-1:]
                ),
                None,
            )
            if match is None:
                return None
            used.add(match)
            out.append(match)
        return out
    if part.table.n_cols == n:
        return list(range(n))
    return _by_role(std, part)


def _column_cells(part: _Part, k: int) -> list[str]:
    return [
        _words(part.cover[r][k])
        for r in range(part.header, len(part.cover))
        if part.cover[r][k].col == k
    ]


def _counting(cells: list[str]) -> bool:
    """Line numbers (a 行次 column on a page without its header): whole numbers without a
    leading zero (款 codes such as `01`, `02` have one), each one more than the one above."""
    if len(cells) < 2 or not all(_LINE_NO.match(t) for t in cells):
        return False
    return all(int(b) == int(a) + 1 for a, b in pairwise(cells))


def _by_role(std: _Std, part: _Part) -> list[int] | None:
    """A page that goes on without a header and with fewer columns: where the columns are
    says little (the page may be set at other positions and widths), what they hold says
    more. Each column is a code column (only codes such as `207` / `01`), a label column (text),
    an index column (line numbers counting on, where the first part has a 行次 column) or a
    figure column (figures or blank), as the first part's are; code, label and index columns
    continue the first part's of their role in order. The figure columns continue the first
    part's data columns in order, leaving out as many as the page lacks: which ones is chosen
    so that the columns left out are those of the first part that hold no figure (a page
    drops the template's empty columns, not the ones with figures), and among equal choices
    so that each column's offset from the last label column best matches the first part's
    (a page shifted as a whole keeps those offsets)."""
    first = std.parts[0]
    roles = std.roles
    mine: list[str] = []
    for k in range(part.table.n_cols):
        cells = [t for t in _column_cells(part, k) if t]
        if "index" in roles and _counting(cells):
            mine.append("index")
        elif cells and all(_CODE.match(t) for t in cells):
            mine.append("code")
        elif any(number(t) is None for t in cells):
            mine.append("label")
        else:
            mine.append("data")
    out: list[int | None] = [None] * len(mine)
    for role in ("code", "label", "index"):
        theirs = [k for k, r in enumerate(roles) if r == role]
        ours = [k for k, r in enumerate(mine) if r == role]
        if len(ours) > len(theirs):
            return None
        # Right-aligned: a page that drops a code column drops the outer one (类 before 款).
        for k, j in zip(reversed(ours), reversed(theirs), strict=False):
            out[k] = j
    theirs = [k for k, r in enumerate(roles) if r == "data"]
    ours = [k for k, r in enumerate(mine) if r == "data"]
    if len(ours) > len(theirs):
        return None
    full = {k for k in theirs if _figures(_column_cells(first, k))}

    def anchor(table: Table, labels: list[int]) -> float:
        return table.xs[max(labels) + 1] if labels else table.xs[0]

    a0 = anchor(first.table, [k for k, r in enumerate(roles) if r != "data"])
    a1 = anchor(part.table, [k for k, r in enumerate(mine) if r != "data"])

    def offset(table: Table, k: int, a: float) -> float:
        return (table.xs[k] + table.xs[k + 1]) / 2 - a

    # Order-preserving assignment of `ours` to `theirs`: cost[i][j] = best cost with the
    # first i of ours placed among the first j of theirs.
    big = 1e6
    inf = float("inf")
    m, n = len(ours), len(theirs)
    cost = [[inf] * (n + 1) for _ in range(m + 1)]
    back: list[list[bool]] = [[False] * (n + 1) for _ in range(m + 1)]
    cost[0][0] = 0.0
    for j in range(1, n + 1):
        cost[0][j] = cost[0][j - 1] + (big if theirs[j - 1] in full else 0.0)
    for i in range(1, m + 1):
        for j in range(i, n + 1):
            skip = cost[i][j - 1] + (big if theirs[j - 1] in full else 0.0)
            here = offset(part.table, ours[i - 1], a1) - offset(first.table, theirs[j - 1], a0)
            take = cost[i - 1][j - 1] + abs(here)
            cost[i][j], back[i][j] = (take, True) if take <= skip else (skip, False)
    i, j = m, n
    while i > 0:
        if back[i][j]:
            out[ours[i - 1]] = theirs[j - 1]
            i -= 1
        j -= 1
    if any(v is None for v in out):
        return None
    return [v for v in out if v is not None]


@dataclass
class _Side:
    codes: list[int]
    labels: list[int]
    data: list[int]


def _sides(roles: list[str]) -> list[_Side]:
    """The table's sides, left to right: a side begins at a code or label column after a data
    column. An index column (行次, between a side's label and its figures) is in none."""
    sides: list[_Side] = []
    prev = "data"
    for k, role in enumerate(roles):
        if role == "index":
            continue
        if role != "data" and (prev == "data" or not sides):
            sides.append(_Side([], [], []))
        if not sides:
            sides.append(_Side([], [], []))
        side = sides[-1]
        {"code": side.codes, "label": side.labels, "data": side.data}[role].append(k)
        prev = role
    return sides


def _build(std: _Std) -> StandardTable:
    first = std.parts[0]
    roles = std.roles
    data_cols = [k for k, r in enumerate(roles) if r == "data"]
    index = {k: i for i, k in enumerate(data_cols)}
    sides = _sides(roles)
    out = StandardTable(
        source=Source(page=first.table.page, bbox=_box(first.table)),
        name=std.name,
        title=std.title,
        unit=std.unit,
        pages=sorted({p.table.page for p in std.parts}),
        columns=[first.paths[k] for k in data_cols],
    )
    printed: list[tuple[int, dict[int, str], dict[int, Cell]]] = []
    """Each printed row: its page, text by first-part column, the cells (for the box)."""
    for n, part in enumerate(std.parts):
        align = list(range(first.table.n_cols)) if n == 0 else _align(std, part)
        if align is None:
            continue
        cut = n > 0 and std.parts[n - 1].table.open_bottom and printed
        for r in range(part.header, len(part.cover)):
            row = part.cover[r]
            texts: dict[int, str] = {}
            cells: dict[int, Cell] = {}
            for k, c in enumerate(row):
                col = align[k]
                cells[col] = c
                if c.col != k:  # merged across: the text belongs to its first column
                    continue
                if part.mixed and r == part.header and _words(c) in _HEADER_END:
                    continue
                texts[col] = c.text
            if cut and r == part.header:
                cut = False
                if _joins(printed[-1][1], texts, roles):
                    before = printed[-1][1]
                    for col, text in texts.items():
                        before[col] = (before.get(col, "") + text) if text else before.get(col, "")
                    continue
            printed.append((part.table.page, texts, cells))
    figures = False
    above: dict[int, str] = {}
    """The code cells of the row above (类 / 款 / 项), for those a merge left blank."""
    for page, texts, cells in printed:
        for side in sides:
            parts = [re.sub(r"\s+", "", texts.get(k, "")) for k in side.codes]
            _fill_down(parts, side.codes, above)
            code = "".join(parts) or None
            if code is not None and not code.isdigit():
                label_code = code
                code = None
            else:
                label_code = ""
            label = " ".join(label_text(texts[k]) for k in side.labels if texts.get(k)) or None
            if label is None and label_code:
                label = label_code
            values: list[Decimal | None] = [None] * len(data_cols)
            for k in side.data:
                values[index[k]] = number(texts.get(k, ""))
            if code is None and label is None and all(v is None for v in values):
                continue
            figures = figures or any(v is not None for v in values)
            used = [cells[k] for k in side.codes + side.labels + side.data if k in cells]
            box = _cells_box(used) if used else None
            out.rows.append(
                TableRow(
                    source=Source(page=page, bbox=box),
                    code=code,
                    label=label,
                    values=values,
                )
            )
    out.empty = std.empty_note or not figures
    return out


def _fill_down(parts: list[str], columns: list[int], above: dict[int, str]) -> None:
    """类 / 款 / 项 in their own columns: a blank 类 (or 款) before a printed 款 (or 项) is a
    merged cell whose text was printed above it, on this page or before the page break
    (`208 | 05 | 05` then ` |  | 06` is 2080506). Fills `parts` in place, and remembers them."""
    if len(parts) > 1:
        last = max((i for i, p in enumerate(parts) if p), default=-1)
        for i in range(last):
            if not parts[i] and above.get(columns[i]):
                parts[i] = above[columns[i]]
    for i, k in enumerate(columns):
        above[k] = parts[i]


def _joins(before: dict[int, str], after: dict[int, str], roles: list[str]) -> bool:
    """The first row of a continued page goes on with the last row before the break: it has
    no code, no line number (行次) and no figure of its own where the row above has one."""
    has_code = any(after.get(k) for k, r in enumerate(roles) if r in ("code", "index"))
    if has_code:
        return False
    for k, r in enumerate(roles):
        if r == "data" and after.get(k) and before.get(k):
            return False
    return any(after.values())


def _box(table: Table) -> list[float]:
    return [round(table.x0, 2), round(table.top, 2), round(table.x1, 2), round(table.bottom, 2)]


def _cells_box(cells: list[Cell]) -> list[float]:
    return [
        round(min(c.x0 for c in cells), 2),
        round(min(c.top for c in cells), 2),
        round(max(c.x1 for c in cells), 2),
        round(max(c.bottom for c in cells), 2),
    ]


__all__ = ["BUDGET_NAMES", "FINAL_NAMES", "label_text", "read_tables", "standard_name"]
