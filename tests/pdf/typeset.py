"""Disclosure PDFs typeset here, with reportlab and a TrueType CJK font, so that the PDF reader
has documents that always run (no sample folder needed) and whose every figure is known.

Three documents:

- `final_accounts()`: a 决算 of a fictional department (上海市云溪区文化旅游局 2023), its nine
  standard tables typeset the ways other provinces print them: the template's full column sets
  (收入决算表 with 上级补助收入 … 其他收入, 支出决算表 with 上缴上级支出 … 对附属单位补助支出),
  multi-row headers, 类 / 款 / 项 cells merged down over their rows, thousands separators, tables
  in 元 and in 万元, tables cut by a page break (one continuing under a repeated header with
  fewer columns at other positions, one continuing without its header at shifted positions
  with a row cut in two), two tables printed empty with 本表无数据, a 情况说明 part in the
  putuo sample's sentences (`narrative()`), and a 名词解释 part. Its figures agree like a real
  document's: the same figure in every table, each 元 figure rounding to the 万元 one, totals
  and balances, 类 = Σ款 = Σ项, 基本 = 人员 + 公用, the 三公 parts, and every narrative figure,
  share, growth and completion rate. `Final` prints variants of it: other provinces' titles,
  单位：元 throughout, a continuation page without header and with fewer columns, deliberate
  contradictions (`CONTRADICTIONS`), years copied from the year before, titles and 单位 lines
  printed inside the grids, a table that is none of the nine between two of them, the national
  template's 行次 columns and 栏次 rows, titles repeated over continuation pages.
- `budget_tables()`: a 预算 of another fictional department (示例市某某区教育局 2025) printing
  the nine 预算 standard tables (`budget_specs`), a 部门职责 part and a 情况说明 in the seed's
  sentences; `Budget(contradictions=True)` plants `BUDGET_CONTRADICTIONS`.
- `budget(text)`: a 预算 typeset from a seed-format text (headings bold, paragraphs wrapped,
  tab rows as bordered tables, the 项目绩效目标表 among them).

The figures the tests compare with come from the specs below (`final_specs`), never from a
reading.
Lines are wrapped only where the reader's joining restores the text exactly (between two wide
characters, or beside wide punctuation), so a reading must equal the text typeset.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

#: TrueType CJK fonts reportlab can embed (Debian: fonts-wqy-microhei, fonts-wqy-zenhei;
#: `.ci/run` installs the first). Noto CJK is CFF-based, which reportlab cannot embed.
FONT_FILES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
)
REGULAR, BOLD = "YusuanCJK", "YusuanCJK-Bold"


def font_file() -> Path | None:
    return next((p for p in FONT_FILES if p.is_file()), None)


def missing() -> str | None:
    """Why the documents cannot be typeset here, or None."""
    try:
        import reportlab  # noqa: F401
    except ImportError:
        return "reportlab is not installed (pip install -e '.[dev]')"
    if font_file() is None:
        return "no TrueType CJK font (apt-get install fonts-wqy-microhei; .ci/run does)"
    return None


def require() -> None:
    """Skip the calling test, saying why, where the documents cannot be typeset here."""
    reason = missing()
    if reason:
        import pytest

        pytest.skip(reason)


_registered = False


def _register() -> None:
    global _registered
    if _registered:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = font_file()
    assert path is not None, missing()
    regular = TTFont(REGULAR, str(path), subfontIndex=0)
    bold = TTFont(BOLD, str(path), subfontIndex=0)
    # The same outlines under a bold name: how the reader (and pdfium) tells a bold font.
    bold.face.name = bold.face.name + b"-Bold"
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(bold)
    _registered = True


# --------------------------------------------------------------------------------------------
# Wrapping where the reader's joining restores the text


def _ideo(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def breakable(a: str, b: str) -> bool:
    """Whether a line may wrap between `a` and `b` and be joined back to the same text."""
    if a.isspace() or b.isspace() or (a.isascii() and b.isascii()):
        return False
    return not ((_ideo(a) and _latin(b)) or (_latin(a) and _ideo(b)))


def wrap(text: str, width: float, size: float, bold: bool = False, first: float = 0.0) -> list[str]:
    """`text` in lines no wider than `width` (the first `first` narrower), broken only where
    `breakable` allows (a line may overflow when nothing allows it)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = BOLD if bold else REGULAR
    lines: list[str] = []
    start = 0
    while start < len(text):
        limit = width - (first if not lines else 0.0)
        end = start
        last_ok: int | None = None
        used = 0.0
        while end < len(text):
            w = stringWidth(text[end], font, size)
            if used + w > limit and end > start:
                break
            used += w
            end += 1
            if end < len(text) and breakable(text[end - 1], text[end]):
                last_ok = end
        if end >= len(text):
            lines.append(text[start:])
            break
        cut = last_ok if last_ok is not None and last_ok > start else end
        if last_ok is None:  # nowhere to break: run on to the next allowed place
            cut = next(
                (i for i in range(end, len(text)) if breakable(text[i - 1], text[i])), len(text)
            )
        lines.append(text[start:cut])
        start = cut
    return lines


# --------------------------------------------------------------------------------------------
# The page and its drawing primitives (top-based coordinates, points)


@dataclass
class Cell:
    row: int
    col: int
    text: str = ""
    rows: int = 1
    cols: int = 1
    align: str = "left"


class Typesetter:
    def __init__(self, landscape: bool = False, margin: float = 56.0, turned: bool = False) -> None:
        from reportlab.pdfgen import canvas

        _register()
        self.width, self.height = (841.89, 595.28) if landscape else (595.28, 841.89)
        self.margin = margin
        self.buffer = io.BytesIO()
        self.turned = turned
        """Each page set as a page of the other orientation with /Rotate 90 (viewers turn it a
        quarter clockwise) and its content drawn a quarter turn back: it looks the same."""
        size = (self.height, self.width) if turned else (self.width, self.height)
        self.canvas = canvas.Canvas(self.buffer, pagesize=size, invariant=1)
        self._start_page()
        self.y = margin
        self.page_no = 1
        self.glyphs = False
        """Every glyph drawn as a text object of its own, as some writers place them."""
        self.borders = "lines"
        """How `grid` draws borders, as writers do: "lines" (each segment its own stroked
        path), "path" (a grid's segments in one stroked path), "rects" (each cell a stroked
        rectangle) or "fills" (each segment a thin filled rectangle, a grid's in one path)."""
        self.caption: list[tuple[str, str]] = []
        """(text, align) lines the next `grid` prints as its first rows, each in one cell
        across the whole width (a title and 单位 line printed inside the table)."""

    # drawing ---------------------------------------------------------------------------------
    def text(
        self, x: float, top: float, s: str, size: float, bold: bool = False, space: float = 0.0
    ) -> None:
        self.canvas.setFont(BOLD if bold else REGULAR, size)
        if not self.glyphs:
            self.canvas.drawString(x, self.height - top - 0.88 * size, s, charSpace=space)
            return
        for ch in s:  # one text object per glyph, each at its own place
            self.canvas.drawString(x, self.height - top - 0.88 * size, ch)
            x += self.string_width(ch, size, bold) + space

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.canvas.setLineWidth(0.6)
        self.canvas.line(x0, self.height - y0, x1, self.height - y1)

    def string_width(self, s: str, size: float, bold: bool = False) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return float(stringWidth(s, BOLD if bold else REGULAR, size))

    def _start_page(self) -> None:
        if self.turned:
            self.canvas.setPageRotation(90)
            self.canvas.transform(0, 1, -1, 0, self.height, 0)

    def new_page(self) -> None:
        # A page number in the bottom margin, as printed documents have (the reader drops it).
        label = f"- {self.page_no} -"
        self.text((self.width - self.string_width(label, 9)) / 2, self.height - 30, label, 9)
        self.canvas.showPage()
        self._start_page()
        self.page_no += 1
        self.y = self.margin

    def room(self) -> float:
        return self.height - self.margin - self.y

    def finish(self) -> bytes:
        self.new_page()
        self.canvas.save()
        return self.buffer.getvalue()

    # prose -----------------------------------------------------------------------------------
    def line(
        self, s: str, size: float = 10.5, bold: bool = False, align: str = "left", gap: float = 6
    ) -> None:
        """One printed line (a title, a 单位 line), shrunk to fit the measure."""
        measure = self.width - 2 * self.margin
        while self.string_width(s, size, bold) > measure and size > 6:
            size -= 0.5
        if self.room() < size * 1.4:
            self.new_page()
        w = self.string_width(s, size, bold)
        x = {
            "left": self.margin,
            "center": (self.width - w) / 2,
            "right": self.width - self.margin - w,
        }[align]
        self.text(x, self.y, s, size, bold)
        self.y += size * 1.4 + gap

    def pair(self, left: str, right: str, size: float = 10.5, gap: float = 6) -> None:
        """Two texts on one printed line, one at each margin (`编制单位：…` … `单位：元`)."""
        if self.room() < size * 1.4:
            self.new_page()
        self.text(self.margin, self.y, left, size)
        w = self.string_width(right, size)
        self.text(self.width - self.margin - w, self.y, right, size)
        self.y += size * 1.4 + gap

    def paragraph(self, s: str, size: float = 10.5, indent: bool = True, gap: float = 8) -> None:
        """A paragraph: first line indented two characters, full lines justified to the
        measure, never cut by a page break (it moves to the next page whole)."""
        measure = self.width - 2 * self.margin
        first = 2 * size if indent else 0.0
        lines = wrap(s, measure, size, first=first)
        lead = size * 1.45
        if self.room() < lead * len(lines):
            self.new_page()
        for n, text in enumerate(lines):
            x = self.margin + (first if n == 0 else 0.0)
            space = 0.0
            if n < len(lines) - 1 and len(text) > 1:
                slack = self.margin + measure - x - self.string_width(text, size)
                space = max(0.0, min(slack / (len(text) - 1), 0.2 * size))
            self.text(x, self.y, text, size, space=space)
            self.y += lead
        self.y += gap

    # tables ----------------------------------------------------------------------------------
    def grid(
        self,
        x0: float,
        widths: list[float],
        cells: list[Cell],
        size: float = 9.0,
        open_bottom: bool = False,
        min_height: float = 18.0,
    ) -> None:
        """A bordered grid at the current position: every cell drawn as its own four border
        segments (the bottom ones left out when `open_bottom`: the table goes on next page),
        under the pending `caption` rows."""
        if self.caption:
            top = [
                Cell(i, 0, text, cols=len(widths), align=align)
                for i, (text, align) in enumerate(self.caption)
            ]
            n = len(top)
            cells = top + [Cell(c.row + n, c.col, c.text, c.rows, c.cols, c.align) for c in cells]
            self.caption = []
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        n_rows = max(c.row + c.rows for c in cells)
        lead = size * 1.3
        wrapped = {id(c): wrap(c.text, xs[c.col + c.cols] - xs[c.col] - 6, size) for c in cells}
        heights = [min_height] * n_rows
        for c in cells:
            if c.rows == 1:
                need = len(wrapped[id(c)]) * lead + 6
                heights[c.row] = max(heights[c.row], need)
        ys = [self.y]
        for h in heights:
            ys.append(ys[-1] + h)
        segments: list[tuple[float, float, float, float]] = []
        for c in cells:
            a, b = xs[c.col], xs[c.col + c.cols]
            top, bottom = ys[c.row], ys[c.row + c.rows]
            closed = not (open_bottom and c.row + c.rows == n_rows)
            if self.borders == "rects" and closed:
                self.canvas.setLineWidth(0.6)
                self.canvas.rect(a, self.height - bottom, b - a, bottom - top, stroke=1, fill=0)
            else:
                segments += [(a, top, b, top), (a, top, a, bottom), (b, top, b, bottom)]
                if closed:
                    segments.append((a, bottom, b, bottom))
            lines = wrapped[id(c)]
            y = (top + bottom) / 2 - len(lines) * lead / 2 + (lead - size) / 2
            for text in lines:
                w = self.string_width(text, size)
                x = {"left": a + 3, "center": (a + b - w) / 2, "right": b - 3 - w}[c.align]
                self.text(x, y, text, size)
                y += lead
        self._borders(segments)
        self.y = ys[-1]

    def _borders(self, segments: list[tuple[float, float, float, float]]) -> None:
        if self.borders in ("lines", "rects"):
            for x0, y0, x1, y1 in segments:
                self.rule(x0, y0, x1, y1)
            return
        path = self.canvas.beginPath()
        half = 0.3
        for x0, y0, x1, y1 in segments:
            if self.borders == "path":
                path.moveTo(x0, self.height - y0)
                path.lineTo(x1, self.height - y1)
            else:  # a thin filled rectangle centred on the segment
                left, right = min(x0, x1) - half, max(x0, x1) + half
                upper, lower = self.height - min(y0, y1) + half, self.height - max(y0, y1) - half
                path.rect(left, lower, right - left, upper - lower)
        self.canvas.setLineWidth(0.6)
        stroke = self.borders == "path"
        self.canvas.drawPath(path, stroke=1 if stroke else 0, fill=0 if stroke else 1)

    def row_heights(self, widths: list[float], rows: list[list[str]], size: float) -> list[float]:
        lead = size * 1.3
        out = []
        for row in rows:
            lines = max(
                (len(wrap(t, w - 6, size)) for t, w in zip(row, widths, strict=False) if t),
                default=1,
            )
            out.append(max(18.0, lines * lead + 6))
        return out


# --------------------------------------------------------------------------------------------
# The 决算: its figures (the key the tests compare with) and how each table is printed

D = Decimal


def money(value: Decimal | None) -> str:
    """As printed: thousands separators, two decimals; blank when None."""
    return "" if value is None else f"{value:,.2f}"


@dataclass
class Row:
    code: str | None
    label: str
    values: list[Decimal | None]


@dataclass
class Spec:
    """One standard table as the key knows it: what the reader must give back."""

    name: str
    title: str
    unit: str
    columns: list[list[str]]
    rows: list[Row]
    empty: bool = False
    pages: list[int] = field(default_factory=list)


def _v(*items: str | None) -> list[Decimal | None]:
    return [None if v is None else D(v) for v in items]


DEPARTMENT = "上海市云溪区文化旅游局"
YEAR = 2023
TITLE = f"{DEPARTMENT}{YEAR}年度部门决算"


@dataclass
class Final:
    """How a variant of the 决算 is printed; the default is the document described above.

    Every variant prints the same department and figures, so its tables and narrative agree
    with each other (a real document's do) unless `contradictions` says otherwise."""

    yuan: bool = False
    """Every table in 元 (单位：元 throughout), the narrative still in 万元."""
    titles: dict[str, str] = field(default_factory=dict)
    """Standard name -> the title printed instead of it (`部门收支决算总表` …)."""
    unit_name: bool = False
    """The department's name above each title, and `编制单位：…` beside the 单位 line."""
    narrow_continuation: bool = False
    """收入决算表 goes on (page 4) without its header and with only the four columns that
    hold figures, every column at another position."""
    contradictions: bool = False
    """Deliberate errors (`CONTRADICTIONS`): the reader must read them, the audit find them."""
    explained: bool = True
    """The 情况说明 part printed (without it the typed fields come from the tables alone)."""
    year_slips: bool = False
    """The narrative's first heading and its 国有资产 sentence name the year before."""
    title_in_grid: bool = False
    """Each table's title and 单位 line (and the department's name, `unit_name`) printed as the
    first rows of its grid, each in one cell across the whole width; nothing above the grid."""
    extra_table: bool = False
    """一般公共预算财政拨款项目支出决算表, none of the nine standard tables, printed on a page
    of its own (page 9) between the 一般公共预算财政拨款支出决算表 and the 基本支出 table,
    with the first one's 科目编码 / 科目名称 columns; the tables after it move a page on."""
    national: bool = False
    """The national (财政部) template's layout: a 行次 column beside each 项目 column of the
    two 总表 (every line numbered, 1, 2, 3 … down the left side, on from there down the
    right), and under the header of every table with a label column a 栏次 row
    (`栏次 | | 1 | 2 …`: the column numbers), repeated under a repeated header. No figure
    changes."""
    turned: bool = False
    """Every page a portrait page with /Rotate 90, its content drawn a quarter turn back (a
    landscape table in a portrait document, as some writers save it): it looks the same."""
    glyphs: bool = False
    """Every glyph its own text object (`Typesetter.glyphs`)."""
    year_first: bool = False
    """The cover's title on one line, the year first: `2023年度上海市云溪区文化旅游局部门决算`."""
    borders: str = "lines"
    """How the grids' borders are drawn (`Typesetter.borders`): "lines", "path", "rects" or
    "fills"."""
    repeat_titles: bool = False
    """Each table cut by a page break prints its title lines (表 number, title, 单位 line) again
    over its continuation page, as Excel prints a sheet's title rows on every page: the
    收入决算表 (header repeated) as `收入决算表（续）`, the 支出决算表 (no header, a row cut in
    two) under its title as printed on its first page."""
    part_year_slip: bool = False
    """The part's title (`第三部分 …2022年度部门决算情况说明`) names the year before: every
    paragraph sits under a sub-heading (`一、…`), none right under the title."""
    section_year_slip: bool = False
    """`五、2022年度一般公共预算财政拨款支出决算情况说明` names the year before: it is directly
    followed by `（一）…`, so no paragraph sits right under it."""


# 收入支出决算总表 (元): two sides, 收入 | 支出. Each 元 figure rounds to the 万元 the other
# tables print (39,465,412.56 元 -> 3946.54 万元).
_SUMMARY_IN = [
    ("一、一般公共预算财政拨款收入", "39465412.56"),
    ("二、政府性基金预算财政拨款收入", None),
    ("三、国有资本经营预算财政拨款收入", None),
    ("四、上级补助收入", None),
    ("五、事业收入", "2345678.90"),
    ("六、经营收入", None),
    ("七、附属单位上缴收入", None),
    ("八、其他收入", "123418.76"),
]
_SUMMARY_OUT = [
    ("一、一般公共服务支出", None),
    ("二、文化旅游体育与传媒支出", "35000000.00"),
    ("三、社会保障和就业支出", "3100000.00"),
    ("四、卫生健康支出", "1200000.00"),
    ("五、住房保障支出", "1500000.00"),
]
_SUMMARY_TAIL = [
    ("本年收入合计", "41934510.22", "本年支出合计", "40800000.00"),
    ("使用非财政拨款结余", None, "结余分配", None),
    ("年初结转和结余", "2000000.00", "年末结转和结余", "3134510.22"),
    ("总计", "43934510.22", "总计", "43934510.22"),
]

# 收入决算表 (万元): 类 / 款 / 项, then the template's seven figure columns.
_INCOME_COLUMNS = ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入"]
_INCOME_COLUMNS += ["附属单位上缴收入", "其他收入"]
_INCOME_ROWS = [
    # (类, 款, 项, name, 本年收入合计, 财政拨款收入, 事业收入, 其他收入)
    ("", "", "", "合计", "4193.45", "3946.54", "234.57", "12.34"),
    ("207", "", "", "文化旅游体育与传媒支出", "3613.45", "3366.54", "234.57", "12.34"),
    ("207", "01", "", "文化和旅游", "3613.45", "3366.54", "234.57", "12.34"),
    ("207", "01", "01", "行政运行", "1280.00", "1280.00", None, None),
    ("207", "01", "09", "文化和旅游市场管理", "960.00", "960.00", None, None),
    ("207", "01", "12", "文化和旅游交流与合作", "1373.45", "1126.54", "234.57", "12.34"),
    ("208", "", "", "社会保障和就业支出", "310.00", "310.00", None, None),
    ("208", "05", "", "行政事业单位养老支出", "310.00", "310.00", None, None),
    ("208", "05", "05", "机关事业单位基本养老保险缴费支出", "200.00", "200.00", None, None),
    ("208", "05", "06", "机关事业单位职业年金缴费支出", "110.00", "110.00", None, None),
    ("210", "", "", "卫生健康支出", "120.00", "120.00", None, None),
    ("210", "11", "", "行政事业单位医疗", "120.00", "120.00", None, None),
    ("210", "11", "01", "行政单位医疗", "120.00", "120.00", None, None),
    ("221", "", "", "住房保障支出", "150.00", "150.00", None, None),
    ("221", "02", "", "住房改革支出", "150.00", "150.00", None, None),
    ("221", "02", "01", "住房公积金", "150.00", "150.00", None, None),
]
#: The 收入决算表 page break: after this many body rows (inside 208 / 05: both cells merged
#: over the break).
_INCOME_BREAK = 9
#: The break of the `narrow_continuation` variant: inside 207 / 01, before the 项 row that holds
#: 事业收入 and 其他收入, so that the page without a header has a figure in every column.
_NARROW_BREAK = 5

# 支出决算表 (万元): one 科目编码 column, the template's six figure columns.
_SPEND_COLUMNS = ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出"]
_SPEND_COLUMNS += ["对附属单位补助支出"]
_SPEND_ROWS = [
    ("", "合计", "4080.00", "1860.00", "2220.00"),
    ("207", "文化旅游体育与传媒支出", "3500.00", "1280.00", "2220.00"),
    ("20701", "文化和旅游", "3500.00", "1280.00", "2220.00"),
    ("2070101", "行政运行", "1280.00", "1280.00", None),
    ("2070109", "文化和旅游市场管理", "1000.00", None, "1000.00"),
    ("2070112", "文化和旅游交流与合作", "1220.00", None, "1220.00"),
    ("208", "社会保障和就业支出", "310.00", "310.00", None),
    ("20805", "行政事业单位养老支出", "310.00", "310.00", None),
    ("2080505", "机关事业单位基本养老保险缴费支出", "200.00", "200.00", None),
    ("2080506", "机关事业单位职业年金缴费支出", "110.00", "110.00", None),
    ("210", "卫生健康支出", "120.00", "120.00", None),
    ("21011", "行政事业单位医疗", "120.00", "120.00", None),
    ("2101101", "行政单位医疗", "120.00", "120.00", None),
    ("221", "住房保障支出", "150.00", "150.00", None),
    ("22102", "住房改革支出", "150.00", "150.00", None),
    ("2210201", "住房公积金", "150.00", "150.00", None),
]
#: The 支出决算表 page break cuts this body row in two (its name wraps over the break).
_SPEND_CUT = 8

# 财政拨款收入支出决算总表 (万元).
_FISCAL_IN = [
    ("一、一般公共预算财政拨款", "3946.54"),
    ("二、政府性基金预算财政拨款", None),
    ("三、国有资本经营预算财政拨款", None),
]
_FISCAL_OUT = [
    ("一、文化旅游体育与传媒支出", "3366.54", "3366.54", None, None),
    ("二、社会保障和就业支出", "310.00", "310.00", None, None),
    ("三、卫生健康支出", "120.00", "120.00", None, None),
    ("四、住房保障支出", "150.00", "150.00", None, None),
]
_FISCAL_TAIL = [
    ("本年收入合计", "3946.54", "本年支出合计", ("3946.54", "3946.54", None, None)),
    ("年初财政拨款结转和结余", None, "年末财政拨款结转和结余", (None, None, None, None)),
    ("总计", "3946.54", "总计", ("3946.54", "3946.54", None, None)),
]

_FISCAL_KINDS = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")

# 一般公共预算财政拨款支出决算表 (万元): 类, 款 and 项 rows; the budget (年初预算) of each 项
# is what the narrative states beside it.
_GENERAL_ROWS = [
    ("", "合计", "3946.54", "1860.00", "2086.54"),
    ("207", "文化旅游体育与传媒支出", "3366.54", "1280.00", "2086.54"),
    ("20701", "文化和旅游", "3366.54", "1280.00", "2086.54"),
    ("2070101", "行政运行", "1280.00", "1280.00", None),
    ("2070109", "文化和旅游市场管理", "960.00", None, "960.00"),
    ("2070112", "文化和旅游交流与合作", "1126.54", None, "1126.54"),
    ("208", "社会保障和就业支出", "310.00", "310.00", None),
    ("20805", "行政事业单位养老支出", "310.00", "310.00", None),
    ("2080505", "机关事业单位基本养老保险缴费支出", "200.00", "200.00", None),
    ("2080506", "机关事业单位职业年金缴费支出", "110.00", "110.00", None),
    ("210", "卫生健康支出", "120.00", "120.00", None),
    ("21011", "行政事业单位医疗", "120.00", "120.00", None),
    ("2101101", "行政单位医疗", "120.00", "120.00", None),
    ("221", "住房保障支出", "150.00", "150.00", None),
    ("22102", "住房改革支出", "150.00", "150.00", None),
    ("2210201", "住房公积金", "150.00", "150.00", None),
]
#: 项 code -> (年初预算, what it is used for).
_GENERAL_BUDGET = {
    "2070101": ("1300.00", "局机关人员经费及公用经费等基本支出"),
    "2070109": ("1000.00", "文化和旅游市场执法检查、演出市场监管等支出"),
    "2070112": ("1126.54", "对外文化和旅游交流活动、推介会等支出"),
    "2080505": ("205.00", "在职人员的基本养老保险缴费支出"),
    "2080506": ("112.00", "在职人员的职业年金缴费支出"),
    "2101101": ("125.00", "在职人员基本医疗保险费"),
    "2210201": ("150.00", "缴纳在职人员住房公积金"),
}

# 一般公共预算财政拨款基本支出决算表 (元): two sides, 人员经费 | 公用经费.
_BASIC_PERSONNEL = [
    ("301", "工资福利支出", "14321000.00"),
    ("30101", "基本工资", "5234567.00"),
    ("30102", "津贴补贴", "9086433.00"),
    ("303", "对个人和家庭的补助", "679000.00"),
    ("30305", "生活补助", "679000.00"),
]
_BASIC_PUBLIC = [
    ("302", "商品和服务支出", "3600000.00"),
    ("30201", "办公费", "1234567.89"),
    ("30211", "差旅费", "2365432.11"),
]
_BASIC_TAIL = ("人员经费合计", "15000000.00", "公用经费合计", "3600000.00")

# 财政拨款"三公"经费支出决算表 (万元): 预算数 and 决算数 for each.
_THREE_HEAD = [("合计", None), ("因公出国（境）费", None), ("公务用车购置及运行费", "小计")]
_THREE_HEAD += [
    ("公务用车购置及运行费", "公务用车购置费"),
    ("公务用车购置及运行费", "公务用车运行费"),
]
_THREE_HEAD += [("公务接待费", None)]
_THREE_VALUES = ["12.50", "10.20", "3.00", "2.80", "6.00", "5.10", "0", "0", "6.00", "5.10"]
_THREE_VALUES += ["3.50", "2.30"]

#: 机关运行经费 (= 公用经费) this year and the year before (万元); the totals of the year before.
_OPERATING = ("360.00", "348.00")
_PREVIOUS = {"total": "4200.00", "fiscal": "3800.00", "general": "3800.00"}

GLOSSARY = [
    ("财政拨款收入", "指单位本年度从本级财政部门取得的财政拨款。"),
    ("事业收入", "指事业单位开展专业业务活动及辅助活动所取得的收入。"),
    ("年初结转和结余", "指以前年度尚未完成、结转到本年按有关规定继续使用的资金。"),
    ("基本支出", "指单位为保障机构正常运转、完成日常工作任务而发生的各项支出。"),
    (
        "“三公”经费",
        "指单位使用本级财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。",
    ),
]
_CN = "一二三四五六七八九十"

#: The deliberate errors of `Final(contradictions=True)`: (rule, pages of its locations, what
#: is wrong). Each is one finding (a share printed with a wrong figure is computed from that
#: figure, so the figures misstated carry shares that agree with them); the tests compare the
#: audit's findings with this list.
CONTRADICTIONS = [
    ("TABLE-CLASS-SUM", [9, 9, 9], "差旅费 2,365,423.11 元: 302 商品和服务支出 ≠ Σ款"),
    ("NARR-ITEM", [13, 8], "行政运行（项） 支出决算为1208.00万元, the table 1280.00"),
    ("NARR-ITEM", [13, 8], "社会保障和就业支出（类） 301.00万元, the table 310.00"),
    ("NARR-SHARE", [13, 8], "卫生健康支出（类） 占3.40%, the table gives 3.04%"),
    ("NARR-THREE-PUBLIC", [14, 10], "公务接待费 支出决算为2.03万元, the table 2.30"),
]


def _yuan(value: str | None) -> str | None:
    """A 万元 figure in 元 (exactly: the 万元 table's figure × 10000)."""
    return None if value is None else f"{D(value) * 10000:.2f}"


def _in(unit: str, value: str | None, options: Final) -> str | None:
    """A figure of a table whose own unit is `unit`, as the variant prints it."""
    return _yuan(value) if options.yuan and unit == "万元" else value


def _summary_value(value: str | None, options: Final) -> str | None:
    """A 收入支出决算总表 figure (元). Printed in 元 throughout, the document's 元 figures are
    the 万元 ones × 10000 (the summary's cents would disagree with the other tables, now in 元
    too, by what their rounding to 万元 hid)."""
    if value is None or not options.yuan:
        return value
    return _yuan(f"{D(value) / 10000:.2f}")


def _unit(unit: str, options: Final) -> str:
    return "元" if options.yuan else unit


def _title(name: str, options: Final, printed: str | None = None) -> str:
    return options.titles.get(name, printed or name)


def _summary_spec(options: Final) -> Spec:
    rows: list[Row] = []
    n = max(len(_SUMMARY_IN), len(_SUMMARY_OUT))
    for i in range(n):
        if i < len(_SUMMARY_IN):
            label, v = _SUMMARY_IN[i]
            rows.append(Row(None, label, _v(_summary_value(v, options), None)))
        if i < len(_SUMMARY_OUT):
            label, v = _SUMMARY_OUT[i]
            rows.append(Row(None, label, _v(None, _summary_value(v, options))))
    for a, va, b, vb in _SUMMARY_TAIL:
        va, vb = _summary_value(va, options), _summary_value(vb, options)
        rows += [Row(None, a, _v(va, None)), Row(None, b, _v(None, vb))]
    name = "收入支出决算总表"
    return Spec(name, _title(name, options), "元", [["收入", "决算数"], ["支出", "决算数"]], rows)


def _income_spec(options: Final) -> Spec:
    rows = []
    for cls, kuan, xiang, name, *figures in _INCOME_ROWS:
        total, fiscal, service, other = (_in("万元", v, options) for v in figures)
        code = (cls + kuan + xiang) or None
        rows.append(Row(code, name, _v(total, fiscal, None, service, None, None, other)))
    name = "收入决算表"
    columns = [[c] for c in _INCOME_COLUMNS]
    return Spec(name, _title(name, options), _unit("万元", options), columns, rows)


def _spend_spec(options: Final) -> Spec:
    rows = []
    for code, label, *figures in _SPEND_ROWS:
        total, basic, project = (_in("万元", v, options) for v in figures)
        rows.append(Row(code or None, label, _v(total, basic, project, None, None, None)))
    name = "支出决算表"
    columns = [[c] for c in _SPEND_COLUMNS]
    return Spec(name, _title(name, options), _unit("万元", options), columns, rows)


def _fiscal_spec(options: Final) -> Spec:
    rows: list[Row] = []

    def y(v: str | None) -> str | None:
        return _in("万元", v, options)

    for i in range(max(len(_FISCAL_IN), len(_FISCAL_OUT))):
        if i < len(_FISCAL_IN):
            label, v = _FISCAL_IN[i]
            rows.append(Row(None, label, _v(y(v), None, None, None, None)))
        if i < len(_FISCAL_OUT):
            label, *vs = _FISCAL_OUT[i]
            rows.append(Row(None, label, _v(None, *(y(v) for v in vs))))
    for a, va, b, vb in _FISCAL_TAIL:
        rows += [Row(None, a, _v(y(va), None, None, None, None))]
        rows += [Row(None, b, _v(None, *(y(v) for v in vb)))]
    columns = [["收入", "决算数"], ["支出", "合计"]]
    columns += [["支出", "决算数", name] for name in _FISCAL_KINDS]
    name = "财政拨款收入支出决算总表"
    return Spec(name, _title(name, options), _unit("万元", options), columns, rows)


def _general_spec(options: Final) -> Spec:
    rows = []
    for code, label, *figures in _GENERAL_ROWS:
        rows.append(Row(code or None, label, _v(*(_in("万元", v, options) for v in figures))))
    name = "一般公共预算财政拨款支出决算表"
    columns = [["合计"], ["基本支出"], ["项目支出"]]
    return Spec(name, _title(name, options), _unit("万元", options), columns, rows)


def _basic_public(options: Final) -> list[tuple[str, str, str]]:
    if not options.contradictions:
        return list(_BASIC_PUBLIC)
    # 差旅费 with two digits swapped: 302 no longer the sum of its 款.
    return [_BASIC_PUBLIC[0], _BASIC_PUBLIC[1], ("30211", "差旅费", "2365423.11")]


def _basic_spec(options: Final) -> Spec:
    rows: list[Row] = []
    public = _basic_public(options)
    for i in range(max(len(_BASIC_PERSONNEL), len(public))):
        if i < len(_BASIC_PERSONNEL):
            code, label, v = _BASIC_PERSONNEL[i]
            rows.append(Row(code, label, _v(v, None)))
        if i < len(public):
            code, label, v = public[i]
            rows.append(Row(code, label, _v(None, v)))
    a, va, b, vb = _BASIC_TAIL
    rows += [Row(None, a, _v(va, None)), Row(None, b, _v(None, vb))]
    name = "一般公共预算财政拨款基本支出决算表"
    columns = [["人员经费", "决算数"], ["公用经费", "决算数"]]
    return Spec(name, _title(name, options), "元", columns, rows)


def _three_columns() -> list[list[str]]:
    head = "财政拨款“三公”经费"
    out = []
    for a, b in _THREE_HEAD:
        for kind in ("预算数", "决算数"):
            out.append([head, a, *([b] if b else []), kind])
    return out


def _three_values(options: Final) -> list[str | None]:
    return [_in("万元", v, options) for v in _THREE_VALUES]


def _three_spec(options: Final) -> Spec:
    name = '财政拨款"三公"经费支出决算表'
    rows = [Row(None, None, _v(*_three_values(options)))]  # type: ignore[arg-type]
    title = _title(name, options, "财政拨款“三公”经费支出决算表")
    return Spec(name, title, _unit("万元", options), _three_columns(), rows)


_FUND_COLUMNS = [["年初结转和结余"], ["本年收入"], ["本年支出", "小计"], ["本年支出", "基本支出"]]
_FUND_COLUMNS += [["本年支出", "项目支出"], ["年末结转和结余"]]


def _fund_spec(name: str, options: Final) -> Spec:
    rows = [Row(None, "合计", [None] * 6)]
    columns = [list(c) for c in _FUND_COLUMNS]
    return Spec(name, _title(name, options), _unit("万元", options), columns, rows, empty=True)


def final_specs(options: Final | None = None) -> list[Spec]:
    """The nine tables, in the order printed, with the pages `final_accounts` puts them on."""
    options = options or Final()
    specs = [
        _summary_spec(options),
        _income_spec(options),
        _spend_spec(options),
        _fiscal_spec(options),
        _general_spec(options),
        _basic_spec(options),
        _three_spec(options),
        _fund_spec("政府性基金预算财政拨款收入支出决算表", options),
        _fund_spec("国有资本经营预算财政拨款收入支出决算表", options),
    ]
    pages = [[2], [3, 4], [5, 6], [7], [8], [9], [10], [11], [12]]
    for n, (spec, p) in enumerate(zip(specs, pages, strict=True)):
        # The extra table takes page 9: the tables after it move a page on.
        spec.pages = [q + 1 for q in p] if options.extra_table and n >= 5 else p
    return specs


#: The table `Final(extra_table=True)` prints: 一般公共预算财政拨款项目支出决算表 (万元), the
#: 项目支出 of the 一般公共预算财政拨款支出决算表 with its 年初预算 (`_GENERAL_BUDGET`).
EXTRA_TITLE = "一般公共预算财政拨款项目支出决算表"
_EXTRA_ROWS = [
    ("", "合计", "2126.54", "2086.54"),
    ("2070109", "文化和旅游市场管理", "1000.00", "960.00"),
    ("2070112", "文化和旅游交流与合作", "1126.54", "1126.54"),
]


def _extra_table(ts: Typesetter, options: Final, size: float) -> None:
    """`EXTRA_TITLE` with its header, 单位 line and note, as a standard table is printed."""
    _header(ts, EXTRA_TITLE, EXTRA_TITLE, "万元", "附表", options)
    cells = [Cell(0, 0, "项目", cols=2, align="center")]
    cells += [Cell(0, 2, "年初预算数", rows=2, align="center")]
    cells += [Cell(0, 3, "决算数", rows=2, align="center")]
    cells += [Cell(1, 0, "科目编码", align="center"), Cell(1, 1, "科目名称", align="center")]
    for i, (code, label, *vs) in enumerate(_EXTRA_ROWS):
        r = 2 + i
        if not code:
            cells.append(Cell(r, 0, label, cols=2, align="center"))
        else:
            cells += [Cell(r, 0, code), Cell(r, 1, label)]
        cells += [
            Cell(r, 2 + k, money(_d(_in("万元", v, options))), align="right")
            for k, v in enumerate(vs)
        ]
    ts.grid(ts.margin, [90, 260, 120, 120], cells, size=size, min_height=16.0)
    _note(ts, "注：本表反映部门本年度一般公共预算财政拨款项目支出情况。")


# --------------------------------------------------------------------------------------------
# The narrative (情况说明), from the same figures, in the putuo sample's sentences

_CENT = D("0.01")


def _pct(part: str | Decimal, whole: str | Decimal) -> str:
    from decimal import ROUND_HALF_UP

    value = (D(part) * 100 / D(whole)).quantize(_CENT, rounding=ROUND_HALF_UP)
    return f"{value}%"


def _change(now: str, before: str) -> str:
    """`增加146.54万元，增长3.86%` (or 减少 … 下降 …)."""
    delta = D(now) - D(before)
    up = delta >= 0
    return (
        f"{'增加' if up else '减少'}{abs(delta):.2f}万元，"
        f"{'增长' if up else '下降'}{_pct(abs(delta), before)}"
    )


def narrative(options: Final | None = None) -> list[tuple[str, str]]:
    """The 情况说明 part as (kind, text): kind "part" (the part title), "h" (a heading) or "p"
    (a paragraph), in the order printed."""
    options = options or Final()
    bad = options.contradictions
    dept, year, last = DEPARTMENT, YEAR, YEAR - 1
    total_in = "4193.45"
    fiscal = "3946.54"
    total = f"{D('43934510.22') / 10000:.2f}"  # 4393.45
    out: list[tuple[str, str]] = []
    part_year = last if options.part_year_slip else year
    out.append(("part", f"第三部分 {dept}{part_year}年度部门决算情况说明"))
    slip = f"{last}年度" if options.year_slips else ""
    out.append(("h", f"一、{slip}收入支出决算总体情况说明"))
    out.append(
        (
            "p",
            f"{dept}{year}年度收入支出总计{total}万元。与{last}年度相比，收入支出总计"
            f"{_change(total, _PREVIOUS['total'])}。主要原因：对外文化和旅游交流活动增加。",
        )
    )
    out.append(("h", "二、收入决算情况说明"))
    service_share = _pct("234.57", total_in)
    out.append(
        (
            "p",
            f"本年收入合计{total_in}万元，其中：财政拨款收入{fiscal}万元，"
            f"占{_pct(fiscal, total_in)}；事业收入234.57万元，占{service_share}；"
            f"其他收入12.34万元，占{_pct('12.34', total_in)}。",
        )
    )
    out.append(("h", "三、支出决算情况说明"))
    out.append(
        (
            "p",
            f"本年支出合计4080.00万元，其中：基本支出1860.00万元，占{_pct('1860', '4080')}；"
            f"项目支出2220.00万元，占{_pct('2220', '4080')}。",
        )
    )
    out.append(("h", "四、财政拨款收入支出决算总体情况说明"))
    out.append(
        (
            "p",
            f"{dept}{year}年度财政拨款收入支出总计{fiscal}万元。与{last}年度相比，财政拨款收入"
            f"支出总计{_change(fiscal, _PREVIOUS['fiscal'])}。主要原因：文化和旅游交流与合作"
            "项目增加。",
        )
    )
    five_year = f"{last}年度" if options.section_year_slip else ""
    out.append(("h", f"五、{five_year}一般公共预算财政拨款支出决算情况说明"))
    out.append(("h", "（一）一般公共预算财政拨款支出决算总体情况"))
    out.append(
        (
            "p",
            f"一般公共预算财政拨款支出{fiscal}万元，占本年支出合计的{_pct(fiscal, '4080')}。"
            f"与{last}年度相比，一般公共预算财政拨款支出{_change(fiscal, _PREVIOUS['general'])}。"
            "主要原因：文化和旅游交流与合作项目增加。",
        )
    )
    out.append(("h", "（二）一般公共预算财政拨款支出决算结构情况"))
    classes = [(c, n, v) for c, n, v, _, _ in _GENERAL_ROWS if len(c) == 3]
    parts = []
    for code, name, value in classes:
        said = "301.00" if bad and code == "208" else value
        share = "3.40%" if bad and code == "210" else _pct(said, fiscal)
        parts.append(f"{name}（类）{said}万元，占{share}")
    out.append(
        ("p", f"一般公共预算财政拨款支出{fiscal}万元，主要用于以下方面：" + "；".join(parts) + "。")
    )
    out.append(("h", "（三）一般公共预算财政拨款支出决算具体情况"))
    budget = sum((D(b) for b, _ in _GENERAL_BUDGET.values()), D(0))
    out.append(
        (
            "p",
            f"一般公共预算财政拨款支出年初预算为{budget:.2f}万元，支出决算为{fiscal}万元，"
            f"完成年初预算的{_pct(fiscal, budget)}。决算数小于预算数的主要原因：部分项目按实际"
            "需求调减。其中：",
        )
    )
    names = {c: n for c, n, *_ in _GENERAL_ROWS}
    for n, (code, (b, use)) in enumerate(_GENERAL_BUDGET.items(), start=1):
        actual = next(v for c, _, v, _, _ in _GENERAL_ROWS if c == code)
        if bad and code == "2070101":
            actual = "1208.00"
        item = f"{names[code[:3]]}（类）{names[code[:5]]}（款）{names[code]}（项）"
        if D(actual) < D(b):
            why = "决算数小于预算数的主要原因：按实际发生数列支，结余资金按规定收回。"
        else:
            why = "决算数与预算数基本持平。"
        out.append(
            (
                "p",
                f"{n}、{item}。主要用于：{use}。年初预算为{b}万元，支出决算为{actual}万元。{why}",
            )
        )
    out.append(("h", "六、一般公共预算财政拨款基本支出决算情况说明"))
    out.append(
        (
            "p",
            "一般公共预算财政拨款基本支出1860.00万元。其中：人员经费1500.00万元，主要包括："
            "基本工资、津贴补贴、生活补助；公用经费360.00万元，主要包括：办公费、差旅费。",
        )
    )
    out.append(("h", "七、“三公”经费财政拨款支出决算情况说明"))
    out.append(("h", "（一）“三公”经费财政拨款支出决算总体情况说明"))
    v = _THREE_VALUES
    out.append(
        (
            "p",
            f"“三公”经费财政拨款支出年初预算为{v[0]}万元，支出决算为{v[1]}万元，完成预算的"
            f"{_pct(v[1], v[0])}。{year}年度“三公”经费支出决算数小于预算数的主要原因：厉行节约，"
            "压减公务出行和接待。",
        )
    )
    out.append(("h", "（二）“三公”经费财政拨款支出决算具体情况说明"))
    reception = "2.03" if bad else v[11]
    out.append(
        (
            "p",
            f"因公出国（境）费支出决算为{v[3]}万元；公务用车购置及运行维护费支出决算为{v[5]}万元，"
            f"其中：公务用车购置费支出决算为0.00万元，公务用车运行维护费支出决算为{v[9]}万元；"
            f"公务接待费支出决算为{reception}万元。",
        )
    )
    out.append(("h", "八、政府性基金预算财政拨款收入支出决算情况说明"))
    out.append(("p", f"{dept}{year}年度无政府性基金预算财政拨款收入和支出。"))
    out.append(("h", "九、国有资本经营预算财政拨款收入支出决算情况说明"))
    out.append(("p", f"{dept}{year}年度无国有资本经营预算财政拨款收入和支出。"))
    out.append(("h", "十、其他重要事项的情况说明"))
    out.append(("h", "（一）机关运行经费支出情况"))
    now, before = _OPERATING
    out.append(
        (
            "p",
            f"机关运行经费支出{now}万元，比{last}年度{_change(now, before)}。主要原因是办公场所"
            "维修支出增加。",
        )
    )
    out.append(("h", "（二）国有资产占有使用情况说明"))
    asset_year = last if options.year_slips else year
    out.append(
        (
            "p",
            f"截至{asset_year}年12月31日，{dept}共有车辆2辆，其中：机要通信用车1辆、其他用车1辆。"
            "单价100万元（含）以上设备（不含车辆）0台（套）。",
        )
    )
    return out


def _header(
    ts: Typesetter,
    name: str,
    title: str,
    unit: str,
    no: int | str,
    options: Final,
    suffix: str = "",
) -> None:
    """The lines over a table (or, `title_in_grid`, its first rows): its number, the title
    (and `suffix`, `（续）` over a continuation page), the 单位 line."""
    printed = options.titles.get(name, title) + suffix
    unit_line = f"单位：{_unit(unit, options)}"
    if options.title_in_grid:
        ts.caption = [(DEPARTMENT, "center")] if options.unit_name else []
        ts.caption.append((printed, "center"))
        if options.unit_name:
            ts.caption.append((f"编制单位：{DEPARTMENT} {unit_line}", "right"))
        else:
            ts.caption.append((unit_line, "right"))
        return
    ts.line(no if isinstance(no, str) else f"表{_CN[no - 1]}", 10, gap=0)
    if options.unit_name:
        ts.line(DEPARTMENT, 12, align="center", gap=2)
    ts.line(printed, 16, bold=True, align="center", gap=4)
    if options.unit_name:
        ts.pair(f"编制单位：{DEPARTMENT}", unit_line, 10, gap=2)
    else:
        ts.line(unit_line, 10, align="right", gap=2)


def _note(ts: Typesetter, text: str) -> None:
    ts.y += 4
    ts.line(text, 9, gap=0)


def _two_sided(
    ts: Typesetter,
    left: list[tuple[str, str | None]],
    right: list[tuple[str, tuple[str | None, ...]]],
    heads: tuple[list[Cell], list[float]],
    size: float = 9.0,
    numbered: bool = False,
) -> None:
    """收入 | 支出 side by side under `heads`; `numbered`: a 行次 column after each side's
    label, every line numbered (blank ones too), down the left side and on down the right."""
    head, widths = heads
    cells = list(head)
    r0 = max(c.row + c.rows for c in head)
    n = max(len(left), len(right))
    n_right = len(right[0][1])
    at = 3 if numbered else 2  # the right side's first column
    for i in range(n):
        r = r0 + i
        label, v = left[i] if i < len(left) else ("", None)
        cells += _side_cells(r, 0, label, (v,), i + 1 if numbered else None)
        label, vs = right[i] if i < len(right) else ("", (None,) * n_right)
        cells += _side_cells(r, at, label, vs, n + i + 1 if numbered else None)
    ts.grid(ts.margin, widths, cells, size=size)


def _side_cells(
    r: int, col: int, label: str, values: tuple[str | None, ...], line: int | None
) -> list[Cell]:
    """One side of a two-sided row from column `col`: its label, its 行次 (`line`, when the
    template numbers its lines), its figures."""
    cells = [Cell(r, col, label)]
    if line is not None:
        col += 1
        cells.append(Cell(r, col, str(line), align="center"))
    cells += [Cell(r, col + 1 + k, money(_d(v)), align="right") for k, v in enumerate(values)]
    return cells


def _column_numbers(r: int, label_cols: int, numbers: list[int]) -> list[Cell]:
    """The national template's 栏次 row: `栏次` across the label columns, then each figure
    column's number."""
    cells = [Cell(r, 0, "栏次", cols=label_cols, align="center")]
    cells += [Cell(r, label_cols + k, str(v), align="center") for k, v in enumerate(numbers)]
    return cells


def _summary_head(options: Final) -> tuple[list[Cell], list[float]]:
    """收入支出决算总表's header: 收入 | 支出 over 项目 | 决算数 each (national: 项目 | 行次 |
    决算数, and the 栏次 row)."""
    if not options.national:
        head = [Cell(0, 0, "收入", cols=2, align="center")]
        head += [Cell(0, 2, "支出", cols=2, align="center")]
        head += [Cell(1, k, t, align="center") for k, t in enumerate(("项目", "决算数") * 2)]
        return head, [250, 110, 250, 110]
    head = [Cell(0, 0, "收入", cols=3, align="center"), Cell(0, 3, "支出", cols=3, align="center")]
    head += [Cell(1, k, t, align="center") for k, t in enumerate(("项目", "行次", "决算数") * 2)]
    numbers = ("栏次", "", "1", "栏次", "", "2")
    head += [Cell(2, k, t, align="center") for k, t in enumerate(numbers)]
    return head, [210, 40, 110, 210, 40, 110]


def _fiscal_head(options: Final) -> tuple[list[Cell], list[float]]:
    """财政拨款收入支出决算总表's header: 收入 | 支出, the 支出 决算数 by fund (national: a
    行次 column after each 项目, and the 栏次 row)."""
    line = 1 if options.national else 0  # the 行次 column, when printed
    at = 2 + line  # the 支出 side's first column
    head = [Cell(0, 0, "收入", cols=at, align="center")]
    head += [Cell(0, at, "支出", cols=5 + line, align="center")]
    head += [Cell(1, 0, "项目", rows=2, align="center")]
    head += [Cell(1, at, "项目", rows=2, align="center")]
    if options.national:
        head += [Cell(1, 1, "行次", rows=2, align="center")]
        head += [Cell(1, at + 1, "行次", rows=2, align="center")]
    head += [Cell(1, 1 + line, "决算数", rows=2), Cell(1, at + 1 + line, "合计", rows=2)]
    kinds = at + 2 + line  # the three fund columns
    head += [Cell(1, kinds, "决算数", cols=3, align="center")]
    head += [Cell(2, kinds + k, t, align="center") for k, t in enumerate(_FISCAL_KINDS)]
    if not options.national:
        return head, [170, 80, 170, 80, 90, 90, 90]
    numbers = ("栏次", "", "1", "栏次", "", "2", "3", "4", "5")
    head += [Cell(3, k, t, align="center") for k, t in enumerate(numbers)]
    return head, [150, 32, 75, 150, 32, 75, 85, 85, 85]


def _d(value: str | None) -> Decimal | None:
    return None if value is None else D(value)


def _new_page(ts: Typesetter) -> None:
    ts.new_page()


def _two_halves(
    ts: Typesetter,
    heads: tuple[str, str, str],
    personnel: Sequence[tuple[str, str, str]],
    public: Sequence[tuple[str, str, str]],
    tail: tuple[str, str, str, str],
) -> None:
    """A 基本支出 table printed in two halves: 人员经费 | 公用经费, each `heads` (code, name,
    figure) over its (code, name, figure) rows, and the two 合计 rows (`tail`) under them."""
    cells = [Cell(0, 0, "人员经费", cols=3, align="center")]
    cells += [Cell(0, 3, "公用经费", cols=3, align="center")]
    cells += [Cell(1, k, t, align="center") for k, t in enumerate(heads * 2)]
    n = max(len(personnel), len(public))
    for i in range(n):
        r = 2 + i
        for side, items in ((0, personnel), (3, public)):
            if i < len(items):
                code, label, v = items[i]
                cells += [Cell(r, side, code), Cell(r, side + 1, label)]
                cells.append(Cell(r, side + 2, money(D(v)), align="right"))
            else:
                cells += [Cell(r, side + k) for k in range(3)]
    a, va, b, vb = tail
    r = 2 + n
    cells += [Cell(r, 0, a, cols=2, align="center"), Cell(r, 2, money(D(va)), align="right")]
    cells += [Cell(r, 3, b, cols=2, align="center"), Cell(r, 5, money(D(vb)), align="right")]
    ts.grid(ts.margin, [80, 170, 110, 80, 170, 110], cells)


def final_accounts(options: Final | None = None) -> bytes:
    """The 决算 PDF (landscape A4): cover, nine tables (pages 2-12), the 情况说明 and the
    名词解释 after them."""
    options = options or Final()
    size = 7.5 if options.yuan else 9.0  # 元 figures are wider
    ts = Typesetter(landscape=True, turned=options.turned)
    ts.borders = options.borders
    ts.glyphs = options.glyphs
    # Page 1: cover and contents.
    ts.y = 160
    if options.year_first:
        ts.line(f"{YEAR}年度{DEPARTMENT}部门决算", 22, bold=True, align="center", gap=40)
    else:
        ts.line(DEPARTMENT, 24, bold=True, align="center", gap=8)
        ts.line(f"{YEAR}年度部门决算", 24, bold=True, align="center", gap=40)
    ts.line("目录", 14, bold=True, align="center", gap=10)
    for text in ("第一部分 部门决算表", "第二部分 部门决算情况说明", "第三部分 名词解释"):
        ts.line(text, 12, align="center", gap=4)

    # Page 2: 收入支出决算总表 (元, thousands separators).
    _new_page(ts)
    _header(ts, "收入支出决算总表", "收入支出决算总表", "元", 1, options)

    def sv(v: str | None) -> str | None:
        return _summary_value(v, options)

    left: list[tuple[str, str | None]] = [(a, sv(v)) for a, v in _SUMMARY_IN]
    right: list[tuple[str, tuple[str | None, ...]]] = [(b, (sv(v),)) for b, v in _SUMMARY_OUT]
    right += [("", (None,))] * (len(left) - len(right))
    for a, va, b, vb in _SUMMARY_TAIL:
        left.append((a, sv(va)))
        right.append((b, (sv(vb),)))
    _two_sided(ts, left, right, _summary_head(options), numbered=options.national)
    _note(ts, "注：本表反映部门本年度的总收支和年末结转结余情况。")

    # Pages 3-4: 收入决算表, 类 / 款 cells merged over their rows; page 4 repeats the header
    # without the two empty columns, at other positions (or, narrow_continuation: goes on
    # without a header, with only the four columns that hold figures).
    _new_page(ts)
    _header(ts, "收入决算表", "收入决算表", "万元", 2, options)
    cut = _NARROW_BREAK if options.narrow_continuation else _INCOME_BREAK
    rows = [_income_row(r, options) for r in _INCOME_ROWS]
    numbered = options.national
    _income_part(
        ts, rows[:cut], list(range(7)), [34, 34, 34, 200], 58, size=size, numbered=numbered
    )
    _new_page(ts)
    if options.repeat_titles:
        _header(ts, "收入决算表", "收入决算表", "万元", 2, options, suffix="（续）")
    if options.narrow_continuation:
        _income_part(
            ts,
            rows[cut:],
            [0, 1, 3, 6],
            [30, 30, 30, 170],
            104,
            carry=rows[cut - 1],
            header=False,
            size=size,
        )
    else:
        _income_part(
            ts,
            rows[cut:],
            [0, 1, 2, 3, 6],
            [40, 40, 40, 230],
            80,
            carry=rows[cut - 1],
            size=size,
            numbered=numbered,
        )
    _note(ts, "注：本表反映部门本年度取得的各项收入情况。")

    # Pages 5-6: 支出决算表, one code column; page 6 goes on without the header, every
    # column shifted, and the row cut by the break is finished there.
    _new_page(ts)
    _header(ts, "支出决算表", "支出决算表", "万元", 3, options)
    _spend_part(ts, True, options, size)
    _new_page(ts)
    if options.repeat_titles:
        _header(ts, "支出决算表", "支出决算表", "万元", 3, options)
    _spend_part(ts, False, options, size)
    _note(ts, "注：本表反映部门本年度各项支出情况。")

    # Page 7: 财政拨款收入支出决算总表.
    _new_page(ts)
    _header(ts, "财政拨款收入支出决算总表", "财政拨款收入支出决算总表", "万元", 4, options)

    def y(v: str | None) -> str | None:
        return _in("万元", v, options)

    fl: list[tuple[str, str | None]] = [(a, y(v)) for a, v in _FISCAL_IN]
    fr: list[tuple[str, tuple[str | None, ...]]] = [
        (a, tuple(y(v) for v in vs)) for a, *vs in _FISCAL_OUT
    ]
    fl += [("", None)] * (len(fr) - len(fl))
    for a, va, b, vb in _FISCAL_TAIL:
        fl.append((a, y(va)))
        fr.append((b, tuple(y(v) for v in vb)))
    _two_sided(ts, fl, fr, _fiscal_head(options), size=size, numbered=options.national)
    _note(ts, "注：本表反映部门本年度财政拨款的总收支和年末结转结余情况。")

    # Page 8: 一般公共预算财政拨款支出决算表.
    _new_page(ts)
    name = "一般公共预算财政拨款支出决算表"
    _header(ts, name, name, "万元", 5, options)
    widths = [90, 260, 120, 120, 120]
    cells = [Cell(0, 0, "项目", cols=2, align="center")]
    cells += [Cell(0, 2 + k, t, rows=2, align="center") for k, t in enumerate(("合计", "基本支出"))]
    cells += [Cell(0, 4, "项目支出", rows=2, align="center")]
    cells += [Cell(1, 0, "科目编码", align="center"), Cell(1, 1, "科目名称", align="center")]
    r0 = 2
    if options.national:
        cells += _column_numbers(r0, 2, [1, 2, 3])
        r0 += 1
    for i, (code, label, *vs) in enumerate(_GENERAL_ROWS):
        r = r0 + i
        if not code:
            cells.append(Cell(r, 0, label, cols=2, align="center"))
        else:
            cells += [Cell(r, 0, code), Cell(r, 1, label)]
        cells += [Cell(r, 2 + k, money(_d(y(v))), align="right") for k, v in enumerate(vs)]
    ts.grid(ts.margin, widths, cells, size=size, min_height=16.0)

    if options.extra_table:
        _new_page(ts)
        _extra_table(ts, options, size)

    # Page 9: 一般公共预算财政拨款基本支出决算表 (元), two sides.
    _new_page(ts)
    name = "一般公共预算财政拨款基本支出决算表"
    _header(ts, name, name, "元", 6, options)
    heads = ("经济分类科目编码", "科目名称", "决算数")
    _two_halves(ts, heads, _BASIC_PERSONNEL, _basic_public(options), _BASIC_TAIL)

    # Page 10: 财政拨款"三公"经费支出决算表, three header rows.
    _new_page(ts)
    name = '财政拨款"三公"经费支出决算表'
    _header(ts, name, "财政拨款“三公”经费支出决算表", "万元", 7, options)
    cells = [Cell(0, 0, "财政拨款“三公”经费", cols=12, align="center")]
    col = 0
    for a, b in _THREE_HEAD:
        if a == "公务用车购置及运行费":
            if b == "小计":
                cells.append(Cell(1, col, a, cols=6, align="center"))
            cells.append(Cell(2, col, b or "", cols=2, align="center"))
        else:
            cells.append(Cell(1, col, a, rows=2, cols=2, align="center"))
        cells += [Cell(3, col, "预算数", align="center"), Cell(3, col + 1, "决算数")]
        col += 2
    values = _three_values(options)
    cells += [Cell(4, k, money(_d(v)), align="right") for k, v in enumerate(values)]
    ts.grid(ts.margin, [60.0] * 12, cells, size=size)
    _note(ts, "注：本表反映部门本年度“三公”经费支出预决算情况。")

    # Pages 11-12: the two fund tables, printed empty.
    for no, name in (
        (8, "政府性基金预算财政拨款收入支出决算表"),
        (9, "国有资本经营预算财政拨款收入支出决算表"),
    ):
        _new_page(ts)
        _header(ts, name, name, "万元", no, options)
        cells = [Cell(0, 0, "项目", cols=2, align="center")]
        cells += [Cell(0, 2, "年初结转和结余", rows=2), Cell(0, 3, "本年收入", rows=2)]
        cells += [Cell(0, 4, "本年支出", cols=3, align="center")]
        cells += [Cell(0, 7, "年末结转和结余", rows=2)]
        cells += [Cell(1, 0, "功能分类科目编码"), Cell(1, 1, "科目名称")]
        cells += [Cell(1, 4 + k, t) for k, t in enumerate(("小计", "基本支出", "项目支出"))]
        r = 2
        if options.national:
            cells += _column_numbers(r, 2, [1, 2, 3, 4, 5, 6])
            r += 1
        cells += [Cell(r, 0, "合计", cols=2, align="center")]
        cells += [Cell(r, k) for k in range(2, 8)]
        ts.grid(ts.margin, [90, 200, 70, 70, 70, 70, 70, 70], cells)
        _note(ts, "注：本单位无相关收入和支出，本表无数据。")

    # Pages 13-: the 情况说明, as the putuo sample prints it.
    _new_page(ts)
    for kind, text in narrative(options) if options.explained else []:
        if kind == "part":
            ts.line(text, 14, bold=True, align="center", gap=10)
        elif kind == "h":
            ts.line(text, 11, bold=True, gap=4)
        else:
            ts.paragraph(text)

    # Then 名词解释 (a part title that is not bold, items numbered 一、二、…) on a page of its own.
    if options.explained:
        _new_page(ts)
    ts.line("第四部分 名词解释", 14, gap=10)
    for n, (term, definition) in enumerate(GLOSSARY):
        ts.paragraph(f"{_CN[n]}、{term}：{definition}")
    return ts.finish()


_IncomeRow = tuple[str, str, str, str, str | None, str | None, str | None, str | None]


def _income_row(
    row: tuple[str, str, str, str, str, str, str | None, str | None], options: Final
) -> _IncomeRow:
    cls, kuan, xiang, name, *figures = row
    total, fiscal, service, other = (_in("万元", v, options) for v in figures)
    return (cls, kuan, xiang, name, total, fiscal, service, other)


def _income_part(
    ts: Typesetter,
    rows: list[_IncomeRow],
    columns: list[int],
    code_widths: list[float],
    width: float,
    carry: _IncomeRow | None = None,
    header: bool = True,
    size: float = 9.0,
    numbered: bool = False,
) -> None:
    """A page's piece of the 收入决算表: header (three rows, and the 栏次 row when `numbered`,
    unless `header` is false), then `rows`, 类 and 款 cells merged down over the rows that
    share them; `columns` are the figure columns printed."""
    widths = code_widths + [width] * len(columns)
    cells: list[Cell] = []
    r0 = 0
    if header:
        cells += [Cell(0, 0, "项目", cols=4, align="center")]
        cells += [Cell(1, 0, "支出功能分类科目编码", cols=3, align="center")]
        cells += [Cell(1, 3, "科目名称", rows=2, align="center")]
        cells += [Cell(2, k, t, align="center") for k, t in enumerate("类款项")]
        for n, k in enumerate(columns):
            cells.append(Cell(0, 4 + n, _INCOME_COLUMNS[k], rows=3, align="center"))
        r0 = 3
        if numbered:  # the template's column numbers, those of the columns printed
            cells += _column_numbers(r0, 4, [k + 1 for k in columns])
            r0 += 1
    for k in (0, 1):  # 类, 款 merged down over equal runs (the 合计 row and blanks apart)
        i = 0
        while i < len(rows):
            j = i + 1
            key = rows[i][: k + 1]
            if rows[i][k]:
                while j < len(rows) and rows[j][: k + 1] == key:
                    j += 1
            # The run that goes on from the page before prints blank (the merged cell's text
            # stays where it began).
            carried = i == 0 and carry is not None and carry[: k + 1] == key
            cells.append(Cell(r0 + i, k, "" if carried else rows[i][k], rows=j - i))
            i = j
    for i, (_, _, xiang, name, total, fiscal, service, other) in enumerate(rows):
        r = r0 + i
        cells.append(Cell(r, 2, xiang))
        cells.append(Cell(r, 3, name, align="center" if name == "合计" else "left"))
        values = [total, fiscal, None, service, None, None, other]
        for n, k in enumerate(columns):
            cells.append(Cell(r, 4 + n, money(_d(values[k])), align="right"))
    ts.grid(ts.margin + (0 if len(columns) == 7 else 30), widths, cells, size=size)


def _spend_part(ts: Typesetter, first: bool, options: Final, size: float) -> None:
    widths = [70.0, 190.0] + [78.0] * 6
    x0 = ts.margin
    cells: list[Cell] = []
    r0 = 0
    if first:
        cells += [Cell(0, 0, "项目", cols=2, align="center")]
        cells += [Cell(1, 0, "功能分类科目编码", align="center"), Cell(1, 1, "科目名称")]
        cells += [Cell(0, 2 + k, t, rows=2, align="center") for k, t in enumerate(_SPEND_COLUMNS)]
        rows = _SPEND_ROWS[: _SPEND_CUT + 1]
        r0 = 2
        if options.national:
            cells += _column_numbers(r0, 2, list(range(1, 7)))
            r0 += 1
    else:
        rows = _SPEND_ROWS[_SPEND_CUT + 1 :]
        # Every column at another position: wider code column, narrower figures, moved right.
        widths = [80.0, 200.0] + [72.0] * 6
        x0 = ts.margin + 24
        cut_name = _SPEND_ROWS[_SPEND_CUT][1]
        cells += [Cell(0, 0), Cell(0, 1, cut_name[12:])] + [Cell(0, 2 + k) for k in range(6)]
        r0 = 1
    for i, (code, name, *figures) in enumerate(rows):
        r = r0 + i
        if first and i == len(rows) - 1:
            name = name[:12]  # the row is cut: the rest of its name is on the next page
        if not code:
            cells.append(Cell(r, 0, name, cols=2, align="center"))
        else:
            cells += [Cell(r, 0, code), Cell(r, 1, name)]
        values = [_in("万元", v, options) for v in figures] + [None, None, None]
        cells += [Cell(r, 2 + k, money(_d(v)), align="right") for k, v in enumerate(values)]
    ts.grid(x0, widths, cells, open_bottom=first, size=size)


# --------------------------------------------------------------------------------------------
# The 预算 typeset from a seed-format text

_TAG = re.compile(r"</?b>", re.IGNORECASE)
_HEADING = re.compile(r"^\s*#{1,6}\s*")
_BULLET = re.compile(r"^\s*[-*•]\s+")


def budget(text: str) -> bytes:
    """A seed-format text (`#` headings, paragraphs, tab-separated table rows) as a PDF."""
    ts = Typesetter()
    measure = ts.width - 2 * ts.margin
    block: list[list[str]] = []

    def flush() -> None:
        if block:
            _table(ts, block, measure)
            ts.y += 10
            block.clear()

    for raw in text.split("\n"):
        line = _TAG.sub("", raw)
        if "\t" in line:
            block.append([" ".join(c.split()) for c in line.split("\t")])
            continue
        flush()
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            ts.line(" ".join(_HEADING.sub("", line).split()), 12, bold=True, gap=8)
        else:
            ts.paragraph(" ".join(_BULLET.sub("", line, count=1).split()))
    flush()
    return ts.finish()


def _table(ts: Typesetter, rows: list[list[str]], measure: float) -> None:
    """Tab rows as one bordered grid, every row with every column; a table longer than the
    page goes on at the next page (rows are never cut)."""
    n = max(len(r) for r in rows)
    rows = [r + [""] * (n - len(r)) for r in rows]
    weight = [max(6.0, max(len(r[k]) for r in rows) ** 0.5 * 6) for k in range(n)]
    total = sum(weight)
    widths = [measure * w / total for w in weight]
    size = 9.0
    heights = ts.row_heights(widths, rows, size)
    start = 0
    while start < len(rows):
        end = start
        used = 0.0
        while end < len(rows) and (used + heights[end] <= ts.room() or end == start):
            used += heights[end]
            end += 1
        if used > ts.room() and ts.y > ts.margin:
            ts.new_page()
            continue
        cells = [
            Cell(i, k, text) for i, row in enumerate(rows[start:end]) for k, text in enumerate(row)
        ]
        ts.grid(ts.margin, widths, cells, size=size)
        start = end
        if start < len(rows):
            ts.new_page()


# --------------------------------------------------------------------------------------------
# A 预算 that prints the nine 预算 standard tables (most provinces' budget disclosures do)

BUDGET_DEPARTMENT = "示例市某某区教育局"
BUDGET_YEAR = 2025
BUDGET_TITLE = f"{BUDGET_DEPARTMENT}{BUDGET_YEAR}年部门预算"


@dataclass
class Budget:
    """How a variant of the typeset 预算 (`budget_tables`) is printed; the default is consistent:
    the same totals in every table, 类 = Σ款 = Σ项, 基本 = 人员 + 公用, the 三公 parts adding
    up, the 收支总表 balanced, the 情况说明 stating the tables' figures."""

    contradictions: bool = False
    """Deliberate errors (`BUDGET_CONTRADICTIONS`): the reader must read them, the audit find
    them."""


# 功能分类 rows of the 部门收入总表 (万元): (code, name, 合计, 上年结转, 一般公共预算拨款,
# 政府性基金预算拨款, 事业收入, 其他收入).
_B_INCOME_COLUMNS = ["合计", "上年结转", "一般公共预算拨款", "政府性基金预算拨款", "事业收入"]
_B_INCOME_COLUMNS += ["其他收入"]
_B_INCOME_ROWS: list[tuple[str, str, list[str | None]]] = [
    ("", "合计", ["5000.00", "200.00", "4200.00", None, "500.00", "100.00"]),
    ("205", "教育支出", ["4400.00", "200.00", "3600.00", None, "500.00", "100.00"]),
    ("20501", "教育管理事务", ["1200.00", "200.00", "1000.00", None, None, None]),
    ("2050101", "行政运行", ["1000.00", None, "1000.00", None, None, None]),
    ("2050102", "一般行政管理事务", ["200.00", "200.00", None, None, None, None]),
    ("20502", "普通教育", ["3200.00", None, "2600.00", None, "500.00", "100.00"]),
    ("2050201", "学前教育", ["1400.00", None, "800.00", None, "500.00", "100.00"]),
    ("2050202", "小学教育", ["1800.00", None, "1800.00", None, None, None]),
    ("208", "社会保障和就业支出", ["350.00", None, "350.00", None, None, None]),
    ("20805", "行政事业单位养老支出", ["350.00", None, "350.00", None, None, None]),
    ("2080505", "机关事业单位基本养老保险缴费支出", ["230.00", None, "230.00", None, None, None]),
    ("2080506", "机关事业单位职业年金缴费支出", ["120.00", None, "120.00", None, None, None]),
    ("210", "卫生健康支出", ["100.00", None, "100.00", None, None, None]),
    ("21011", "行政事业单位医疗", ["100.00", None, "100.00", None, None, None]),
    ("2101101", "行政单位医疗", ["40.00", None, "40.00", None, None, None]),
    ("2101102", "事业单位医疗", ["60.00", None, "60.00", None, None, None]),
    ("221", "住房保障支出", ["150.00", None, "150.00", None, None, None]),
    ("22102", "住房改革支出", ["150.00", None, "150.00", None, None, None]),
    ("2210201", "住房公积金", ["150.00", None, "150.00", None, None, None]),
]
# 部门支出总表 (万元): (code, name, 合计, 基本支出, 项目支出).
_B_SPEND_ROWS: list[tuple[str, str, list[str | None]]] = [
    ("", "合计", ["5000.00", "3000.00", "2000.00"]),
    ("205", "教育支出", ["4400.00", "2400.00", "2000.00"]),
    ("20501", "教育管理事务", ["1200.00", "1000.00", "200.00"]),
    ("2050101", "行政运行", ["1000.00", "1000.00", None]),
    ("2050102", "一般行政管理事务", ["200.00", None, "200.00"]),
    ("20502", "普通教育", ["3200.00", "1400.00", "1800.00"]),
    ("2050201", "学前教育", ["1400.00", "600.00", "800.00"]),
    ("2050202", "小学教育", ["1800.00", "800.00", "1000.00"]),
    ("208", "社会保障和就业支出", ["350.00", "350.00", None]),
    ("20805", "行政事业单位养老支出", ["350.00", "350.00", None]),
    ("2080505", "机关事业单位基本养老保险缴费支出", ["230.00", "230.00", None]),
    ("2080506", "机关事业单位职业年金缴费支出", ["120.00", "120.00", None]),
    ("210", "卫生健康支出", ["100.00", "100.00", None]),
    ("21011", "行政事业单位医疗", ["100.00", "100.00", None]),
    ("2101101", "行政单位医疗", ["40.00", "40.00", None]),
    ("2101102", "事业单位医疗", ["60.00", "60.00", None]),
    ("221", "住房保障支出", ["150.00", "150.00", None]),
    ("22102", "住房改革支出", ["150.00", "150.00", None]),
    ("2210201", "住房公积金", ["150.00", "150.00", None]),
]
#: The 部门支出总表 page break: after this many body rows (the 合计 row counted).
_B_SPEND_BREAK = 11
# 一般公共预算支出表 (万元): the 一般公共预算拨款 part of each row.
_B_GENERAL_ROWS: list[tuple[str, str, list[str | None]]] = [
    ("", "合计", ["4200.00", "3000.00", "1200.00"]),
    ("205", "教育支出", ["3600.00", "2400.00", "1200.00"]),
    ("20501", "教育管理事务", ["1000.00", "1000.00", None]),
    ("2050101", "行政运行", ["1000.00", "1000.00", None]),
    ("20502", "普通教育", ["2600.00", "1400.00", "1200.00"]),
    ("2050201", "学前教育", ["800.00", "600.00", "200.00"]),
    ("2050202", "小学教育", ["1800.00", "800.00", "1000.00"]),
    *_B_SPEND_ROWS[8:],
]
# 部门收支总表 (万元): 收入 | 支出, each 项目 | 预算数.
_B_SUMMARY_IN: list[tuple[str, str | None]] = [
    ("一、一般公共预算拨款收入", "4200.00"),
    ("二、政府性基金预算拨款收入", None),
    ("三、国有资本经营预算拨款收入", None),
    ("四、事业收入", "500.00"),
    ("五、其他收入", "100.00"),
]
_B_SUMMARY_OUT: list[tuple[str, str | None]] = [
    ("一、教育支出", "4400.00"),
    ("二、社会保障和就业支出", "350.00"),
    ("三、卫生健康支出", "100.00"),
    ("四、住房保障支出", "150.00"),
]
_B_SUMMARY_TAIL: list[tuple[str, str | None, str, str | None]] = [
    ("本年收入合计", "4800.00", "本年支出合计", "5000.00"),
    ("上年结转", "200.00", "年末结转和结余", None),
    ("收入总计", "5000.00", "支出总计", "5000.00"),
]
# 财政拨款收支总表 (万元): 收入 预算数 | 支出 合计 and by fund.
_B_FISCAL_KINDS = ("一般公共预算", "政府性基金预算", "国有资本经营预算")
_B_FISCAL_IN: list[tuple[str, str | None]] = [
    ("一、一般公共预算拨款", "4200.00"),
    ("二、政府性基金预算拨款", None),
    ("三、国有资本经营预算拨款", None),
]
_B_FISCAL_OUT: list[tuple[str, tuple[str | None, ...]]] = [
    ("一、教育支出", ("3600.00", "3600.00", None, None)),
    ("二、社会保障和就业支出", ("350.00", "350.00", None, None)),
    ("三、卫生健康支出", ("100.00", "100.00", None, None)),
    ("四、住房保障支出", ("150.00", "150.00", None, None)),
]
_B_FISCAL_TAIL: list[tuple[str, str | None, str, tuple[str | None, ...]]] = [
    ("本年收入合计", "4200.00", "本年支出合计", ("4200.00", "4200.00", None, None)),
    ("上年结转", None, "年末结转和结余", (None, None, None, None)),
    ("收入总计", "4200.00", "支出总计", ("4200.00", "4200.00", None, None)),
]
# 一般公共预算基本支出表 (万元): two halves, 人员经费 | 公用经费 (经济分类).
_B_PERSONNEL = [
    ("301", "工资福利支出", "2400.00"),
    ("30101", "基本工资", "1200.00"),
    ("30102", "津贴补贴", "900.00"),
    ("30108", "机关事业单位基本养老保险缴费", "300.00"),
    ("303", "对个人和家庭的补助", "200.00"),
    ("30302", "退休费", "200.00"),
]
_B_PUBLIC = [
    ("302", "商品和服务支出", "400.00"),
    ("30201", "办公费", "150.00"),
    ("30211", "差旅费", "50.00"),
    ("30213", "维修（护）费", "120.00"),
    ("30228", "工会经费", "80.00"),
]
_B_BASIC_TAIL = ("人员经费合计", "2600.00", "公用经费合计", "400.00")
# 一般公共预算"三公"经费支出表 (万元): one row.
_B_THREE_HEAD: list[tuple[str, str | None]] = [
    ("合计", None),
    ("因公出国（境）费", None),
    ("公务用车购置及运行费", "小计"),
    ("公务用车购置及运行费", "公务用车购置费"),
    ("公务用车购置及运行费", "公务用车运行费"),
    ("公务接待费", None),
]
_B_THREE_VALUES = ["20.00", "2.00", "12.00", "0.00", "12.00", "6.00"]
_B_FUND_COLUMNS = ["合计", "基本支出", "项目支出"]

#: The deliberate errors of `Budget(contradictions=True)`: (rule, pages of its locations, what
#: is wrong). A prose figure is tied to others by the prose's own sums (the sources add up to
#: 收入总计, the 三公 parts to their total) and to a table: one misstated prose figure is
#: found by the arithmetic rule and by the table rules. The 三公 sentence is checked twice,
#: as the 情况说明 (NARR-THREE-PUBLIC) and as the typed fields read from it
#: (TABLE-THREE-PUBLIC); no rule yet compares a 预算's 收入总计 with its 部门收支总表.
BUDGET_CONTRADICTIONS = [
    ("TABLE-CLASS-SUM", [9, 9, 9, 9, 9], "维修（护）费 102.00: 302 商品和服务支出 ≠ Σ款"),
    ("ARITH-THREE-PUBLIC", [13], "公务接待费 6.50 in the prose: 20.00 ≠ 2.00 + 12.00 + 6.50"),
    ("NARR-THREE-PUBLIC", [13, 10], "公务接待费 6.50 in the 情况说明, the table 6.00"),
    ("ARITH-INCOME-SUM", [13], "本年收入总计 5100.00 in the prose, its sources 5000.00"),
    ("ARITH-BALANCE", [13, 13], "本年收入总计 5100.00, 本年支出总计 5000.00"),
    ("TABLE-STATED", [13, 3], "本年收入总计 5100.00 in the prose, 部门收支总表 收入总计 5000.00"),
]


def _b_public(options: Budget) -> list[tuple[str, str, str]]:
    if not options.contradictions:
        return list(_B_PUBLIC)
    return [*_B_PUBLIC[:3], ("30213", "维修（护）费", "102.00"), _B_PUBLIC[4]]


def _coded_spec(
    name: str, columns: list[str], rows: list[tuple[str, str, list[str | None]]]
) -> Spec:
    out = [Row(code or None, label, _v(*vs)) for code, label, vs in rows]
    return Spec(name, name, "万元", [[c] for c in columns], out)


def _two_sided_rows(
    left: list[tuple[str, str | None]],
    right: list[tuple[str, tuple[str | None, ...]]],
    tail: list[tuple[str, str | None, str, tuple[str | None, ...]]],
) -> list[Row]:
    """The rows a two-sided table reads as: per printed row, each side that prints
    something, left first."""
    rows: list[Row] = []
    n = len(right[0][1])
    pairs = [
        (left[i] if i < len(left) else None, right[i] if i < len(right) else None)
        for i in range(max(len(left), len(right)))
    ]
    pairs += [((a, va), (b, vb)) for a, va, b, vb in tail]
    for a, b in pairs:
        if a is not None:
            rows.append(Row(None, a[0], _v(a[1], *([None] * n))))
        if b is not None:
            rows.append(Row(None, b[0], _v(None, *b[1])))
    return rows


def budget_specs(options: Budget | None = None) -> list[Spec]:
    """The nine 预算 tables, in the order printed, with the pages `budget_tables` puts them on."""
    options = options or Budget()
    summary = Spec(
        "部门收支总表",
        "部门收支总表",
        "万元",
        [["收入", "预算数"], ["支出", "预算数"]],
        _two_sided_rows(
            _B_SUMMARY_IN,
            [(a, (v,)) for a, v in _B_SUMMARY_OUT],
            [(a, va, b, (vb,)) for a, va, b, vb in _B_SUMMARY_TAIL],
        ),
    )
    fiscal = Spec(
        "财政拨款收支总表",
        "财政拨款收支总表",
        "万元",
        [["收入", "预算数"], ["支出", "合计"]] + [["支出", k] for k in _B_FISCAL_KINDS],
        _two_sided_rows(_B_FISCAL_IN, _B_FISCAL_OUT, _B_FISCAL_TAIL),
    )
    basic_rows: list[Row] = []
    public = _b_public(options)
    for i in range(max(len(_B_PERSONNEL), len(public))):
        if i < len(_B_PERSONNEL):
            code, label, v = _B_PERSONNEL[i]
            basic_rows.append(Row(code, label, _v(v, None)))
        if i < len(public):
            code, label, v = public[i]
            basic_rows.append(Row(code, label, _v(None, v)))
    a, va, b, vb = _B_BASIC_TAIL
    basic_rows += [Row(None, a, _v(va, None)), Row(None, b, _v(None, vb))]
    basic = Spec(
        "一般公共预算基本支出表",
        "一般公共预算基本支出表",
        "万元",
        [["人员经费", "预算数"], ["公用经费", "预算数"]],
        basic_rows,
    )
    three_name = '一般公共预算"三公"经费支出表'
    three = Spec(
        three_name,
        "一般公共预算“三公”经费支出表",
        "万元",
        [[a, *([b] if b else [])] for a, b in _B_THREE_HEAD],
        [Row(None, None, _v(*_B_THREE_VALUES))],  # type: ignore[arg-type]
    )
    funds = [
        Spec(n, n, "万元", [[c] for c in _B_FUND_COLUMNS], [Row(None, "合计", [None] * 3)], True)
        for n in ("政府性基金预算支出表", "国有资本经营预算支出表")
    ]
    specs = [
        summary,
        _coded_spec("部门收入总表", _B_INCOME_COLUMNS, _B_INCOME_ROWS),
        _coded_spec("部门支出总表", ["合计", "基本支出", "项目支出"], _B_SPEND_ROWS),
        fiscal,
        _coded_spec("一般公共预算支出表", ["合计", "基本支出", "项目支出"], _B_GENERAL_ROWS),
        basic,
        three,
        *funds,
    ]
    pages = [[3], [4], [5, 6], [7], [8], [9], [10], [11], [12]]
    for spec, p in zip(specs, pages, strict=True):
        spec.pages = p
    return specs


BUDGET_DUTIES = [
    "贯彻执行国家、省、市教育工作方针政策，拟订全区教育发展规划并组织实施。",
    "负责全区学前教育、义务教育的统筹管理，推进教育均衡发展。",
    "负责全区教育经费的统筹管理，监督教育经费的使用。",
    "完成区委、区政府交办的其他任务。",
]


def budget_narrative(options: Budget | None = None) -> list[tuple[str, str]]:
    """The 情况说明 part as (kind, text), in the seed's sentences (`收入预算情况说明` …), which the
    text reader reads into the typed fields."""
    options = options or Budget()
    bad = options.contradictions
    year = BUDGET_YEAR
    total_in = "5100.00" if bad else "5000.00"
    out: list[tuple[str, str]] = []
    out.append(("part", f"第三部分 {BUDGET_DEPARTMENT}{year}年部门预算情况说明"))
    out.append(("h", "一、部门预算安排总体情况"))
    out.append(("h", f"（一）{year}年度收入预算情况说明"))
    out.append(
        (
            "p",
            f"本年收入总计{total_in}万元。其中：一般公共预算拨款4200.00万元，占全年预算"
            f"{_pct('4200', total_in)}；政府性基金预算拨款0万元，国有资本经营预算拨款0万元，"
            f"事业收入500.00万元，占全年预算{_pct('500', total_in)}；其他收入100.00万元，"
            f"占全年预算{_pct('100', total_in)}；上年结转200.00万元，为上级下达专款。",
        )
    )
    out.append(("h", f"（二）{year}年度支出预算情况说明"))
    out.append(
        (
            "p",
            "本年支出总计5000.00万元，其中：基本支出3000.00万元，占总支出60.00%，其中人员经费"
            "2600.00万元，日常公用经费400.00万元；项目支出2000.00万元，占总支出40.00%，其中："
            "本级支出1800.00万元，主要包括学前教育和小学教育项目；上年结转200.00万元，为上级"
            "下达专款。",
        )
    )
    out.append(("h", "二、机关运行经费安排情况"))
    out.append(
        (
            "p",
            f"{year}年机关运行经费支出预算400.00万元，主要用于日常办公、差旅、维修（护）及工会"
            "经费等支出。",
        )
    )
    out.append(("h", "三、财政拨款“三公”经费预算情况"))
    reception = "6.50" if bad else "6.00"
    out.append(
        (
            "p",
            f"{year}年度“三公”经费预算安排20.00万元。其中：因公出国（境）费支出2.00万元；"
            "公务用车购置及运行费支出预算12.00万元（其中公务用车运行费支出预算12.00万元，"
            f"公务用车购置费支出预算0万元）；公务接待费{reception}万元。",
        )
    )
    out.append(("h", "四、其他需要说明的情况"))
    out.append(
        (
            "p",
            "本部门无政府性基金预算拨款和国有资本经营预算拨款安排的支出，政府性基金预算支出表"
            "和国有资本经营预算支出表为空表。",
        )
    )
    return out


def _b_coded(
    ts: Typesetter,
    columns: list[str],
    rows: list[tuple[str, str, list[str | None]]],
    widths: list[float],
    header: bool = True,
    open_bottom: bool = False,
) -> None:
    """A table by 功能分类 code: 科目编码 | 科目名称 | figures (the 合计 row merged over the
    code and name)."""
    cells: list[Cell] = []
    r0 = 0
    if header:
        cells += [Cell(0, 0, "科目编码", align="center"), Cell(0, 1, "科目名称", align="center")]
        cells += [Cell(0, 2 + k, c, align="center") for k, c in enumerate(columns)]
        r0 = 1
    for i, (code, label, vs) in enumerate(rows):
        r = r0 + i
        if not code:
            cells.append(Cell(r, 0, label, cols=2, align="center"))
        else:
            cells += [Cell(r, 0, code), Cell(r, 1, label)]
        cells += [Cell(r, 2 + k, money(_d(v)), align="right") for k, v in enumerate(vs)]
    ts.grid(ts.margin, widths, cells, open_bottom=open_bottom)


def budget_tables(options: Budget | None = None) -> bytes:
    """The 预算 PDF (landscape A4): cover (page 1), 部门职责 (2), the nine 预算 tables (pages
    3-12; the 部门支出总表 cut by a page break, the two fund tables empty with 本表无数据), the
    情况说明 (13-)."""
    options = options or Budget()
    plain = Final()
    ts = Typesetter(landscape=True)
    ts.y = 160
    ts.line(BUDGET_DEPARTMENT, 24, bold=True, align="center", gap=8)
    ts.line(f"{BUDGET_YEAR}年部门预算", 24, bold=True, align="center", gap=40)
    ts.line("目录", 14, bold=True, align="center", gap=10)
    for text in ("第一部分 部门概况", "第二部分 部门预算表", "第三部分 部门预算情况说明"):
        ts.line(text, 12, align="center", gap=4)

    _new_page(ts)
    ts.line("第一部分 部门概况", 14, bold=True, align="center", gap=10)
    ts.line("一、部门职责", 11, bold=True, gap=4)
    ts.paragraph(f"{BUDGET_DEPARTMENT}的主要职责是：")
    for n, duty in enumerate(BUDGET_DUTIES, start=1):
        ts.paragraph(f"{n}. {duty}")

    # Page 3: 部门收支总表.
    _new_page(ts)
    _header(ts, "部门收支总表", "部门收支总表", "万元", 1, plain)
    head = [Cell(0, 0, "收入", cols=2, align="center"), Cell(0, 2, "支出", cols=2, align="center")]
    head += [Cell(1, k, t, align="center") for k, t in enumerate(("项目", "预算数") * 2)]
    left = list(_B_SUMMARY_IN)
    right: list[tuple[str, tuple[str | None, ...]]] = [(a, (v,)) for a, v in _B_SUMMARY_OUT]
    right += [("", (None,))] * (len(left) - len(right))
    for a, va, b, vb in _B_SUMMARY_TAIL:
        left.append((a, va))
        right.append((b, (vb,)))
    _two_sided(ts, left, right, (head, [250, 110, 250, 110]))

    # Page 4: 部门收入总表.
    _new_page(ts)
    _header(ts, "部门收入总表", "部门收入总表", "万元", 2, plain)
    widths = [70.0, 200.0] + [78.0] * len(_B_INCOME_COLUMNS)
    _b_coded(ts, _B_INCOME_COLUMNS, _B_INCOME_ROWS, widths)

    # Pages 5-6: 部门支出总表, cut by a page break; page 6 repeats the header.
    _new_page(ts)
    _header(ts, "部门支出总表", "部门支出总表", "万元", 3, plain)
    spend_columns = ["合计", "基本支出", "项目支出"]
    widths = [90.0, 260.0, 120.0, 120.0, 120.0]
    cut = _B_SPEND_BREAK
    _b_coded(ts, spend_columns, _B_SPEND_ROWS[:cut], widths, open_bottom=True)
    _new_page(ts)
    _b_coded(ts, spend_columns, _B_SPEND_ROWS[cut:], widths)

    # Page 7: 财政拨款收支总表.
    _new_page(ts)
    _header(ts, "财政拨款收支总表", "财政拨款收支总表", "万元", 4, plain)
    head = [Cell(0, 0, "收入", cols=2, align="center"), Cell(0, 2, "支出", cols=5, align="center")]
    head += [Cell(1, k, t, align="center") for k, t in enumerate(("项目", "预算数", "项目"))]
    head += [Cell(1, 3, "合计", align="center")]
    head += [Cell(1, 4 + k, t, align="center") for k, t in enumerate(_B_FISCAL_KINDS)]
    fl: list[tuple[str, str | None]] = list(_B_FISCAL_IN)
    fr = list(_B_FISCAL_OUT)
    fl += [("", None)] * (len(fr) - len(fl))
    for a, va, b, vb in _B_FISCAL_TAIL:
        fl.append((a, va))
        fr.append((b, vb))
    _two_sided(ts, fl, fr, (head, [170, 80, 170, 80, 90, 90, 90]))

    # Page 8: 一般公共预算支出表.
    _new_page(ts)
    _header(ts, "一般公共预算支出表", "一般公共预算支出表", "万元", 5, plain)
    _b_coded(ts, spend_columns, _B_GENERAL_ROWS, [90.0, 260.0, 120.0, 120.0, 120.0])

    # Page 9: 一般公共预算基本支出表, two halves.
    _new_page(ts)
    _header(ts, "一般公共预算基本支出表", "一般公共预算基本支出表", "万元", 6, plain)
    heads = ("科目编码", "科目名称", "预算数")
    _two_halves(ts, heads, _B_PERSONNEL, _b_public(options), _B_BASIC_TAIL)

    # Page 10: 一般公共预算"三公"经费支出表: two header rows, no 预算数 row.
    _new_page(ts)
    name = '一般公共预算"三公"经费支出表'
    _header(ts, name, "一般公共预算“三公”经费支出表", "万元", 7, plain)
    cells = []
    for k, (a, b) in enumerate(_B_THREE_HEAD):
        if b is None:
            cells.append(Cell(0, k, a, rows=2, align="center"))
        else:
            if b == "小计":
                cells.append(Cell(0, k, a, cols=3, align="center"))
            cells.append(Cell(1, k, b, align="center"))
    cells += [Cell(2, k, money(D(v)), align="right") for k, v in enumerate(_B_THREE_VALUES)]
    ts.grid(ts.margin, [120.0] * 6, cells)

    # Pages 11-12: the two fund tables, printed empty.
    for no, name in ((8, "政府性基金预算支出表"), (9, "国有资本经营预算支出表")):
        _new_page(ts)
        _header(ts, name, name, "万元", no, plain)
        _b_coded(ts, _B_FUND_COLUMNS, [("", "合计", [None, None, None])], widths)
        _note(ts, "注：本部门无该项预算拨款安排的支出，本表无数据。")

    # Pages 13-: the 情况说明.
    _new_page(ts)
    for kind, text in budget_narrative(options):
        if kind == "part":
            ts.line(text, 14, bold=True, align="center", gap=10)
        elif kind == "h":
            ts.line(text, 11, bold=True, gap=4)
        else:
            ts.paragraph(text)
    return ts.finish()
