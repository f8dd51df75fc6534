"""Bordered tables from ruling lines: the grid, its merged cells, the text in each cell.

A table is a group of ruling lines that touch. Its columns are every distinct x of its vertical
lines, its rows every distinct y of its horizontal lines; two neighbouring grid cells belong to
one (merged) cell when no line separates them. A table cut by the page's end has no closing
line: it is closed at the end of its vertical lines, and the cells left open there are marked so
that the next page's fragment can be joined to them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .pages import Page, Rule, Run

#: Positions closer than this (points) are one grid line.
_SNAP = 2.5
#: How far a line may fall short of a cell's edge and still close it.
_TOUCH = 3.0

_IDEO = "\u3400-\u9fff"
_SPACED = re.compile(rf"[{_IDEO}] [0-9A-Za-z]|[0-9A-Za-z] [{_IDEO}]")
_TIGHT = re.compile(rf"[{_IDEO}][0-9A-Za-z]|[0-9A-Za-z][{_IDEO}]")
#: A document number's serial before 号 (〔2019〕37号) is printed tight.
_DOC_NO = re.compile(r"[〕】\]）)]\d+$")


@dataclass(slots=True)
class Cell:
    row: int
    col: int
    rows: int
    cols: int
    x0: float
    top: float
    x1: float
    bottom: float
    runs: list[Run] = field(default_factory=list)
    open_bottom: bool = False
    """The cell reaches the table's cut edge with no closing line: it goes on next page."""
    context: str = ""
    """The table's other text: how it spaces Chinese and digits, for joining wrapped lines."""

    _lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = [line_text(line) for line in visual_lines(self.runs)]
        return self._lines

    @property
    def text(self) -> str:
        return join_wrapped(self.lines, self.context)


@dataclass(slots=True)
class Table:
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    xs: list[float]
    ys: list[float]
    cells: list[Cell]
    open_bottom: bool = False

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1

    def grid(self) -> list[list[Cell | None]]:
        """Row by row, the cell that starts at each grid position (None: covered by a merge)."""
        out: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            out[c.row][c.col] = c
        return out


def join_wrapped(parts: list[str], context: str = "") -> str:
    """Lines of one cell or paragraph, joined where the typesetter wrapped them.

    Nothing goes between two wide (CJK) characters, next to ASCII punctuation, or inside a
    number; a space between two Latin words or codes. Between a Chinese character and a digit
    or Latin letter either was printed: the text's own habit decides (`其中 3 月底` or
    `其中3月底`), then `context` (the rest of the table), else nothing.
    """
    parts = [p for p in (" ".join(part.split()) for part in parts) if p]
    if not parts:
        return ""
    spaced: bool | None = None
    out = parts[0]
    for part in parts[1:]:
        a, b = out[-1], part[0]
        if _gap(a, b, out, part):
            if spaced is None:
                spaced = _habit(parts, context, out)
            if spaced:
                out += " "
        elif _latin(a) and _latin(b) and not (a.isdigit() and b.isdigit()):
            out += " "
        out += part
    return out


def _gap(a: str, b: str, before: str, after: str) -> bool:
    """A wrap between a Chinese character and a digit or Latin letter (either order)."""
    return (_ideo(a) and _latin(b)) or (_latin(a) and _ideo(b))


def _habit(parts: list[str], context: str, before: str) -> bool:
    spaced = sum(len(_SPACED.findall(p)) for p in parts)
    tight = sum(len(_TIGHT.findall(p)) for p in parts)
    if spaced != tight:
        return spaced > tight
    if _DOC_NO.search(before):
        return False
    spaced, tight = len(_SPACED.findall(context)), len(_TIGHT.findall(context))
    return spaced > tight


def _wide(ch: str) -> bool:
    return (
        "\u3400" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2018" <= ch <= "\u201f"
    )


def _ideo(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def visual_lines(runs: list[Run]) -> list[list[Run]]:
    """Runs grouped into printed lines (top to bottom), each sorted left to right."""
    if runs and all(r.baseline is not None for r in runs):
        return _by_baseline(runs)
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (r.top, r.x0)):
        if lines:
            last = lines[-1]
            ref = last[0]
            height = min(ref.bottom - ref.top, run.bottom - run.top)
            overlap = min(ref.bottom, run.bottom) - max(ref.top, run.top)
            if overlap > 0.5 * height:
                last.append(run)
                continue
        lines.append([run])
    for line in lines:
        line.sort(key=lambda r: r.x0)
    return lines


def _by_baseline(runs: list[Run]) -> list[list[Run]]:
    """Runs on one baseline (within a third of the line's height) are one printed line."""
    lines: list[list[Run]] = []
    base = tall = 0.0
    for run in sorted(runs, key=lambda r: (r.baseline or 0.0, r.x0)):
        at = run.baseline or 0.0
        height = run.bottom - run.top
        if lines and at - base <= max(tall, height) / 3:
            lines[-1].append(run)
            tall = max(tall, height)
            continue
        lines.append([run])
        base, tall = at, height
    for line in lines:
        line.sort(key=lambda r: r.x0)
    return lines


def line_text(line: list[Run]) -> str:
    """The runs of one printed line joined, with a space where the gap between two runs is
    one. The gap runs from the ink's end to where the next run's pen starts (a narrow glyph
    such as `1` sits inside its advance), against the line's tallest run (a run of a comma
    alone is barely taller than a dot)."""
    out = ""
    prev: Run | None = None
    height = max((r.bottom - r.top for r in line), default=1.0)
    for run in line:
        text = run.text
        if prev is not None and out and not out.endswith(" ") and not text.startswith(" "):
            start = run.x0 if run.origin is None else run.origin
            gap = start - prev.x1
            # Justified type spreads wide characters apart: a gap between two of them (CJK
            # or full-width punctuation) is never a space, and full-width punctuation carries
            # its own spacing (`〕` leaves half its width blank): never a space beside it.
            wide = _wide(out[-1]) and _wide(text[0])
            punct = _wide_punct(out[-1]) or _wide_punct(text[0])
            # Inside a figure a narrow digit's blank side (`1` keeps a fifth of an em clear)
            # is no space: writers that place each glyph alone leave it between the runs.
            figure = out[-1] in _FIGURE and text[0] in _FIGURE
            if not wide and not punct and gap > (0.5 if figure else 0.25) * max(height, 1.0):
                out += " "
        out += text
        prev = run
    return " ".join(out.split())


_FIGURE = frozenset("0123456789,.")


def _wide_punct(ch: str) -> bool:
    return "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or "\u2018" <= ch <= "\u201f"


def find_tables(page: Page) -> list[Table]:
    """The bordered tables of a page, top to bottom, with the text runs inside them."""
    tables = []
    for group in _groups(page.rules):
        table = _table(page.no, group)
        if table is not None:
            tables.append(table)
    tables.sort(key=lambda t: t.top)
    if tables:
        _fill(tables, page.runs)
    for t in tables:
        context = " ".join(line for c in t.cells for line in c.lines)
        for c in t.cells:
            c.context = context
    return tables


def _groups(rules: list[Rule]) -> list[list[Rule]]:
    """Ruling lines that touch, as groups (one per table): by vertical extent."""
    groups: list[list[Rule]] = []
    bottom = -1e9
    for rule in sorted(rules, key=lambda r: r.top):
        if groups and rule.top <= bottom + _TOUCH:
            groups[-1].append(rule)
            bottom = max(bottom, rule.bottom)
        else:
            groups.append([rule])
            bottom = rule.bottom
    return groups


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= _SNAP:
            continue
        out.append(v)
    return out


def _table(page: int, rules: list[Rule]) -> Table | None:
    hs = [r for r in rules if r.horizontal]
    vs = [r for r in rules if not r.horizontal]
    if len(vs) < 2 or len(hs) < 1:
        return None
    xs = _snap([(r.x0 + r.x1) / 2 for r in vs])
    v_top = min(r.top for r in vs)
    v_bottom = max(r.bottom for r in vs)
    h_ys = [(r.top + r.bottom) / 2 for r in hs]
    ys = _snap([*h_ys, v_top, v_bottom])
    if len(xs) < 2 or len(ys) < 2:
        return None
    n_rows, n_cols = len(ys) - 1, len(xs) - 1

    h_at = _by_position(ys, [((r.top + r.bottom) / 2, r.x0, r.x1) for r in hs])
    v_at = _by_position(xs, [((r.x0 + r.x1) / 2, r.top, r.bottom) for r in vs])

    def has_h(y: int, x0: float, x1: float) -> bool:
        return _covers(h_at[y], x0, x1)

    def has_v(x: int, y0: float, y1: float) -> bool:
        return _covers(v_at[x], y0, y1)

    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_rows):
        for c in range(n_cols):
            here = r * n_cols + c
            if c + 1 < n_cols and not has_v(c + 1, ys[r], ys[r + 1]):
                parent[find(here)] = find(here + 1)
            if r + 1 < n_rows and not has_h(r + 1, xs[c], xs[c + 1]):
                parent[find(here)] = find(here + n_cols)
    members: dict[int, list[tuple[int, int]]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            members.setdefault(find(r * n_cols + c), []).append((r, c))
    cells = []
    for group in members.values():
        r0 = min(r for r, _ in group)
        r1 = max(r for r, _ in group)
        c0 = min(c for _, c in group)
        c1 = max(c for _, c in group)
        cell = Cell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])
        if r1 == n_rows - 1 and not has_h(n_rows, xs[c0], xs[c1 + 1]):
            cell.open_bottom = True
        cells.append(cell)
    cells.sort(key=lambda c: (c.row, c.col))
    return Table(
        page, xs[0], ys[0], xs[-1], ys[-1], xs, ys, cells, any(c.open_bottom for c in cells)
    )


def _by_position(
    grid: list[float], segments: list[tuple[float, float, float]]
) -> list[list[tuple[float, float]]]:
    """For each grid line, the sorted spans of the segments that lie on it."""
    out: list[list[tuple[float, float]]] = [[] for _ in grid]
    for at, lo, hi in segments:
        i = bisect.bisect_left(grid, at - _SNAP)
        while i < len(grid) and grid[i] <= at + _SNAP:
            out[i].append((lo, hi))
            i += 1
    for spans in out:
        spans.sort()
    return out


def _covers(spans: list[tuple[float, float]], lo: float, hi: float) -> bool:
    """Whether the segments, joined where they touch, cover [lo, hi] (give or take _TOUCH)."""
    reach = lo + _TOUCH
    for a, b in spans:
        if a > reach + _TOUCH:
            break
        reach = max(reach, b)
        if reach >= hi - _TOUCH:
            return True
    return reach >= hi - _TOUCH


def _fill(tables: list[Table], runs: list[Run]) -> None:
    """Put each run inside a table into the cell that holds its centre."""
    for run in runs:
        cx, cy = run.cx, run.cy
        for t in tables:
            if t.x0 <= cx <= t.x1 and t.top <= cy <= t.bottom:
                for cell in t.cells:
                    if cell.x0 <= cx <= cell.x1 and cell.top <= cy <= cell.bottom:
                        cell.runs.append(run)
                        break
                break


def inside(tables: list[Table], run: Run) -> bool:
    return any(t.x0 <= run.cx <= t.x1 and t.top <= run.cy <= t.bottom for t in tables)
