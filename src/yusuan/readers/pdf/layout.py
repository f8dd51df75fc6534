"""Pages -> the text reader's lines: prose paragraphs, headings and table rows, in reading order.

Each `Line` the text reader consumes is rebuilt from the page: a paragraph's printed lines
joined into one, a table row's cells tab-joined with merged cells left empty, a row or a merged
cell cut by a page break joined back with its continuation, repeated header rows and page
numbers dropped. Every line keeps where it was printed (page, bounding box).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.lines import Line, norm
from .pages import Page, Run
from .tables import Cell, Table, find_tables, inside, join_wrapped, line_text, visual_lines

#: A page number printed in the margin: `— 5 —`, `- 5 -`, `5`, `第 5 页`.
_PAGE_NO = re.compile(r"^[-—–－\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*\d{1,4})?[-—–－\s]*$")
_MARGIN = 0.08
#: A part title (`第四部分 名词解释`): a heading however it is printed (many 决算 print it in
#: the body type), except on the contents page, which lists them all.
_PART_TITLE = re.compile(r"^第[一二三四五六七八九十\d]{1,3}部分\s*\S.{0,40}$")
_CONTENTS = re.compile(r"^目\s*录$")


@dataclass(slots=True)
class Place:
    page: int
    bbox: tuple[float, float, float, float]


@dataclass(slots=True)
class _Prose:
    """A printed line outside any table."""

    runs: list[Run]
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    bold: bool
    size: float


@dataclass(slots=True)
class _Paragraph:
    page: int
    lines: list[_Prose]
    heading: bool
    more: list[tuple[int, list[_Prose]]] = field(default_factory=list)
    """Lines that continue it on the next page(s)."""


@dataclass(slots=True)
class _Row:
    table: Table
    cells: list[Cell | None]
    extra: dict[int, list[str]] = field(default_factory=dict)
    """Lines that continue a cut cell (by column) from the next page."""
    drop: bool = False
    chain: int = 0
    """Rows of one table cut over several pages share it."""


@dataclass(slots=True)
class PageParts:
    """A page's bordered tables and the printed lines outside them (titles, 单位 lines, notes):
    what the standard-table reader (`standard.py`) works from."""

    no: int
    height: float
    tables: list[Table]
    prose: list[_Prose]


@dataclass
class Document:
    lines: list[Line]
    places: dict[int, Place]
    pages: int
    parts: list[PageParts] = field(default_factory=list)


def build(pages: list[Page]) -> Document:
    items: list[_Paragraph | _Row] = []
    parts: list[PageParts] = []
    for page in pages:
        tables = find_tables(page)
        prose = _prose_lines(page, tables)
        parts.append(PageParts(page.no, page.height, tables, prose))
        page_items: list[tuple[float, _Paragraph | list[_Row]]] = []
        for para in _paragraphs(page, prose):
            page_items.append((para.lines[0].top, para))
        for table in tables:
            chain = len(items) + len(page_items) + 1000 * page.no
            page_items.append((table.top, [_Row(table, row, chain=chain) for row in table.grid()]))
        page_items.sort(key=lambda item: item[0])
        first = True
        for _, item in page_items:
            if isinstance(item, _Paragraph):
                prev = items[-1] if items else None
                if first and isinstance(prev, _Paragraph) and _continues(prev, item):
                    prev.more.append((item.page, item.lines))
                else:
                    items.append(item)
            else:
                if first:
                    item = _join_cut_rows(items, item)
                items.extend(item)
            first = False
    document = _emit(items, len(pages))
    document.parts = parts
    return document


def _prose_lines(page: Page, tables: list[Table]) -> list[_Prose]:
    runs = [r for r in page.runs if not inside(tables, r)]
    out = []
    for line in visual_lines(runs):
        text = line_text(line) if len(line) > 1 else norm(line[0].text)
        x0 = min(r.x0 for r in line)
        top = min(r.top for r in line)
        x1 = max(r.x1 for r in line)
        bottom = max(r.bottom for r in line)
        if not text:
            continue
        in_margin = bottom < page.height * _MARGIN or top > page.height * (1 - _MARGIN)
        if in_margin and _PAGE_NO.match(text):
            continue
        bold = all(r.bold for r in line)
        size = max(r.bottom - r.top for r in line)
        out.append(_Prose(line, text, x0, top, x1, bottom, bold, size))
    return out


def _paragraphs(page: Page, lines: list[_Prose]) -> list[_Paragraph]:
    """Printed lines grouped into paragraphs: a new one at a heading, a first-line indent, a
    wider gap, a change of type, or after a line that stops short of the right margin."""
    if not lines:
        return []
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    contents = any(_CONTENTS.match(line.text) for line in lines)
    out: list[_Paragraph] = []
    prev: _Prose | None = None
    for line in lines:
        heading = line.bold or (not contents and _PART_TITLE.match(line.text) is not None)
        if prev is None or _breaks(prev, line, left, right, out[-1].heading, heading):
            out.append(_Paragraph(page.no, [line], heading))
        else:
            out[-1].lines.append(line)
        prev = line
    return out


def _breaks(
    prev: _Prose, line: _Prose, left: float, right: float, was_heading: bool, heading: bool
) -> bool:
    size = max(prev.size, line.size)
    return (
        was_heading
        or heading
        or abs(prev.size - line.size) > 0.15 * size
        or line.x0 > left + 0.8 * size
        or line.top - prev.bottom > 0.6 * size
        or prev.x1 < right - 3.0 * size
    )


def _continues(prev: _Paragraph, para: _Paragraph) -> bool:
    """The page's first paragraph goes on with the last one of the page before: it starts at
    the margin (no indent), in the same type, and the one before filled its last line."""
    if prev.heading or para.heading:
        return False
    last = (prev.more[-1][1] if prev.more else prev.lines)[-1]
    first = para.lines[0]
    size = max(last.size, first.size)
    # Same left margin as the previous paragraph's body lines, same type, a full last line.
    body = prev.lines[1:] or prev.lines
    left = min(line.x0 for line in body)
    full = max(line.x1 for line in prev.lines)
    return (
        abs(last.size - first.size) <= 0.15 * size
        and first.x0 <= left + 0.8 * size
        and last.x1 >= full - 1.6 * size
        and len(prev.lines) > 1
    )


def _join_cut_rows(items: list[_Paragraph | _Row], rows: list[_Row]) -> list[_Row]:
    """A page that begins with a table continuing one cut at the end of the page before:
    drop its repeated header rows and move the text of each continuing cell up to the cell
    it continues (a row cut in two becomes one row again)."""
    if not items or not isinstance(items[-1], _Row) or not rows:
        return rows
    last = items[-1]
    prev_table = last.table
    if not prev_table.open_bottom:
        return rows
    before = [r for r in items if isinstance(r, _Row) and r.table is prev_table]
    chain = [r for r in items if isinstance(r, _Row) and r.chain == last.chain]
    seen = {_key(r) for r in chain}
    for r in rows:
        r.chain = last.chain
    out = list(rows)
    while out and _key(out[0]) in seen and any(c and c.runs for c in out[0].cells):
        out.pop(0)
    if not out:
        return out
    anchors = [(r, c) for r in before for c in r.cells if c is not None and c.open_bottom]
    first = out[0]
    moved = 0
    for col, cell in enumerate(first.cells):
        if cell is None:
            continue
        target = _anchor_for(anchors, cell)
        if target is None:
            continue
        row, anchor = target
        if cell.lines:
            row.extra.setdefault(anchor.col, []).extend(cell.lines)
        first.cells[col] = _blank(cell)
        moved += 1
    if moved and all(c is None or not c.runs for c in first.cells):
        first.drop = True
    return out


def _key(row: _Row) -> tuple[str, ...]:
    return tuple(t for c in row.cells if c is not None and (t := c.text.replace(" ", "")))


def _anchor_for(anchors: list[tuple[_Row, Cell]], cell: Cell) -> tuple[_Row, Cell] | None:
    for row, anchor in anchors:
        overlap = min(anchor.x1, cell.x1) - max(anchor.x0, cell.x0)
        if overlap > 0.5 * min(anchor.x1 - anchor.x0, cell.x1 - cell.x0):
            return row, anchor
    return None


def _blank(cell: Cell) -> Cell:
    return Cell(
        cell.row,
        cell.col,
        cell.rows,
        cell.cols,
        cell.x0,
        cell.top,
        cell.x1,
        cell.bottom,
        [],
        cell.open_bottom,
        cell.context,
    )


def _emit(items: list[_Paragraph | _Row], n_pages: int) -> Document:
    lines: list[Line] = []
    places: dict[int, Place] = {}
    previous: type | None = None

    def add(line: Line, place: Place | None) -> None:
        lines.append(line)
        if place is not None:
            places[line.no] = place

    for item in items:
        if isinstance(item, _Row) and item.drop:
            continue
        kind = type(item)
        if lines and (kind is _Paragraph or previous is _Paragraph or kind is not previous):
            add(Line(len(lines) + 1, "", None, False), None)
        previous = kind
        no = len(lines) + 1
        if isinstance(item, _Paragraph):
            parts = [p.text for p in item.lines]
            for _, more in item.more:
                parts.extend(p.text for p in more)
            text = join_wrapped(parts)
            add(Line(no, text, None, item.heading), Place(item.page, _bbox(item.lines)))
        else:
            cells = []
            for col, cell in enumerate(item.cells):
                if cell is None:
                    cells.append("")
                    continue
                extra = item.extra.get(col)
                lines_ = cell.lines + extra if extra else cell.lines
                cells.append(join_wrapped(lines_, cell.context))
            label = cells[0].replace(" ", "") if cells else ""
            text = " ".join(c for c in cells if c)
            present = [c for c in item.cells if c is not None]
            box = (
                min(c.x0 for c in present),
                min(c.top for c in present),
                max(c.x1 for c in present),
                max(c.bottom for c in present),
            )
            add(Line(no, text, cells, False, label), Place(item.table.page, _round(box)))
    return Document(lines, places, n_pages)


def _bbox(lines: list[_Prose]) -> tuple[float, float, float, float]:
    return _round(
        (
            min(p.x0 for p in lines),
            min(p.top for p in lines),
            max(p.x1 for p in lines),
            max(p.bottom for p in lines),
        )
    )


def _round(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = box
    return (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))
